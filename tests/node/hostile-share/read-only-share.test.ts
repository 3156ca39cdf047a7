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
  leadOpens,
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

  it('lets a lead import and open a case, owing the acknowledgement to a later import', async () => {
    const { reference } = await cliJson<{ reference: string }>(
      school.staffHome,
      reportArgs(answers),
    );
    makeReadOnly();
    const lead = { home: school.dslHome, passphraseFile: school.passphraseFile };
    const leadImport = () =>
      cliJson<{
        imported: number;
        acknowledgements: { written: number; owed: number; error: string | null };
      }>(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);

    const first = await leadImport();
    expect(first.imported).toBe(1);
    // Imported, not opened: nothing is owed to the reporter yet.
    expect(first.acknowledgements).toEqual({ written: 0, owed: 0, error: null });
    expect((await leadOpens(lead, reference)).reference).toBe(reference);
    expect((await leadImport()).acknowledgements).toEqual({
      written: 0,
      owed: 1,
      error: `The school share at ${school.share} is read-only from this computer.`,
    });

    unmount(school.share);
    readOnly = false;
    expect((await leadImport()).acknowledgements.written).toBe(1);
    expect(await readdir(join(school.share, 'acks'))).toHaveLength(1);
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
