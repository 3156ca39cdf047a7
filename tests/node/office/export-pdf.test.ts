/**
 * The PDF export (issue 9 §3): the governors' report on A4, read back with poppler as a printer
 * and a screen reader would. pdftotext finds the title page's words, every table's figures and
 * `c`s, and the note; pdftoppm renders every page, none blank; the charts are vectors (no images)
 * and the text real and tagged. Pages are kept under test-artifacts/office-pdf/ to look at.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportPdf } from '../../../src/office/export/pdf';
import type { StatTable } from '../../../src/office/report/model';
import { repoRoot } from '../support/cli';
import { largeReport, sampleReport } from './support/export-fixtures';
import { expectedLines } from './support/export-expect';

const run = promisify(execFile);
const ARTIFACTS = join(repoRoot, 'test-artifacts', 'office-pdf');
const SAMPLE = join(ARTIFACTS, 'sample.pdf');
const LARGE = join(ARTIFACTS, 'large.pdf');

async function text(file: string, pages?: [number, number]): Promise<string> {
  const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
  return (await run('pdftotext', ['-layout', ...range, file, '-'])).stdout;
}

async function pageCount(file: string): Promise<number> {
  const info = (await run('pdfinfo', [file])).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** One line of the layout text per table row: its label's first words, then its figures. */
function rowPattern(line: string[]): RegExp {
  const [label = '', ...figures] = line;
  const start = label
    .split(' ')
    .slice(0, 3)
    .join(' ')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tail = figures.map((figure) => `\\s+${figure.replace('.', '\\.')}`).join('');
  return new RegExp(`^\\s*${start}.*?${tail}\\s*$`, 'm');
}

/** "4000" as the PDF prints it, "4,000". */
function grouped(figure: string): string {
  return /^\d+$/.test(figure) ? Number(figure).toLocaleString('en-GB') : figure;
}

beforeAll(async () => {
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(SAMPLE, await reportPdf(sampleReport()));
  await writeFile(LARGE, await reportPdf(largeReport()));
});

describe('the PDF export', () => {
  it('is an A4 PDF, tagged, in British English, titled with the school and period', async () => {
    const bytes = await readFile(SAMPLE);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const info = (await run('pdfinfo', [SAMPLE])).stdout;
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    expect(info).toMatch(
      /^Title:\s+Safeguarding summary for governors: St Æthelburga\u2019s C of E Primary, Autumn term 2026$/m,
    );
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const type of ['/Document', '/H1', '/H2', '/Figure', '/Table', '/TR', '/TH', '/TD']) {
      expect(raw).toContain(`/S ${type}`);
    }
    expect(raw).toMatch(/\/Alt \(Chart: Concerns by month\. Concerns rose/);
  });

  it('has a title page with the school, period, date, confidentiality and the figures\u2019 source', async () => {
    const first = (await text(SAMPLE, [1, 1])).replace(/\s+/g, ' ');
    for (const words of [
      'Safeguarding summary for governors',
      'St Æthelburga\u2019s C of E Primary',
      'Autumn term 2026',
      'Confidential: for the closed part of the meeting',
      'Produced 14 December 2026',
      'The anonymised statistical extract published by Ellie Shea on 14 December 2026',
      'Concerns in the period 61',
    ]) {
      expect(first).toContain(words);
    }
  });

  it('prints every table\u2019s rows with their figures and c, totals included', async () => {
    const all = await text(SAMPLE);
    const report = sampleReport();
    for (const table of report.tables) {
      expect(all).toContain(table.title);
      for (const line of expectedLines(table)) {
        expect(all, `${table.title}: ${line.join(' | ')}`).toMatch(rowPattern(line));
      }
    }
  });

  it('gives each table a section of its own, its summary under the chart, and ends with the note', async () => {
    const report = sampleReport();
    const pages = await pageCount(SAMPLE);
    expect(pages).toBe(1 + report.tables.length + 1);
    const third = (await text(SAMPLE, [3, 3])).replace(/\s+/g, ' ');
    expect(third).toContain('2. Concerns by type');
    expect(third).toContain(report.tables[1]?.summary);
    expect(third).toContain('c: withheld to protect the people involved');
    const last = (await text(SAMPLE, [pages, pages])).replace(/\s+/g, ' ');
    expect(last).toContain('About these figures');
    for (const note of report.notes) expect(last).toContain(note);
  });

  it('numbers every page and marks each confidential', async () => {
    const pages = await pageCount(SAMPLE);
    for (let page = 1; page <= pages; page += 1) {
      const words = await text(SAMPLE, [page, page]);
      expect(words).toContain(`Page ${page} of ${pages}`);
      expect(words).toContain('Confidential: for the closed part of the meeting');
    }
  });

  it('draws the charts as vectors and the words as text: no images at all', async () => {
    const images = (await run('pdfimages', ['-list', SAMPLE])).stdout.trim().split('\n');
    expect(images.slice(2)).toEqual([]);
    const fonts = (await run('pdffonts', [SAMPLE])).stdout;
    expect(fonts).toContain('Helvetica');
    // The chart's axis and its labels are text too.
    expect((await text(SAMPLE, [4, 4])).replace(/\s+/g, ' ')).toContain('Concerns');
  });

  it('renders every page with pdftoppm, none of them blank', async () => {
    for (const file of [SAMPLE, LARGE]) {
      const prefix = join(ARTIFACTS, file === SAMPLE ? 'sample-page' : 'large-page');
      await run('pdftoppm', ['-png', '-r', '60', file, prefix]);
      await run('pdftoppm', ['-gray', '-r', '20', file, `${prefix}-grey`]);
      const pages = await pageCount(file);
      const all = await readdir(ARTIFACTS);
      const base = prefix.split('/').at(-1) ?? '';
      expect(
        all.filter((name) => name.startsWith(`${base}-`) && name.endsWith('.png')),
      ).toHaveLength(pages);
      const greys = all.filter((name) => name.startsWith(`${base}-grey`)).sort();
      expect(greys).toHaveLength(pages);
      for (const grey of greys) {
        const pgm = await readFile(join(ARTIFACTS, grey));
        const header = /^P5\s+\d+\s+\d+\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'));
        const pixels = pgm.subarray(header?.[0].length ?? 0);
        const ink = pixels.filter((value) => value < 200).length / pixels.length;
        expect(ink, grey).toBeGreaterThan(0.01);
      }
    }
  });

  it('carries a long table over pages with its header row repeated', async () => {
    const report = largeReport();
    const first = report.tables[0] as StatTable;
    const all = await text(LARGE);
    // Sixteen columns do not fit across A4: they are drawn in blocks of six, row headings repeated.
    for (const [label = '', ...figures] of expectedLines(first)) {
      for (let start = 0; start < figures.length; start += 6) {
        // Printed for reading: counts grouped in thousands.
        const shown = figures.slice(start, start + 6).map((figure) => grouped(figure));
        expect(all).toMatch(rowPattern([label, ...shown]));
      }
    }
    // A page that a table carries on to starts with the table's header row again.
    const pages = await pageCount(LARGE);
    let carried = 0;
    for (let page = 3; page <= pages; page += 1) {
      const words = await text(LARGE, [page, page]);
      if (/^\s*Month\s+Concern/.test(words)) carried += 1;
    }
    expect(carried).toBeGreaterThanOrEqual(2);
    expect(all.match(/^\s*Month\s+Concern/gm)?.length).toBeGreaterThanOrEqual(3 + carried);
    expect(all).toContain(
      'Concerns by month and type, continued: Concern type 7 to Concern type 12',
    );
  });
});
