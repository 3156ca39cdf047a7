/**
 * Issue 8 §3: a lead changes their passphrase. The identity file is re-sealed and replaced
 * atomically; the old passphrase is refused from then on; a wrong current passphrase is refused as
 * at unlock and changes nothing. Through the real CLI, and the core function beneath it.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAgeKeyPair } from '../../src/crypto';
import { changeLeadPassphrase } from '../../src/lead';
import { runCli } from './support/cli';
import { makeSchool, PASSPHRASE, type SchoolFixture } from './support/school';

describe('changing a lead passphrase', () => {
  let school: SchoolFixture;
  let newFile: string;
  const identity = () => join(school.dslHome, 'lead', 'identity.age');

  function change(current: string, next: string) {
    return runCli(school.dslHome, [
      'lead',
      'change-passphrase',
      '--passphrase-file',
      current,
      '--new-passphrase-file',
      next,
    ]);
  }

  function list(passphraseFile: string) {
    return runCli(school.dslHome, ['lead', 'list', '--passphrase-file', passphraseFile]);
  }

  beforeAll(async () => {
    school = await makeSchool();
    newFile = join(school.root, 'new-pass.txt');
    await writeFile(newFile, 'kestrel velvet 4821 harbour quince\n');
  });
  afterAll(async () => school.cleanup());

  it('refuses a wrong current passphrase as unlocking does, and changes nothing', async () => {
    const before = await readFile(identity());
    const wrong = join(school.root, 'wrong.txt');
    await writeFile(wrong, 'not the passphrase at all\n');
    const result = await change(wrong, newFile);
    expect(result.stderr).toBe('safeguard-desk: The passphrase is wrong.\n');
    expect(result.code).toBe(1);
    expect(await readFile(identity())).toEqual(before);
    await expect(
      changeLeadPassphrase(
        school.dslHome,
        'not the passphrase at all',
        'tundra 93 marmalade ferret oboe',
      ),
    ).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await readFile(identity())).toEqual(before);
  });

  it('refuses a new passphrase that is the current one', async () => {
    const result = await change(school.passphraseFile, school.passphraseFile);
    expect(result.stderr).toBe(
      'safeguard-desk: The new passphrase is the one you have now: choose another. Nothing was changed.\n',
    );
    expect(result.code).toBe(1);
  });

  it('refuses a new passphrase too short to resist guessing, before opening anything', async () => {
    const short = join(school.root, 'short.txt');
    await writeFile(short, 'short\n');
    const result = await change(school.passphraseFile, short);
    // zxcvbn's reason comes first: "short" is easy to guess as well as short.
    expect(result.stderr).toMatch(/^safeguard-desk: This passphrase would be too easy to guess: /);
    expect(result.code).toBe(1);
  });

  describe('once changed', () => {
    beforeAll(async () => {
      const result = await change(school.passphraseFile, newFile);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(
        'Your passphrase has been changed: unlock with the new one from now on. Your recovery key stays the same.\n',
      );
    });

    it('unlocks with the new passphrase', async () => {
      const listed = await list(newFile);
      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
    });

    it('refuses the old passphrase', async () => {
      const listed = await list(school.passphraseFile);
      expect(listed.code).toBe(1);
      expect(listed.stderr).toMatch(/^safeguard-desk: The passphrase is wrong\./);
      const again = await runCli(school.dslHome, [
        'lead',
        'export-identity',
        '--passphrase-file',
        school.passphraseFile,
      ]);
      expect(again.code).toBe(1);
    });

    it('left one 0600 identity file and no temp file beside it', async () => {
      const names = (await readdir(join(school.dslHome, 'lead'))).filter(
        (n) => !n.endsWith('.lock'),
      );
      expect(names).toEqual(['identity.age']);
      expect(((await stat(identity())).mode & 0o777).toString(8)).toBe('600');
    });

    it('still uses the root key: the DSL can add a recipient with the new passphrase', async () => {
      const added = await runCli(school.dslHome, [
        'school',
        'add-recipient',
        '--role',
        'office',
        '--name',
        'Olu Office',
        '--recipient',
        (await generateAgeKeyPair()).recipient,
        '--passphrase-file',
        newFile,
      ]);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
    });

    it('changes back, so the change works in both directions', async () => {
      const back = join(school.root, 'back.txt');
      await writeFile(back, `${PASSPHRASE}\n`);
      const result = await change(newFile, back);
      expect(result.code).toBe(0);
      expect((await list(school.passphraseFile)).code).toBe(0);
    });
  });
});
