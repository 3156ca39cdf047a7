/**
 * The native age paths used by import (X25519 stanza unwrap, STREAM payload) give exactly what
 * age-encryption and Debian's age give, across chunk boundaries, and refuse every alteration.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { hasAge } from './support/age';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateAgeKeyPair,
  SealedFileOpener,
  sealToRecipients,
  type AgeKeyPair,
} from '../../src/crypto';

const CHUNK = 64 * 1024;
const SEALED_CHUNK = CHUNK + 16;

let pair: AgeKeyPair;
let opener: SealedFileOpener;
let dir: string;
beforeAll(async () => {
  pair = await generateAgeKeyPair();
  opener = await SealedFileOpener.create(pair.identity);
  dir = await mkdtemp(join(tmpdir(), 'sgd-age-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Offset of the payload (after the header's MAC line) in an age file. */
function payloadStart(file: Uint8Array): number {
  const bytes = Buffer.from(file);
  return bytes.indexOf(0x0a, bytes.indexOf('\n--- ') + 5) + 1;
}

describe('native age decryption', () => {
  it.each([0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 200_000])(
    'matches age-encryption byte for byte for a %i-byte plaintext',
    async (size) => {
      const plain = randomBytes(size);
      const sealed = await sealToRecipients(plain, [pair.recipient]);
      const reference = new Decrypter();
      reference.addIdentity(pair.identity);
      expect(Buffer.from(await reference.decrypt(sealed)).equals(plain)).toBe(true);
      expect(Buffer.from(await opener.open(sealed)).equals(plain)).toBe(true);
    },
  );

  it.skipIf(!hasAge)('opens what Debian age sealed, across several chunks', async () => {
    const plain = randomBytes(3 * CHUNK + 123);
    await writeFile(join(dir, 'p.bin'), plain);
    execFileSync('age', ['-r', pair.recipient, '-o', join(dir, 'p.age'), join(dir, 'p.bin')]);
    const sealed = execFileSync('cat', [join(dir, 'p.age')]);
    expect(Buffer.from(await opener.open(sealed)).equals(plain)).toBe(true);
  });

  it('finds its own stanza among several recipients', async () => {
    const others = await Promise.all([generateAgeKeyPair(), generateAgeKeyPair()]);
    const sealed = await sealToRecipients(Buffer.from('for three'), [
      others[0].recipient,
      pair.recipient,
      others[1].recipient,
    ]);
    expect(Buffer.from(await opener.open(sealed)).toString()).toBe('for three');
  });

  it('refuses a file truncated at a chunk boundary', async () => {
    const sealed = Buffer.from(
      await sealToRecipients(randomBytes(2 * CHUNK + 10), [pair.recipient]),
    );
    const cut = sealed.subarray(0, payloadStart(sealed) + 16 + 2 * SEALED_CHUNK);
    await expect(opener.open(cut)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses a file with bytes appended', async () => {
    const sealed = Buffer.from(await sealToRecipients(randomBytes(500), [pair.recipient]));
    await expect(opener.open(Buffer.concat([sealed, Buffer.from('extra')]))).rejects.toMatchObject({
      code: 'tampered',
    });
  });

  it('refuses a file whose payload nonce was changed', async () => {
    const sealed = Buffer.from(await sealToRecipients(randomBytes(500), [pair.recipient]));
    const start = payloadStart(sealed);
    sealed[start] = (sealed[start] ?? 0) ^ 0x80;
    await expect(opener.open(sealed)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses a header without its MAC line as corrupt', async () => {
    await expect(
      opener.open(Buffer.from('age-encryption.org/v1\n-> X25519 abc\n')),
    ).rejects.toMatchObject({
      code: 'corrupt',
    });
  });

  it('says a file for other recipients is not addressed to this lead', async () => {
    const other = await generateAgeKeyPair();
    const sealed = await sealToRecipients(Buffer.from('not yours'), [other.recipient]);
    await expect(opener.open(sealed)).rejects.toMatchObject({ code: 'not-addressed' });
  });

  it('refuses an identity string that is not one', async () => {
    await expect(SealedFileOpener.create('AGE-SECRET-KEY-1NOTAKEY')).rejects.toThrow(
      'That is not an age identity (AGE-SECRET-KEY-1…).',
    );
  });
});
