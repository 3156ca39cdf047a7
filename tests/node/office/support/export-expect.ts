/**
 * What the export tests expect a report's figures to read as, written out here on its own rather
 * than through the exports' own formatting, so a wrong figure in an export cannot pass by agreeing
 * with itself.
 */
import type { Cell, OfficeReport, StatTable } from '../../../../src/office/report/model';

/** "21", "34.4%", "0%", "c". */
export function expectedText(cell: Cell | undefined): string {
  if (!cell || cell.kind === 'suppressed') return 'c';
  if (cell.kind === 'count') return `${cell.value}`;
  const rounded = Math.round(cell.value * 10) / 10;
  return `${rounded}%`;
}

/** Every row of a table as [label, ...figures], totals last as ['Total', ...]. */
export function expectedLines(table: StatTable): string[][] {
  const lines = table.rows.map((row) => [
    row.label,
    ...table.columns.map((_c, i) => expectedText(row.cells[i])),
  ]);
  if (table.totals) {
    const totals = table.totals;
    lines.push(['Total', ...table.columns.map((_c, i) => expectedText(totals[i]))]);
  }
  return lines;
}

/** A report whose labels begin with each character a spreadsheet may run as a formula. */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

export function hostileLabel(start: string): string {
  return `${start}HYPERLINK("http://example.invalid","x")`;
}

/** Text that holds every one of those characters, but not at its start: left as it is. */
export const HARMLESS_LABEL = 'Harm=ful + content @ home - "quoted", tab\there';

export function withHostileLabels(report: OfficeReport): OfficeReport {
  const [first, ...rest] = report.tables;
  if (!first) throw new Error('the report has no table');
  const count = (value: number): Cell => ({ kind: 'count', value });
  return {
    ...report,
    schoolName: "=cmd|' /C calc'!A0",
    tables: [
      {
        ...first,
        title: '@Concerns by month',
        rowHeading: '-Month',
        columns: first.columns.map((column, index) =>
          index === 0 ? { ...column, label: '+Received' } : column,
        ),
        rows: [
          ...FORMULA_STARTS.map((start, index) => ({
            key: `hostile-${index}`,
            label: hostileLabel(start),
            cells: first.columns.map(() => count(10 + index)),
          })),
          { key: 'harmless', label: HARMLESS_LABEL, cells: first.columns.map(() => count(7)) },
        ],
      },
      ...rest,
    ],
  };
}
