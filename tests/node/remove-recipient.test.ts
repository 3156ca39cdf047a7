/**
 * Issue 8 §2: the DSL removes a recipient. The profile is re-signed without them (next serial);
 * an enrolled staff machine accepts it, and a concern filed afterwards cannot be opened by the
 * removed deputy's identity (Debian's `age -d`), while the DSL opens it; what the deputy received
 * before stays readable to them. The DSL cannot remove themself, nor can a lead without the root
 * key remove anyone.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAge } from './support/age';
import { cliJson, runCli } from './support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type JoinedRecipient,
  type SchoolFixture,
} from './support/school';

const REMOVAL_WORDS =
  'Nothing new will be sealed to Dan Deputy. What they already received stays readable to them.';

describe.skipIf(!hasAge)('removing a recipient', () => {
  let school: SchoolFixture;
  let deputy: JoinedRecipient;
  let deputyId: string;
  let answersFile: string;
  const identity: Record<'dsl' | 'deputy', string> = { dsl: '', deputy: '' };

  /** Whether `who` can open the concern file with Debian's age. */
  function canOpen(who: 'dsl' | 'deputy', file: string): boolean {
    try {
      execFileSync('age', ['-d', '-i', identity[who], join(school.share, 'concerns', file)], {
        stdio: 'pipe',
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Files a concern from the staff machine; returns its file name on the share. */
  async function fileConcern(): Promise<string> {
    const before = new Set(await readdir(join(school.share, 'concerns')));
    await cliJson(school.staffHome, reportArgs(answersFile));
    const added = (await readdir(join(school.share, 'concerns'))).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    return added[0] ?? '';
  }

  async function exportIdentity(home: string, passphraseFile: string, name: string) {
    const exported = await runCli(home, [
      'lead',
      'export-identity',
      '--passphrase-file',
      passphraseFile,
    ]);
    const file = join(school.root, name);
    await writeFile(file, exported.stdout, { mode: 0o600 });
    return file;
  }

  beforeAll(async () => {
    school = await makeSchool();
    answersFile = await writeAnswers(school.root, contactAnswers());
    deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
    identity.dsl = await exportIdentity(school.dslHome, school.passphraseFile, 'dsl.key');
    identity.deputy = await exportIdentity(deputy.home, deputy.passphraseFile, 'deputy.key');
    const shown = await cliJson<{ recipients: Array<{ id: string; role: string }> }>(
      school.staffHome,
      ['school', 'show'],
    );
    deputyId = shown.recipients.find((r) => r.role === 'deputy')?.id ?? '';
  });
  afterAll(async () => school?.cleanup());

  it('refuses a lead without the root key, changing nothing', async () => {
    const before = await readFile(join(school.share, 'school.json'), 'utf8');
    const result = await runCli(deputy.home, [
      'school',
      'remove-recipient',
      deputyId,
      '--passphrase-file',
      deputy.passphraseFile,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "safeguard-desk: Only the DSL who set the school up holds the school's root key.\n",
    );
    expect(await readFile(join(school.share, 'school.json'), 'utf8')).toBe(before);
  });

  it('refuses to remove the DSL who holds the root key, or someone not on the profile', async () => {
    const { recipients } = await cliJson<{ recipients: Array<{ id: string; role: string }> }>(
      school.dslHome,
      ['school', 'show'],
    );
    const dslId = recipients.find((r) => r.role === 'dsl')?.id ?? '';
    const remove = (id: string) =>
      runCli(school.dslHome, [
        'school',
        'remove-recipient',
        id,
        '--passphrase-file',
        school.passphraseFile,
      ]);
    expect((await remove(dslId)).stderr).toBe(
      "safeguard-desk: The DSL who holds the school's root key cannot be removed: they sign every change to the school.\n",
    );
    expect((await remove('2b7c1d9e-0000-4000-8000-000000000000')).stderr).toBe(
      'safeguard-desk: Nobody with that id is on the school profile.\n',
    );
    const usage = await runCli(school.dslHome, ['school', 'remove-recipient']);
    expect(usage.code).toBe(2);
  });

  it('re-signs the profile without the deputy and says plainly what that means', async () => {
    const earlier = await fileConcern();
    expect(canOpen('deputy', earlier)).toBe(true);

    const result = await runCli(school.dslHome, [
      'school',
      'remove-recipient',
      deputyId,
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `Removed Dan Deputy from the school profile and re-signed it (version 3).\n${REMOVAL_WORDS}\n`,
    );
    const signed = JSON.parse(await readFile(join(school.share, 'school.json'), 'utf8')) as {
      profile: { serial: number; recipients: Array<{ name: string }> };
    };
    expect(signed.profile.serial).toBe(3);
    expect(signed.profile.recipients.map((r) => r.name)).toEqual(['Ellie Shea']);

    // The staff machine accepts the new profile (signed by the pinned key) and seals to it.
    const later = await fileConcern();
    expect(canOpen('dsl', later)).toBe(true);
    expect(canOpen('deputy', later)).toBe(false);
    // What the deputy received before stays readable to them.
    expect(canOpen('deputy', earlier)).toBe(true);

    const shown = await cliJson<{ serial: number; warning: string | null }>(school.staffHome, [
      'school',
      'show',
    ]);
    expect(shown).toMatchObject({ serial: 3, warning: null });
  });

  it('says the same in --json', async () => {
    await addJoinedRecipient(school, 'chair', 'Chris Chair');
    const { recipients } = await cliJson<{ recipients: Array<{ id: string; role: string }> }>(
      school.dslHome,
      ['school', 'show'],
    );
    const chairId = recipients.find((r) => r.role === 'chair')?.id ?? '';
    const removed = await cliJson(school.dslHome, [
      'school',
      'remove-recipient',
      chairId,
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(removed).toEqual({
      removed: { id: chairId, name: 'Chris Chair', role: 'chair' },
      profileSerial: 5,
      message:
        'Nothing new will be sealed to Chris Chair. What they already received stays readable to them.',
    });
  });
});
