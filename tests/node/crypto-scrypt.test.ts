/**
 * Passphrase files on Node's native scrypt (native-scrypt.ts): byte-for-byte interoperable with
 * age-encryption at several work factors and with Debian's `age -p` / `age -d` both ways, refusing
 * what age-encryption refuses with the same words, and the lead's real identity file still opens.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAgeKeyPair, openWithPassphrase, sealWithPassphrase } from '../../src/crypto';
import { NativeScryptIdentity, NativeScryptRecipient } from '../../src/crypto/native-scrypt';
import { ageOnTerminal, hasAge, hasScript } from './support/age';
import { runCli } from './support/cli';
import { makeSchool, PASSPHRASE, tempWorkspace, type SchoolFixture } from './support/school';

const PASS = 'a long enough passphrase';
const canDriveAge = hasAge && hasScript;

/** Sealed the way versions before native scrypt sealed: age-encryption's own passphrase path. */
async function librarySeal(plain: string, passphrase: string, logN?: number): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  if (logN !== undefined) encrypter.setScryptWorkFactor(logN);
  return encrypter.encrypt(plain);
}

/** Opened by age-encryption's own scrypt identity, as the reference. */
function libraryDecrypter(passphrase: string): Decrypter {
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  return decrypter;
}

/** Opened by the native scrypt identity alone, as `openWithPassphrase` opens. */
function nativeDecrypter(passphrase: string): Decrypter {
  const decrypter = new Decrypter();
  decrypter.addIdentity(new NativeScryptIdentity(passphrase));
  return decrypter;
}

/** The header lines of an age file, through the MAC line. */
function headerLines(file: Uint8Array): string[] {
  const bytes = Buffer.from(file);
  const end = bytes.indexOf(0x0a, bytes.indexOf('\n--- ') + 1);
  return bytes.subarray(0, end).toString('latin1').split('\n');
}

/** The header of an age file, through the MAC line's newline. */
function headerOf(file: Uint8Array): Uint8Array {
  return Buffer.from(file).subarray(0, headerLines(file).join('\n').length + 1);
}

/** The file with header line `index` replaced; the payload is kept as it was. */
function withHeaderLine(file: Uint8Array, index: number, line: string): Buffer {
  const lines = headerLines(file);
  const headerLength = lines.join('\n').length;
  lines[index] = line;
  return Buffer.concat([
    Buffer.from(lines.join('\n'), 'latin1'),
    Buffer.from(file).subarray(headerLength),
  ]);
}

/** Unpadded base64 with one bit of its byte `at` flipped, re-encoded canonically. */
function flipBit(base64: string, at: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64').replace(/=+$/, '');
}

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let atTen: Uint8Array;
let salt: string;
beforeAll(async () => {
  ws = await tempWorkspace();
  atTen = await librarySeal('at work factor ten', PASS, 10);
  salt = headerLines(atTen)[1]?.split(' ')[2] ?? '';
});
afterAll(async () => rm(ws.root, { recursive: true, force: true }));

describe('native scrypt against age-encryption', () => {
  it.each([1, 2, 10, 14, 18])(
    'opens what age-encryption sealed at work factor %i, with the same file key',
    async (logN) => {
      const sealed = await librarySeal(`sealed at ${logN}`, PASS, logN);
      const native = await nativeDecrypter(PASS).decryptHeader(headerOf(sealed));
      const reference = await libraryDecrypter(PASS).decryptHeader(headerOf(sealed));
      expect(Buffer.from(native).equals(Buffer.from(reference))).toBe(true);
      expect(Buffer.from(await openWithPassphrase(sealed, PASS)).toString()).toBe(
        `sealed at ${logN}`,
      );
    },
  );

  it("seals one scrypt stanza at age's default work factor that age-encryption opens", async () => {
    const sealed = await sealWithPassphrase(Buffer.from('sealed natively'), PASS);
    const lines = headerLines(sealed);
    expect(lines).toHaveLength(4); // version, stanza, body, MAC
    expect(lines[1]).toMatch(/^-> scrypt [A-Za-z0-9+/]{21}[AQgw] 18$/);
    expect(Buffer.from(await libraryDecrypter(PASS).decrypt(sealed)).toString()).toBe(
      'sealed natively',
    );
  });

  it('wraps with a fresh salt every time', async () => {
    const recipient = new NativeScryptRecipient(PASS, 2);
    const fileKey = new Uint8Array(16);
    const [a] = await recipient.wrapFileKey(fileKey);
    const [b] = await recipient.wrapFileKey(fileKey);
    expect(a?.args[1]).not.toBe(b?.args[1]);
    expect(Buffer.from(a?.body ?? []).equals(Buffer.from(b?.body ?? []))).toBe(false);
  });

  it('passes a non-ASCII passphrase to scrypt as UTF-8, as age-encryption does', async () => {
    const passphrase = 'café über straße ✓ 🔑';
    const sealed = await librarySeal('unicode', passphrase, 10);
    expect(Buffer.from(await openWithPassphrase(sealed, passphrase)).toString()).toBe('unicode');
  });
});

