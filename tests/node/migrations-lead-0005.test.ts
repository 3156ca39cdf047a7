/**
 * Lead migration 0005 adds the school calendar (term dates and closure days) to a version-4 case
 * store without touching what is there: none is set until a lead sets one; one row at most; a
 * stored calendar that is not valid is refused in words rather than used.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { SettingsTable } from '../../src/casework/store/settings';
import { migrate } from '../../src/storage/database';
import { leadMigrations } from '../../src/storage/migrations/lead';

const before = leadMigrations.filter((m) => m.version <= 4);

describe('lead migration 0005', () => {
  it('takes a version-4 store to 5 keeping its settings, with no calendar set', () => {
    const db = new Database(':memory:');
    migrate(db, before);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    const settings = new SettingsTable(db);
    const kept = {
      sharePath: '/srv/share',
      schoolId: '3b8f6a52-1f6e-4c39-9d2a-8a1f4f3c2b10',
      recipientId: '5d0c1b7e-2a3f-4e6d-8c9b-0a1b2c3d4e5f',
    };
    settings.save(kept);

    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 5),
    );

    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(settings.get()).toEqual(kept);
    expect(settings.calendar()).toEqual({ terms: [], closureDays: [] });
    db.close();
  });

  it('keeps one calendar, replaced whole, and refuses a stored one that is not valid', () => {
    const db = new Database(':memory:');
    migrate(db, leadMigrations);
    const settings = new SettingsTable(db);
    const first = { terms: [{ start: '2027-01-05', end: '2027-02-12' }], closureDays: [] };
    const second = { terms: [], closureDays: ['2027-01-04'] };
    settings.saveCalendar(first, '2026-11-30T10:00:00.000Z', 'lead-1');
    settings.saveCalendar(second, '2026-11-30T10:05:00.000Z', 'lead-1');
    expect(settings.calendar()).toEqual(second);
    expect(db.prepare('SELECT count(*) FROM calendar_settings').pluck().get()).toBe(1);
    expect(() =>
      db
        .prepare(
          `INSERT INTO calendar_settings (singleton, settings_json, updated_at, updated_by) VALUES (2, '{}', 'x', 'y')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);

    db.prepare(
      `UPDATE calendar_settings SET settings_json = '{"terms": [], "closureDays": ["2027-02-30"]}'`,
    ).run();
    expect(() => settings.calendar()).toThrow(
      'The school calendar in the case store is not valid; set it again with "lead calendar set".',
    );
    db.close();
  });
});
