/**
 * Issue 8 §3: a recovery key is made at school set-up and when a lead joins; the lead's secrets go
 * to `<share>/recovery/<recipient id>.age` sealed with it, so Debian's `age -d` opens that file
 * with the key as typed. The share is untrusted: a recovery file is read bounded, a planted one
 * never blocks the real one, and what opens is trusted only when it matches the school profile.
 */
import { lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAgeKeyPair } from '../../src/crypto';
import {
  checkSecretsOnProfile,
  generateRecoveryKey,
  openRecoveryFile,
  parseRecoveryKey,
  writeRecoveryFile,
  type LeadSecrets,
} from '../../src/lead';
import { verifyProfile, type SchoolProfile } from '../../src/school';
import { openShare, SHARE_LIMITS } from '../../src/share';
import { ageOnTerminal, hasAge, hasScript } from './support/age';
import { cliJson, runCli } from './support/cli';
import { PASSPHRASE, tempWorkspace } from './support/school';

const KEY_SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}$/;

describe('a recovery key', () => {
  it('is six groups of five Crockford base32 symbols, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateRecoveryKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(KEY_SHAPE);
  });

  it('is read back in any case, with spaces or without dashes, and with O for 0 and I or L for 1', () => {
    const key = generateRecoveryKey();
    expect(parseRecoveryKey(key.toLowerCase())).toBe(key);
    expect(parseRecoveryKey(` ${key.replaceAll('-', ' ')}\n`)).toBe(key);
    expect(parseRecoveryKey(key.replaceAll('-', ''))).toBe(key);
    const lookalikes = key.replaceAll('0', 'O').replaceAll('1', 'l');
    expect(parseRecoveryKey(lookalikes)).toBe(key);
  });

  it('is refused with a typing mistake, without quoting it', () => {
    const key = generateRecoveryKey();
    const first = key.charAt(0);
    const typo = (first === 'A' ? 'B' : 'A') + key.slice(1);
    expect(() => parseRecoveryKey(typo)).toThrow(/check it for a typing mistake/);
    expect(() => parseRecoveryKey(key.slice(0, -1))).toThrow(/typing mistake/);
    try {
      parseRecoveryKey(typo);
    } catch (error) {
      expect((error as Error).message).not.toContain(key.slice(6, 11));
      expect((error as { code?: string }).code).toBe('bad-recovery-key');
    }
  });
});

