/**
 * Migration 0005 adds where wrong office passphrases are counted to a version-4 staff store, and
 * leaves what was there (drafts, the outbox, the enrolment) as it was.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { UnlockAttemptsTable } from '../../src/casework/store/unlock-attempts';
import { migrate } from '../../src/storage/database';
import { migration0001 as staff1 } from '../../src/storage/migrations/staff/0001-initial';
import { migration0002 as staff2 } from '../../src/storage/migrations/staff/0002-drafts-receipts';
import { migration0003 as staff3 } from '../../src/storage/migrations/staff/0003-outbox-trust';
import { migration0004 as staff4 } from '../../src/storage/migrations/staff/0004-sealed-drafts';
import { migration0005 as staff5 } from '../../src/storage/migrations/staff/0005-office-unlock-attempts';

describe('migration 0005', () => {
  it('keeps version-4 rows and counts office unlock attempts from then on', () => {
    const db = new Database(':memory:');
    migrate(db, [staff1, staff2, staff3, staff4]);
    db.prepare(
      `INSERT INTO outbox (concern_id, reference, form_id, form_version, created_at, sealed, urgent)
       VALUES ('c-1', 'SG-AAAA-BBBB', 'f', 1, '2026-01-01T00:00:00Z', x'00', 0)`,
    ).run();
    migrate(db, [staff1, staff2, staff3, staff4, staff5]);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT reference FROM outbox').pluck().all()).toEqual(['SG-AAAA-BBBB']);

    const attempts = new UnlockAttemptsTable(db, 'office_unlock_attempts');
    const now = new Date('2026-11-30T14:00:00Z');
    for (let i = 0; i < 4; i += 1) expect(attempts.failed(now).waitUntil).toBeNull();
    expect(attempts.failed(now)).toEqual({ triesLeft: 0, waitUntil: '2026-11-30T14:00:30.000Z' });
    expect(attempts.waitUntil(now)).toBe('2026-11-30T14:00:30.000Z');
    attempts.succeeded();
    expect(attempts.waitUntil(now)).toBeNull();
    // One row at most: the table counts for the one office identity of this home.
    expect(() =>
      db.prepare('INSERT INTO office_unlock_attempts (singleton, failures) VALUES (2, 1)').run(),
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});
