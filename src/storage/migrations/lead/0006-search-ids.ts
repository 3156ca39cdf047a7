import type { Migration } from '../../database';

/**
 * Lead store v6: each case's full-text row gets a stable integer id (`case_search_ids`), so a
 * case's searchable text is found by key when a note changes it. Before, FTS5's unindexed
 * `case_id` column was scanned row by row: adding a note cost a pass over every case in the store.
 * The existing text is carried over unchanged.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'search-ids',
  up(db) {
    db.exec(`
      CREATE TABLE case_search_ids (
        search_rowid INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE REFERENCES cases (concern_id)
      ) STRICT;
      CREATE TEMP TABLE search_before AS SELECT case_id, body FROM case_search;
      INSERT INTO case_search_ids (case_id) SELECT DISTINCT case_id FROM temp.search_before;
      DELETE FROM case_search;
      INSERT INTO case_search (rowid, case_id, body)
        SELECT i.search_rowid, b.case_id, b.body
        FROM temp.search_before b JOIN case_search_ids i ON i.case_id = b.case_id;
      DROP TABLE temp.search_before;
    `);
  },
};
