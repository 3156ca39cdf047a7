/**
 * Passphrases as people enter them. A passphrase file and a typed passphrase (the CLI's no-echo
 * prompt, the app's field) go through one normalisation, so what was set up from a file can be
 * typed again later: a byte-order mark and exactly one trailing line ending are dropped, and the
 * text is NFC-normalised. A new passphrase that still could not be typed the same way (blanks at
 * either end, a line break, a control character) is refused at set-up. Messages never quote it.
 */
import { openWithPassphrase, type ScryptDerive } from '../crypto';
import { SafeguardError } from '../errors';
import {
  passphraseStrength,
  weakPassphraseMessage,
  type PassphraseContext,
  type PassphraseStrength,
} from './passphrase-strength';

export const MIN_PASSPHRASE_LENGTH = 12;

/** A passphrase as entered: the normalised form, and what versions before normalisation used. */
export interface EnteredPassphrase {
  readonly value: string;
  /** The form identity files written before normalisation were sealed with, when it differs. */
  readonly legacy: string | null;
}

/** A typed passphrase as a string, or one already read (e.g. from a file). */
export type PassphraseInput = string | EnteredPassphrase;

const BOM = '\uFEFF';
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/u;
const CONTROL = /\p{Cc}/u;

/** The one normalisation: drop a leading BOM and exactly one trailing \n or \r\n, then NFC. */
export function normalisePassphrase(text: string): string {
  const withoutBom = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  return withoutBom.replace(/\r?\n$/, '').normalize('NFC');
}

/** A passphrase typed at a prompt or in a field. */
export function typedPassphrase(text: string): EnteredPassphrase {
  const value = normalisePassphrase(text);
  // Earlier versions used the typed text as it was.
  return { value, legacy: value === text ? null : text };
}

/** The passphrase in a file's bytes: UTF-8 (BOM allowed) or UTF-16 LE/BE starting with its BOM. */
export function passphraseFromFile(bytes: Uint8Array, fileName: string): EnteredPassphrase {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decodeUtf16('utf-16le', bytes.subarray(2), fileName);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeUtf16('utf-16be', bytes.subarray(2), fileName);
  } else if (bytes.includes(0)) {
    throw new SafeguardError(
      'passphrase-encoding',
      `The passphrase file ${fileName} holds NUL bytes but no byte-order mark (UTF-16 without a BOM?): save it as UTF-8.`,
    );
  } else {
    // Lossy on purpose: a stray byte becomes U+FFFD, which a new passphrase is refused for.
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
  const value = normalisePassphrase(text);
  if (value === '') {
    throw new SafeguardError('passphrase-file', `The passphrase file ${fileName} is empty.`);
  }
  // Earlier versions read every file as UTF-8, BOM and all, and dropped one line ending.
  const legacy = Buffer.from(bytes)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return { value, legacy: legacy === value ? null : legacy };
}

/** A string is taken as typed; a passphrase already read is used as it is. */
export function enteredPassphrase(input: PassphraseInput): EnteredPassphrase {
  return typeof input === 'string' ? typedPassphrase(input) : input;
}

/**
 * Refuses, at set-up, a new passphrase that could not be typed again the same way, is too short,
 * or would be easy to guess (zxcvbn score below 3, the school's and the lead's names counting as
 * known words); returns the normalised passphrase to seal with.
 */
export async function checkNewPassphrase(
  input: PassphraseInput,
  context: PassphraseContext = {},
): Promise<string> {
  const { passphrase, refusal } = await assessNewPassphrase(input, context);
  if (refusal !== null) throw refusal;
  return passphrase;
}

/** A new passphrase's strength (for a meter) and the refusal set-up would give it, or null. */
export async function assessNewPassphrase(
  input: PassphraseInput,
  context: PassphraseContext = {},
): Promise<{ passphrase: string; strength: PassphraseStrength; refusal: SafeguardError | null }> {
  const passphrase = enteredPassphrase(input).value;
  const strength = await passphraseStrength(passphrase, context);
  // What makes it guessable is the more useful reason, so it is given before the length.
  const refusal =
    typingProblem(passphrase) ??
    (strength.acceptable
      ? null
      : new SafeguardError('weak-passphrase', weakPassphraseMessage(strength))) ??
    (passphrase.length < MIN_PASSPHRASE_LENGTH
      ? new SafeguardError(
          'weak-passphrase',
          `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
        )
      : null);
  return { passphrase, strength, refusal };
}

/** Why a passphrase could not be typed again the same way, or null. */
function typingProblem(passphrase: string): SafeguardError | null {
  const refuse = (message: string) => new SafeguardError('unusable-passphrase', message);
  if (LINE_BREAK.test(passphrase)) {
    return refuse(
      'The passphrase contains a line break (a blank line at the end of the file?): it must be one line.',
    );
  }
  if (CONTROL.test(passphrase)) {
    return refuse(
      'The passphrase contains a control character (such as a tab), which cannot be typed again the same way.',
    );
  }
  if (/^\s/u.test(passphrase)) {
    return refuse(
      'The passphrase starts with a space or other blank, which is easily lost when typed again: remove it.',
    );
  }
  if (/\s$/u.test(passphrase)) {
    return refuse(
      'The passphrase ends with a space or other blank, which is easily lost when typed again: remove it.',
    );
  }
  if (passphrase.includes('\uFFFD')) {
    return refuse('The passphrase is not valid UTF-8 text: save the file as UTF-8.');
  }
  return null;
}

/**
 * Opens a passphrase-sealed file with the normalised passphrase and, should that be wrong, with the
 * form earlier versions sealed with, so identity files made before normalisation still open.
 */
export async function openWithEnteredPassphrase(
  sealed: Uint8Array,
  input: PassphraseInput,
  derive?: ScryptDerive,
): Promise<Uint8Array> {
  const { value, legacy } = enteredPassphrase(input);
  try {
    return await openWithPassphrase(sealed, value, derive);
  } catch (error) {
    const wrong = error instanceof SafeguardError && error.code === 'wrong-passphrase';
    if (!wrong || legacy === null || legacy === value) throw error;
    return openWithPassphrase(sealed, legacy, derive);
  }
}

function decodeUtf16(
  encoding: 'utf-16le' | 'utf-16be',
  bytes: Uint8Array,
  fileName: string,
): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SafeguardError(
      'passphrase-encoding',
      `The passphrase file ${fileName} is not valid ${encoding.toUpperCase()} text.`,
    );
  }
}
