/**
 * Ed25519 signatures with Node's own crypto, for the school profile (root key) and for concerns
 * (device key). Protects against a share writer forging or altering a signed file. Public keys and
 * fingerprints may be logged; private keys never leave this module except as opaque PKCS#8 strings
 * stored encrypted by their owner (key file or encrypted database).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SafeguardError } from '../errors';

export interface SigningKeyPair {
  /** Raw 32-byte public key, base64url (the JWK `x`). */
  publicKey: string;
  /** PKCS#8 DER private key, base64. Secret. */
  privateKey: string;
}

/** Generates a new Ed25519 key pair. */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKeyToRaw(publicKey),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The public key (raw, base64url) that belongs to a PKCS#8 private key. */
export function publicKeyOf(privateKey: string): string {
  return publicKeyToRaw(createPublicKey(loadPrivateKey(privateKey)));
}

/** A signing function with the key parsed once, for signing many messages in a row. */
export function createSigner(privateKey: string): (message: Uint8Array) => string {
  const key = loadPrivateKey(privateKey);
  return (message) => sign(null, message, key).toString('base64url');
}

/** Signs `message` with an Ed25519 private key; returns the signature, base64url. */
export function signBytes(privateKey: string, message: Uint8Array): string {
  return sign(null, message, loadPrivateKey(privateKey)).toString('base64url');
}

// Parsed public keys, by their text: one school has few devices, and import verifies thousands.
const verifyKeyCache = new Map<string, KeyObject>();
const VERIFY_KEY_CACHE_LIMIT = 4096;

/** True when `signature` is a valid Ed25519 signature of `message` by `publicKey`. */
export function verifyBytes(publicKey: string, message: Uint8Array, signature: string): boolean {
  let key = verifyKeyCache.get(publicKey);
  if (!key) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    } catch {
      return false;
    }
    if (verifyKeyCache.size >= VERIFY_KEY_CACHE_LIMIT) verifyKeyCache.clear();
    verifyKeyCache.set(publicKey, key);
  }
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64) return false;
  return verify(null, message, key, sig);
}

/** SHA-256 of the raw public key, hex: what a staff machine pins. */
export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short code for people to compare (staff-room poster vs. screen): 12 Crockford base32
 * characters (60 bits of the fingerprint) in three groups, e.g. `7KQ2-M9XD-4HRT`.
 */
export function safetyCode(fingerprintHex: string): string {
  const bits = BigInt(`0x${fingerprintHex.slice(0, 16)}`) >> 4n;
  let out = '';
  for (let i = 11; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

function loadPrivateKey(privateKey: string): KeyObject {
  try {
    return createPrivateKey({
      key: Buffer.from(privateKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
  } catch {
    throw new SafeguardError('bad-signing-key', 'A stored signing key is damaged.');
  }
}

function publicKeyToRaw(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new SafeguardError('bad-signing-key', 'Not an Ed25519 key.');
  return jwk.x;
}
