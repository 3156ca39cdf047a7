/**
 * Issue 9 §1: `lead publish-extract` publishes the figures now and prints how many concerns and
 * where — never content; `--json` for scripts. With no office user it publishes nothing and says
 * what to do.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAgeKeyPair } from '../../../src/crypto';
import { cliJson, runCli } from '../support/cli';
import {
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

describe('lead publish-extract', () => {
  let school: SchoolFixture;
  let reference: string;
  const lead = (args: string[]) =>
    runCli(school.dslHome, ['lead', ...args, '--passphrase-file', school.passphraseFile]);

  beforeAll(async () => {
    school = await makeSchool('Ashdown Primary');
    const file = await writeAnswers(school.root, contactAnswers());
    ({ reference } = await cliJson<{ reference: string }>(school.staffHome, reportArgs(file)));
    await cliJson(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);
  });
  afterAll(async () => {
    await school?.cleanup();
  });

  it('publishes nothing without an office user, and says how to add one', async () => {
    const result = await lead(['publish-extract']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^safeguard-desk: No office user is on the school profile yet, so nobody could read the figures/,
    );
  });

  it('publishes the figures and prints counts and where, never content', async () => {
    const office = await generateAgeKeyPair();
    await cliJson(school.dslHome, [
      'school',
      'add-recipient',
      '--role',
      'office',
      '--name',
      'Olive Office',
      '--recipient',
      office.recipient,
      '--passphrase-file',
      school.passphraseFile,
    ]);
    const text = await lead(['publish-extract']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Published the figures for 1 concern\(s\) to .*\/extracts\/[0-9a-f]{32}\.age\.\nSealed to 1 office user\(s\) and 1 lead\(s\); it holds no names, free text, references or exact dates\.\n$/,
    );
    expect(text.stdout).not.toContain(reference);

    const json = await cliJson<{ rows: number; path: string; removed: number }>(school.dslHome, [
      'lead',
      'publish-extract',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(json).toMatchObject({ rows: 1, removed: 1, sealedTo: { office: 1, leads: 1 } });
    expect(existsSync(json.path)).toBe(true);
  });

  it('is in the usage text', async () => {
    const help = await runCli(school.dslHome, ['--help']);
    expect(help.stdout).toContain('lead publish-extract');
  });
});
