import type { Migration } from '../../database';

/**
 * Lead store v4, casework: signed append-only events; the audit hash chain; people named in
 * concerns and their links to cases; the case state folded from the events (a cache, rebuilt at
 * will); full-text search; and the count of wrong passphrases. Events and the audit log refuse
 * UPDATE and DELETE (triggers): a correction is a new event, and the audit only grows.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'casework',
  up(db) {
    db.exec(`
      CREATE TABLE case_events (
        event_id TEXT PRIMARY KEY,
        case_id TEXT REFERENCES cases (concern_id),
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        author TEXT NOT NULL,
        body_json TEXT NOT NULL,
        signature TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_events_by_case ON case_events (case_id, at, event_id);
      CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
        BEGIN SELECT RAISE(ABORT, 'casework events are append-only'); END;
      CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
        BEGIN SELECT RAISE(ABORT, 'casework events are append-only'); END;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        signature TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE people (
        person_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        match_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE case_people (
        case_id TEXT NOT NULL REFERENCES cases (concern_id),
        person_id TEXT NOT NULL REFERENCES people (person_id),
        how TEXT NOT NULL CHECK (how IN ('named', 'subject')),
        detail TEXT,
        PRIMARY KEY (case_id, person_id, how)
      ) STRICT;
      CREATE INDEX case_people_by_person ON case_people (person_id);

      CREATE TABLE case_state (
        case_id TEXT PRIMARY KEY REFERENCES cases (concern_id),
        filed_at TEXT NOT NULL,
        form_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        urgency TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('new', 'open', 'closed')),
        pathway TEXT,
        priority TEXT,
        assigned_to TEXT,
        outcome TEXT,
        untriaged_urgent INTEGER NOT NULL,
        next_due TEXT,
        lado_due TEXT,
        opened INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_state_inbox ON case_state (untriaged_urgent DESC, filed_at DESC);
      CREATE INDEX case_state_due ON case_state (next_due) WHERE next_due IS NOT NULL;

      CREATE VIRTUAL TABLE case_search USING fts5(
        case_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE unlock_attempts (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        failures INTEGER NOT NULL,
        wait_until TEXT
      ) STRICT;

      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `);
    // Cases imported before casework get their state row: new, untriaged.
    db.exec(`
      INSERT INTO case_state (case_id, filed_at, form_id, kind, urgency, status, untriaged_urgent, opened, updated_at)
      SELECT concern_id, filed_at, form_id, kind, urgency, 'new', urgency = 'urgent', 0, imported_at FROM cases;
    `);
  },
};
