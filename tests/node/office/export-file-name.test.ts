/**
 * Export file names (issue 9 §3): the school and the period only, in ASCII that Windows, macOS
 * and Linux all accept, and never a figure or a category from inside the report.
 */
import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../../src/office/export/file-name';

describe('export file names', () => {
  it('are the school and the period, with accents spelled out in ASCII', () => {
    expect(reportFileName('St Æthelburga\u2019s C of E Primary', 'Autumn term 2026', 'pdf')).toBe(
      "Safeguarding summary - St Aethelburga's C of E Primary - Autumn term 2026.pdf",
    );
    expect(reportFileName('Ysgol Gymraeg Llŷn', 'Academic year 2026-27', 'xlsx')).toBe(
      'Safeguarding summary - Ysgol Gymraeg Llyn - Academic year 2026-27.xlsx',
    );
  });

  it('drop the characters Windows reserves and control characters', () => {
    const name = reportFileName('A<b>c:d"e/f\\g|h?i*j\u0007k', 'Spring / Summer: 2027', 'csv');
    expect(name).toBe('Safeguarding summary - A b c d e f g h i j k - Spring Summer 2027.csv');
    expect(name).not.toMatch(/[<>:"/\\|?*\p{Cc}]/u);
  });

  it('never end a part in a dot or a space, and fall back when nothing is left', () => {
    expect(reportFileName('School...', '  ', 'pdf')).toBe(
      'Safeguarding summary - School - Period.pdf',
    );
    expect(reportFileName('\u4e2d\u6587\u5b66\u6821', 'Autumn term 2026', 'pdf')).toBe(
      'Safeguarding summary - School - Autumn term 2026.pdf',
    );
  });

  it('stay under 150 characters however long the school name', () => {
    const name = reportFileName(
      'The '.repeat(80) + 'Academy',
      'September to November 2026',
      'xlsx',
    );
    expect(name.length).toBeLessThan(150);
    expect(name.endsWith(' - September to November 2026.xlsx')).toBe(true);
  });
});
