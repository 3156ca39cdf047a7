/**
 * A lead's recovery key: 130 random bits from node:crypto, written as 30 Crockford base32 symbols
 * in six groups of five (`7KQ2M-…`), the last four a check on the first 26 so a typing mistake is
 * caught before any costly scrypt try. It is the age scrypt passphrase of the lead's recovery file
 * on the share, in exactly the grouped upper-case form shown, so `age -d` opens that file with it.
 * Input is forgiving: any case, spaces or dashes anywhere, O for 0 and I or L for 1. Errors never
 * quote the key; nothing here logs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SafeguardError } from '../errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 26 symbols of 5 bits: 130 bits of randomness. */
const DATA_SYMBOLS = 26;
/** 4 symbols: a 20-bit check, so one mistyped key in a million passes as a key. */
const CHECK_SYMBOLS = 4;
const GROUP_SIZE = 5;
const CHECK_LABEL = 'safeguard-desk/recovery-key\n';

/** A new recovery key in its written form: six groups of five symbols joined by dashes. */
export function generateRecoveryKey(): string {
  // 256 is a multiple of 32, so the low five bits of a random byte are a uniform symbol.
  const bytes = randomBytes(DATA_SYMBOLS);
  const data = Array.from(bytes, (b) => ALPHABET.charAt(b & 31)).join('');
  bytes.fill(0);
  return grouped(data + checkSymbols(data));
}

/**
 * The written form of a recovery key as someone typed or pasted it, or a `bad-recovery-key` error
 * (wrong length, a letter a key never has, or a failed check) that does not quote it.
 */
export function parseRecoveryKey(text: string): string {
  const symbols = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015_.]/gu, '')
    .replaceAll('O', '0')
    .replace(/[IL]/g, '1');
  const valid =
    symbols.length === DATA_SYMBOLS + CHECK_SYMBOLS &&
    [...symbols].every((c) => ALPHABET.includes(c)) &&
    checkSymbols(symbols.slice(0, DATA_SYMBOLS)) === symbols.slice(DATA_SYMBOLS);
  if (!valid) {
    throw new SafeguardError(
      'bad-recovery-key',
      'That is not a recovery key as Safeguard Desk writes them (six groups of five letters and digits): check it for a typing mistake.',
    );
  }
  return grouped(symbols);
}

function checkSymbols(data: string): string {
  const digest = createHash('sha256')
    .update(CHECK_LABEL + data, 'utf8')
    .digest();
  let bits = digest.readUIntBE(0, 3) >>> 4; // the first 20 bits
  let out = '';
  for (let i = 0; i < CHECK_SYMBOLS; i++) {
    out = ALPHABET.charAt(bits & 31) + out;
    bits >>>= 5;
  }
  return out;
}

function grouped(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP_SIZE) {
    groups.push(symbols.slice(i, i + GROUP_SIZE));
  }
  return groups.join('-');
}
