import type { Migration } from '../../database';

/**
 * Lead store v5: the school's calendar as the lead sets it — term dates and closure days — as
 * JSON checked by `calendarSettingsSchema` on every read, with who changed it and when.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'calendar',
  up(db) {
    db.exec(`
      CREATE TABLE calendar_settings (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        settings_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
