/**
 * How easy a new passphrase would be to guess, estimated with zxcvbn-ts (dictionaries of common
 * passwords, English words and names, keyboard patterns, dates), not a length rule alone. The
 * school's and the lead's names count as known words. Feedback is in British English, in words a
 * teacher would use. Runs in the core only: the renderer asks `setup.passphraseStrength`, so its
 * bundle never carries the dictionaries. The passphrase itself is never kept or logged.
 */
import type { TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The lowest zxcvbn score a new passphrase may have (3: "safely unguessable" online). */
export const ACCEPTABLE_SCORE = 3;

/** What is known about the person, so their own names count as easy guesses. */
export interface PassphraseContext {
  schoolName?: string | null | undefined;
  /** The lead's own name. */
  leadName?: string | null | undefined;
}

export interface PassphraseStrength {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** What makes it easy to guess, as a sentence, or null. */
  warning: string | null;
  /** What would make it harder to guess, as sentences. */
  suggestions: string[];
}

// Written as reasons, so one can follow "too easy to guess:". Keys are zxcvbn-ts's own.
const britishTranslations: TranslationKeys = {
  warnings: {
    straightRow: 'Straight rows of keys on the keyboard are easy to guess.',
    keyPattern: 'Short keyboard patterns are easy to guess.',
    simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
    extendedRepeat: 'Repeated patterns like "abcabcabc" are easy to guess.',
    sequences: 'Common sequences like "abc" or "123" are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    dates: 'Dates are easy to guess.',
    topTen: 'It is one of the most used passwords of all.',
    topHundred: 'It is a very often used password.',
    common: 'It is a commonly used password.',
    similarToCommon: 'It is very like a commonly used password.',
    wordByItself: 'A single word is easy to guess.',
    namesByThemselves: 'Names on their own are easy to guess.',
    commonNames: 'Common first names and surnames are easy to guess.',
    userInputs: "It uses the school's name or your own, which many people know.",
    pwned: 'It has been published in a data breach on the internet.',
  },
  suggestions: {
    l33t: "Swapping letters for look-alikes, such as '@' for 'a', does not help much.",
    reverseWords: 'Words spelt backwards are easy to guess.',
    allUppercase: 'All capitals are as easy to guess as none.',
    capitalization: 'A capital letter only at the start does not help much.',
    dates: 'Dates and years that mean something to you are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    associatedYears: 'Years that mean something to you are easy to guess.',
    sequences: 'Common sequences like "abc" or "123" are easy to guess.',
    repeated: 'Repeated words and characters are easy to guess.',
    longerKeyboardPattern: 'Keyboard patterns are easy to guess.',
    anotherWord: 'More words, and less common ones, make it harder to guess.',
    useWords: 'Several words make it harder to guess, but not a well-known phrase.',
    noNeed: 'Symbols, numbers and capitals are not needed: several unrelated words are strong.',
    pwned: 'If you use it anywhere else, change it there too.',
  },
  timeEstimation: {
    ltSecond: 'less than a second',
    second: '{base} second',
    seconds: '{base} seconds',
    minute: '{base} minute',
    minutes: '{base} minutes',
    hour: '{base} hour',
    hours: '{base} hours',
    day: '{base} day',
    days: '{base} days',
    month: '{base} month',
    months: '{base} months',
    year: '{base} year',
    years: '{base} years',
    centuries: 'centuries',
  },
};

/** Advice every refusal ends with; suggestions that only say the same are not repeated. */
const ADVICE = 'Try four or five unrelated words.';
const SAME_AS_ADVICE = new Set([
  britishTranslations.suggestions.anotherWord,
  britishTranslations.suggestions.useWords,
  britishTranslations.suggestions.noNeed,
  britishTranslations.suggestions.pwned,
]);

let factory: Promise<ZxcvbnFactory> | null = null;

/**
 * Loaded and built once, on first use, not when the core starts: its dictionaries take a third of
 * a second to load and rank, and most runs never set a passphrase. Levenshtein matching is off: it
 * would make each check about 300 ms instead of 20, for near-misses of common passwords that the
 * length and word checks already catch.
 */
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      translations: britishTranslations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
      useLevenshteinDistance: false,
    });
  })();
  return factory;
}

/**
 * The names as known guesses: every run of consecutive words ("hillside primary" of "Hillside
 * Primary School"), written with spaces and run together, and each word of three letters or more.
 * zxcvbn matches a user input only as a whole, so the runs are what catch "Hillside Primary 2026".
 */
function userInputs(context: PassphraseContext): string[] {
  const inputs = new Set<string>();
  for (const name of [context.schoolName, context.leadName]) {
    const words = (name ?? '')
      .toLowerCase()
      .split(/[\s,.'’-]+/)
      .filter((word) => word !== '')
      .slice(0, 8);
    for (let start = 0; start < words.length; start += 1) {
      for (let end = start + 2; end <= words.length; end += 1) {
        const run = words.slice(start, end);
        inputs.add(run.join(' '));
        inputs.add(run.join(''));
      }
      const word = words[start] ?? '';
      if (word.length >= 3) inputs.add(word);
    }
  }
  return [...inputs];
}

/** How easy `passphrase` would be to guess, with the school's and the lead's names as known words. */
export async function passphraseStrength(
  passphrase: string,
  context: PassphraseContext = {},
): Promise<PassphraseStrength> {
  const inputs = userInputs(context);
  const zxcvbn = await estimator();
  let result = zxcvbn.check(passphrase, inputs);
  // zxcvbn's separator handling is patchy ("Ellie Shea 2026!" scores higher than "EllieShea2026!"),
  // and a guesser tries words with and without spaces: the weaker reading counts.
  const runTogether = passphrase.replace(/\s+/gu, '');
  if (runTogether !== passphrase && runTogether !== '') {
    const joined = zxcvbn.check(runTogether, inputs);
    if (joined.score < result.score) result = joined;
  }
  return {
    score: result.score,
    acceptable: result.score >= ACCEPTABLE_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

/** The refusal of a weak passphrase, in one or two sentences built from zxcvbn's feedback. */
export function weakPassphraseMessage(strength: PassphraseStrength): string {
  const reason =
    strength.warning ??
    strength.suggestions.find((suggestion) => !SAME_AS_ADVICE.has(suggestion)) ??
    'It is too short, or made of words and numbers that are often used.';
  return `This passphrase would be too easy to guess: ${lowerFirst(reason)} ${ADVICE}`;
}

function lowerFirst(text: string): string {
  // "It", "A", "Names"…: lower-cased after the colon; quoted examples keep their case.
  return text.charAt(0).toLowerCase() + text.slice(1);
}
