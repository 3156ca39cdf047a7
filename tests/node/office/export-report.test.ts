/**
 * `exportReport`, the one door the CLI and the app use: each format's bytes, media type and a file
 * name that holds the school and period and nothing from inside the report.
 */
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../../src/office/export';
import { sampleReport } from './support/export-fixtures';

describe('exportReport', () => {
  it.each([
    ['csv', 'text/csv; charset=utf-8', [0xef, 0xbb, 0xbf]],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', [0x50, 0x4b]],
    ['pdf', 'application/pdf', [0x25, 0x50, 0x44, 0x46]],
  ] as const)('makes %s as %s', async (format, mediaType, magic) => {
    const file = await exportReport(sampleReport(), format);
    expect(file.mediaType).toBe(mediaType);
    expect([...file.bytes.subarray(0, magic.length)]).toEqual(magic);
    expect(file.fileName).toBe(
      `Safeguarding summary - St Aethelburga's C of E Primary - Autumn term 2026.${format}`,
    );
  });

  it('names files with nothing from inside the report: no table, label or figure', async () => {
    const report = sampleReport();
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const { fileName } = await exportReport(report, format);
      for (const table of report.tables) {
        expect(fileName).not.toContain(table.title);
        for (const row of table.rows) expect(fileName).not.toContain(row.label);
      }
      expect(fileName.replace('2026', '')).not.toMatch(/\d/);
    }
  });
});
