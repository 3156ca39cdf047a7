/** Issue 6, point 10: untrusted text is made safe for a terminal (src/cli/terminal-text.ts). */
import { describe, expect, it } from 'vitest';
import { term, terminalJson, terminalText } from '../../src/cli/terminal-text';

describe('terminalText', () => {
  it('shows C0 controls, TAB, CR, LF, DEL and C1 as \\x escapes', () => {
    expect(terminalText('a\u0000b\u0007c\td\re\nf\u001b[2Kg\u007fh\u0085i\u009bj')).toBe(
      'a\\x00b\\x07c\\x09d\\x0de\\x0af\\x1b[2Kg\\x7fh\\x85i\\x9bj',
    );
  });

  it('shows every bidi control and U+2028/U+2029 as \\u escapes', () => {
    const controls = [
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u2028',
      '\u2029',
    ];
    for (const c of controls) {
      const code = (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0');
      expect(terminalText(`x${c}y`)).toBe(`x\\u${code}y`);
    }
  });

  it('leaves ordinary text alone, accents, emoji and backslashes included', () => {
    const text = 'Mrs O’Brien — café 👍 C:\\Users\\dsl';
    expect(terminalText(text)).toBe(text);
    expect(terminalText(42)).toBe('42');
  });
});

describe('term', () => {
  it('makes every interpolated value safe and keeps the template’s own line breaks', () => {
    const name = 'Sam\r\nFORGED';
    expect(term`Name: ${name}\nNext line`).toBe('Name: Sam\\x0d\\x0aFORGED\nNext line');
  });
});

describe('terminalJson', () => {
  it('escapes what JSON.stringify leaves raw and still parses back to the same value', () => {
    const value = { name: 'a\u007fb\u0085c\u202ed\u2028e\u2066f\u001bg', list: ['\u061c'] };
    const text = terminalJson(value);
    expect(text).toContain('"a\\u007fb\\u0085c\\u202ed\\u2028e\\u2066f\\u001bg"');
    expect(text).toContain('"\\u061c"');
    expect(text).not.toMatch(/[\u007f-\u009f\u061c\u202e\u2028\u2066]/u);
    expect(JSON.parse(text)).toEqual(value);
  });
});
