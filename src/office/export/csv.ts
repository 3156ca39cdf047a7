/**
 * The report as one CSV file (RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF
 * quoted, quotes doubled), UTF-8 with a byte-order mark so Excel reads "Æ" rightly. What the
 * report is comes first, then every table one after another (title line, header, rows, totals,
 * a blank line), then the note on withheld figures.
 *
 * Figures are written as text a spreadsheet reads as numbers: counts as digits, percentages as
 * `86%` in their own columns (Excel and LibreOffice read that as 0.86 formatted as a percentage),
 * withheld figures as `c`. Every field passes the formula guard (`neutralised`).
 */
import type { OfficeReport, StatTable } from '../report/model';
import { aboutLines, cellText, CONFIDENTIAL, neutralised, REPORT_TITLE } from './cells';

const CRLF = '\r\n';
const BOM = '\ufeff';

/** The whole report as CSV text, starting with the byte-order mark. */
export function reportCsvText(report: OfficeReport): string {
  const records: string[][] = [[REPORT_TITLE], [CONFIDENTIAL], ...aboutLines(report), []];
  for (const table of report.tables) records.push(...tableRecords(table), []);
  records.push(['About these figures'], ...report.notes.map((note) => [note]));
  return BOM + records.map((record) => record.map(csvField).join(',') + CRLF).join('');
}

/** The whole report as CSV bytes (UTF-8 with BOM). */
export function reportCsv(report: OfficeReport): Uint8Array {
  return new TextEncoder().encode(reportCsvText(report));
}

function tableRecords(table: StatTable): string[][] {
  const records = [
    [table.title],
    [table.rowHeading, ...table.columns.map((column) => column.label)],
    ...table.rows.map((row) => [
      row.label,
      ...table.columns.map((_column, index) => cellText(row.cells[index])),
    ]),
  ];
  if (table.totals) {
    const totals = table.totals;
    records.push(['Total', ...table.columns.map((_column, index) => cellText(totals[index]))]);
  }
  return records;
}

/** One field: neutralised against formulas, then quoted when RFC 4180 requires it. */
export function csvField(text: string): string {
  const safe = neutralised(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
