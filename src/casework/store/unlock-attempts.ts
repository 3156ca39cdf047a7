/**
 * Wrong passphrases, counted in a store that opens without the passphrase (the lead's in the case
 * store, the office user's in the staff store): after five, each further try waits longer (30 s,
 * doubling, at most a day). Kept across restarts.
 */
import type { Db } from '../../storage/database';

export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;

/** The tables that count wrong passphrases, one per identity kind (their names are fixed here). */
export type UnlockAttemptsTableName = 'unlock_attempts' | 'office_unlock_attempts';

export class UnlockAttemptsTable {
  constructor(
    private readonly db: Db,
    private readonly table: UnlockAttemptsTableName = 'unlock_attempts',
  ) {}

  /** When the next try is allowed, or null when it is allowed now. */
  waitUntil(now: Date): string | null {
    const row = this.db.prepare(`SELECT wait_until FROM ${this.table}`).get() as
      { wait_until: string | null } | undefined;
    const until = row?.wait_until ?? null;
    return until !== null && Date.parse(until) > now.getTime() ? until : null;
  }

  /** Counts a wrong passphrase; returns the tries left before waits begin, and any wait. */
  failed(now: Date): { triesLeft: number; waitUntil: string | null } {
    const failures =
      ((this.db.prepare(`SELECT failures FROM ${this.table}`).pluck().get() as
        number | undefined) ?? 0) + 1;
    const over = failures - FREE_TRIES;
    const waitUntil =
      over >= 0
        ? new Date(now.getTime() + Math.min(FIRST_WAIT_MS * 2 ** over, MAX_WAIT_MS)).toISOString()
        : null;
    this.db
      .prepare(
        `INSERT INTO ${this.table} (singleton, failures, wait_until) VALUES (1, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET failures = excluded.failures, wait_until = excluded.wait_until`,
      )
      .run(failures, waitUntil);
    return { triesLeft: Math.max(0, FREE_TRIES - failures), waitUntil };
  }

  /** The right passphrase: the count starts again. */
  succeeded(): void {
    this.db.prepare(`DELETE FROM ${this.table}`).run();
  }
}
