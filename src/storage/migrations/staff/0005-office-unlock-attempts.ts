import type { Migration } from '../../database';

/**
 * Staff store v5: wrong office passphrases are counted here (the staff store opens without the
 * passphrase, as the lead's case store does for theirs), so the waits after five wrong tries hold
 * across restarts for the office identity too. Nothing else changes.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'office-unlock-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE office_unlock_attempts (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        failures INTEGER NOT NULL,
        wait_until TEXT
      ) STRICT;
    `);
  },
};
