import type { Migration } from '../../database';

/**
 * Lead store v7: casework events are stored clustered by case. Before, events sat in the order
 * they were recorded, so a case's five events lay on five pages scattered through the file, and a
 * chronology of fifty cases decrypted hundreds of pages. Now the table is keyed by
 * (case, time, id) — `case_key` is the case id, or '' for events about people rather than one
 * case — so one case's events share a page. `seq` keeps the order events were recorded in, which
 * `audit verify` walks. Rows, ids, bodies and signatures are carried over byte for byte, and the
 * table stays append-only.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'events-by-case',
  up(db) {
    db.exec(`
      CREATE TABLE case_events_v7 (
        event_id TEXT NOT NULL UNIQUE,
        case_id TEXT REFERENCES cases (concern_id),
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        author TEXT NOT NULL,
        body_json TEXT NOT NULL,
        signature TEXT NOT NULL,
        received_at TEXT NOT NULL,
        case_key TEXT NOT NULL CHECK (case_key = coalesce(case_id, '')),
        seq INTEGER NOT NULL UNIQUE,
        PRIMARY KEY (case_key, at, event_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO case_events_v7
        (event_id, case_id, type, at, author, body_json, signature, received_at, case_key, seq)
        SELECT event_id, case_id, type, at, author, body_json, signature, received_at,
               coalesce(case_id, ''), rowid
        FROM case_events;
      DROP TABLE case_events;
      ALTER TABLE case_events_v7 RENAME TO case_events;
      CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
        BEGIN SELECT RAISE(ABORT, 'casework events are append-only'); END;
      CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
        BEGIN SELECT RAISE(ABORT, 'casework events are append-only'); END;
    `);
  },
};
