/**
 * Lead migration 0007 stores casework events clustered by case. Version-6 rows come across byte
 * for byte, in the order they were recorded (`seq`); a case's events are read by key, in time
 * order; events about people (no case) stay apart; and the table is still append-only.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { EventsTable } from '../../src/casework/store/events';
import { migrate } from '../../src/storage/database';
import { leadMigrations } from '../../src/storage/migrations/lead';

const cases = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

function insertCase(db: Database.Database, id: string, n: number): void {
  db.prepare(
    `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role,
       device_id, filed_at, imported_at, source_file, source_sha256, signed_document, kind, urgency)
     VALUES (?, ?, 'f', 1, 'Sam', 'Teacher', 'd', ?, ?, ?, '', '{}', 'concern', 'normal')`,
  ).run(id, `SG-AAAA-AAA${n}`, `2026-11-0${n}T10:00:00Z`, `2026-11-0${n}T10:00:00Z`, `${id}.age`);
}

/** Version-6 rows, recorded out of time order and interleaved between cases. */
const v6Rows = [
  ['e1', cases[0], '2026-11-03T09:00:00Z'],
  ['e2', cases[1], '2026-11-02T09:00:00Z'],
  ['e3', null, '2026-11-04T09:00:00Z'],
  ['e4', cases[0], '2026-11-01T09:00:00Z'],
  ['e5', cases[1], '2026-11-05T09:00:00Z'],
] as const;

function body(id: string, caseId: string | null | undefined, at: string): string {
  return JSON.stringify({ eventId: id, caseId, at, type: 'note-added', payload: { text: id } });
}

describe('lead migration 0007', () => {
  it('carries version-6 events over unchanged and reads them by case, in time order', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 6),
    );
    cases.forEach((id, i) => insertCase(db, id, i + 1));
    const insert = db.prepare(
      `INSERT INTO case_events (event_id, case_id, type, at, author, body_json, signature, received_at)
       VALUES (?, ?, 'note-added', ?, 'lead', ?, ?, '2026-11-06T00:00:00Z')`,
    );
    for (const [id, caseId, at] of v6Rows)
      insert.run(id, caseId, at, body(id, caseId, at), `sig-${id}`);
    const before = db.prepare('SELECT * FROM case_events ORDER BY rowid').all();

    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 7),
    );

    expect(db.pragma('user_version', { simple: true })).toBe(7);
    const events = new EventsTable(db);
    // Recorded order, for audit verify; every column as it was.
    const after = db
      .prepare(
        `SELECT event_id, case_id, type, at, author, body_json, signature, received_at
         FROM case_events ORDER BY seq`,
      )
      .all();
    expect(after).toEqual(before);
    expect(events.all().map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(events.forCase(cases[0]!).map((e) => e.eventId)).toEqual(['e4', 'e1']);
    expect(events.forCase(cases[1]!).map((e) => e.eventId)).toEqual(['e2', 'e5']);
    expect(events.peopleEvents().map((e) => e.eventId)).toEqual(['e3']);

    // A case's events are read from the table's own key: no lookup from an index into the table.
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT body_json FROM case_events WHERE case_key = ? ORDER BY at, event_id',
      )
      .all(cases[0]) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH case_events USING PRIMARY KEY/);

    // Still append-only, and the case key cannot disagree with the case.
    expect(() =>
      db.prepare("UPDATE case_events SET body_json = '{}' WHERE event_id = 'e1'").run(),
    ).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM case_events WHERE event_id = 'e1'").run()).toThrow(
      /append-only/,
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO case_events (event_id, case_id, type, at, author, body_json, signature,
             received_at, case_key, seq) VALUES ('e6', ?, 'note-added', 'x', 'a', '{}', 's', 'r', ?, 6)`,
        )
        .run(cases[0], cases[1]),
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});