describe('refusals', () => {
  it('says a wrong passphrase is wrong', async () => {
    await expect(openWithPassphrase(atTen, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: 'The passphrase is wrong.',
    });
  });

  it('cannot tell a changed stanza body from a wrong passphrase, like age', async () => {
    const body = headerLines(atTen)[2] ?? '';
    const tampered = withHeaderLine(atTen, 2, flipBit(body, 20));
    await expect(openWithPassphrase(tampered, PASS)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await expect(libraryDecrypter(PASS).decrypt(tampered)).rejects.toThrow('no identity matched');
  });

  it('says a changed salt is a wrong passphrase too (another key is derived)', async () => {
    const tampered = withHeaderLine(atTen, 1, `-> scrypt ${flipBit(salt, 3)} 10`);
    await expect(openWithPassphrase(tampered, PASS)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('says a changed header MAC is tampering', async () => {
    const lines = headerLines(atTen);
    const mac = (lines[3] ?? '').slice(4);
    const tampered = withHeaderLine(atTen, 3, `--- ${flipBit(mac, 31)}`);
    await expect(openWithPassphrase(tampered, PASS)).rejects.toMatchObject({
      code: 'tampered',
      message: 'Its age header fails its integrity check (tampered).',
    });
  });

  it('says a changed payload is tampering', async () => {
    const tampered = Buffer.from(atTen);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 0x40;
    await expect(openWithPassphrase(tampered, PASS)).rejects.toMatchObject({ code: 'tampered' });
  });

  it.each(['21', '22', '64', '99999999999999999999'])(
    'refuses work factor %s before deriving anything, with age-encryption’s words',
    async (logN) => {
      const file = withHeaderLine(atTen, 1, `-> scrypt ${salt} ${logN}`);
      await expect(nativeDecrypter(PASS).decrypt(file)).rejects.toThrow(
        'scrypt work factor is too high',
      );
      await expect(libraryDecrypter(PASS).decrypt(file)).rejects.toThrow(
        'scrypt work factor is too high',
      );
      await expect(openWithPassphrase(file, PASS)).rejects.toMatchObject({ code: 'corrupt' });
    },
  );

  it('refuses a scrypt stanza that is not alone in the header, as age does', async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(new NativeScryptRecipient(PASS, 2));
    encrypter.addRecipient((await generateAgeKeyPair()).recipient);
    const mixed = await encrypter.encrypt('two stanzas');
    const message = 'scrypt recipient is not the only one in the header';
    await expect(nativeDecrypter(PASS).decrypt(mixed)).rejects.toThrow(message);
    await expect(libraryDecrypter(PASS).decrypt(mixed)).rejects.toThrow(message);
    await expect(openWithPassphrase(mixed, PASS)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it.each([
    { what: 'an extra argument', args: () => `scrypt ${salt} 10 x`, message: 'invalid scrypt' },
    { what: 'no work factor', args: () => `scrypt ${salt}`, message: 'invalid scrypt stanza' },
    { what: 'a zero work factor', args: () => `scrypt ${salt} 0`, message: 'invalid scrypt' },
    { what: 'a leading zero', args: () => `scrypt ${salt} 010`, message: 'invalid scrypt stanza' },
    { what: 'a plus sign', args: () => `scrypt ${salt} +10`, message: 'invalid scrypt stanza' },
    { what: 'a long salt', args: () => `scrypt ${salt}AAAA 10`, message: 'invalid scrypt' },
    { what: 'a short salt', args: () => `scrypt ${salt.slice(4)} 10`, message: 'invalid scrypt' },
    // age-encryption's base64 decoder words this one itself ("Non-zero padding").
    {
      what: 'a non-canonical salt',
      args: () => `scrypt ${salt.slice(0, -1)}B 10`,
      message: 'invalid scrypt stanza',
      libraryMessage: 'padding',
    },
  ])('refuses a stanza with $what as corrupt', async ({ args, message, libraryMessage }) => {
    const file = withHeaderLine(atTen, 1, `-> ${args()}`);
    await expect(nativeDecrypter(PASS).decrypt(file)).rejects.toThrow(message);
    await expect(libraryDecrypter(PASS).decrypt(file)).rejects.toThrow(libraryMessage ?? message);
    await expect(openWithPassphrase(file, PASS)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('refuses a stanza body that is not a wrapped 16-byte file key', async () => {
    const body = Buffer.from(headerLines(atTen)[2] ?? '', 'base64');
    const longer = Buffer.concat([body, Buffer.from([0])])
      .toString('base64')
      .replace(/=+$/, '');
    const file = withHeaderLine(atTen, 2, longer);
    await expect(nativeDecrypter(PASS).decrypt(file)).rejects.toThrow('invalid stanza');
    await expect(libraryDecrypter(PASS).decrypt(file)).rejects.toThrow('invalid stanza');
    await expect(openWithPassphrase(file, PASS)).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe.skipIf(!canDriveAge)("Debian's age on a terminal (skipped without age and script)", () => {
  it('opens what `age -p` sealed (work factor 18)', async () => {
    const plain = join(ws.root, 'plain.txt');
    const sealed = join(ws.root, 'by-age.age');
    await writeFile(plain, 'sealed by Debian age');
    expect(ageOnTerminal(['-p', '-o', sealed, plain], [PASS, PASS])).toBe(0);
    const bytes = await readFile(sealed);
    expect(headerLines(bytes)[1]).toMatch(/ 18$/);
    expect(Buffer.from(await openWithPassphrase(bytes, PASS)).toString()).toBe(
      'sealed by Debian age',
    );
  });

  it('lets `age -d` open what the app seals', async () => {
    const sealed = join(ws.root, 'by-app.age');
    const out = join(ws.root, 'by-app.txt');
    await writeFile(sealed, await sealWithPassphrase(Buffer.from('sealed by the app'), PASS));
    expect(ageOnTerminal(['-d', '-o', out, sealed], [PASS])).toBe(0);
    expect(await readFile(out, 'utf8')).toBe('sealed by the app');
  });

  it('sees `age -d` refuse a wrong passphrase, so the checks above can fail', async () => {
    const sealed = join(ws.root, 'wrong.age');
    await writeFile(sealed, atTen);
    expect(ageOnTerminal(['-d', '-o', join(ws.root, 'wrong.txt'), sealed], ['nope'])).not.toBe(0);
  });
});

describe("the lead's identity file", () => {
  let school: SchoolFixture;
  beforeAll(async () => {
    school = await makeSchool();
  });
  afterAll(async () => school.cleanup());
  const identityFile = () => join(school.dslHome, 'lead', 'identity.age');

  it('is written by `school init` as one scrypt stanza at work factor 18', async () => {
    const lines = headerLines(await readFile(identityFile()));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^-> scrypt \S{22} 18$/);
  });

  it('unlocks for lead commands', async () => {
    const listed = await runCli(school.dslHome, [
      'lead',
      'list',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
  });

  it.skipIf(!canDriveAge)('opens with `age -d` and the passphrase', async () => {
    const out = join(school.root, 'identity.json');
    expect(ageOnTerminal(['-d', '-o', out, identityFile()], [PASSPHRASE])).toBe(0);
    const secrets = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>;
    expect(secrets.format).toBe('safeguard-desk/lead-identity');
    expect(secrets.ageIdentity).toMatch(/^AGE-SECRET-KEY-1/);
  });

  it('still unlocks when sealed by age-encryption itself, as earlier versions did', async () => {
    const plain = await openWithPassphrase(await readFile(identityFile()), PASSPHRASE);
    await writeFile(identityFile(), await librarySeal(Buffer.from(plain).toString(), PASSPHRASE));
    const listed = await runCli(school.dslHome, [
      'lead',
      'list',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
  });
});
