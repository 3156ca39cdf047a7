import type { Migration } from '../../database';

/**
 * Lead store v9, for casework travelling between leads through the share (issue 10):
 * - event_outbox: every case event this lead recorded, until a file on the share carries it.
 *   `file` is the name chosen for it before that file is written and `delivered_at` is set once
 *   it is on the share, so a delivery cut short writes the same events under the same name again
 *   (never a second file holding some of them). Events recorded before this version are queued
 *   too, so the share comes to hold the whole record (a lead's store is a cache of it).
 * - event_files: the share's event files this store has dealt with — its own, received, or not
 *   addressed to this lead — so none is opened twice. Files in quarantine are kept there instead
 *   (with the concern files', named `events/<file>`).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'event-sync',
  up(db) {
    db.exec(`
      CREATE TABLE event_outbox (
        event_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        file TEXT,
        delivered_at TEXT
      ) STRICT;
      CREATE INDEX event_outbox_pending ON event_outbox (file) WHERE delivered_at IS NULL;

      CREATE TABLE event_files (
        file TEXT PRIMARY KEY,
        outcome TEXT NOT NULL CHECK (outcome IN ('ours', 'received', 'not-addressed')),
        events INTEGER NOT NULL,
        packed_by TEXT,
        at TEXT NOT NULL
      ) STRICT;

      INSERT INTO event_outbox (event_id, case_id, queued_at)
        SELECT event_id, case_id, received_at FROM case_events WHERE case_id IS NOT NULL ORDER BY seq;
    `);
  },
};
