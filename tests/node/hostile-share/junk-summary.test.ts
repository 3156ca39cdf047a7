/**
 * Issue 6 C16: 2,000 junk files on the share do not print 2,001 lines on every import. The import
 * summarises them by reason; `lead quarantine` groups them and lists a few of each, `--all` every
 * one; --json still carries each file.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { makeSchool, type SchoolFixture } from '../support/school';

const JUNK = 2_000;
const CORRUPT = 'It is not a valid age file (corrupt or truncated).';
let school: SchoolFixture;

beforeAll(async () => {
  school = await makeSchool();
  for (let i = 0; i < JUNK; i++) {
    await writeFile(join(school.share, 'concerns', `${randomUUID()}.age`), randomBytes(64));
  }
});
afterAll(async () => school.cleanup());

const lead = (args: string[]) =>
  runCli(school.dslHome, ['lead', ...args, '--passphrase-file', school.passphraseFile]);

describe('junk on the share', () => {
  it('is summarised by reason on import, in a few lines', async () => {
    const result = await lead(['import']);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        'Imported 0 new concern(s); 0 already imported.',
        'Quarantined 2,000 file(s) this time:',
        `  2,000: ${CORRUPT}`,
        '2,000 file(s) are in quarantine in all: "lead quarantine" lists them.',
        '',
      ].join('\n'),
    );
  });

  it('is grouped by reason in `lead quarantine`, a few files shown; --all and --json list every one', async () => {
    const short = await lead(['quarantine']);
    const lines = short.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(20);
    expect(lines[0]).toBe('2,000 file(s) in quarantine. The files on the share were not changed.');
    expect(short.stdout).toContain(`${CORRUPT} (2,000 file(s)):`);
    expect(short.stdout).toContain('  … and 1,990 more');
    expect(short.stdout).toContain('Add --all to list every file.');

    const all = await lead(['quarantine', '--all']);
    expect(
      all.stdout.split('\n').filter((l) => /^ {2}[0-9a-f-]{36}\.age {2}/.test(l)),
    ).toHaveLength(JUNK);
    const json = JSON.parse((await lead(['quarantine', '--json'])).stdout) as unknown[];
    expect(json).toHaveLength(JUNK);
  });
});
