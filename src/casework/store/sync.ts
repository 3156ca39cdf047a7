/**
 * The event_outbox and event_files tables (lead migration 0009): which of this lead's events a
 * file on the share carries yet, and which of the share's event files this store has dealt with.
 */
import type { Db } from '../../storage/database';

/** What became of an event file on the share, for this store. */
export type EventFileOutcome = 'ours' | 'received' | 'not-addressed';

export class SyncTable {
  constructor(private readonly db: Db) {}

  /** Queues an event for the share (in the transaction that stores it). */
  queue(eventId: string, caseId: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO event_outbox (event_id, case_id, queued_at) VALUES (?, ?, ?)
         ON CONFLICT (event_id) DO NOTHING`,
      )
      .run(eventId, caseId, at);
  }

  /** Events no file carries yet, oldest first, with their case. */
  pending(): Array<{ eventId: string; caseId: string }> {
    return (
      this.db
        .prepare(
          `SELECT o.event_id AS eventId, o.case_id AS caseId FROM event_outbox o
           JOIN case_events e ON e.event_id = o.event_id
           WHERE o.file IS NULL ORDER BY e.seq`,
        )
        .all() as Array<{ eventId: string; caseId: string }>
    ).map((r) => ({ eventId: r.eventId, caseId: r.caseId }));
  }

  /** How many events wait for the share. */
  pendingCount(): number {
    return this.db
      .prepare('SELECT count(*) FROM event_outbox WHERE file IS NULL')
      .pluck()
      .get() as number;
  }

  /** Notes that `file` on the share carries these events, and that it is ours (one transaction). */
  delivered(file: string, eventIds: readonly string[], at: string): void {
    const mark = this.db.prepare('UPDATE event_outbox SET file = ? WHERE event_id = ?');
    this.db.transaction(() => {
      for (const id of eventIds) mark.run(file, id);
      this.noteFile(file, 'ours', eventIds.length, null, at);
    })();
  }

  /** Notes an event file dealt with, so it is not opened again. */
  noteFile(
    file: string,
    outcome: EventFileOutcome,
    events: number,
    packedBy: string | null,
    at: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO event_files (file, outcome, events, packed_by, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (file) DO NOTHING`,
      )
      .run(file, outcome, events, packedBy, at);
  }

  /** The event files this store has dealt with. */
  knownFiles(): Set<string> {
    return new Set(this.db.prepare('SELECT file FROM event_files').pluck().all() as string[]);
  }
}
