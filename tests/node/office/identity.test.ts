/**
 * Issue 9 §1, the office user's identity, through the real CLI: `office init` makes one sealed
 * with the user's passphrase (age scrypt, so `age -d` opens it), enrols the computer and prints
 * the key the DSL adds with `school add-recipient --role office --recipient`; the identity file
 * the DSL makes for an office user is kept, on joining, as the office identity and never as a
 * lead's. Real crypto, real files, real share.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homePaths } from '../../../src/home';
import { unlockOffice } from '../../../src/office/identity';
import { ageOnTerminal, hasAge, hasScript } from '../support/age';
import { cliJson, runCli } from '../support/cli';
import {
  addJoinedRecipient,
  makeSchool,
  PASSPHRASE,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';

const OFFICE_OWN = 'pebble 62 osprey candle meadow';

let school: SchoolFixture;
let officeHome: string;
let officeFile: string;

beforeAll(async () => {
  school = await makeSchool();
  officeHome = join(school.root, 'office-init-home');
  officeFile = join(school.root, 'office-own.txt');
  await writeFile(officeFile, `${OFFICE_OWN}\n`);
});
afterAll(async () => school?.cleanup());

const init = (home: string, passphraseFile: string) =>
  runCli(home, [
    'office',
    'init',
    '--share',
    school.share,
    '--passphrase-file',
    passphraseFile,
    '--json',
  ]);

describe('office init', () => {
  let recipient: string;

  it('refuses an easy passphrase, writing nothing and enrolling nothing', async () => {
    const weak = join(school.root, 'weak.txt');
    await writeFile(weak, 'password123\n');
    const home = join(school.root, 'weak-home');
    const result = await init(home, weak);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^safeguard-desk: /);
    expect(existsSync(homePaths(home).officeIdentity)).toBe(false);
    expect(existsSync(homePaths(home).staffDb)).toBe(false);
  });

  it('makes an office identity, enrols this computer and prints its key and the safety code', async () => {
    const result = await init(officeHome, officeFile);
    expect(result.stderr).toBe('');
    const made = JSON.parse(result.stdout) as { recipient: string; safetyCode: string };
    expect(Object.keys(made).sort()).toEqual(['recipient', 'safetyCode']);
    expect(made.recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(made.safetyCode).toBe(school.safetyCode);
    recipient = made.recipient;
    const enrolled = await cliJson<{ schoolName: string }>(officeHome, ['school', 'show']);
    expect(enrolled.schoolName).toBe('Barnsole Primary');
  });

  it('says in words what to give the DSL, and that the code is to be compared with the poster', async () => {
    const home = join(school.root, 'words-home');
    const result = await runCli(home, [
      'office',
      'init',
      '--share',
      school.share,
      '--passphrase-file',
      officeFile,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Safety code: ${school.safetyCode}`);
    expect(result.stdout).toContain('staff-room poster');
    expect(result.stdout).toMatch(
      /school add-recipient --role office --recipient age1[0-9a-z]{58} --name "YOUR NAME"/,
    );
  });

  it('keeps the identity in its own 0600 file, apart from any lead identity', async () => {
    const file = homePaths(officeHome).officeIdentity;
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
    expect((await readFile(file)).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(existsSync(homePaths(officeHome).leadIdentity)).toBe(false);
    const secrets = await unlockOffice(officeHome, OFFICE_OWN);
    expect(secrets).toMatchObject({ recipientId: null, name: null, signingKey: null });
    expect(secrets.ageIdentity).toMatch(/^AGE-SECRET-KEY-1/);
  });

  it.skipIf(!hasAge || !hasScript)(
    'opens with the standard age tool and the passphrase',
    async () => {
      const out = join(school.root, 'office-opened.json');
      const status = ageOnTerminal(
        ['-d', '-o', out, homePaths(officeHome).officeIdentity],
        [OFFICE_OWN],
      );
      expect(status).toBe(0);
      const opened = JSON.parse(await readFile(out, 'utf8')) as { format: string };
      expect(opened.format).toBe('safeguard-desk/office-identity');
      await rm(out);
    },
  );

  it('refuses to make a second one in the same home, leaving the first untouched', async () => {
    const before = await readFile(homePaths(officeHome).officeIdentity);
    const again = await init(officeHome, officeFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds an office identity');
    expect(await readFile(homePaths(officeHome).officeIdentity)).toEqual(before);
  });

  it('gives a key the DSL can add with the office role', async () => {
    const added = await cliJson<{ role: string; ageRecipient: string }>(school.dslHome, [
      'school',
      'add-recipient',
      '--role',
      'office',
      '--name',
      'Olu Office',
      '--recipient',
      recipient,
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(added).toMatchObject({ role: 'office', ageRecipient: recipient });
  });

  it('is not a lead: lead commands answer that this computer holds no lead identity', async () => {
    const list = await runCli(officeHome, ['lead', 'list', '--passphrase-file', officeFile]);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('no lead identity');
  });
});

describe('joining with the identity file the DSL made for an office user', () => {
  let office: JoinedRecipient;

  beforeAll(async () => {
    office = await addJoinedRecipient(school, 'office', 'Ola Office');
  });

  it('keeps it as the office identity, never a lead one, and gives no recovery key', async () => {
    expect(office.recoveryKey).toBeNull();
    expect(existsSync(homePaths(office.home).officeIdentity)).toBe(true);
    expect(existsSync(homePaths(office.home).leadIdentity)).toBe(false);
    expect(existsSync(homePaths(office.home).leadDb)).toBe(false);
    const secrets = await unlockOffice(office.home, `${PASSPHRASE} office`);
    expect(secrets.name).toBe('Ola Office');
    expect(secrets.recipientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('deletes the identity file and writes no recovery copy of it to the share', async () => {
    expect(existsSync(office.identityFile)).toBe(false);
    const secrets = await unlockOffice(office.home, `${PASSPHRASE} office`);
    const recovery = await readdir(join(school.share, 'recovery')).catch(() => [] as string[]);
    expect(recovery.some((name) => name.startsWith(secrets.recipientId ?? '-'))).toBe(false);
  });

  it('does not open the lead workspace', async () => {
    const list = await runCli(office.home, [
      'lead',
      'list',
      '--passphrase-file',
      office.passphraseFile,
    ]);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('no lead identity');
  });
});
