import type { Migration } from '../../database';

/**
 * Lead store v10, for cases shared with a lead added to the profile later (issue 10):
 * profile_sweeps notes each signed profile (by serial) this lead has already compared with its
 * cases, sharing each case with the leads the school's routing now gives it to; a profile is
 * swept once, so an import does not reread every case's document each time.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'shared-with-new-leads',
  up(db) {
    db.exec(`
      CREATE TABLE profile_sweeps (
        serial INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        shared INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
