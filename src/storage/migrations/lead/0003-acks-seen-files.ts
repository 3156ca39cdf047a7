import type { Migration } from '../../database';

/**
 * Lead store v3: the acknowledgement file each case's import wrote (NULL until written, so a
 * killed import's debt is paid by the next), the size and time of quarantined files (unchanged
 * ones are not read again), and the share files already looked at that were not for this lead —
 * kept without any reason and never shown, so nothing tells a lead a concern passed them by.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'acks-seen-files',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN ack_file TEXT;
      ALTER TABLE quarantine ADD COLUMN file_size INTEGER;
      ALTER TABLE quarantine ADD COLUMN file_mtime_ms REAL;
      CREATE TABLE skipped_files (
        file TEXT PRIMARY KEY,
        file_size INTEGER NOT NULL,
        file_mtime_ms REAL NOT NULL
      ) STRICT;
      DELETE FROM quarantine WHERE reason_code = 'not-addressed';
    `);
  },
};
