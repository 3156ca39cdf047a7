/**
 * The staff-room poster (issue 8 §1): a one-page A4 PDF with the school name, how to report, the
 * leads, the safety code and the NSPCC whistleblowing line, made from the profile the computer
 * trusts. Rendered with poppler's pdftoppm and read back with pdftotext, as a printer and a screen
 * reader would; a copy is kept under test-artifacts/poster/ to look at.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { posterFileName, posterPdf } from '../../src/school';
import type { Session } from '../../src/session';
import { repoRoot, runCli } from './support/cli';
import {
  addJoinedRecipient,
  makeSchool,
  openStaffDesk,
  tempWorkspace,
  unplugShare,
  type SchoolFixture,
} from './support/school';

const run = promisify(execFile);
const ARTIFACTS = join(repoRoot, 'test-artifacts', 'poster');

async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

/** Renders the first page at `dpi` with pdftoppm; returns the PNG's bytes. */
async function renderPage(file: string, dpi: number): Promise<Buffer> {
  const prefix = `${file}.page`;
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    prefix,
  ]);
  return readFile(`${prefix}.png`);
}

/** The page in grey at 50 dpi (pdftoppm's PGM): how much of a band of rows is ink. */
async function greyPage(file: string): Promise<{ inkIn(from: number, to: number): number }> {
  const prefix = `${file}.grey`;
  await run('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const pgm = await readFile(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  return {
    inkIn(from, to) {
      const rows = pixels.subarray(
        Math.floor(from * height) * width,
        Math.floor(to * height) * width,
      );
      return rows.filter((grey) => grey < 160).length / rows.length;
    },
  };
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let school: SchoolFixture;
let posterFile: string;

beforeAll(async () => {
  school = await makeSchool('Barnsole Primary');
  await addJoinedRecipient(school, 'deputy', 'Dan Okafor');
  await addJoinedRecipient(school, 'chair', 'Gwen Hughes');
  posterFile = join(school.root, 'poster.pdf');
  const result = await runCli(school.staffHome, ['school', 'poster', '--out', posterFile]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});
afterAll(() => school.cleanup());

describe('the staff-room poster from the command line', () => {
  it('renders as one A4 portrait page', async () => {
    const { width, height } = pngSize(await renderPage(posterFile, 50));
    // A4 at 50 dpi: 8.27 × 11.69 inches.
    expect(width).toBeCloseTo(413, -1);
    expect(height).toBeCloseTo(585, -1);
    // Not a blank page: the header band is dark, and each quarter below it has ink.
    const page = await greyPage(posterFile);
    expect(page.inkIn(0, 0.08)).toBeGreaterThan(0.8);
    for (const quarter of [0, 0.25, 0.5, 0.75]) {
      expect(page.inkIn(quarter + 0.01, quarter + 0.25)).toBeGreaterThan(0.02);
    }
    const info = (await run('pdfinfo', [posterFile])).stdout;
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+Safeguarding: how to report — Barnsole Primary$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    await mkdir(ARTIFACTS, { recursive: true });
    await copyFile(posterFile, join(ARTIFACTS, 'poster.pdf'));
    await writeFile(join(ARTIFACTS, 'poster.png'), await renderPage(posterFile, 100));
  });

  it('holds as text the school, the code, every lead by name and role, and the NSPCC line', async () => {
    const text = await pdfText(posterFile);
    for (const words of [
      'Barnsole Primary',
      'Worried about a child or a colleague online?',
      'Report it in Safeguard Desk',
      'If a child is in immediate danger, call 999 first.',
      'Open Safeguard Desk',
      'Report a concern',
      school.safetyCode,
      'When you connect a computer, check the code it shows matches this one.',
      'Ellie Shea',
      'Designated Safeguarding Lead',
      'Dan Okafor',
      'Deputy Safeguarding Lead',
      'Gwen Hughes',
      'Chair of governors',
      '0800 028 0285',
      'help@nspcc.org.uk',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Printed on \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('embeds no fonts: the PDF standard fonts only', async () => {
    const fonts = (await run('pdffonts', [posterFile])).stdout.split('\n').slice(2);
    const rows = fonts.filter((line) => line.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatch(/^(Helvetica|Helvetica-Bold|Courier-Bold)\s+Type 1\s+WinAnsi\s+no\s/);
  });

  it('leaves an existing file untouched, and replaces it only with --replace', async () => {
    const file = join(school.root, 'existing.pdf');
    await writeFile(file, 'not a poster');
    const refused = await runCli(school.staffHome, ['school', 'poster', '--out', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `safeguard-desk: ${file} already exists and was left untouched: choose another name, or add --replace.\n`,
    );
    expect(await readFile(file, 'utf8')).toBe('not a poster');
    const replaced = await runCli(school.staffHome, [
      'school',
      'poster',
      '--out',
      file,
      '--replace',
      '--json',
    ]);
    expect(replaced.code).toBe(0);
    expect(JSON.parse(replaced.stdout)).toEqual({
      file,
      schoolName: 'Barnsole Primary',
      safetyCode: school.safetyCode,
      warning: null,
    });
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says plainly when the folder to write in does not exist', async () => {
    const file = join(school.root, 'no-such-folder', 'poster.pdf');
    const result = await runCli(school.staffHome, ['school', 'poster', '--out', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `safeguard-desk: Cannot write ${file}: its folder does not exist.\n`,
    );
  });

  it('refuses a share whose profile another key signed, and writes nothing', async () => {
    const other = await makeSchool('Impostor Academy');
    try {
      const file = join(school.root, 'impostor.pdf');
      const result = await runCli(school.staffHome, [
        'school',
        'poster',
        '--out',
        file,
        '--share',
        other.share,
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'safeguard-desk: The school profile on the share is signed by a different key from the one this machine trusts; do not use it and tell the DSL.\n',
      );
      await expect(stat(file)).rejects.toThrow();
    } finally {
      await other.cleanup();
    }
  });

  it('reads the leads from --share when it is the same school', async () => {
    const file = join(school.root, 'from-share.pdf');
    const result = await runCli(school.staffHome, [
      'school',
      'poster',
      '--out',
      file,
      '--share',
      school.share,
    ]);
    expect(result.code).toBe(0);
    expect(await pdfText(file)).toContain('Gwen Hughes');
  });

  it('still prints from the profile this computer trusts when the share is away, and says so', async () => {
    const file = join(school.root, 'share-away.pdf');
    const plugBack = await unplugShare(school);
    let result;
    try {
      result = await runCli(school.staffHome, ['school', 'poster', '--out', file]);
    } finally {
      await plugBack();
    }
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^Warning: .+ The poster shows the leads this computer last saw\.\n$/,
    );
    const text = await pdfText(file);
    expect(text).toContain(school.safetyCode);
    expect(text).toContain('Gwen Hughes');
  });

  it('refuses on a computer not enrolled with a school: it could not vouch for the code', async () => {
    const ws = await tempWorkspace();
    try {
      const file = join(ws.root, 'poster.pdf');
      const result = await runCli(join(ws.root, 'home'), [
        'school',
        'poster',
        '--out',
        file,
        '--share',
        school.share,
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'safeguard-desk: This machine is not enrolled with a school share yet (safeguard-desk enroll --share DIR).\n',
      );
      await expect(stat(file)).rejects.toThrow();
    } finally {
      await rm(ws.root, { recursive: true, force: true });
    }
  });
});

describe('the staff-room poster through the API', () => {
  let desk: Session;
  beforeAll(async () => {
    desk = await openStaffDesk(school);
  });
  afterAll(() => desk.close());

  it('school.poster returns the PDF, named by the school only', async () => {
    const result = await dispatch(desk.handlers, 'school.poster', undefined);
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { fileName: string; base64: string; warning: string | null };
    expect(value.fileName).toBe('Safeguard Desk poster - Barnsole Primary.pdf');
    expect(value.warning).toBeNull();
    const file = join(school.root, value.fileName);
    await writeFile(file, Buffer.from(value.base64, 'base64'));
    const text = await pdfText(file);
    expect(text).toContain(school.safetyCode);
    expect(text).toContain('Dan Okafor');
  });
});

describe('the poster itself', () => {
  it('names its file from the school name alone, safe on every file system', () => {
    expect(posterFileName('St Mary\'s C of E / Juniors: "Upper"?')).toBe(
      "Safeguard Desk poster - St Mary's C of E Juniors Upper.pdf",
    );
    expect(posterFileName('Ysgol Gymraeg Bro Ŵyn...')).toBe(
      'Safeguard Desk poster - Ysgol Gymraeg Bro Ŵyn.pdf',
    );
    expect(posterFileName('\u0000\u202e')).toBe('Safeguard Desk poster - school.pdf');
  });

  it('draws names beyond the standard fonts by their base letters, and keeps a crowd of leads on the page', async () => {
    const leads = Array.from({ length: 16 }, (_, i) => ({
      name: `Lead Number ${i + 1}`,
      roleLabel: 'Deputy Safeguarding Lead',
    }));
    const pdf = await posterPdf({
      schoolName:
        'Ysgol Gymraeg Bro Ŵyn and St Mary’s Church of England Voluntary Aided Junior School',
      safetyCode: 'K7QM-2XPD-9HTA',
      leads,
      contacts: [{ name: 'LADO', detail: '01632 960000' }],
      printedOn: new Date('2026-09-01T09:00:00Z'),
    });
    const ws = await tempWorkspace();
    try {
      const file = join(ws.root, 'crowded.pdf');
      await writeFile(file, pdf);
      const text = await pdfText(file);
      expect(text).toContain('Bro Wyn');
      expect(text).toContain('Lead Number 1,');
      expect(text).toMatch(/and \d+ more: Safeguard Desk lists them all\./);
      expect(text).toContain('K7QM-2XPD-9HTA');
      expect(text).toContain('LADO: 01632 960000');
      expect(text).toContain('Printed on 1 September 2026');
      expect((await run('pdfinfo', [file])).stdout).toMatch(/^Pages:\s+1$/m);
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, 'poster-crowded.png'), await renderPage(file, 60));
    } finally {
      await rm(ws.root, { recursive: true, force: true });
    }
  });
});
