/**
 * The report as an Excel workbook (exceljs): a cover sheet saying what it is, one sheet per table
 * (title, header row frozen with the row headings, figures typed as numbers, percentages as
 * numbers formatted as per cent, withheld figures as the text `c`), and the note on its own sheet,
 * "About these figures". Text cells pass the same formula guard as the CSV, so a label survives
 * being saved on as CSV from Excel without turning into a formula.
 */
import ExcelJS from 'exceljs';
import type { Cell, OfficeReport, StatTable } from '../report/model';
import {
  aboutLines,
  CONFIDENTIAL,
  neutralised,
  REPORT_TITLE,
  SUPPRESSED_MARK,
  hasWithheld,
} from './cells';

export const COVER_SHEET = 'Cover';
export const NOTES_SHEET = 'About these figures';

const BOLD = { bold: true };
const TITLE_FONT = { bold: true, size: 14 };
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE6ECF4' },
};

/** The report as XLSX bytes. */
export async function reportXlsx(report: OfficeReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Safeguard Desk';
  workbook.title = `${REPORT_TITLE}: ${report.period.label}`;
  workbook.created = new Date(report.producedAt);
  workbook.modified = workbook.created;
  coverSheet(workbook, report);
  const names = new Set([COVER_SHEET.toLowerCase(), NOTES_SHEET.toLowerCase()]);
  for (const table of report.tables) tableSheet(workbook, table, sheetName(table.title, names));
  notesSheet(workbook, report.notes);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function coverSheet(workbook: ExcelJS.Workbook, report: OfficeReport): void {
  const sheet = workbook.addWorksheet(COVER_SHEET, { pageSetup: { paperSize: 9 } });
  sheet.columns = [{ width: 24 }, { width: 90 }];
  sheet.addRow([REPORT_TITLE]).font = TITLE_FONT;
  sheet.addRow([CONFIDENTIAL]).font = { bold: true, color: { argb: 'FFA4161A' } };
  sheet.addRow([]);
  for (const [label, value] of aboutLines(report)) {
    const row = sheet.addRow([label, neutralised(value)]);
    row.getCell(1).font = BOLD;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow([]);
  sheet.addRow(['Sheets', 'One sheet per table, then "About these figures".']);
}

function tableSheet(workbook: ExcelJS.Workbook, table: StatTable, name: string): void {
  const sheet = workbook.addWorksheet(name, {
    // Title and header row stay in view, and so do the row headings.
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.addRow([neutralised(table.title)]).font = TITLE_FONT;
  const header = sheet.addRow(
    [table.rowHeading, ...table.columns.map((column) => column.label)].map(neutralised),
  );
  header.font = BOLD;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  for (const row of table.rows) figureRow(sheet, table, neutralised(row.label), row.cells);
  if (table.totals) figureRow(sheet, table, 'Total', table.totals).font = BOLD;
  sheet.addRow([]);
  sheet.addRow([neutralised(table.summary)]);
  if (hasWithheld(table)) {
    sheet.addRow([
      `${SUPPRESSED_MARK}: withheld to protect the people involved (see "${NOTES_SHEET}").`,
    ]);
  }
  sheet.columns.forEach((column, index) => {
    const texts =
      index === 0
        ? [table.rowHeading, ...table.rows.map((row) => row.label)]
        : [table.columns[index - 1]?.label ?? ''];
    const longest = Math.max(...texts.map((text) => text.length));
    column.width = index === 0 ? clamp(longest + 2, 16, 60) : clamp(longest + 2, 10, 22);
  });
}

function figureRow(
  sheet: ExcelJS.Worksheet,
  table: StatTable,
  label: string,
  cells: Cell[],
): ExcelJS.Row {
  const row = sheet.addRow([
    label,
    ...table.columns.map((_column, index) => cellValue(cells[index])),
  ]);
  table.columns.forEach((_column, index) => {
    const cell = row.getCell(index + 2);
    const source = cells[index];
    cell.alignment = { horizontal: 'right' };
    if (source?.kind === 'percent') cell.numFmt = Number.isInteger(source.value) ? '0%' : '0.0%';
    if (source?.kind === 'count') cell.numFmt = '#,##0';
  });
  return row;
}

/** A count as a number, a percentage as a fraction (formatted as per cent), withheld as `c`. */
function cellValue(cell: Cell | undefined): number | string {
  if (cell === undefined || cell.kind === 'suppressed') return SUPPRESSED_MARK;
  // toPrecision: 19.7 / 100 is 0.19699999999999998 in binary; the sheet should hold 0.197.
  return cell.kind === 'percent' ? Number((cell.value / 100).toPrecision(12)) : cell.value;
}

function notesSheet(workbook: ExcelJS.Workbook, notes: readonly string[]): void {
  const sheet = workbook.addWorksheet(NOTES_SHEET, { pageSetup: { paperSize: 9 } });
  sheet.columns = [{ width: 110 }];
  sheet.addRow([NOTES_SHEET]).font = TITLE_FONT;
  for (const note of notes) {
    sheet.addRow([neutralised(note)]).alignment = { wrapText: true, vertical: 'top' };
  }
}

/**
 * A worksheet name Excel accepts, unique in `taken` (case-insensitive): at most 31 characters,
 * none of []:*?/\, not starting or ending with an apostrophe, never "History".
 */
export function sheetName(title: string, taken: Set<string>): string {
  const cleaned = [...title.replace(/[[\]:*?/\\]/g, '-').replace(/\s+/g, ' ')]
    .join('')
    .trim()
    .replace(/^'+|'+$/g, '');
  const base = cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Table' : cleaned;
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name =
      truncate(base, 31 - suffix.length)
        .replace(/'+$/, '')
        .trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** At most `length` UTF-16 units (Excel's count), never splitting a surrogate pair. */
function truncate(text: string, length: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > length) break;
    out += char;
  }
  return out;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
