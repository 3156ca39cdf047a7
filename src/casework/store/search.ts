/**
 * Full-text search (SQLite FTS5, inside the encrypted store) over each case's answers, names and
 * notes: one row per case, rewritten when the case's text changes.
 */
import type { Db } from '../../storage/database';

export class SearchTable {
  constructor(private readonly db: Db) {}

  /** Replaces the searchable text of a case. */
  put(caseId: string, text: string): void {
    this.db.prepare('DELETE FROM case_search WHERE case_id = ?').run(caseId);
    this.db.prepare('INSERT INTO case_search (case_id, body) VALUES (?, ?)').run(caseId, text);
  }

  /** The searchable text of a case ('' when it has none). */
  get(caseId: string): string {
    return (
      (this.db.prepare('SELECT body FROM case_search WHERE case_id = ?').pluck().get(caseId) as
        string | undefined) ?? ''
    );
  }

  /**
   * Case ids whose text matches every word of `query` (each word as a prefix), best first.
   * The query is turned into quoted FTS5 terms, so no FTS syntax can be injected.
   */
  match(query: string, limit: number): string[] {
    const terms = query
      .normalize('NFKC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0)
      .slice(0, 20)
      .map((word) => `"${word.replace(/"/g, '""')}"*`);
    if (terms.length === 0) return [];
    return this.db
      .prepare('SELECT case_id FROM case_search WHERE case_search MATCH ? ORDER BY rank LIMIT ?')
      .pluck()
      .all(terms.join(' AND '), limit) as string[];
  }
}
