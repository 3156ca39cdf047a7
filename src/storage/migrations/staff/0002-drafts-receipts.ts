import type { Migration } from '../../database';

/** Staff store v2: drafts (encrypted with the store), and receipt details on the outbox. */
export const migration0002: Migration = {
  version: 2,
  name: 'drafts-receipts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        draft_id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        about TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE outbox ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1));
      ALTER TABLE outbox ADD COLUMN acknowledged_at TEXT;
    `);
  },
};
