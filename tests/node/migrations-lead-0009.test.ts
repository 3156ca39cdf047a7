/**
 * Lead migration 0009 adds the outbox for casework travelling between leads (issue 10) and queues
 * every case event already held, in the order recorded, so the share comes to hold the whole
 * record; events about people (no case) stay at home. No event file is known yet.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { SyncTable } from '../../src/casework/store/sync';
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

describe('lead migration 0009', () => {
  it('queues every case event held, in the order recorded, and no people event', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 8),
    );
    cases.forEach((id, i) => insertCase(db, id, i + 1));
    const insert = db.prepare(
      `INSERT INTO case_events (event_id, case_id, type, at, author, body_json, signature, received_at, case_key, seq)
       VALUES (?, ?, 'note-added', ?, 'lead', '{}', 'sig', ?, ?, ?)`,
    );
    const rows = [
      ['e1', cases[1], '2026-11-03T09:00:00Z'],
      ['e2', null, '2026-11-02T09:00:00Z'],
      ['e3', cases[0], '2026-11-01T09:00:00Z'],
    ] as const;
    rows.forEach(([id, caseId, at], i) => insert.run(id, caseId, at, at, caseId ?? '', i + 1));

    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 9),
    );

    expect(db.pragma('user_version', { simple: true })).toBe(9);
    const sync = new SyncTable(db);
    expect(sync.unplanned()).toEqual([
      { eventId: 'e1', caseId: cases[1] },
      { eventId: 'e3', caseId: cases[0] },
    ]);
    expect(sync.knownFiles().size).toBe(0);
    // A file chosen, then cut short: the same events wait under the same name.
    const file = '0123456789abcdef0123456789abcdef.age';
    sync.plan(file, ['e1', 'e3']);
    expect(sync.unplanned()).toEqual([]);
    expect(sync.planned()).toEqual([{ file, eventIds: ['e1', 'e3'] }]);
    expect(sync.pendingCount()).toBe(2);
    expect(sync.delivered(file, '2026-11-06T00:00:00Z')).toBe(2);
    expect(sync.pendingCount()).toBe(0);
    expect(sync.planned()).toEqual([]);
    expect([...sync.knownFiles()]).toEqual([file]);
  });
});
