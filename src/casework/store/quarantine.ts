/**
 * Files from the share that could not be imported, with their reason, and the share files already
 * looked at that were not for this lead (kept with no reason and never shown). Neither is read
 * again while its size and time are unchanged.
 */
import type { Db } from '../../storage/database';

export interface QuarantineEntry {
  file: string;
  code: string;
  reason: string;
  firstSeen: string;
  lastSeen: string;
}

/** The quarantine and skipped_files tables. */
export class QuarantineTable {
  constructor(private readonly db: Db) {}

  /** Records (or refreshes) a file that failed import, with its reason, size and time. */
  add(entry: {
    file: string;
    sha256: string;
    code: string;
    reason: string;
    at: string;
    size: number | null;
    mtimeMs: number | null;
  }): void {
    this.db
      .prepare(
        `INSERT INTO quarantine (file, file_sha256, reason_code, reason, first_seen, last_seen, file_size, file_mtime_ms)
         VALUES (@file, @sha256, @code, @reason, @at, @at, @size, @mtimeMs)
         ON CONFLICT (file) DO UPDATE SET file_sha256 = excluded.file_sha256, reason_code = excluded.reason_code,
           reason = excluded.reason, last_seen = excluded.last_seen, file_size = excluded.file_size,
           file_mtime_ms = excluded.file_mtime_ms`,
      )
      .run(entry);
  }

  list(): QuarantineEntry[] {
    return (
      this.db
        .prepare(
          'SELECT file, reason_code, reason, first_seen, last_seen FROM quarantine ORDER BY first_seen, file',
        )
        .all() as Array<{
        file: string;
        reason_code: string;
        reason: string;
        first_seen: string;
        last_seen: string;
      }>
    ).map((r) => ({
      file: r.file,
      code: r.reason_code,
      reason: r.reason,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
    }));
  }

  /** How many files are in quarantine. */
  count(): number {
    return this.db.prepare('SELECT count(*) FROM quarantine').pluck().get() as number;
  }

  /** Share files not to read again while unchanged: quarantined ones, and ones not for us. */
  lookedAt(): Map<string, { size: number; mtimeMs: number }> {
    const rows = this.db
      .prepare(
        `SELECT file, file_size AS size, file_mtime_ms AS mtimeMs FROM skipped_files
         UNION ALL
         SELECT file, file_size, file_mtime_ms FROM quarantine WHERE file_size IS NOT NULL`,
      )
      .all() as Array<{ file: string; size: number; mtimeMs: number }>;
    return new Map(rows.map((r) => [r.file, { size: r.size, mtimeMs: r.mtimeMs }]));
  }

  /** Takes a file out of quarantine (it has since been received). */
  remove(file: string): void {
    this.db.prepare('DELETE FROM quarantine WHERE file = ?').run(file);
  }

  /** Notes a share file that is not for this lead, so it is not opened again while unchanged. */
  skip(file: string, size: number, mtimeMs: number): void {
    this.db
      .prepare(
        `INSERT INTO skipped_files (file, file_size, file_mtime_ms) VALUES (?, ?, ?)
         ON CONFLICT (file) DO UPDATE SET file_size = excluded.file_size, file_mtime_ms = excluded.file_mtime_ms`,
      )
      .run(file, size, mtimeMs);
  }
}
