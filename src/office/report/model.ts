/**
 * The office report as every screen and export sees it: tables of published figures, each cell a
 * number or `c` (suppressed), built from an extract's rows by `buildReport` (./build.ts) under the
 * disclosure rules in docs/disclosure-control.md. Exports (CSV, XLSX, PDF) and the office screens
 * draw only from this model, so a hidden figure cannot leak through one of them.
 */

/**
 * A published figure, or one withheld: primary (fewer than the threshold) or secondary (it would
 * reveal one). Show both reasons the same way (`c`): the protection assumes a reader cannot tell
 * which withheld figures are the small ones (docs/disclosure-control.md).
 */
export type Cell =
  | { kind: 'count'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'suppressed'; reason: 'primary' | 'secondary' };

export interface TableColumn {
  key: string;
  label: string;
  /** Counts are suppressible; percentages are computed from published counts only. */
  unit: 'count' | 'percent';
  /** True for a column of row totals (a two-way table's "All"): a chart never stacks it. */
  total?: boolean;
}

export interface TableRow {
  key: string;
  label: string;
  cells: Cell[];
}

/** How a table is best drawn; every chart also has its table and its text summary. */
export type ChartKind = 'bar' | 'column' | 'stacked-column' | 'line';

export interface StatTable {
  /** Stable id: 'by-month', 'by-type', 'pathways', 'outcomes', 'referrals', 'first-action', 'clocks', 'reporters'. */
  id: string;
  title: string;
  /** A sentence or two saying what the published figures show, for screen readers and the PDF. */
  summary: string;
  /** The heading of the first column (what the rows are). */
  rowHeading: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Totals row (cells aligned with columns), or null when a total would mean nothing. */
  totals: Cell[] | null;
  chart: ChartKind;
}

/** The period a report covers: whole months, inclusive. */
export interface ReportPeriod {
  kind: 'this-term' | 'last-term' | 'academic-year' | 'custom';
  /**
   * "Autumn term 2026", "Academic year 2026-27 (to date)",
   * "1 September to 30 November 2026, whole months".
   */
  label: string;
  /** First and last month, "YYYY-MM". */
  fromMonth: string;
  toMonth: string;
}

export interface OfficeReport {
  schoolName: string;
  period: ReportPeriod;
  /** When this report was produced (ISO). */
  producedAt: string;
  /** Where the figures come from: the extract's publisher (a name from the profile) and its time. */
  source: { publishedByName: string; extractProducedAt: string };
  /** The minimum count shown (default 5, never below 3). */
  threshold: number;
  /** Concerns in the period before suppression is NOT exposed: only this published total cell. */
  total: Cell;
  tables: StatTable[];
  /** The disclosure note written into every export, one paragraph per entry. */
  notes: string[];
}

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;
