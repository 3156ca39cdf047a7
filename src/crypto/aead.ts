/**
 * ChaCha20-Poly1305 (RFC 8439), the AEAD of age and of our drafts. Node's OpenSSL build has it
 * natively (fast: import spends most of its time here); Electron's BoringSSL does not offer it
 * through createCipheriv, so there the audited pure-JS @noble/ciphers (age-encryption's own) is
 * used. Same bytes either way; tested against each other.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { createCipheriv, createDecipheriv, getCiphers } from 'node:crypto';

const TAG = 16;
const native = getCiphers().includes('chacha20-poly1305');

/** Whether this runtime's crypto has ChaCha20-Poly1305 natively (tests report it). */
export const nativeChaCha = native;

/** ciphertext || tag. */
export function chachaSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): Buffer {
  if (!native) return Buffer.from(chacha20poly1305(key, nonce, aad).encrypt(plaintext));
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  if (aad) cipher.setAAD(aad, { plaintextLength: plaintext.length });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext of ciphertext || tag, or null when it does not authenticate. */
export function chachaOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Buffer | null {
  if (sealed.length < TAG) return null;
  if (!native) {
    try {
      return Buffer.from(chacha20poly1305(key, nonce, aad).decrypt(sealed));
    } catch {
      return null;
    }
  }
  const body = sealed.subarray(0, sealed.length - TAG);
  const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  if (aad) decipher.setAAD(aad, { plaintextLength: body.length });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}

/** The pure-JS path, for tests that check both paths give the same bytes. */
export const portableChaCha = {
  seal: (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array) =>
    Buffer.from(chacha20poly1305(key, nonce, aad).encrypt(plaintext)),
  open: (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array) =>
    Buffer.from(chacha20poly1305(key, nonce, aad).decrypt(sealed)),
};
