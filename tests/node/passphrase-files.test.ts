/**
 * Issue 6, point 11: a passphrase set up from a file can be typed again later. A BOM, UTF-16 with
 * its BOM and NFD text are normalised at set-up and at unlock alike; what could never be typed
 * the same way (blanks at either end, a blank line, UTF-16 without a BOM) is refused at set-up,
 * and nothing is written. Through the real CLI; "typing" is a second file holding the plain form.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithPassphrase, sealWithPassphrase } from '../../src/crypto';
import { runCli, type CliResult } from './support/cli';
import { makeSchool, PASSPHRASE, type SchoolFixture } from './support/school';

// NFC "é" and "û" are one code point each; NFD spells them as a letter and a combining accent.
const ACCENTED = 'crème brûlée at the café';

function expectRefused(result: CliResult, message: string): void {
  expect(result.stderr).toBe(`safeguard-desk: ${message}\n`);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
}

describe('passphrase files at set-up and at unlock', () => {
  let root: string;

  /** Writes `bytes` as a passphrase file and returns its path. */
  async function passFile(name: string, bytes: string | Buffer): Promise<string> {
    const file = join(root, name);
    await writeFile(file, bytes, { mode: 0o600 });
    return file;
  }

  /** `school init` on a fresh share and home, with the given passphrase file. */
  async function init(name: string, file: string) {
    const share = join(root, `${name}-share`);
    const home = join(root, `${name}-home`);
    await mkdir(share);
    const result = await runCli(home, [
      'school',
      'init',
      '--share',
      share,
      '--school',
      'Barnsole Primary',
      '--lead-name',
      'Ellie Shea',
      '--passphrase-file',
      file,
    ]);
    return { share, home, result };
  }

  /** Set-up from `file` works, and the passphrase typed plainly later unlocks the lead. */
  async function expectTypedUnlockAfterSetUp(name: string, file: string, typed: string) {
    const { home, result } = await init(name, file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const typing = await passFile(`${name}-typed.txt`, typed);
    const listed = await runCli(home, ['lead', 'list', '--passphrase-file', typing, '--json']);
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toEqual([]);
    // The file itself still opens it too.
    const again = await runCli(home, ['lead', 'list', '--passphrase-file', file, '--json']);
    expect(again.code).toBe(0);
  }

  /** Set-up from `file` is refused with `message`, and neither the home nor the share changed. */
  async function expectRefusedAtSetUp(name: string, file: string, message: string) {
    const { share, home, result } = await init(name, file);
    expectRefused(result, message);
    expect(await readdir(share)).toEqual([]);
    await expect(readdir(home)).rejects.toThrow();
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sgd-pass-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('accepts a passphrase file with a UTF-8 BOM, and the same passphrase typed later unlocks', async () => {
    const file = await passFile('bom.txt', `\uFEFF${PASSPHRASE}\n`);
    await expectTypedUnlockAfterSetUp('bom', file, PASSPHRASE);
  });

  it('accepts a UTF-16LE passphrase file with its BOM, and the same passphrase typed later unlocks', async () => {
    const file = await passFile('utf16.txt', Buffer.from(`\uFEFF${PASSPHRASE}\r\n`, 'utf16le'));
    await expectTypedUnlockAfterSetUp('utf16', file, PASSPHRASE);
  });

  it('accepts a passphrase file in NFD, and the same passphrase typed in NFC later unlocks', async () => {
    const nfd = ACCENTED.normalize('NFD');
    expect(nfd).not.toBe(ACCENTED.normalize('NFC'));
    const file = await passFile('nfd.txt', `${nfd}\n`);
    await expectTypedUnlockAfterSetUp('nfd', file, ACCENTED.normalize('NFC'));
  });

  it('refuses at set-up a passphrase that ends with a space, writing nothing', async () => {
    const file = await passFile('trailing.txt', `${PASSPHRASE} \n`);
    await expectRefusedAtSetUp(
      'trailing',
      file,
      'The passphrase ends with a space or other blank, which is easily lost when typed again: remove it.',
    );
  });

  it('refuses at set-up a passphrase file ending in a blank line, writing nothing', async () => {
    const file = await passFile('double.txt', `${PASSPHRASE}\n\n`);
    await expectRefusedAtSetUp(
      'double',
      file,
      'The passphrase contains a line break (a blank line at the end of the file?): it must be one line.',
    );
  });

  it('refuses a UTF-16 passphrase file without a BOM, writing nothing', async () => {
    const file = await passFile('utf16-nobom.txt', Buffer.from(`${PASSPHRASE}\n`, 'utf16le'));
    await expectRefusedAtSetUp(
      'nobom',
      file,
      `The passphrase file ${file} holds NUL bytes but no byte-order mark (UTF-16 without a BOM?): save it as UTF-8.`,
    );
  });

  describe('for a school already set up', () => {
    let school: SchoolFixture;
    beforeAll(async () => {
      school = await makeSchool();
    });
    afterAll(async () => school.cleanup());

    it('refuses a new recipient passphrase that starts with a space, writing no key file', async () => {
      const profileBefore = await readFile(join(school.share, 'school.json'), 'utf8');
      const out = join(school.root, 'dan.identity.age');
      const result = await runCli(school.dslHome, [
        'school',
        'add-recipient',
        '--role',
        'deputy',
        '--name',
        'Dan Deputy',
        '--passphrase-file',
        school.passphraseFile,
        '--new-passphrase-file',
        await passFile('dan.txt', ` ${PASSPHRASE} dan\n`),
        '--identity-out',
        out,
      ]);
      expectRefused(
        result,
        'The passphrase starts with a space or other blank, which is easily lost when typed again: remove it.',
      );
      await expect(readFile(out)).rejects.toThrow();
      expect(await readFile(join(school.share, 'school.json'), 'utf8')).toBe(profileBefore);
    });

    it('refuses at lead join a new passphrase with a tab in it, writing nothing', async () => {
      const out = join(school.root, 'hana.identity.age');
      const added = await runCli(school.dslHome, [
        'school',
        'add-recipient',
        '--role',
        'headteacher',
        '--name',
        'Hana Head',
        '--passphrase-file',
        school.passphraseFile,
        '--new-passphrase-file',
        await passFile('hana.txt', `${PASSPHRASE} hana\n`),
        '--identity-out',
        out,
      ]);
      expect(added.code).toBe(0);
      const home = join(school.root, 'hana-home');
      const result = await runCli(home, [
        'lead',
        'join',
        '--identity',
        out,
        '--share',
        school.share,
        '--passphrase-file',
        join(root, 'hana.txt'),
        '--new-passphrase-file',
        await passFile('hana-tab.txt', `${PASSPHRASE}\thana\n`),
      ]);
      expectRefused(
        result,
        'The passphrase contains a control character (such as a tab), which cannot be typed again the same way.',
      );
      await expect(readdir(home)).rejects.toThrow();
      await expect(readFile(out)).resolves.toBeTruthy(); // the identity file is kept to try again
    });

    it('still unlocks a key file sealed before normalisation with the file it was set up from', async () => {
      // What versions before normalisation sealed from a UTF-8 file with a BOM: the BOM kept.
      const identity = join(school.dslHome, 'lead', 'identity.age');
      const plain = await openWithPassphrase(await readFile(identity), PASSPHRASE);
      const legacyForm = `\uFEFF${PASSPHRASE}`;
      await writeFile(identity, await sealWithPassphrase(plain, legacyForm));
      const file = await passFile('legacy-bom.txt', `${legacyForm}\n`);
      const listed = await runCli(school.dslHome, ['lead', 'list', '--passphrase-file', file]);
      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
    });
  });
});
