/**
 * Issue 6 C15: reading needs read access only. On a read-only share a new machine enrols, a lead
 * imports (acknowledgements wait for a later import), and a concern filed stays queued with the
 * cause named. A real read-only bind mount.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliJson, runCli } from '../support/cli';
import { mountReadOnly, mountsUnavailable, unmount } from '../support/mounts';
import {
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

let school: SchoolFixture;
let answers: string;
let readOnly = false;

beforeEach(async () => {
  school = await makeSchool();
  answers = await writeAnswers(school.root, contactAnswers());
});
afterEach(async () => {
  if (readOnly) unmount(school.share);
  readOnly = false;
  await school.cleanup();
});

function makeReadOnly() {
  mountReadOnly(school.share);
  readOnly = true;
}

describe.skipIf(mountsUnavailable !== null)('a read-only share', () => {
  it('lets a new computer enrol', async () => {
    makeReadOnly();
    const result = await cliJson<{ safetyCode: string }>(join(school.root, 'new-staff'), [
      'enroll',
      '--share',
      school.share,
    ]);
    expect(result.safetyCode).toBe(school.safetyCode);
  });

  it('lets a lead import, owing the acknowledgements to a later import', async () => {
    await cliJson(school.staffHome, reportArgs(answers));
    makeReadOnly();

    const result = await cliJson<{
      imported: number;
      acknowledgements: { written: number; owed: number; error: string };
    }>(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);

    expect(result.imported).toBe(1);
    expect(result.acknowledgements).toEqual({
      written: 0,
      owed: 1,
      error: `The school share at ${school.share} is read-only from this computer.`,
    });

    unmount(school.share);
    readOnly = false;
    const later = await cliJson<{ acknowledgements: { written: number } }>(school.dslHome, [
      'lead',
      'import',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(later.acknowledgements.written).toBe(1);
  });

  it('keeps a concern queued, saying the share is read-only', async () => {
    makeReadOnly();
    const result = await runCli(school.staffHome, reportArgs(answers));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `The school share at ${school.share} is read-only from this computer.`,
    );
    expect(await readdir(join(school.share, 'concerns'))).toEqual([]);
  });
});
