/**
 * The case_events table: signed casework events, append-only (triggers refuse UPDATE and DELETE).
 * Stored clustered by case (lead migration 0007), so a case's events are read from one page or two;
 * `seq` is the order they were recorded in. Rows keep the body's canonical JSON and the signature exactly as signed, so `audit verify` can
 * check them again at any time.
 */
import { canonicalJson } from '../../crypto';
import type { Db } from '../../storage/database';
import type { EventBody, EventType, SignedEvent } from '../events/types';

/** An event row as stored. */
export interface StoredEvent {
  eventId: string;
  caseId: string | null;
  type: string;
  at: string;
  author: string;
  bodyJson: string;
  signature: string;
}

export class EventsTable {
  constructor(private readonly db: Db) {}

  /** Appends one signed event; false when an event with this id is already held (a replay). */
  insert(signed: SignedEvent, receivedAt: string): boolean {
    const e = signed.event;
    const result = this.db
      .prepare(
        `INSERT INTO case_events
           (event_id, case_id, type, at, author, body_json, signature, received_at, case_key, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
           (SELECT coalesce(max(seq), 0) + 1 FROM case_events))
         ON CONFLICT (event_id) DO NOTHING`,
      )
      .run(
        e.eventId,
        e.caseId,
        e.type,
        e.at,
        e.author,
        canonicalJson(e),
        signed.signature,
        receivedAt,
        e.caseId ?? '',
      );
    return result.changes === 1;
  }

  has(eventId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM case_events WHERE event_id = ?').get(eventId) !== undefined
    );
  }

  /** Events by id, exactly as signed (ids not held are left out). */
  signed(eventIds: readonly string[]): SignedEvent[] {
    const get = this.db.prepare('SELECT body_json, signature FROM case_events WHERE event_id = ?');
    return eventIds.flatMap((id) => {
      const row = get.get(id) as { body_json: string; signature: string } | undefined;
      return row
        ? [{ event: JSON.parse(row.body_json) as EventBody, signature: row.signature }]
        : [];
    });
  }

  /** The events of one case, as parsed bodies (they were validated when they were stored). */
  forCase(caseId: string): EventBody[] {
    return (
      this.db
        .prepare('SELECT body_json FROM case_events WHERE case_key = ? ORDER BY at, event_id')
        .pluck()
        .all(caseId) as string[]
    ).map((json) => JSON.parse(json) as EventBody);
  }

  /** Events about people rather than one case (merges), in order. */
  peopleEvents(): EventBody[] {
    return (
      this.db
        .prepare("SELECT body_json FROM case_events WHERE case_key = '' ORDER BY at, event_id")
        .pluck()
        .all() as string[]
    ).map((json) => JSON.parse(json) as EventBody);
  }

  /** The leads a case was shared with after its concern was filed (`case-shared` events). */
  sharedWith(caseId: string): string[] {
    return (
      this.db
        .prepare(
          "SELECT body_json FROM case_events WHERE case_key = ? AND type = 'case-shared' ORDER BY at, event_id",
        )
        .pluck()
        .all(caseId) as string[]
    ).map((json) => (JSON.parse(json) as { payload: { recipientId: string } }).payload.recipientId);
  }

  /**
   * Every case's events of the given types, case by case (by case id), each case's in fold order:
   * one pass over the table in its own key order, for statistics over every case at once.
   */
  *byCase(types: readonly EventType[]): Generator<{ caseId: string; events: EventBody[] }> {
    const placeholders = types.map(() => '?').join(', ');
    const rows = this.db
      .prepare(
        `SELECT case_key, body_json FROM case_events
         WHERE case_key <> '' AND type IN (${placeholders}) ORDER BY case_key, at, event_id`,
      )
      .raw()
      .iterate(...types) as IterableIterator<[string, string]>;
    let caseId: string | null = null;
    let events: EventBody[] = [];
    for (const [key, json] of rows) {
      if (key !== caseId) {
        if (caseId !== null) yield { caseId, events };
        caseId = key;
        events = [];
      }
      events.push(JSON.parse(json) as EventBody);
    }
    if (caseId !== null) yield { caseId, events };
  }

  /** Every event row exactly as stored, in insertion order, for verification. */
  all(): StoredEvent[] {
    return (
      this.db
        .prepare(
          `SELECT event_id, case_id, type, at, author, body_json, signature FROM case_events ORDER BY seq`,
        )
        .all() as Array<{
        event_id: string;
        case_id: string | null;
        type: string;
        at: string;
        author: string;
        body_json: string;
        signature: string;
      }>
    ).map((r) => ({
      eventId: r.event_id,
      caseId: r.case_id,
      type: r.type,
      at: r.at,
      author: r.author,
      bodyJson: r.body_json,
      signature: r.signature,
    }));
  }
}
