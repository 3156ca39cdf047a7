/**
 * Issue 6, point 23: `lead join` says what the joining person's role receives, following the
 * routing rules (src/concerns/routing.ts), instead of "a recipient of concerns" for everyone.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, runCli } from './support/cli';
import {
  makeSchool,
  oneTimePassphraseFile,
  PASSPHRASE,
  type SchoolFixture,
} from './support/school';

describe('lead join says what the role receives', () => {
  let school: SchoolFixture;

  /** Adds a recipient with a new key file, then joins as them on a home of their own. */
  async function addAndJoin(role: string, name: string) {
    const oneTime = await oneTimePassphraseFile(school, role);
    const passFile = join(school.root, `${role}-pass.txt`);
    await writeFile(passFile, `${PASSPHRASE} ${role}\n`);
    const identity = join(school.root, `${role}.identity.age`);
    await cliJson(school.dslHome, [
      'school',
      'add-recipient',
      '--role',
      role,
      '--name',
      name,
      '--passphrase-file',
      school.passphraseFile,
      '--new-passphrase-file',
      oneTime,
      '--identity-out',
      identity,
    ]);
    const joined = await runCli(join(school.root, `${role}-home`), [
      'lead',
      'join',
      '--identity',
      identity,
      '--share',
      school.share,
      '--passphrase-file',
      oneTime,
      '--new-passphrase-file',
      passFile,
    ]);
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
    return joined.stdout;
  }

  beforeAll(async () => {
    school = await makeSchool();
  });
  afterAll(async () => school.cleanup());

  it('tells a deputy they receive every concern but one about them or the headteacher', async () => {
    const said = await addAndJoin('deputy', 'Dan Deputy');
    expect(said.replace(/[0-9A-Z]{5}(-[0-9A-Z]{5}){5}/, 'KEY')).toBe(
      'Joined as Deputy Safeguarding Lead: you will receive every concern, except one about you or about the headteacher.\n' +
        `Safety code: ${school.safetyCode}\n\n` +
        'Your recovery key: KEY\n' +
        'Keep this recovery key somewhere safe, away from this computer: without it or your passphrase, nobody can open the concerns sealed to you.\n',
    );
  });

  it('tells the headteacher they receive concerns about a safeguarding lead', async () => {
    expect(await addAndJoin('headteacher', 'Hana Head')).toMatch(
      /^Joined as Headteacher: you will receive concerns about a safeguarding lead\.\nSafety code: /,
    );
  });

  it('tells the chair of governors they receive concerns about the headteacher', async () => {
    expect(await addAndJoin('chair', 'Chris Chair')).toMatch(
      /^Joined as Chair of governors: you will receive concerns about the headteacher\.\nSafety code: /,
    );
  });

  it('tells office staff they receive anonymised summaries, never concerns', async () => {
    const said = await addAndJoin('office', 'Olu Office');
    expect(said).toMatch(
      /^Joined as Office: you will receive anonymised statistical summaries, never concerns\.\nSafety code: /,
    );
    expect(said).not.toContain('recipient of concerns');
    // Kept as an office identity: no recovery key to keep, and a way back in words.
    expect(said).not.toContain('Your recovery key');
    expect(said).toContain('There is no recovery key for office staff');
  });
});
