/**
 * Untrusted text rendered for a terminal. Names, answers, file names, school names and paths come
 * from reporters, the share or the command line; printed raw, a control code could move the
 * cursor, clear a line, reorder text or start a line of its own, and so forge what a lead reads.
 * Each such character is shown as a visible escape instead (`\x1b`, `\u202e`).
 */

// C0 (TAB, LF and CR included), DEL, C1, the bidi controls, and the line and paragraph separators.
const UNSAFE_IN_TERMINAL =
  // eslint-disable-next-line no-control-regex -- finding control characters is this module's job
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
// JSON.stringify already escapes C0; these are what it leaves raw.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

const hex = (char: string, width: number) =>
  (char.codePointAt(0) ?? 0).toString(16).padStart(width, '0');

function visibleEscape(char: string): string {
  return (char.codePointAt(0) ?? 0) <= 0xff ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`;
}

/**
 * One value for one line of a terminal, every control character shown as an escape. A backslash
 * is left as it is (Windows paths stay readable): a literal "\x1b" cannot move the cursor either.
 */
export function terminalText(value: string | number): string {
  return String(value).replace(UNSAFE_IN_TERMINAL, visibleEscape);
}

/** A template literal tag: every interpolated value goes through terminalText, the template does not. */
export function term(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce(
    (text, part, index) =>
      index === 0 ? part : `${text}${terminalText(values[index - 1] ?? '')}${part}`,
    '',
  );
}

/**
 * Pretty JSON safe for a terminal, and still valid JSON that parses back to the same value: the
 * characters JSON.stringify leaves raw (DEL, C1, bidi controls, U+2028/9) become \uXXXX escapes.
 * They can only occur inside strings, where such an escape means the same character.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char, 4)}`);
}
