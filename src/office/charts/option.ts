/**
 * A report table as an Apache ECharts option: plain JSON (no functions), so the main process can
 * send it to the office screen, which passes it to `echarts.setOption`, and the PDF can draw the
 * very same option server-side (./svg.ts). Only published figures are drawn (./series.ts). Every
 * bar carries its figure as a label and, when there is more than one series, a pattern (ECharts'
 * aria decals), so nothing depends on colour alone; the option's aria description is the table's
 * summary.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkPointComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { StatTable } from '../report/model';
import { CHART_GRID, CHART_INK, CHART_MUTED, SERIES_COLOURS } from './palette';
import { MOST_LABELLED, published, seriesOf, withheldAbove, type Charted } from './series';

/** The option the office screen and the PDF draw: JSON, ECharts-typed. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | TitleComponentOption
  | LegendComponentOption
  | GridComponentOption
  | TooltipComponentOption
  | AriaComponentOption
  | MarkPointComponentOption
>;

export interface ChartSettings {
  /** Draw the table's title in the chart (default true; the PDF has its own heading). */
  title?: boolean;
}

const FONT_SIZE = 12;
/** The narrowest a chart is drawn (the PDF's); layout estimates assume it. */
const NOMINAL_WIDTH = 500;

/** The chart of one table's published figures. */
export function chartOption(source: StatTable, settings: ChartSettings = {}): ChartOption {
  const table = chartedTable(source);
  const showTitle = settings.title ?? true;
  const charted = chartedColumns(table);
  const horizontal = table.chart === 'bar';
  const series: Array<BarSeriesOption | LineSeriesOption> = charted.map((entry, position) =>
    seriesOf(table, entry, position, charted.length),
  );
  const withheld = table.rows.some((row) =>
    charted.some(({ index }) => !published(row.cells[index])),
  );
  if (table.chart === 'stacked-column' && withheld) series.push(withheldAbove(table, charted));
  const legendTop = showTitle ? TITLE_HEIGHT : 0;
  const axes = horizontal
    ? { xAxis: valueAxis(charted, true), yAxis: categoryAxis(table, true) }
    : { xAxis: categoryAxis(table, false), yAxis: valueAxis(charted, false) };
  return {
    animation: false,
    aria: {
      enabled: true,
      label: { description: table.summary },
      decal: { show: charted.length > 1 },
    },
    color: [...SERIES_COLOURS],
    textStyle: { fontFamily: 'sans-serif', color: CHART_INK },
    ...(showTitle
      ? {
          title: {
            text: table.title,
            left: 0,
            top: 0,
            textStyle: { color: CHART_INK, fontSize: 15, fontWeight: 'bold' as const },
          },
        }
      : {}),
    ...(charted.length > 1
      ? {
          legend: {
            top: legendTop,
            left: 0,
            // Not the empty "Withheld" series that carries marks above stacks.
            data: charted.map(({ column }) => column.label),
            // ECharts spaces legend rows by itemGap too: LEGEND_ROW is 14 + itemGap + a little.
            itemGap: 12,
            textStyle: { color: CHART_INK, fontSize: FONT_SIZE },
          },
        }
      : {}),
    tooltip: { trigger: 'item' },
    // ECharts 6 keeps axis labels inside the grid's outer bounds: these are the chart's margins.
    grid: {
      top: legendTop + legendHeight(charted) + (horizontal ? 4 : 20),
      left: horizontal ? 4 : 28,
      right: 28,
      bottom: horizontal ? 30 : 4,
    },
    ...axes,
    series,
  };
}

/** What a table's chart shows, in words: its summary, and how it was drawn when not as its table. */
export function chartDescription(table: StatTable): string {
  return chartedTable(table).summary;
}

/**
 * What is drawn of a table. Past MOST_LABELLED count columns (sixteen concern types by month, say)
 * a stack cannot be read, and patterns on every sliver cost the PDF seconds: such a table with a
 * totals row is drawn as that row instead, one bar per column; its own table has every figure.
 */
