/**
 * The XLSX export (issue 9 §3): read back with exceljs (sheets, frozen header rows, figures typed
 * as numbers, percentages formatted as such, withheld figures as the text `c`) and opened by a
 * real spreadsheet program, Gnumeric's `ssconvert`, whose CSV of each sheet must hold the same
 * figures. Text cells carry the same formula guard as the CSV.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTES_SHEET, reportXlsx, sheetName } from '../../../src/office/export/xlsx';
import type { OfficeReport } from '../../../src/office/report/model';
import { largeReport, sampleReport } from './support/export-fixtures';
import {
  expectedLines,
  FORMULA_STARTS,
  HARMLESS_LABEL,
  hostileLabel,
  withHostileLabels,
} from './support/export-expect';

const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sgd-office-xlsx-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function workbookOf(report: OfficeReport): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types want an ArrayBuffer-backed Buffer of an older @types/node.
  const bytes = await reportXlsx(report);
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet "${name}"`);
  return found;
}

/** Every sheet of the workbook as Gnumeric reads it, figures as they are shown, as CSV records. */
async function gnumericSheets(report: OfficeReport, name: string): Promise<string[][][]> {
  const file = join(dir, `${name}.xlsx`);
  await writeFile(file, await reportXlsx(report));
  const out = join(dir, name);
  await run('mkdir', ['-p', out]);
  await run('ssconvert', [
    '-S',
    '-O',
    'format=preserve',
    '--export-type=Gnumeric_stf:stf_assistant',
    file,
    join(out, 'sheet-%n.csv'),
  ]);
  const files = (await readdir(out)).sort(
    (a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]),
  );
  return Promise.all(
    files.map(async (csv) => parse(await readFile(join(out, csv)), { relax_column_count: true })),
  );
}

describe('the XLSX export', () => {
  it('has a cover sheet, one sheet per table and the note last', async () => {
    const report = sampleReport();
    const workbook = await workbookOf(report);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Cover',
      ...report.tables.map((table) => table.title),
      'About these figures',
    ]);
    const cover = sheet(workbook, 'Cover');
    const values = cover
      .getSheetValues()
      .flat()
      .filter((value) => typeof value === 'string');
    expect(values).toContain('Confidential: for the closed part of the meeting');
    expect(values).toContain(report.schoolName);
    expect(values).toContain('14 December 2026');
    const notes = sheet(workbook, NOTES_SHEET);
    expect(notes.getColumn(1).values.slice(2)).toEqual(report.notes);
  });

  it('types counts as numbers, percentages as formatted fractions and withheld figures as c', async () => {
    const workbook = await workbookOf(sampleReport());
    const byType = sheet(workbook, 'Concerns by type');
    expect(byType.getRow(2).values).toEqual([
      undefined,
      'Type of concern',
      'Concerns',
      'Share of concerns',
    ]);
    const bullying = byType.getRow(3);
    expect(bullying.getCell(1).value).toBe('Online bullying');
    expect(bullying.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(bullying.getCell(2).value).toBe(21);
    expect(bullying.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(bullying.getCell(3).value).toBe(0.344);
    expect(bullying.getCell(3).numFmt).toBe('0.0%');
    const withheld = byType.getRow(4);
    expect(withheld.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(withheld.getCell(2).value).toBe('c');
    expect(byType.getRow(10).getCell(1).value).toBe('Total');
    expect(byType.getRow(10).getCell(3).numFmt).toBe('0%');
  });

  it('freezes the title and header rows and the row headings on every table sheet', async () => {
    const report = sampleReport();
    const workbook = await workbookOf(report);
    for (const table of report.tables) {
      expect(sheet(workbook, table.title).views[0]).toMatchObject({
        state: 'frozen',
        xSplit: 1,
        ySplit: 2,
      });
    }
  });

  it('gives columns room for their labels', async () => {
    const workbook = await workbookOf(sampleReport());
    const byType = sheet(workbook, 'Concerns by type');
    expect(byType.getColumn(1).width).toBeGreaterThanOrEqual(45);
    expect(byType.getColumn(3).width).toBeGreaterThanOrEqual(12);
  });

  it('opens in Gnumeric with the same figures in every table', async () => {
    const report = sampleReport();
    const sheets = await gnumericSheets(report, 'sample');
    expect(sheets).toHaveLength(report.tables.length + 2);
    report.tables.forEach((table, index) => {
      const records = sheets[index + 1] ?? [];
      expect(records[0]?.[0]).toBe(table.title);
      expect(records[1]).toEqual([
        table.rowHeading,
        ...table.columns.map((column) => column.label),
      ]);
      const lines = records.slice(2, 2 + expectedLines(table).length);
      expect(lines).toEqual(expectedLines(table));
    });
    expect(
      sheets
        .at(-1)
        ?.slice(1)
        .map((record) => record[0]),
    ).toEqual(report.notes);
  });

  it('opens in Gnumeric with large figures too', async () => {
    const report = largeReport();
    const sheets = await gnumericSheets(report, 'large');
    const first = report.tables[0];
    if (!first) throw new Error('no table');
    // Gnumeric shows #,##0 with its thousands separator; the figures are the same.
    const shown = (sheets[1] ?? [])
      .slice(2, 2 + first.rows.length + 1)
      .map((record) => record.map((field) => field.replaceAll(',', '')));
    expect(shown).toEqual(expectedLines(first));
  });

  it.each(FORMULA_STARTS.map((start) => [JSON.stringify(start), start]))(
    'neutralises a text cell that begins with %s',
    async (_name, start) => {
      const workbook = await workbookOf(withHostileLabels(sampleReport()));
      const first = workbook.worksheets[1];
      // XML reads a bare CR back as LF; the guard is the leading quote, which must be there.
      const lf = (text: string) => text.replaceAll('\r', '\n');
      const labels = (first?.getColumn(1).values ?? []).flatMap((value) =>
        typeof value === 'string' ? [lf(value)] : [],
      );
      expect(labels).toContain(lf(`'${hostileLabel(start)}`));
      expect(labels).not.toContain(lf(hostileLabel(start)));
    },
  );

  it('neutralises the school name, titles and headings, and leaves harmless text alone', async () => {
    const workbook = await workbookOf(withHostileLabels(sampleReport()));
    const cover = workbook.worksheets[0]?.getSheetValues().flat() ?? [];
    expect(cover).toContain("'=cmd|' /C calc'!A0");
    const first = workbook.worksheets[1];
    expect(first?.getCell('A1').value).toBe("'@Concerns by month");
    expect(first?.getRow(2).values).toEqual([undefined, "'-Month", "'+Received", 'Closed']);
    expect(first?.getColumn(1).values).toContain(HARMLESS_LABEL);
    // The sheet's own name is not a cell: Excel never runs it.
    expect(first?.name).toBe('@Concerns by month');
  });

  it('names sheets as Excel requires: at most 31 characters, unique, none of []:*?/\\', () => {
    const taken = new Set(['cover', 'about these figures']);
    const long = 'Concerns by type: [online] * harm? / abuse \\ and everything else besides';
    const first = sheetName(long, taken);
    const second = sheetName(long, taken);
    expect(first).toBe('Concerns by type- -online- - ha');
    expect(second).toBe('Concerns by type- -online- (2)');
    for (const name of [first, second]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(sheetName('Cover', taken)).toBe('Cover (2)');
    expect(sheetName("'Quoted'", taken)).toBe('Quoted');
    expect(sheetName('History', taken)).toBe('Table');
    expect(sheetName('', taken)).toBe('Table (2)');
  });
});
