/**
 * The native floor: what decrypting the same payloads costs with Node's own primitives and nothing
 * else — ephemeral X25519, HKDF-SHA256 to a 32-byte key, one ChaCha20-Poly1305 open. No file I/O,
 * no parsing, no storage: the cheapest possible "decrypt a concern addressed to me".
 */
import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

const INFO = Buffer.from('safeguard-desk bench native floor v1');

/** One payload sealed natively: the ephemeral public key travels raw, as in age. */
export interface NativeSealed {
  ephemeralPublic: Buffer;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** The lead's static X25519 key pair for the floor. */
export interface StaticKey {
  privateKey: KeyObject;
  publicRaw: Buffer;
}

export function staticKey(): StaticKey {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey, publicRaw: rawPublic(publicKey) };
}

/** Seals `plaintext` to `recipient` (not timed: this only prepares the floor's input). */
export function nativeSeal(plaintext: Uint8Array, recipient: StaticKey): NativeSealed {
  const eph = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublic(eph.publicKey);
  const shared = diffieHellman({
    privateKey: eph.privateKey,
    publicKey: importPublic(recipient.publicRaw),
  });
  const key = deriveKey(shared, ephemeralPublic, recipient.publicRaw);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ephemeralPublic, nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** The timed path: import the ephemeral key, DH with the static key, HKDF, authenticated open. */
export function nativeOpen(sealed: NativeSealed, me: StaticKey): Buffer {
  const shared = diffieHellman({
    privateKey: me.privateKey,
    publicKey: importPublic(sealed.ephemeralPublic),
  });
  const key = deriveKey(shared, sealed.ephemeralPublic, me.publicRaw);
  const decipher = createDecipheriv('chacha20-poly1305', key, sealed.nonce, { authTagLength: 16 });
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

function deriveKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  const salt = Buffer.concat([ephemeralPublic, recipientPublic]);
  return Buffer.from(hkdfSync('sha256', shared, salt, INFO, 32));
}

function rawPublic(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an X25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

function importPublic(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}
