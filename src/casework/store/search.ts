/**
 * Full-text search (SQLite FTS5, inside the encrypted store) over each case's answers, names and
 * notes: one row per case, rewritten when the case's text changes.
 */
import type { Db } from '../../storage/database';

export class SearchTable {
  constructor(private readonly db: Db) {}

  /** Replaces the searchable text of a case (found by its row id, never by scanning). */
  put(caseId: string, text: string): void {
    this.db
      .prepare('INSERT INTO case_search_ids (case_id) VALUES (?) ON CONFLICT (case_id) DO NOTHING')
      .run(caseId);
    const rowid = this.rowidOf(caseId);
    this.db.prepare('DELETE FROM case_search WHERE rowid = ?').run(rowid);
    this.db
      .prepare('INSERT INTO case_search (rowid, case_id, body) VALUES (?, ?, ?)')
      .run(rowid, caseId, text);
  }

  /** The searchable text of a case ('' when it has none). */
  get(caseId: string): string {
    return (
      (this.db
        .prepare(
          `SELECT body FROM case_search
           WHERE rowid = (SELECT search_rowid FROM case_search_ids WHERE case_id = ?)`,
        )
        .pluck()
        .get(caseId) as string | undefined) ?? ''
    );
  }

  private rowidOf(caseId: string): number {
    return this.db
      .prepare('SELECT search_rowid FROM case_search_ids WHERE case_id = ?')
      .pluck()
      .get(caseId) as number;
  }
}
