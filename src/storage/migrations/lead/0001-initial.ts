import type { Migration } from '../../database';

/** Lead case store: imported concerns (as cases), their answers and attachments, quarantine. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE lead_settings (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        share_path TEXT NOT NULL,
        school_id TEXT NOT NULL,
        recipient_id TEXT NOT NULL
      ) STRICT;
      CREATE TABLE cases (
        concern_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        form_id TEXT NOT NULL,
        form_version INTEGER NOT NULL,
        reporter_name TEXT NOT NULL,
        reporter_role TEXT NOT NULL,
        device_id TEXT NOT NULL,
        filed_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        source_file TEXT NOT NULL UNIQUE,
        source_sha256 TEXT NOT NULL,
        signed_document TEXT NOT NULL
      ) STRICT;
      CREATE TABLE case_answers (
        concern_id TEXT NOT NULL REFERENCES cases (concern_id),
        position INTEGER NOT NULL,
        field_id TEXT NOT NULL,
        value_json TEXT NOT NULL,
        PRIMARY KEY (concern_id, field_id)
      ) STRICT;
      CREATE TABLE case_attachments (
        concern_id TEXT NOT NULL REFERENCES cases (concern_id),
        field_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (concern_id, field_id, position)
      ) STRICT;
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        concern_id TEXT NOT NULL REFERENCES cases (concern_id),
        kind TEXT NOT NULL,
        author TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE quarantine (
        file TEXT PRIMARY KEY,
        file_sha256 TEXT NOT NULL,
        reason_code TEXT NOT NULL,
        reason TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
      ) STRICT;
    `);
  },
};
