import type { Migration } from '../../database';

/**
 * Staff store v4: drafts sealed with a per-draft data key (src/staff/draft-crypto.ts), which may be
 * wrapped with a key derived from the reporter's draft PIN. A migration does no crypto, so drafts
 * saved before v4 keep their plaintext in `legacy_*` columns until first reopened, when the core
 * seals them and clears those columns. Independent of v3 (which touches only `outbox`).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'sealed-drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts_v4 (
        draft_id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sealed BLOB,
        legacy_answers_json TEXT,
        legacy_about TEXT,
        pin_salt BLOB,
        pin_scrypt_n INTEGER,
        pin_scrypt_r INTEGER,
        pin_scrypt_p INTEGER,
        key_wrap BLOB,
        wrong_pins INTEGER NOT NULL DEFAULT 0 CHECK (wrong_pins >= 0),
        retry_after TEXT,
        CHECK ((sealed IS NULL) <> (legacy_answers_json IS NULL)),
        CHECK (legacy_about IS NULL OR legacy_answers_json IS NOT NULL),
        CHECK (
          (pin_salt IS NULL AND pin_scrypt_n IS NULL AND pin_scrypt_r IS NULL
            AND pin_scrypt_p IS NULL AND key_wrap IS NULL)
          OR (pin_salt IS NOT NULL AND pin_scrypt_n IS NOT NULL AND pin_scrypt_r IS NOT NULL
            AND pin_scrypt_p IS NOT NULL AND key_wrap IS NOT NULL AND sealed IS NOT NULL)
        )
      ) STRICT;
      INSERT INTO drafts_v4 (draft_id, form_id, created_at, updated_at, legacy_answers_json, legacy_about)
        SELECT draft_id, form_id, created_at, updated_at, answers_json, about FROM drafts;
      DROP TABLE drafts;
      ALTER TABLE drafts_v4 RENAME TO drafts;
    `);
  },
};
