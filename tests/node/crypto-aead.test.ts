/**
 * ChaCha20-Poly1305 gives the same bytes natively (Node's OpenSSL) and in pure JS (the path
 * Electron's BoringSSL needs), and both refuse an altered byte.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chachaOpen, chachaSeal, nativeChaCha, portableChaCha } from '../../src/crypto/aead';

describe('ChaCha20-Poly1305', () => {
  it('seals to the same bytes natively and in pure JS, and each opens the other', () => {
    expect(nativeChaCha).toBe(true); // Node 24 with OpenSSL: the fast path is the one tested here
    for (const size of [0, 1, 16, 1000, 65_536]) {
      const key = randomBytes(32);
      const nonce = randomBytes(12);
      const plain = randomBytes(size);
      const aad = randomBytes(20);
      const sealed = chachaSeal(key, nonce, plain, aad);
      expect(sealed.equals(portableChaCha.seal(key, nonce, plain, aad))).toBe(true);
      expect(portableChaCha.open(key, nonce, sealed, aad).equals(plain)).toBe(true);
      expect(chachaOpen(key, nonce, sealed, aad)?.equals(plain)).toBe(true);
    }
  });

  it('refuses an altered byte, a wrong key or wrong associated data', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const sealed = chachaSeal(key, nonce, Buffer.from('a concern'), Buffer.from('draft-1'));
    const flipped = Buffer.from(sealed);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(chachaOpen(key, nonce, flipped, Buffer.from('draft-1'))).toBeNull();
    expect(chachaOpen(randomBytes(32), nonce, sealed, Buffer.from('draft-1'))).toBeNull();
    expect(chachaOpen(key, nonce, sealed, Buffer.from('draft-2'))).toBeNull();
    expect(() => portableChaCha.open(key, nonce, flipped, Buffer.from('draft-1'))).toThrow();
  });
});
