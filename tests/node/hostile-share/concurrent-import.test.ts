/**
 * Issue 6 C14: two `lead import` at once on one home. One waits for the other; every concern
 * becomes one case, nothing is quarantined ("already imported" is never a reason), and no
 * reporter is told "opened" by an import alone: that waits for a lead to open the case.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileConcern } from '../../../src/concerns';
import { FormRegistry } from '../../../src/forms';
import { openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson, runCli } from '../support/cli';
import { contactAnswers, leadOpens, makeSchool, type SchoolFixture } from '../support/school';

const CONCERNS = 60;
let school: SchoolFixture;

beforeAll(async () => {
  school = await makeSchool();
  const store = await openStaffStore(
    school.staffHome,
    new UnprotectedFileKeyProvider(school.staffHome),
  );
  try {
    const forms = FormRegistry.builtIn();
    for (let i = 0; i < CONCERNS; i++) {
      await fileConcern(
        { store, forms },
        {
          formId: 'private-online-contact-with-pupil',
          answers: contactAnswers(),
          reporter: { name: 'Sam Teacher', role: 'Class teacher' },
        },
      );
    }
  } finally {
    store.close();
  }
});
afterAll(async () => school.cleanup());

interface ImportJson {
  imported: number;
  quarantined: unknown[];
  inQuarantine: number;
}

describe('two imports at once', () => {
  it('import every concern once between them, quarantine nothing, and acknowledge only what a lead opens', async () => {
    const args = ['lead', 'import', '--json', '--passphrase-file', school.passphraseFile];
    const [a, b] = await Promise.all([runCli(school.dslHome, args), runCli(school.dslHome, args)]);

    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const results = [JSON.parse(a.stdout) as ImportJson, JSON.parse(b.stdout) as ImportJson];
    expect(results.reduce((sum, r) => sum + r.imported, 0)).toBe(CONCERNS);
    expect(results.map((r) => r.quarantined)).toEqual([[], []]);
    expect(results.map((r) => r.inQuarantine)).toEqual([0, 0]);
    expect(
      await cliJson(school.dslHome, [
        'lead',
        'quarantine',
        '--passphrase-file',
        school.passphraseFile,
      ]),
    ).toEqual([]);
    const cases = await cliJson<Array<{ reference: string }>>(school.dslHome, [
      'lead',
      'list',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(cases).toHaveLength(CONCERNS);
    expect(new Set(cases.map((c) => c.reference)).size).toBe(CONCERNS);
    expect(await readdir(join(school.share, 'acks'))).toEqual([]);

    await leadOpens(
      { home: school.dslHome, passphraseFile: school.passphraseFile },
      cases[0]!.reference,
    );
    expect(await readdir(join(school.share, 'acks'))).toHaveLength(1);
  });
});
