/**
 * The extract's record key (format.ts `recordKey`): one byte of HMAC-SHA256 over the concern id,
 * under a key derived with HKDF-SHA256 from the lead's own secret signing key. The same concern
 * gets the same number in every extract this lead publishes, so a cell-key perturbation
 * (docs/disclosure-control.md) shows the same cell the same way each time; without the lead's
 * signing key the number says nothing about which concern it is, and one byte could not single
 * one out anyway. The derived key never leaves this module and is never logged.
 */
import { createHmac, createSecretKey, hkdfSync } from 'node:crypto';
import { SafeguardError } from '../../errors';

/** HKDF's info string: this key is for extract record keys and nothing else. */
const RECORD_KEY_INFO = 'safeguard-desk/extract-record-key/v1';

/** A function from concern id to its record key (0–255), keyed by this lead's signing key. */
export function recordKeyOf(signingKey: string): (concernId: string) => number {
  const secret = Buffer.from(signingKey, 'base64');
  if (secret.length < 32) {
    throw new SafeguardError('bad-signing-key', 'A stored signing key is damaged.');
  }
  // A KeyObject made once: given raw bytes, each HMAC would import the key again.
  const key = createSecretKey(
    Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), RECORD_KEY_INFO, 32)),
  );
  return (concernId) => createHmac('sha256', key).update(concernId, 'utf8').digest()[0]!;
}