function chartedTable(table: StatTable): StatTable {
  const charted = chartedColumns(table);
  const totals = table.totals;
  // Every figure withheld (a small school's type by urgency, say): a chart of c marks says
  // nothing, and its labels collide; the totals row, when shown, does say something.
  const allWithheld = table.rows.every((row) =>
    charted.every(({ index }) => row.cells[index]?.kind === 'suppressed'),
  );
  if ((charted.length <= MOST_LABELLED && !allWithheld) || !totals) return table;
  return {
    ...table,
    title: `${table.title}: totals`,
    summary: `${table.summary} The chart shows the totals of each column; the table has every figure.`,
    rowHeading: '',
    columns: [{ key: 'total', label: 'Total for the period', unit: 'count' }],
    rows: charted.map(({ column, index }) => ({
      key: column.key,
      label: column.label,
      cells: [totals[index] ?? { kind: 'suppressed', reason: 'primary' }],
    })),
    totals: null,
    chart: 'bar',
  };
}

/** The counts; percentages only when a table has no counts (they are derived from the counts). */
function chartedColumns(table: StatTable): Charted[] {
  const all = table.columns.map((column, index) => ({ column, index }));
  // A two-way table's "All" column is the sum of the others: stacking it would count twice.
  const counts = all.filter(
    (entry) => entry.column.unit === 'count' && entry.column.total !== true,
  );
  return counts.length > 0 ? counts : all;
}

function valueAxis(charted: Charted[], horizontal: boolean) {
  const percent = charted[0]?.column.unit === 'percent';
  const only = charted.length === 1 ? charted[0]?.column.label : undefined;
  return {
    type: 'value' as const,
    name: percent ? 'Per cent' : (only ?? 'Number'),
    nameLocation: 'middle' as const,
    nameGap: horizontal ? 28 : 44,
    nameTextStyle: { color: CHART_INK, fontSize: FONT_SIZE },
    minInterval: 1,
    // Room past the longest bar for its label.
    ...(percent ? { max: 100 } : { boundaryGap: [0, '12%'] as [number, string] }),
    axisLabel: { color: CHART_MUTED, fontSize: 11 },
    splitLine: { lineStyle: { color: CHART_GRID } },
  };
}

function categoryAxis(table: StatTable, horizontal: boolean) {
  const labels = table.rows.map((row) => row.label);
  const room = Math.floor((NOMINAL_WIDTH - 60) / Math.max(1, labels.length));
  // Columns whose labels will not sit side by side, even on two lines, tilt them instead.
  const tilt = !horizontal && labels.some((label) => textWidth(label, 11) > 2 * (room - 6));
  return {
    type: 'category' as const,
    data: labels,
    name: table.rowHeading,
    nameLocation: 'middle' as const,
    nameGap: horizontal ? 0 : tilt ? 70 : 38,
    nameTextStyle: { color: CHART_INK, fontSize: FONT_SIZE },
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: CHART_MUTED } },
    axisLabel: {
      color: CHART_INK,
      fontSize: 11,
      interval: 0,
      ...(tilt
        ? { rotate: 35, width: 90, overflow: 'truncate' as const }
        : {
            width: horizontal ? 170 : Math.min(140, room - 6),
            overflow: 'break' as const,
            // At most two lines (three under columns); the table beside the chart has every word.
            height: horizontal ? 28 : 42,
            lineOverflow: 'truncate' as const,
          }),
    },
  };
}

/**
 * The height to draw a table's chart at, in pixels: the plot's own room (a band per row for
 * horizontal bars) plus what the title, legend and tilted labels take.
 */
export function chartHeight(source: StatTable, settings: ChartSettings = {}): number {
  const table = chartedTable(source);
  const charted = chartedColumns(table);
  const above = ((settings.title ?? true) ? TITLE_HEIGHT : 0) + legendHeight(charted);
  if (table.chart === 'bar')
    return above + Math.max(100, Math.min(300, 30 * table.rows.length)) + 64;
  return above + 240;
}

const TITLE_HEIGHT = 30;
const LEGEND_ROW = 28;

function legendHeight(charted: Charted[]): number {
  return charted.length > 1 ? LEGEND_ROW * legendRows(charted) + 4 : 0;
}

/** How many rows the legend takes at the nominal width. */
function legendRows(charted: Charted[]): number {
  let rows = 1;
  let used = 0;
  for (const { column } of charted) {
    const item = 25 + 5 + textWidth(column.label, FONT_SIZE) + 12;
    if (used > 0 && used + item > NOMINAL_WIDTH) {
      rows += 1;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/** A generous estimate of text's width in a sans-serif face: enough to plan the layout. */
function textWidth(text: string, size: number): number {
  return text.length * size * 0.56;
}
