/** Crypto: age interop with Debian's age tool both ways, Ed25519 signatures, canonical JSON. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasAge } from './support/age';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  generateAgeKeyPair,
  generateSigningKeyPair,
  keyFingerprint,
  openWithPassphrase,
  publicKeyOf,
  safetyCode,
  SealedFileOpener,
  sealToRecipients,
  sealWithPassphrase,
  signBytes,
  verifyBytes,
} from '../../src/crypto';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sgd-crypto-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('sealing with age', () => {
  it.skipIf(!hasAge)('produces files that Debian age decrypts', async () => {
    const pair = await generateAgeKeyPair();
    const sealed = await sealToRecipients(Buffer.from('a concern'), [pair.recipient]);
    await writeFile(join(dir, 'id.txt'), `${pair.identity}\n`);
    await writeFile(join(dir, 'c.age'), sealed);
    expect(
      execFileSync('age', ['-d', '-i', join(dir, 'id.txt'), join(dir, 'c.age')]).toString(),
    ).toBe('a concern');
  });

  it.skipIf(!hasAge)('opens files that Debian age encrypted', async () => {
    const pair = await generateAgeKeyPair();
    execFileSync('age', ['-r', pair.recipient, '-o', join(dir, 'from-age.age')], {
      input: 'sealed by age',
    });
    const opened = await (
      await SealedFileOpener.create(pair.identity)
    ).open(await readFile(join(dir, 'from-age.age')));
    expect(Buffer.from(opened).toString()).toBe('sealed by age');
  });

  it('seals to several recipients, each of whom can open it', async () => {
    const a = await generateAgeKeyPair();
    const b = await generateAgeKeyPair();
    const sealed = await sealToRecipients(Buffer.from('both'), [a.recipient, b.recipient]);
    for (const p of [a, b])
      expect(
        Buffer.from(await (await SealedFileOpener.create(p.identity)).open(sealed)).toString(),
      ).toBe('both');
  });

  it('says a file is not addressed to this identity', async () => {
    const a = await generateAgeKeyPair();
    const b = await generateAgeKeyPair();
    const sealed = await sealToRecipients(Buffer.from('x'), [a.recipient]);
    await expect((await SealedFileOpener.create(b.identity)).open(sealed)).rejects.toThrow(
      'It is not addressed to this lead.',
    );
  });

  it('says a flipped payload byte is tampering', async () => {
    const a = await generateAgeKeyPair();
    const sealed = Buffer.from(
      await sealToRecipients(Buffer.from('tamper with me'), [a.recipient]),
    );
    sealed[sealed.length - 5] = (sealed[sealed.length - 5] ?? 0) ^ 1;
    await expect((await SealedFileOpener.create(a.identity)).open(sealed)).rejects.toMatchObject({
      code: 'tampered',
    });
  });

  it('says random bytes are not an age file', async () => {
    const a = await generateAgeKeyPair();
    await expect(
      (await SealedFileOpener.create(a.identity)).open(Buffer.from('hello, not age')),
    ).rejects.toMatchObject({
      code: 'corrupt',
    });
  });

  it('protects with a passphrase and refuses a wrong one by name', async () => {
    const sealed = await sealWithPassphrase(
      Buffer.from('secret key material'),
      'correct horse battery',
    );
    expect(Buffer.from(await openWithPassphrase(sealed, 'correct horse battery')).toString()).toBe(
      'secret key material',
    );
    await expect(openWithPassphrase(sealed, 'wrong horse battery')).rejects.toThrow(
      'The passphrase is wrong.',
    );
  });
});

describe('signatures and fingerprints', () => {
  it('verifies a signature and rejects any change to the message', () => {
    const pair = generateSigningKeyPair();
    const sig = signBytes(pair.privateKey, Buffer.from('profile v1'));
    expect(verifyBytes(pair.publicKey, Buffer.from('profile v1'), sig)).toBe(true);
    expect(verifyBytes(pair.publicKey, Buffer.from('profile v2'), sig)).toBe(false);
    expect(verifyBytes(generateSigningKeyPair().publicKey, Buffer.from('profile v1'), sig)).toBe(
      false,
    );
    expect(verifyBytes('not-a-key', Buffer.from('profile v1'), sig)).toBe(false);
  });

  it('derives the public key from the private key', () => {
    const pair = generateSigningKeyPair();
    expect(publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
  });

  it('turns a fingerprint into a 12-character safety code that differs between keys', () => {
    const a = safetyCode(keyFingerprint(generateSigningKeyPair().publicKey));
    const b = safetyCode(keyFingerprint(generateSigningKeyPair().publicKey));
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(a).not.toBe(b);
    expect(safetyCode('0'.repeat(64))).toBe('0000-0000-0000');
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same bytes whatever the key order of the input', () => {
    expect(canonicalJson(JSON.parse('{"x":1,"y":[true,null]}'))).toBe(
      canonicalJson({ y: [true, null], x: 1 }),
    );
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(
      'A signed document cannot contain a non-finite number.',
    );
  });
});
