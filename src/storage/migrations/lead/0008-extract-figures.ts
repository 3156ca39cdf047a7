import type { Migration } from '../../database';

/**
 * Lead store v8, for the office's statistical extract (issue 9):
 * - case_state keeps, beside each case's folded state, the reporter's role as typed and the
 *   figures statistics need (first action, closure, external actions done, the LADO clock), so
 *   an extract of 100,000 concerns is one pass over this small table. Roles are copied from
 *   `cases`; the figures need the fold, so rows start at figures_version 0 and are worked out
 *   when the store is next unlocked (casework/workspace.ts).
 * - published_extracts lists the extracts this lead wrote to the share, so a newer one can remove
 *   the files it supersedes (this lead's own only) and the status can say when they were published.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'extract-figures',
  up(db) {
    db.exec(`
      ALTER TABLE case_state ADD COLUMN reporter_role TEXT NOT NULL DEFAULT '';
      ALTER TABLE case_state ADD COLUMN first_action_at TEXT;
      ALTER TABLE case_state ADD COLUMN closed_at TEXT;
      ALTER TABLE case_state ADD COLUMN referrals TEXT NOT NULL DEFAULT '';
      ALTER TABLE case_state ADD COLUMN lado_clock_due TEXT;
      ALTER TABLE case_state ADD COLUMN lado_done_at TEXT;
      ALTER TABLE case_state ADD COLUMN figures_version INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX case_state_figures_version ON case_state (figures_version);
      UPDATE case_state SET reporter_role =
        (SELECT reporter_role FROM cases WHERE cases.concern_id = case_state.case_id);

      CREATE TABLE published_extracts (
        file TEXT PRIMARY KEY,
        published_at TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        removed_at TEXT
      ) STRICT;
    `);
  },
};
