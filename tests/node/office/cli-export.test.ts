/**
 * Issue 9 §3, `office export` through the real CLI: the governors' summary for a period written
 * whole to --out, never over an existing file unless --force; what is printed names the file and
 * the period, never a figure. Mistakes in the command line are refused before the passphrase is
 * used. The office user joined with the file the DSL made; the DSL published the figures.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, runCli } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';

let school: SchoolFixture;
let office: JoinedRecipient<'office'>;
let out: string;

beforeAll(async () => {
  school = await makeSchool();
  office = await addJoinedRecipient(school, 'office', 'Olu Office');
  const answers = await writeAnswers(school.root, contactAnswers());
  for (let i = 0; i < 3; i += 1) await cliJson(school.staffHome, reportArgs(answers));
  const dsl = ['--passphrase-file', school.passphraseFile];
  await cliJson(school.dslHome, ['lead', 'import', ...dsl]);
  await cliJson(school.dslHome, ['lead', 'publish-extract', ...dsl]);
  out = join(school.root, 'governors.csv');
});
afterAll(async () => school?.cleanup());

const exportArgs = (...extra: string[]) => [
  'office',
  'export',
  '--passphrase-file',
  office.passphraseFile,
  ...extra,
];

describe('office export refuses a mistaken command line before anything is opened', () => {
  it.each([
    [['--period', 'academic-year', '--out', 'x.csv'], '--format is required.'],
    [['--format', 'docx', '--period', 'academic-year', '--out', 'x'], '--format must be one of'],
    [['--format', 'csv', '--out', 'x.csv'], 'Give --from YYYY-MM-DD and --to YYYY-MM-DD'],
    [['--format', 'csv', '--from', '2026-09-01', '--out', 'x.csv'], 'Give --from YYYY-MM-DD'],
    [
      ['--format', 'csv', '--period', 'this-term', '--from', '2026-09-01', '--out', 'x'],
      'not both',
    ],
    [['--format', 'csv', '--period', 'next-term', '--out', 'x'], '--period must be one of'],
    [['--format', 'csv', '--from', '2026-9-1', '--to', '2026-11-30', '--out', 'x'], 'YYYY-MM-DD'],
    [['--format', 'csv', '--from', '2026-12-01', '--to', '2026-09-01', '--out', 'x'], 'after'],
    [['--format', 'csv', '--period', 'this-term', '--threshold', '2', '--out', 'x'], 'from 3 up'],
    [['--format', 'csv', '--period', 'this-term'], '--out is required.'],
  ])('%j', async (args, said) => {
    const result = await runCli(office.home, exportArgs(...args));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(said);
  });
});

describe('office export', () => {
  it('writes the summary for the period, printing where and for which period only', async () => {
    const result = await runCli(
      office.home,
      exportArgs('--format', 'csv', '--period', 'academic-year', '--out', out),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        // The period runs to the month the test runs in (it ran across midnight into December once).
        `^Wrote the CSV summary to ${out}\\.\\nPeriod: Academic year 20\\d\\d-\\d\\d \\(to date\\), whole months 20\\d\\d-09 to 20\\d\\d-\\d\\d\\.\\n`,
      ),
    );
    // Nothing but where, when and the rule: no figure leaves through the terminal.
    expect(result.stdout).not.toMatch(/\b(concerns?|resolved|pathway)\b/i);
    const csv = await readFile(out);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).not.toContain('Mr Example');
    // Written whole: no temp file left beside it.
    expect((await readdir(school.root)).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('refuses to replace an existing file without --force, leaving it as it was', async () => {
    await writeFile(out, 'kept\n');
    const again = await runCli(
      office.home,
      exportArgs('--format', 'csv', '--period', 'academic-year', '--out', out),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists and was left untouched');
    expect(await readFile(out, 'utf8')).toBe('kept\n');
  });

  it('replaces it with --force, and says in JSON what it wrote', async () => {
    const written = await cliJson<{ file: string; format: string; period: { fromMonth: string } }>(
      office.home,
      exportArgs('--format', 'csv', '--from', '2026-09-01', '--to', '2026-11-30', '--out', out),
    ).catch((error: unknown) => error);
    expect(String(written)).toContain('already exists');
    const forced = await cliJson<{ file: string; format: string; period: { fromMonth: string } }>(
      office.home,
      exportArgs(
        '--format',
        'csv',
        '--from',
        '2026-09-01',
        '--to',
        '2026-11-30',
        '--out',
        out,
        '--force',
      ),
    );
    expect(forced).toMatchObject({ file: out, format: 'csv', period: { fromMonth: '2026-09' } });
    expect(await readFile(out, 'utf8')).not.toBe('kept\n');
  });

  it('writes XLSX and PDF too', async () => {
    for (const format of ['xlsx', 'pdf'] as const) {
      const file = join(school.root, `governors.${format}`);
      const result = await runCli(
        office.home,
        exportArgs('--format', format, '--period', 'this-term', '--out', file),
      );
      expect(result.code).toBe(0);
      const head = (await readFile(file)).subarray(0, 4).toString('latin1');
      expect(head).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
  });

  it('says where the figures come from and the periods on offer in office status', async () => {
    const status = await cliJson<{
      recipient: string;
      source: { publishedByName: string };
      periods: Array<{ period: { label: string } }>;
    }>(office.home, ['office', 'status', '--passphrase-file', office.passphraseFile]);
    expect(status.source.publishedByName).toBe('Ellie Shea');
    expect(status.periods.map((p) => p.period.label)).toContain('Academic year 2026-27 (to date)');
  });

  it('is for office staff: on the DSL’s computer it says there is no office identity', async () => {
    const result = await runCli(school.dslHome, [
      'office',
      'export',
      '--format',
      'csv',
      '--period',
      'this-term',
      '--out',
      join(school.root, 'dsl.csv'),
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no office identity');
    expect(existsSync(join(school.root, 'dsl.csv'))).toBe(false);
  });
});
