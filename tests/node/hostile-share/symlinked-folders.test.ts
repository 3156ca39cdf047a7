/**
 * Issue 6 C13: a share folder that is a symlink would make the app write outside the share. A
 * symlinked `concerns/` or `acks/` is refused with a clear error, and nothing lands where it points.
 */
import { mkdtemp, readdir, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliJson, runCli } from '../support/cli';
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
let elsewhere: string;

beforeEach(async () => {
  school = await makeSchool();
  answers = await writeAnswers(school.root, contactAnswers());
  elsewhere = await mkdtemp(join(tmpdir(), 'sgd-elsewhere-'));
});
afterEach(async () => school.cleanup());

/** Replaces a share folder by a symlink to `elsewhere`; returns how to put it back. */
async function linkAway(folder: string): Promise<() => Promise<void>> {
  const real = join(school.share, folder);
  const kept = `${real}-kept`;
  await rename(real, kept).catch(() => undefined);
  await symlink(elsewhere, real);
  return async () => {
    await rm(real);
    await rename(kept, real).catch(() => undefined);
  };
}

describe('symlinked share folders', () => {
  it('refuses a symlinked concerns/ folder: the concern stays queued and nothing is written where it points', async () => {
    const restore = await linkAway('concerns');

    const result = await runCli(school.staffHome, reportArgs(answers));

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Saved on this computer — waiting to reach the school.');
    expect(result.stdout).toContain(
      `The "concerns" folder on the school share at ${school.share} is a link to somewhere else, so it was not used. Tell IT: it must be a real folder.`,
    );
    expect(await readdir(elsewhere)).toEqual([]);

    await restore();
    expect(await cliJson(school.staffHome, ['deliver'])).toEqual({
      delivered: 1,
      pending: 0,
      error: null,
    });
  });

  it('refuses a symlinked acks/ folder: the lead imports and opens, but writes no acknowledgement outside the share', async () => {
    const { reference, delivered } = await cliJson<{ reference: string; delivered: boolean }>(
      school.staffHome,
      reportArgs(answers),
    );
    expect(delivered).toBe(true);
    await linkAway('acks');
    const leadImport = () =>
      cliJson<{
        imported: number;
        acknowledgements: { written: number; owed: number; error: string };
      }>(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);

    expect((await leadImport()).imported).toBe(1);
    await leadOpens({ home: school.dslHome, passphraseFile: school.passphraseFile }, reference);
    const result = await leadImport();

    expect(result.acknowledgements).toEqual({
      written: 0,
      owed: 1,
      error: `The "acks" folder on the school share at ${school.share} is a link to somewhere else, so it was not used. Tell IT: it must be a real folder.`,
    });
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
