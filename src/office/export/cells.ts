/**
 * How a report's cells read as text in every export, and the spreadsheet-formula guard that CSV
 * and XLSX share. One place, so the CSV, the workbook and the PDF cannot disagree about a figure.
 */
import type { Cell, OfficeReport, StatTable } from '../report/model';

/** What a withheld figure shows, everywhere it appears. */
export const SUPPRESSED_MARK = 'c';

/**
 * A cell as text: counts as plain digits, percentages as `86%` (one decimal place when the value
 * is not whole, `33.3%`), a withheld figure as `c`. A percent cell's value is in points (0–100).
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined || cell.kind === 'suppressed') return SUPPRESSED_MARK;
  if (cell.kind === 'percent') return `${percentNumber(cell.value)}%`;
  return String(cell.value);
}

/** Whether any figure of `table`, totals included, is withheld. */
export function hasWithheld(table: StatTable): boolean {
  return [...table.rows.flatMap((row) => row.cells), ...(table.totals ?? [])].some(
    (cell) => cell.kind === 'suppressed',
  );
}

/** A cell as printed for reading (the PDF): as `cellText`, with counts grouped, `34,440`. */
export function printedText(cell: Cell | undefined): string {
  return cell?.kind === 'count' ? GROUPED.format(cell.value) : cellText(cell);
}

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A percentage's number as written: whole, or to one decimal place. */
export function percentNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

// OWASP's CSV-injection list: a spreadsheet may run text starting with these as a formula
// (tab and carriage return can hide a formula after them).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet will not run as a formula: a leading `'` (OWASP's neutralisation) when it
 * begins with `=`, `+`, `-`, `@`, tab or carriage return; otherwise unchanged. Counts are never
 * negative, so a figure is never altered.
 */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A date-time as "14 December 2026", in UK time (the school's). */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** The lines that say what the report is and where its figures come from, for every export. */
export function aboutLines(report: OfficeReport): Array<[label: string, value: string]> {
  return [
    ['School', report.schoolName],
    [
      'Period',
      `${report.period.label} (${monthName(report.period.fromMonth)} to ${monthName(report.period.toMonth)})`,
    ],
    ['Produced', longDate(report.producedAt)],
    [
      'Figures from',
      `The anonymised statistical extract published by ${report.source.publishedByName} on ${longDate(report.source.extractProducedAt)}`,
    ],
    ['Concerns in the period', cellText(report.total)],
    [
      'Withheld figures',
      `Shown as ${SUPPRESSED_MARK}: fewer than ${report.threshold} concerns, or a figure that could reveal one`,
    ],
  ];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-09" as "September 2026". */
export function monthName(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}

/** The report's title, as every export heads it. */
export const REPORT_TITLE = 'Safeguarding summary for governors';

/** The words that mark every export as not for the open part of a meeting. */
export const CONFIDENTIAL = 'Confidential: for the closed part of the meeting';
