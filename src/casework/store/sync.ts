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

  /** Events waiting with no file chosen for them yet, oldest first, with their case. */
  unplanned(): Array<{ eventId: string; caseId: string }> {
    return (
      this.db
        .prepare(
          `SELECT o.event_id AS eventId, o.case_id AS caseId FROM event_outbox o
           JOIN case_events e ON e.event_id = o.event_id
           WHERE o.delivered_at IS NULL AND o.file IS NULL ORDER BY e.seq`,
        )
        .all() as Array<{ eventId: string; caseId: string }>
    ).map((r) => ({ eventId: r.eventId, caseId: r.caseId }));
  }

  /**
   * Files chosen for waiting events but not known to be on the share (a delivery cut short),
   * each with its events in the order recorded: to be written again exactly as planned.
   */
  planned(): Array<{ file: string; eventIds: string[] }> {
    const rows = this.db
      .prepare(
        `SELECT o.file AS file, o.event_id AS eventId FROM event_outbox o
         JOIN case_events e ON e.event_id = o.event_id
         WHERE o.delivered_at IS NULL AND o.file IS NOT NULL ORDER BY e.seq`,
      )
      .all() as Array<{ file: string; eventId: string }>;
    const files = new Map<string, string[]>();
    for (const { file, eventId } of rows) files.set(file, [...(files.get(file) ?? []), eventId]);
    return [...files].map(([file, eventIds]) => ({ file, eventIds }));
  }

  /** How many events wait for the share. */
  pendingCount(): number {
    return this.db
      .prepare('SELECT count(*) FROM event_outbox WHERE delivered_at IS NULL')
      .pluck()
      .get() as number;
  }

  /** Chooses `file` for these events, before it is written (one transaction). */
  plan(file: string, eventIds: readonly string[]): void {
    const mark = this.db.prepare(
      'UPDATE event_outbox SET file = ? WHERE event_id = ? AND delivered_at IS NULL',
    );
    this.db.transaction(() => {
      for (const id of eventIds) mark.run(file, id);
    })();
  }

  /** Notes that `file` is on the share with the events chosen for it, and that it is ours. */
  delivered(file: string, at: string): number {
    return this.db.transaction(() => {
      const { changes } = this.db
        .prepare('UPDATE event_outbox SET delivered_at = ? WHERE file = ? AND delivered_at IS NULL')
        .run(at, file);
      this.noteFile(file, 'ours', changes, null, at);
      return changes;
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

  /** Whether the profile with this serial was already compared with the cases (migration 0010). */
  profileSwept(serial: number): boolean {
    return (
      this.db.prepare('SELECT 1 FROM profile_sweeps WHERE serial = ?').get(serial) !== undefined
    );
  }

  /** Notes that the profile with this serial was compared with the cases. */
  noteProfileSwept(serial: number, at: string, shared: number): void {
    this.db
      .prepare(
        'INSERT INTO profile_sweeps (serial, at, shared) VALUES (?, ?, ?) ON CONFLICT (serial) DO NOTHING',
      )
      .run(serial, at, shared);
  }
}
