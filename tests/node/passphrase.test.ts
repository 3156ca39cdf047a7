/**
 * Issue 6, point 11: the one normalisation of passphrases in the core (src/lead/passphrase.ts),
 * shared by passphrase files, the CLI's prompt and, later, the app's field.
 */
import { describe, expect, it } from 'vitest';
import { isSafeguardError } from '../../src/errors';
import {
  checkNewPassphrase,
  normalisePassphrase,
  passphraseFromFile,
  typedPassphrase,
} from '../../src/lead';

const PLAIN = 'correct horse battery staple';

/** The error an action throws, so a test can check its code and exact message. */
function thrown(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (isSafeguardError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SafeguardError, but nothing was thrown');
}

/** The SafeguardError an async action rejects with (or throws before its first await). */
async function rejected(
  action: () => Promise<unknown>,
): Promise<{ code: string; message: string }> {
  try {
    await action();
  } catch (error) {
    if (isSafeguardError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SafeguardError, but nothing was thrown');
}

const file = (text: string, encoding: BufferEncoding = 'utf8') =>
  passphraseFromFile(Buffer.from(text, encoding), 'pass.txt');

describe('normalisePassphrase', () => {
  it('drops a leading BOM and exactly one trailing line ending', () => {
    expect(normalisePassphrase(`\uFEFF${PLAIN}\n`)).toBe(PLAIN);
    expect(normalisePassphrase(`${PLAIN}\r\n`)).toBe(PLAIN);
    expect(normalisePassphrase(`${PLAIN}\n\n`)).toBe(`${PLAIN}\n`);
    expect(normalisePassphrase(`${PLAIN}\r\n\r\n`)).toBe(`${PLAIN}\r\n`);
  });

  it('keeps spaces, which a new passphrase is refused for instead', () => {
    expect(normalisePassphrase(` ${PLAIN} \n`)).toBe(` ${PLAIN} `);
  });

  it('turns NFD into NFC', () => {
    expect(normalisePassphrase('cafe\u0301 cre\u0300me')).toBe('caf\u00e9 cr\u00e8me');
  });
});

describe('passphraseFromFile', () => {
  it('reads UTF-8 with or without a BOM to the same passphrase', () => {
    expect(file(`${PLAIN}\n`).value).toBe(PLAIN);
    expect(file(`\uFEFF${PLAIN}\n`).value).toBe(PLAIN);
  });

  it('decodes UTF-16LE and UTF-16BE that start with their BOM', () => {
    expect(file(`\uFEFF${PLAIN}\r\n`, 'utf16le').value).toBe(PLAIN);
    const be = Buffer.from(`\uFEFF${PLAIN}\n`, 'utf16le').swap16();
    expect(passphraseFromFile(be, 'pass.txt').value).toBe(PLAIN);
  });

  it('refuses NUL bytes without a BOM (UTF-16 without a BOM), naming the file', () => {
    expect(thrown(() => file(`${PLAIN}\n`, 'utf16le'))).toEqual({
      code: 'passphrase-encoding',
      message:
        'The passphrase file pass.txt holds NUL bytes but no byte-order mark (UTF-16 without a BOM?): save it as UTF-8.',
    });
  });

  it('refuses UTF-16 that is cut in half', () => {
    const odd = Buffer.from(`\uFEFF${PLAIN}`, 'utf16le').subarray(0, 9);
    expect(thrown(() => passphraseFromFile(odd, 'pass.txt')).message).toBe(
      'The passphrase file pass.txt is not valid UTF-16LE text.',
    );
  });

  it('refuses an empty file, or one holding only a line ending', () => {
    expect(thrown(() => file('\n')).message).toBe('The passphrase file pass.txt is empty.');
    expect(thrown(() => file('\uFEFF')).message).toBe('The passphrase file pass.txt is empty.');
  });

  it('keeps the form earlier versions sealed with, only when it differs', () => {
    expect(file(`${PLAIN}\n`).legacy).toBeNull();
    expect(file(`\uFEFF${PLAIN}\n`).legacy).toBe(`\uFEFF${PLAIN}`);
    expect(file('cafe\u0301 au lait, no sugar\n').legacy).toBe('cafe\u0301 au lait, no sugar');
  });
});

describe('typedPassphrase', () => {
  it('normalises typed text the same way as a file', () => {
    expect(typedPassphrase('cafe\u0301 au lait, no sugar')).toEqual({
      value: 'caf\u00e9 au lait, no sugar',
      legacy: 'cafe\u0301 au lait, no sugar',
    });
    expect(typedPassphrase(PLAIN)).toEqual({ value: PLAIN, legacy: null });
  });
});

describe('checkNewPassphrase', () => {
  const refusal = (text: string) => rejected(() => checkNewPassphrase(typedPassphrase(text)));

  it('accepts a passphrase that can be typed again, returning its normalised form', async () => {
    expect(await checkNewPassphrase(file(`\uFEFF${PLAIN}\n`))).toBe(PLAIN);
    expect(await checkNewPassphrase('cafe\u0301 au lait, no sugar')).toBe(
      'caf\u00e9 au lait, no sugar',
    );
  });

  it('refuses blanks at either end', async () => {
    expect(await refusal(` ${PLAIN}`)).toEqual({
      code: 'unusable-passphrase',
      message:
        'The passphrase starts with a space or other blank, which is easily lost when typed again: remove it.',
    });
    expect((await refusal(`${PLAIN}\u00a0`)).message).toBe(
      'The passphrase ends with a space or other blank, which is easily lost when typed again: remove it.',
    );
  });

  it('refuses a line break anywhere, including a second line ending and U+2028', async () => {
    const message =
      'The passphrase contains a line break (a blank line at the end of the file?): it must be one line.';
    expect((await refusal(`${PLAIN}\n\n`)).message).toBe(message);
    expect((await refusal(`correct horse\rbattery staple`)).message).toBe(message);
    expect((await refusal(`correct horse\u2028battery staple`)).message).toBe(message);
  });

  it('refuses a control character such as a tab, ESC or DEL', async () => {
    const message =
      'The passphrase contains a control character (such as a tab), which cannot be typed again the same way.';
    for (const control of ['\t', '\u001b', '\u007f', '\u0000']) {
      expect((await refusal(`correct horse${control}battery staple`)).message).toBe(message);
    }
  });

  it('refuses text that was not valid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('correct horse '),
      Buffer.from([0xe9]),
      Buffer.from('t'),
    ]);
    expect(
      (await rejected(() => checkNewPassphrase(passphraseFromFile(bytes, 'p.txt')))).message,
    ).toBe('The passphrase is not valid UTF-8 text: save the file as UTF-8.');
  });

  it('still refuses a passphrase shorter than 12 characters, even one hard to guess', async () => {
    expect(await refusal('Zq8#kL2!wP')).toEqual({
      code: 'weak-passphrase',
      message: 'The passphrase must be at least 12 characters long.',
    });
  });
});
