import type { Migration } from '../../database';

/** Staff store: this device's signing key, the pinned school profile, and the outbox. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE device (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        device_id TEXT NOT NULL,
        signing_public_key TEXT NOT NULL,
        signing_private_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE enrolment (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        share_path TEXT NOT NULL,
        root_fingerprint TEXT NOT NULL,
        profile_serial INTEGER NOT NULL,
        profile_json TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE outbox (
        concern_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        form_id TEXT NOT NULL,
        form_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sealed BLOB NOT NULL,
        delivered_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (created_at) WHERE delivered_at IS NULL;
    `);
  },
};
