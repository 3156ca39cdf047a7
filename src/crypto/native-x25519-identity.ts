/**
 * An age X25519 identity whose stanza unwrap (age-encryption.org/v1/X25519: X25519, HKDF-SHA256,
 * ChaCha20-Poly1305) runs on Node's native crypto, plugged into age-encryption through its
 * documented `Identity` interface. The library still parses the header and checks its MAC. Import
 * opens thousands of files; the library's own X25519 path (async WebCrypto, then pure-JS HKDF and
 * ChaCha20) costs several times more per file. The private key lives in a non-exportable KeyObject.
 */
import { createPrivateKey, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Identity, Stanza } from 'age-encryption';
import { chachaOpen } from './aead';

const LABEL = 'age-encryption.org/v1/X25519';
const ZERO_NONCE = Buffer.alloc(12);

export class NativeX25519Identity implements Identity {
  private readonly privateKey: KeyObject;
  private readonly recipient: Buffer;

  /** `raw` is the 32-byte X25519 scalar decoded from `AGE-SECRET-KEY-1…`. */
  constructor(raw: Uint8Array) {
    const jwkD = Buffer.from(raw).toString('base64url');
    const derived = createPublicKey(
      createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: jwkD, x: '' }, format: 'jwk' }),
    ).export({ format: 'jwk' });
    if (typeof derived.x !== 'string') throw new Error('not an X25519 key');
    this.recipient = Buffer.from(derived.x, 'base64url');
    this.privateKey = createPrivateKey({
      key: { kty: 'OKP', crv: 'X25519', d: jwkD, x: derived.x },
      format: 'jwk',
    });
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'X25519') continue;
      const share = stanza.args.length === 2 ? decodeShare(stanza.args[1] ?? '') : null;
      if (!share || stanza.body.length !== 32) throw new Error('invalid X25519 stanza');
      const peer = createPublicKey({
        key: { kty: 'OKP', crv: 'X25519', x: share.toString('base64url') },
        format: 'jwk',
      });
      const secret = diffieHellman({ privateKey: this.privateKey, publicKey: peer });
      if (secret.every((b) => b === 0)) throw new Error('invalid X25519 stanza');
      const salt = Buffer.concat([share, this.recipient]);
      const key = Buffer.from(hkdfSync('sha256', secret, salt, LABEL, 32));
      const fileKey = chachaOpen(key, ZERO_NONCE, stanza.body);
      if (fileKey === null) continue; // sealed to someone else: try the next stanza
      return fileKey;
    }
    return null;
  }
}

function decodeShare(arg: string): Buffer | null {
  // Canonical unpadded standard base64 of exactly 32 bytes.
  if (!/^[A-Za-z0-9+/]{43}$/.test(arg)) return null;
  const bytes = Buffer.from(arg, 'base64');
  return bytes.length === 32 && bytes.toString('base64').replace(/=+$/, '') === arg ? bytes : null;
}
