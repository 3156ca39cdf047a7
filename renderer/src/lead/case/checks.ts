/**
 * Building blocks of the case forms' zod schemas: every problem is a sentence for the lead, and
 * the limits are the contract's, so the core never refuses what the form let through.
 */
import { z } from 'zod';

/** "Keep it under 4,000 characters." */
const tooLong = (max: number) => `Keep it under ${max.toLocaleString('en-GB')} characters.`;

/** A choice held as '' until made, that must be one of `values`. */
export function choiceOf<T extends string>(values: readonly T[], message: string) {
  return z.string().pipe(z.enum(values as [T, ...T[]], { error: message }));
}

/** Words that must be written (not only spaces); the checked value is trimmed. */
export function words(message: string, max: number) {
  return z.string().trim().min(1, message).max(max, tooLong(max));
}

/** Words that may be left out: the checked value is trimmed, or null when empty. */
export function optionalWords(max: number) {
  return z
    .string()
    .trim()
    .max(max, tooLong(max))
    .transform((text) => (text === '' ? null : text));
}
