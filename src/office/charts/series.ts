/**
 * The series of a report chart: one per charted column, drawing published figures only. A
 * withheld figure is no bar (or a gap in a line) with a bold `c` where it would be, and a tooltip
 * that says why; a zero is drawn as a zero.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { Cell, StatTable, TableColumn } from '../report/model';
import { CHART_INK, SERIES_COLOURS } from './palette';

export interface Charted {
  column: TableColumn;
  /** The column's index in the table's cells. */
  index: number;
}

/** What a withheld figure shows in a chart, as in the tables. */
export const MARK = 'c';
const WITHHELD_TIP = '{a}, {b}: c (withheld: see the note on these figures)';

/** Above this many series, figures are left to the table: labels on every segment would collide. */
export const MOST_LABELLED = 6;

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** The series of `entry`, the `position`th of `count` charted columns. */
export function seriesOf(
  table: StatTable,
  { column, index }: Charted,
  position: number,
  count: number,
): BarSeriesOption | LineSeriesOption {
  const name = column.label;
  const cells = table.rows.map((row) => row.cells[index]);
  const colour = SERIES_COLOURS[position % SERIES_COLOURS.length] ?? CHART_INK;
  const labelled = count <= MOST_LABELLED;
  const label = {
    show: labelled,
    color: CHART_INK,
    fontSize: 11,
    // ECharts outlines labels in white by default; plain text reads better on screen and paper.
    textBorderWidth: 0,
    ...(column.unit === 'percent' ? { formatter: '{c}%' } : {}),
  };
  const markLabel = { show: true, fontWeight: 'bold' as const, fontSize: 12, color: CHART_INK };
  if (table.chart === 'line') {
    // Several lines share the axis, so each mark names its line.
    const mark = count > 1 ? namedMark(name) : MARK;
    return {
      type: 'line',
      name,
      data: cells.map((cell) => (published(cell) ? cell.value : null)),
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { width: 2.5, color: colour },
      itemStyle: { color: colour },
      label: { ...label, position: 'top' },
      // A withheld point is a gap in the line, with its mark just above the axis there.
      markPoint: {
        symbol: 'circle',
        symbolSize: 1,
        itemStyle: { color: 'transparent' },
        label: {
          ...label,
          ...markLabel,
          formatter: mark,
          position: 'top',
          // "0 -": never -0, which JSON would not keep.
          offset: [0, 0 - 14 * position],
        },
        tooltip: { formatter: WITHHELD_TIP },
        data: cells.flatMap((cell, row) =>
          published(cell) ? [] : [{ name: table.rows[row]?.label ?? '', coord: [row, 0] }],
        ),
      },
    };
  }
  const stacked = table.chart === 'stacked-column';
  return {
    type: 'bar',
    name,
    barMaxWidth: 44,
    itemStyle: { color: colour },
    ...(stacked
      ? {
          stack: 'all',
          // Inside a stack: white on the bar. Withheld marks go above the stack (withheldAbove).
          label: { ...label, position: 'inside', color: '#ffffff' },
        }
      : { label: { ...label, position: table.chart === 'bar' ? 'right' : 'top' } }),
    data: cells.map((cell) => {
      if (!published(cell)) {
        return {
          value: 0,
          label: stacked ? { show: false } : { ...markLabel, formatter: MARK },
          tooltip: { formatter: WITHHELD_TIP },
        };
      }
      // A zero in a stack has no segment to label; the table beside the chart shows it.
      if (stacked && cell.value === 0) return { value: 0, label: { show: false } };
      // Large counts labelled as the table prints them ("34,440"): a template cannot group digits.
      if (column.unit === 'count' && cell.value >= 1000) {
        return { value: cell.value, label: { formatter: GROUPED.format(cell.value) } };
      }
      return cell.value;
    }),
  };
}

/**
 * In a stack every withheld segment of a column sits on the same spot, so they are named together
 * above the column ("Support staff: c"), by a last, empty segment; past MOST_LABELLED series, a
 * single `c` says that something there is withheld and the table says what.
 */
export function withheldAbove(table: StatTable, charted: Charted[]): BarSeriesOption {
  return {
    type: 'bar',
    name: 'Withheld',
    stack: 'all',
    silent: true,
    itemStyle: { color: 'transparent' },
    label: { show: false },
    data: table.rows.map((row) => {
      const names = charted
        .filter(({ index }) => !published(row.cells[index]))
        .map(({ column }) => namedMark(column.label));
      if (names.length === 0) return 0;
      return {
        value: 0,
        label: {
          show: true,
          position: 'top' as const,
          formatter: charted.length <= MOST_LABELLED ? names.join('\n') : MARK,
          color: CHART_INK,
          fontWeight: 'bold' as const,
          fontSize: 11,
          lineHeight: 14,
          textBorderWidth: 0,
        },
      };
    }),
  };
}

export function published(cell: Cell | undefined): cell is Extract<Cell, { value: number }> {
  return cell !== undefined && cell.kind !== 'suppressed';
}

/** "Support staff: c", safe in an ECharts formatter template (where braces are placeholders). */
function namedMark(label: string): string {
  return `${label.replace(/[{]/g, '(').replace(/[}]/g, ')')}: ${MARK}`;
}
