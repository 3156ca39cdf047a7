/**
 * Issue 8 §3: a lead who forgot the passphrase, or lost the computer, recovers with the recovery
 * key: `lead recover` opens their file on the share, checks it against the school profile, and
 * writes the identity under a new passphrase. A wrong key, a damaged file or junk on the share
 * changes nothing and loses nothing. For the DSL this recovers the school's root key too. Through
 * the real CLI, with real crypto and a temp folder as the share.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAgeKeyPair } from '../../src/crypto';
import { generateRecoveryKey } from '../../src/lead';
import { verifyProfile } from '../../src/school';
import { cliJson, runCli } from './support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from './support/school';

describe('recovering a lead with the recovery key', () => {
  let school: SchoolFixture;
  let dslId: string;
  let newPass: string;
  const identity = (home: string) => join(home, 'lead', 'identity.age');
  const recoveryFile = () => join(school.share, 'recovery', `${dslId}.age`);

  async function keyFile(name: string, key: string): Promise<string> {
    const file = join(school.root, name);
    await writeFile(file, `${key}\n`);
    return file;
  }

  function recover(home: string, key: string, extra: string[] = []) {
    return runCli(home, [
      'lead',
      'recover',
      '--recovery-key-file',
      key,
      '--new-passphrase-file',
      newPass,
      ...extra,
    ]);
  }

  beforeAll(async () => {
    school = await makeSchool();
    const profile = verifyProfile(await readFile(join(school.share, 'school.json'), 'utf8'));
    dslId = profile.profile.recipients[0]?.id ?? '';
    newPass = join(school.root, 'new-pass.txt');
    await writeFile(newPass, 'lantern 77 orchard pebble mosaic\n');
  });
  afterAll(async () => school.cleanup());

  it('refuses a wrong recovery key in one sentence, changing nothing', async () => {
    const before = await readFile(identity(school.dslHome));
    const result = await recover(school.dslHome, await keyFile('wrong.key', generateRecoveryKey()));
    expect(result.stderr).toBe(
      `safeguard-desk: That recovery key does not open your recovery file on the share at ${school.share}: check it for a typing mistake. Nothing was changed.\n`,
    );
    expect(result.code).toBe(1);
    expect(await readFile(identity(school.dslHome))).toEqual(before);
  });

  it('refuses a mistyped recovery key before trying anything', async () => {
    const typo = `${school.recoveryKey.charAt(0) === 'A' ? 'B' : 'A'}${school.recoveryKey.slice(1)}`;
    const result = await recover(school.dslHome, await keyFile('typo.key', typo));
    expect(result.stderr).toMatch(
      /^safeguard-desk: That is not a recovery key .*typing mistake\.\n$/,
    );
    expect(result.code).toBe(1);
  });

  it('names a tampered recovery file the key opens, and changes nothing', async () => {
    const original = await readFile(recoveryFile());
    const tampered = Buffer.from(original);
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0x40;
    await writeFile(recoveryFile(), tampered);
    const before = await readFile(identity(school.dslHome));
    try {
      const result = await recover(school.dslHome, await keyFile('right.key', school.recoveryKey));
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `safeguard-desk: The recovery key opens ${dslId}.age on the share, but it cannot be used (its encrypted payload fails its integrity check (tampered or truncated)): nothing was changed. Ask IT to restore the share's recovery folder from a backup.\n`,
      );
      expect(await readFile(identity(school.dslHome))).toEqual(before);
      const stillOpens = await runCli(school.dslHome, [
        'lead',
        'list',
        '--passphrase-file',
        school.passphraseFile,
      ]);
      expect(stillOpens.code).toBe(0);
    } finally {
      await writeFile(recoveryFile(), original);
    }
  });

  describe('on a fresh computer (the DSL’s laptop was lost)', () => {
    const home = () => join(school.root, 'new-laptop');
    let recovered: { outcome: string; role: string; safetyCode: string; skipped: unknown[] };

    beforeAll(async () => {
      // A concern filed before the laptop was lost: the recovered identity must open it.
      await cliJson(
        school.staffHome,
        reportArgs(await writeAnswers(school.root, contactAnswers())),
      );
      // Junk a share writer planted, and the DSL's own file damaged, with a good copy beside it.
      await writeFile(join(school.share, 'recovery', `${dslId}.0123456789abcdef.age`), 'junk');
      await writeFile(
        join(school.share, 'recovery', '11111111-1111-4111-8111-111111111111.age'),
        'not on the profile',
      );
      await copyFile(
        recoveryFile(),
        join(school.share, 'recovery', `${dslId}.fedcba9876543210.age`),
      );
      await writeFile(recoveryFile(), 'overwritten by someone');
      const result = await runCli(home(), [
        'lead',
        'recover',
        '--recovery-key-file',
        await keyFile('right.key', school.recoveryKey.toLowerCase().replaceAll('-', ' ')),
        '--new-passphrase-file',
        newPass,
        '--share',
        school.share,
        '--json',
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      recovered = JSON.parse(result.stdout) as typeof recovered;
    });

    it('sets the computer up for the DSL and names what it passed over', () => {
      expect(recovered).toMatchObject({
        outcome: 'set-up',
        role: 'dsl',
        safetyCode: school.safetyCode,
        recoveryFile: `${dslId}.fedcba9876543210.age`,
      });
      expect(recovered.skipped).toEqual([
        { file: `${dslId}.age`, reason: 'It is not a recovery file written by Safeguard Desk.' },
        {
          file: `${dslId}.0123456789abcdef.age`,
          reason: 'It is not a recovery file written by Safeguard Desk.',
        },
      ]);
    });

    it('opens the concerns sealed to the DSL with the new passphrase', async () => {
      const imported = await cliJson<{ imported: number }>(home(), [
        'lead',
        'import',
        '--passphrase-file',
        newPass,
      ]);
      expect(imported.imported).toBe(1);
    });

    it('holds the school root key: the recovered DSL adds a recipient that staff machines accept', async () => {
      const added = await runCli(home(), [
        'school',
        'add-recipient',
        '--role',
        'deputy',
        '--name',
        'Dan Deputy',
        '--recipient',
        (await generateAgeKeyPair()).recipient,
        '--passphrase-file',
        newPass,
      ]);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      // The staff machine, pinned to the root key at enrolment, accepts the re-signed profile.
      const enrolled = await cliJson<{ safetyCode: string }>(school.staffHome, [
        'enroll',
        '--share',
        school.share,
      ]);
      expect(enrolled.safetyCode).toBe(school.safetyCode);
      const { profile } = verifyProfile(await readFile(join(school.share, 'school.json'), 'utf8'));
      expect(profile.serial).toBe(2);
      expect(profile.recipients.map((r) => r.name)).toEqual(['Ellie Shea', 'Dan Deputy']);
    });
  });

  it('finds a deputy’s own file among the leads’ files on a new computer', async () => {
    const deputy = await addJoinedRecipient(school, 'deputy', 'Dana Deputy');
    await rm(deputy.home, { recursive: true, force: true });
    const home = join(school.root, 'deputy-new-laptop');
    const out = await cliJson<{ role: string; outcome: string }>(home, [
      'lead',
      'recover',
      '--recovery-key-file',
      await keyFile('deputy.key', deputy.recoveryKey),
      '--new-passphrase-file',
      newPass,
      '--share',
      school.share,
    ]);
    expect(out).toMatchObject({ role: 'deputy', outcome: 'set-up' });
    const listed = await runCli(home, ['lead', 'list', '--passphrase-file', newPass]);
    expect(listed.code).toBe(0);
  });

  describe('on the same computer (the DSL forgot the passphrase)', () => {
    let result: Awaited<ReturnType<typeof recover>>;

    beforeAll(async () => {
      result = await recover(school.dslHome, await keyFile('right2.key', school.recoveryKey));
    });

    it('re-seals the identity under the new passphrase and says so', () => {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /^Recovered Ellie Shea, Designated Safeguarding Lead: your identity on this computer is now sealed with your new passphrase\.\n/,
      );
    });

    it('refuses the forgotten passphrase and unlocks with the new one', async () => {
      const old = await runCli(school.dslHome, [
        'lead',
        'list',
        '--passphrase-file',
        school.passphraseFile,
      ]);
      expect(old.code).toBe(1);
      const fresh = await runCli(school.dslHome, ['lead', 'list', '--passphrase-file', newPass]);
      expect(fresh.stderr).toBe('');
      expect(fresh.code).toBe(0);
    });
  });
});
