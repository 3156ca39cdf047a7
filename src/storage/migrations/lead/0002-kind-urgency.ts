import type { Migration } from '../../database';

/** Lead store v2: what kind of record a case is, its urgency, and who it is about. */
export const migration0002: Migration = {
  version: 2,
  name: 'kind-urgency',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN kind TEXT NOT NULL DEFAULT 'concern'
        CHECK (kind IN ('concern', 'contact-log'));
      ALTER TABLE cases ADD COLUMN urgency TEXT NOT NULL DEFAULT 'normal'
        CHECK (urgency IN ('urgent', 'normal'));
      ALTER TABLE cases ADD COLUMN about_recipient_id TEXT;
      CREATE INDEX cases_by_kind ON cases (kind, filed_at);
    `);
  },
};
