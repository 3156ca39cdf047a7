/**
 * The published_extracts table: the statistical extracts this lead wrote to the share. A newer one
 * supersedes them; the files are then removed from the share (this lead's own, never another's).
 */
import type { Db } from '../../storage/database';

/** One extract this lead published. */
export interface PublishedExtract {
  file: string;
  publishedAt: string;
  rowCount: number;
}

export class PublishedExtractsTable {
  constructor(private readonly db: Db) {}

  /** Records an extract just written to the share. */
  add(entry: PublishedExtract): void {
    this.db
      .prepare(
        `INSERT INTO published_extracts (file, published_at, row_count) VALUES (?, ?, ?)
         ON CONFLICT (file) DO NOTHING`,
      )
      .run(entry.file, entry.publishedAt, entry.rowCount);
  }

  /** The latest extract published, or null. */
  latest(): PublishedExtract | null {
    const row = this.db
      .prepare(
        `SELECT file, published_at, row_count FROM published_extracts
         ORDER BY published_at DESC, rowid DESC LIMIT 1`,
      )
      .get() as { file: string; published_at: string; row_count: number } | undefined;
    return row ? { file: row.file, publishedAt: row.published_at, rowCount: row.row_count } : null;
  }

  /** Files published before `file` and still on the share (as far as this lead knows). */
  superseded(file: string): string[] {
    return this.db
      .prepare(
        `SELECT file FROM published_extracts WHERE removed_at IS NULL AND file <> ?
           AND rowid < (SELECT rowid FROM published_extracts WHERE file = ?)`,
      )
      .pluck()
      .all(file, file) as string[];
  }

  /** Notes that a superseded file is gone from the share. */
  markRemoved(file: string, at: string): void {
    this.db
      .prepare('UPDATE published_extracts SET removed_at = ? WHERE file = ? AND removed_at IS NULL')
      .run(at, file);
  }
}
