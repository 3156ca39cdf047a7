/**
 * One process at a time for work that must not run twice at once on one home folder (an import,
 * first-run set-up). The lock is SQLite's own OS file lock on an empty lock file, so it is
 * released by the operating system when its holder exits or is killed: no stale lock to clear.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SafeguardError } from '../errors';
import { systemCode } from './system-errors';

export interface ProcessLockOptions {
  /** How long to wait for another holder before giving up. */
  waitMs: number;
  /** The error when the wait runs out (names what was busy, in words). */
  busy: () => SafeguardError;
}

/** Runs `work` holding the lock at `lockFile`, waiting (without blocking) for another holder. */
export async function withProcessLock<T>(
  lockFile: string,
  options: ProcessLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true, mode: 0o700 });
  const db = new Database(lockFile);
  try {
    db.pragma('busy_timeout = 0');
    const deadline = Date.now() + options.waitMs;
    let delay = 20;
    for (;;) {
      try {
        db.exec('BEGIN EXCLUSIVE');
        break;
      } catch (error) {
        const code = systemCode(error) ?? '';
        if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw error;
        if (Date.now() >= deadline) throw options.busy();
        await sleep(delay);
        delay = Math.min(delay * 2, 250);
      }
    }
    try {
      return await work();
    } finally {
      db.exec('ROLLBACK');
    }
  } finally {
    db.close();
  }
}
