/**
 * The CSV export (issue 9 §3): RFC 4180 read back with csv-parse, UTF-8 with a byte-order mark,
 * CRLF line ends, every table's figures as the report has them, withheld figures as `c`, and every
 * field that a spreadsheet could run as a formula neutralised with a leading `'`.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, reportCsv } from '../../../src/office/export/csv';
import { sampleReport } from './support/export-fixtures';
import {
  expectedLines,
  FORMULA_STARTS,
  HARMLESS_LABEL,
  hostileLabel,
  withHostileLabels,
} from './support/export-expect';

function records(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
  });
}

/** The records of the table titled `title`: header, then rows and totals, up to the blank line. */
function tableRecords(all: string[][], title: string): string[][] {
  const start = all.findIndex((record) => record.length === 1 && record[0] === title);
  expect(start, `table "${title}" in the CSV`).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((record, index) => index > start && record.join('') === '');
  return all.slice(start + 1, end);
}

describe('the CSV export', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const bytes = reportCsv(sampleReport());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    // Every LF is part of a CRLF, and no CR stands alone (the sample has no line breaks in fields).
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('St Æthelburga\u2019s C of E Primary');
  });

  it('holds every table, its header, rows and totals with the report\u2019s figures', () => {
    const report = sampleReport();
    const all = records(reportCsv(report));
    for (const table of report.tables) {
      const [header, ...lines] = tableRecords(all, table.title);
      expect(header).toEqual([table.rowHeading, ...table.columns.map((column) => column.label)]);
      expect(lines).toEqual(expectedLines(table));
    }
  });

  it('writes a withheld figure as c, a zero as 0 and a percentage as 34.4%', () => {
    const all = records(reportCsv(sampleReport()));
    const byType = tableRecords(all, 'Concerns by type');
    expect(byType).toContainEqual(['Sharing nude or semi-nude images', 'c', 'c']);
    expect(byType).toContainEqual(['Radicalisation or extremism', '0', '0%']);
    expect(byType).toContainEqual(['Online bullying', '21', '34.4%']);
  });

  it('says what the report is first and ends with the note on withheld figures', () => {
    const report = sampleReport();
    const all = records(reportCsv(report));
    expect(all[0]).toEqual(['Safeguarding summary for governors']);
    expect(all[1]).toEqual(['Confidential: for the closed part of the meeting']);
    expect(all).toContainEqual(['School', report.schoolName]);
    expect(all).toContainEqual(['Produced', '14 December 2026']);
    const notes = all.slice(all.findIndex((record) => record[0] === 'About these figures') + 1);
    expect(notes).toEqual(report.notes.map((note) => [note]));
  });

  it.each(FORMULA_STARTS.map((start) => [JSON.stringify(start), start]))(
    'neutralises a label that begins with %s',
    (_name, start) => {
      const all = records(reportCsv(withHostileLabels(sampleReport())));
      const labels = all.map((record) => record[0]);
      expect(labels).toContain(`'${hostileLabel(start)}`);
      expect(labels).not.toContain(hostileLabel(start));
    },
  );

  it('neutralises a hostile school name, table title, row heading and column label', () => {
    const all = records(reportCsv(withHostileLabels(sampleReport())));
    expect(all).toContainEqual(['School', "'=cmd|' /C calc'!A0"]);
    expect(all).toContainEqual(["'@Concerns by month"]);
    expect(all).toContainEqual(["'-Month", "'+Received", 'Closed']);
  });

  it('leaves text that only holds =, +, -, @ or a tab after its start as it is', () => {
    const all = records(reportCsv(withHostileLabels(sampleReport())));
    expect(all).toContainEqual([HARMLESS_LABEL, '7', '7']);
    expect(csvField('Early help - referral')).toBe('Early help - referral');
  });

  it('never alters a figure: counts are digits, so no figure starts with a formula character', () => {
    const all = records(reportCsv(sampleReport()));
    const figures = all.flatMap((record) => record.slice(1)).filter((field) => /^\d/.test(field));
    expect(figures.length).toBeGreaterThan(40);
    expect(all.flat().filter((field) => field.startsWith("'"))).toEqual([]);
  });

  it('quotes fields with a comma, quote, CR or LF, doubling quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "c"')).toBe('"say ""c"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('\rstart')).toBe('"\'\rstart"');
    expect(csvField('plain')).toBe('plain');
  });
});
