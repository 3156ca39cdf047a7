/**
 * References short enough to read out over the phone: `SG-XXXX-XXXX` in Crockford base32
 * (no I, L, O, U), 40 random bits — ample for one school's lifetime of concerns.
 */
import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new random reference. */
export function newReference(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 7; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `SG-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Normalises what a person typed (lower case, spaces, O for 0…) to the canonical reference. */
export function normaliseReference(input: string): string {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^SG/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return cleaned.length === 8
    ? `SG-${cleaned.slice(0, 4)}-${cleaned.slice(4)}`
    : input.trim().toUpperCase();
}
