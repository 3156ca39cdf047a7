import type { Migration } from '../../database';

/**
 * Lead store v11: each case's state row carries the case's reference and form version, and the
 * table is keyed by case id alone (WITHOUT ROWID). Before, a chronology or search result of fifty
 * cases read, for each case, the state's key index and then its row, and the `cases` table's key
 * index and then its row (where the whole signed concern lies): four pages from a cold, encrypted
 * file for two columns. Now one. case_state is a cache of the fold (store/state.ts), so its rows
 * are copied as they are, with the two columns from `cases`.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'case-state-by-case',
  up(db) {
    db.exec(`
      CREATE TABLE case_state_v11 (
        case_id TEXT PRIMARY KEY REFERENCES cases (concern_id),
        reference TEXT NOT NULL,
        form_version INTEGER NOT NULL,
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
        updated_at TEXT NOT NULL,
        reporter_role TEXT NOT NULL DEFAULT '',
        first_action_at TEXT,
        closed_at TEXT,
        referrals TEXT NOT NULL DEFAULT '',
        lado_clock_due TEXT,
        lado_done_at TEXT,
        figures_version INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;
      INSERT INTO case_state_v11
        SELECT s.case_id, c.reference, c.form_version, s.filed_at, s.form_id, s.kind, s.urgency,
               s.status, s.pathway, s.priority, s.assigned_to, s.outcome, s.untriaged_urgent,
               s.next_due, s.lado_due, s.opened, s.updated_at, s.reporter_role, s.first_action_at,
               s.closed_at, s.referrals, s.lado_clock_due, s.lado_done_at, s.figures_version
        FROM case_state s JOIN cases c ON c.concern_id = s.case_id;
      DROP TABLE case_state;
      ALTER TABLE case_state_v11 RENAME TO case_state;
      CREATE INDEX case_state_inbox ON case_state (untriaged_urgent DESC, filed_at DESC);
      CREATE INDEX case_state_due ON case_state (next_due) WHERE next_due IS NOT NULL;
      CREATE INDEX case_state_figures_version ON case_state (figures_version);
    `);
  },
};
