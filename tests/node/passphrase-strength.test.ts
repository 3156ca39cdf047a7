/**
 * Issue 8 §1: a new passphrase is refused when it would be easy to guess (zxcvbn-ts, score below
 * 3), with the reason in words; the school's and the lead's names count as easy guesses. Checked in
 * the core and through the real CLI.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeguardError } from '../../src/errors';
import { checkNewPassphrase, passphraseStrength } from '../../src/lead';
import { runCli } from './support/cli';
import { PASSPHRASE } from './support/school';

const SCHOOL = { schoolName: 'Barnsole Primary', leadName: 'Ellie Shea' };

/** The refusal of `passphrase` as a new passphrase, or null when it is accepted. */
async function refusal(passphrase: string): Promise<{ code: string; message: string } | null> {
  try {
    await checkNewPassphrase(passphrase, SCHOOL);
    return null;
  } catch (error) {
    if (isSafeguardError(error)) return { code: error.code, message: error.message };
    throw error;
  }
}

describe('passphrase strength in the core', () => {
  it('refuses a commonly used password, saying so in words', async () => {
    expect(await refusal('password123')).toEqual({
      code: 'weak-passphrase',
      message:
        'This passphrase would be too easy to guess: it is a commonly used password. Try four or five unrelated words.',
    });
  });

  it('refuses a season and a year with a capital and a symbol', async () => {
    expect(await refusal('Summer2026!')).toEqual({
      code: 'weak-passphrase',
      message:
        'This passphrase would be too easy to guess: a capital letter only at the start does not help much. Try four or five unrelated words.',
    });
  });

  it("refuses the school's name and the year, written in any of the usual ways", async () => {
    for (const weak of ['Barnsole Primary 2026', 'BarnsolePrimary2026', 'barnsole2026!']) {
      const refused = await refusal(weak);
      expect(refused?.code, weak).toBe('weak-passphrase');
      expect(refused?.message, weak).toMatch(/^This passphrase would be too easy to guess: /);
    }
    expect((await refusal('BarnsolePrimary2026'))?.message).toBe(
      "This passphrase would be too easy to guess: it uses the school's name or your own, which many people know. Try four or five unrelated words.",
    );
  });

  it('refuses part of a longer school name, or a name and a year, with or without spaces', async () => {
    const context = { schoolName: 'Hillside Primary School', leadName: 'Ellie Shea' };
    for (const weak of ['Hillside Primary 2026', 'hillside school 1', 'Ellie Shea 2026!']) {
      expect((await passphraseStrength(weak, context)).acceptable, weak).toBe(false);
    }
  });

  it("scores the school's name lower when the school is known", async () => {
    expect((await passphraseStrength('BarnsolePrimary2026')).score).toBeGreaterThanOrEqual(3);
    expect((await passphraseStrength('BarnsolePrimary2026', SCHOOL)).score).toBeLessThan(3);
  });

  it('accepts four unrelated words, and every passphrase the tests and the bench use', async () => {
    for (const strong of [
      PASSPHRASE,
      `${PASSPHRASE} deputy`,
      `${PASSPHRASE} headteacher`,
      `${PASSPHRASE} chair`,
      `${PASSPHRASE} office`,
      'purple elephant kettle monday',
      'bench passphrase, long enough',
      'café au lait, no sugar',
      'crème brûlée at the café',
    ]) {
      expect(await refusal(strong), strong).toBeNull();
      expect(await passphraseStrength(strong, SCHOOL), strong).toMatchObject({
        acceptable: true,
      });
    }
    expect((await passphraseStrength(PASSPHRASE)).score).toBe(4);
  });

  it('gives the meter a score, a warning and suggestions, never the passphrase', async () => {
    const strength = await passphraseStrength('password123', SCHOOL);
    expect(strength).toEqual({
      score: 0,
      acceptable: false,
      warning: 'It is a commonly used password.',
      suggestions: ['More words, and less common ones, make it harder to guess.'],
    });
    expect(JSON.stringify(strength)).not.toContain('password123');
  });
});

describe('passphrase strength on the command line', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sgd-strength-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** `school init` on a fresh share with `passphrase` in the passphrase file. */
  async function initWith(name: string, passphrase: string) {
    const share = join(root, `${name}-share`);
    await mkdir(share);
    const file = join(root, `${name}.txt`);
    await writeFile(file, `${passphrase}\n`, { mode: 0o600 });
    const result = await runCli(join(root, `${name}-home`), [
      'school',
      'init',
      '--share',
      share,
      '--school',
      'Barnsole Primary',
      '--lead-name',
      'Ellie Shea',
      '--passphrase-file',
      file,
    ]);
    return { result, share };
  }

  it.each([
    ['password123', 'it is a commonly used password.'],
    ['Summer2026!', 'a capital letter only at the start does not help much.'],
    ['Barnsole Primary 2026', "it uses the school's name or your own, which many people know."],
  ])('refuses "%s" at school init, writing nothing to the share', async (weak, reason) => {
    const { result, share } = await initWith(weak.replace(/\W/g, ''), weak);
    expect(result.stderr).toBe(
      `safeguard-desk: This passphrase would be too easy to guess: ${reason} Try four or five unrelated words.\n`,
    );
    expect(result.code).toBe(1);
    expect(await readdir(share)).toEqual([]);
  });

  it('accepts a strong passphrase at school init', async () => {
    const { result } = await initWith('strong', 'purple elephant kettle monday');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
