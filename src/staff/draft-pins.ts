/**
 * Draft PINs: what a PIN may be, and the limit on guessing one through the app. Five wrong PINs
 * are free; from the fifth, each wrong PIN makes the next try wait (30 seconds, doubling, at most a
 * day). The count is kept in the store, so closing the app does not reset it, and a try is counted
 * before the PIN is checked, so parallel or interrupted tries count too. A draft is never deleted
 * for wrong PINs: its reporter may still discard it. Messages never quote a PIN.
 */
import { SafeguardError } from '../errors';
import type { StaffStore } from './store';

export const FREE_PIN_TRIES = 5;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 24 * 60 * 60;

/** Refuses a PIN that is not 4 to 8 digits, or is one digit repeated or a run (1234, 9876). */
export function checkNewPin(pin: string): void {
  if (!/^[0-9]{4,8}$/.test(pin)) {
    throw new SafeguardError('bad-pin', 'A draft PIN is 4 to 8 digits.');
  }
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] ?? 0)));
  if (steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? NaN)) {
    throw new SafeguardError(
      'weak-pin',
      'That PIN is too easy to guess (one digit repeated, or a run like 1234): choose another.',
    );
  }
}

/** How long the next try must wait after `wrongPins` wrong PINs in a row, in seconds. */
export function waitAfter(wrongPins: number): number {
  if (wrongPins < FREE_PIN_TRIES) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (wrongPins - FREE_PIN_TRIES), MAX_WAIT_SECONDS);
}

/** "30 seconds", "4 minutes", "2 hours". */
export function describeWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 60 * 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

/**
 * Counts one try at a draft's PIN before it is checked; refuses it while a wait is running.
 * Returns the number of wrong PINs the try makes if it turns out wrong.
 */
export function reservePinTry(store: StaffStore, draftId: string, now: Date): number {
  return store.db
    .transaction(() => {
      const row = store.db
        .prepare('SELECT wrong_pins, retry_after FROM drafts WHERE draft_id = ?')
        .get(draftId) as { wrong_pins: number; retry_after: string | null } | undefined;
      if (!row) throw noDraft();
      const until = row.retry_after === null ? 0 : Date.parse(row.retry_after);
      if (until > now.getTime()) {
        throw new SafeguardError(
          'pin-wait',
          `Too many wrong PINs for this draft: try again in ${describeWait((until - now.getTime()) / 1000)}.`,
        );
      }
      const wrongPins = row.wrong_pins + 1;
      const wait = waitAfter(wrongPins);
      store.db
        .prepare('UPDATE drafts SET wrong_pins = ?, retry_after = ? WHERE draft_id = ?')
        .run(
          wrongPins,
          wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null,
          draftId,
        );
      return wrongPins;
    })
    .immediate();
}

/** The right PIN was given: the count starts again. */
export function clearPinTries(store: StaffStore, draftId: string): void {
  store.db
    .prepare('UPDATE drafts SET wrong_pins = 0, retry_after = NULL WHERE draft_id = ?')
    .run(draftId);
}

/** The error for a wrong PIN, saying how many tries are left or how long to wait. */
export function wrongPin(wrongPins: number): SafeguardError {
  const wait = waitAfter(wrongPins);
  if (wait > 0) {
    return new SafeguardError(
      'wrong-pin',
      `That PIN is not right. Wait ${describeWait(wait)} before trying again.`,
    );
  }
  const left = FREE_PIN_TRIES - wrongPins;
  return new SafeguardError(
    'wrong-pin',
    `That PIN is not right. ${left} more ${left === 1 ? 'try' : 'tries'} before you must wait.`,
  );
}

/** The error for a draft that is gone. */
export function noDraft(): SafeguardError {
  return new SafeguardError(
    'no-draft',
    'That draft no longer exists (filed, deleted, or older than 30 days).',
  );
}
