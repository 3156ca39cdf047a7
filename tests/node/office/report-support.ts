/**
 * Factories for the office report tests: extract rows with sensible defaults, a seeded random
 * source (so a randomized test fails the same way every run), and the built-in forms' titles.
 */
import type { ExtractRow } from '../../../src/office/extract/format';
import { academicYearOf, termOf } from '../../../src/office/terms';
import type { TermDates } from '../../../src/casework/calendar';

/** mulberry32: a small seeded generator, good enough to draw test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from 0 to n − 1. */
export const below = (random: () => number, n: number): number => Math.floor(random() * n);

export const typeLabels: Record<string, string> = {
  'private-online-contact-with-pupil': 'Private online contact with a pupil',
  'derogatory-language': 'Derogatory or offensive language about pupils or families',
  'breach-of-confidentiality': 'Breach of confidentiality online',
  'inappropriate-images-of-staff': 'Staff posting inappropriate images of themselves',
};

let nextKey = 0;

/** One extract row; its month's labels come from `terms` unless given. */
export function row(
  overrides: Partial<ExtractRow> = {},
  terms: readonly TermDates[] = [],
): ExtractRow {
  const month = overrides.month ?? '2026-10';
  const labels = termOf(`${month}-15`, terms);
  nextKey = (nextKey + 97) % 256;
  return {
    month,
    academicYear: labels.academicYear,
    term: labels.term,
    concernType: 'private-online-contact-with-pupil',
    urgency: 'normal',
    pathway: 'early-help',
    status: 'open',
    outcome: null,
    referrals: [],
    workingDaysToFirstAction: 0,
    workingDaysToClose: null,
    clocksMet: null,
    reporterGroup: 'teaching',
    recordKey: nextKey,
    ...overrides,
  };
}

/** n copies of a row (distinct record keys). */
export function rows(
  n: number,
  overrides: Partial<ExtractRow> = {},
  terms: readonly TermDates[] = [],
): ExtractRow[] {
  return Array.from({ length: n }, () => row(overrides, terms));
}

export { academicYearOf };