describe('the recovery file written at school set-up', () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let home: string;
  let recoveryKey: string;
  let profile: SchoolProfile;
  let dslId: string;

  beforeAll(async () => {
    ws = await tempWorkspace();
    home = join(ws.root, 'dsl');
    const init = await cliJson<{ safetyCode: string; schoolId: string; recoveryKey: string }>(
      home,
      [
        'school',
        'init',
        '--share',
        ws.share,
        '--school',
        'Barnsole Primary',
        '--lead-name',
        'Ellie Shea',
        '--passphrase-file',
        ws.passphraseFile,
      ],
    );
    expect(Object.keys(init).sort()).toEqual(['recoveryKey', 'safetyCode', 'schoolId']);
    recoveryKey = init.recoveryKey;
    profile = verifyProfile(await readFile(join(ws.share, 'school.json'), 'utf8')).profile;
    dslId = profile.recipients[0]?.id ?? '';
  });
  afterAll(async () => rm(ws.root, { recursive: true, force: true }));

  const recoveryFile = () => join(ws.share, 'recovery', `${dslId}.age`);

  it('is printed by `school init --json` as a recovery key', () => {
    expect(recoveryKey).toMatch(KEY_SHAPE);
  });

  it('lies on the share as recovery/<the DSL id>.age, a 0640 file, and nothing else is there', async () => {
    expect(await readdir(join(ws.share, 'recovery'))).toEqual([`${dslId}.age`]);
    expect(((await lstat(recoveryFile())).mode & 0o777).toString(8)).toBe('640');
  });

  it.skipIf(!(hasAge && hasScript))(
    "opens with Debian's `age -d` and the recovery key as shown, holding the root key",
    async () => {
      const out = join(ws.root, 'recovered.json');
      expect(ageOnTerminal(['-d', '-o', out, recoveryFile()], [recoveryKey])).toBe(0);
      const secrets = JSON.parse(await readFile(out, 'utf8')) as LeadSecrets;
      expect(secrets).toMatchObject({
        format: 'safeguard-desk/lead-identity',
        recipientId: dslId,
        role: 'dsl',
      });
      expect(secrets.rootSigningKey).not.toBeNull();
      await expect(checkSecretsOnProfile(secrets, profile)).resolves.toMatchObject({ id: dslId });
      expect(ageOnTerminal(['-d', '-o', `${out}.2`, recoveryFile()], [PASSPHRASE])).not.toBe(0);
    },
  );

  it('opens in the core with the key, typed loosely, and matches the profile', async () => {
    const bytes = await openShare(ws.share).readRecoveryFile(`${dslId}.age`);
    const secrets = await openRecoveryFile(bytes, parseRecoveryKey(recoveryKey.toLowerCase()));
    expect(secrets.recipientId).toBe(dslId);
    expect((await checkSecretsOnProfile(secrets, profile)).role).toBe('dsl');
  });

  it('does not open with another recovery key, or with the passphrase', async () => {
    const bytes = await readFile(recoveryFile());
    await expect(openRecoveryFile(bytes, generateRecoveryKey())).rejects.toMatchObject({
      code: 'wrong-recovery-key',
    });
    await expect(openRecoveryFile(bytes, PASSPHRASE)).rejects.toMatchObject({
      code: 'wrong-recovery-key',
    });
  });

  it('is refused as tampered when its payload was altered', async () => {
    const bytes = Buffer.from(await readFile(recoveryFile()));
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0x01;
    await expect(openRecoveryFile(bytes, recoveryKey)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses, unopened, a planted file demanding a higher scrypt work factor', async () => {
    const bytes = (await readFile(recoveryFile())).toString('latin1');
    const costly = bytes.replace(/^(-> scrypt \S+) 18$/m, '$1 20');
    expect(costly).not.toBe(bytes);
    await expect(openRecoveryFile(Buffer.from(costly, 'latin1'), recoveryKey)).rejects.toThrow(
      'It is not a recovery file written by Safeguard Desk.',
    );
  });

  it('is not trusted when its keys are not those of the recipient on the profile', async () => {
    const secrets = await openRecoveryFile(await readFile(recoveryFile()), recoveryKey);
    const other = { ...secrets, ageIdentity: (await generateAgeKeyPair()).identity };
    await expect(checkSecretsOnProfile(other, profile)).rejects.toMatchObject({
      code: 'not-on-profile',
    });
    const forgedRoot = { ...secrets, rootSigningKey: secrets.signingKey };
    await expect(checkSecretsOnProfile(forgedRoot, profile)).rejects.toMatchObject({
      code: 'not-on-profile',
    });
  });

  it('is never overwritten: a second one for the same lead goes under a new name', async () => {
    const share = openShare(ws.share);
    const secrets = await openRecoveryFile(await readFile(recoveryFile()), recoveryKey);
    const before = await readFile(recoveryFile());
    const name = await writeRecoveryFile(share, secrets, generateRecoveryKey());
    expect(name).toMatch(new RegExp(`^${dslId}\\.[0-9a-f]{16}\\.age$`));
    expect(await readFile(recoveryFile())).toEqual(before);
    expect(await share.listRecoveryFiles()).toEqual([`${dslId}.age`, name].sort());
  });

  it('is read bounded: an oversized file or a link is refused unread', async () => {
    const share = openShare(ws.share);
    const big = '00000000-0000-4000-8000-000000000001.age';
    await writeFile(join(ws.share, 'recovery', big), Buffer.alloc(SHARE_LIMITS.recoveryBytes + 1));
    await expect(share.readRecoveryFile(big)).rejects.toMatchObject({ code: 'too-large' });
    const link = '00000000-0000-4000-8000-000000000002.age';
    await symlink(recoveryFile(), join(ws.share, 'recovery', link));
    await expect(share.readRecoveryFile(link)).rejects.toMatchObject({ code: 'not-a-file' });
    await expect(share.readRecoveryFile('../school.json')).rejects.toMatchObject({
      code: 'bad-id',
    });
  });

  it('is not listed when its name is not a recipient id', async () => {
    await mkdir(join(ws.share, 'recovery'), { recursive: true });
    await writeFile(join(ws.share, 'recovery', 'notes.txt'), 'hello');
    expect(await openShare(ws.share).listRecoveryFiles()).not.toContain('notes.txt');
  });

  it('is made for a lead who joins: their own key, their own file', async () => {
    const oneTime = join(ws.root, 'deputy-one-time.txt');
    await writeFile(oneTime, `one-time ${PASSPHRASE}\n`);
    const passFile = join(ws.root, 'deputy-pass.txt');
    await writeFile(passFile, `${PASSPHRASE} deputy\n`);
    const identity = join(ws.root, 'deputy.identity.age');
    const added = await cliJson<{ id: string }>(home, [
      'school',
      'add-recipient',
      '--role',
      'deputy',
      '--name',
      'Dan Deputy',
      '--passphrase-file',
      ws.passphraseFile,
      '--new-passphrase-file',
      oneTime,
      '--identity-out',
      identity,
    ]);
    const joined = await runCli(join(ws.root, 'deputy-home'), [
      'lead',
      'join',
      '--identity',
      identity,
      '--share',
      ws.share,
      '--passphrase-file',
      oneTime,
      '--new-passphrase-file',
      passFile,
      '--json',
    ]);
    expect(joined.stderr).toBe('');
    const { recoveryKey: deputyKey, recipientId } = JSON.parse(joined.stdout) as {
      recoveryKey: string;
      recipientId: string;
    };
    expect(recipientId).toBe(added.id);
    expect(deputyKey).toMatch(KEY_SHAPE);
    expect(deputyKey).not.toBe(recoveryKey);
    const bytes = await openShare(ws.share).readRecoveryFile(`${added.id}.age`);
    const secrets = await openRecoveryFile(bytes, deputyKey);
    expect(secrets).toMatchObject({ recipientId: added.id, role: 'deputy', rootSigningKey: null });
    await expect(openRecoveryFile(bytes, recoveryKey)).rejects.toMatchObject({
      code: 'wrong-recovery-key',
    });
  });
});
