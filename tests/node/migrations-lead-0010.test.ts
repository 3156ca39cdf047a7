/**
 * Lead migration 0010: a store at version 9 gains profile_sweeps, empty, so the first import
 * after upgrading compares the cases once with the profile of the day (sharing any case with a
 * lead routing now gives it to), and each profile is swept once.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { SyncTable } from '../../src/casework/store/sync';
import { migrate } from '../../src/storage/database';
import { leadMigrations } from '../../src/storage/migrations/lead';

describe('lead migration 0010', () => {
  it('adds an empty record of profiles swept, noted once per serial', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 9),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 10),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const sync = new SyncTable(db);
    expect(sync.profileSwept(3)).toBe(false);
    sync.noteProfileSwept(3, '2026-11-30T12:00:00Z', 4);
    sync.noteProfileSwept(3, '2026-11-30T13:00:00Z', 0);
    expect(sync.profileSwept(3)).toBe(true);
    expect(sync.profileSwept(4)).toBe(false);
    expect(db.prepare('SELECT serial, at, shared FROM profile_sweeps').all()).toEqual([
      { serial: 3, at: '2026-11-30T12:00:00Z', shared: 4 },
    ]);
    db.close();
  });
});
