/** Migration 0002 of each store takes a version-1 store with rows in it to version 2, keeping them. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/database';
import { migration0001 as lead1 } from '../../src/storage/migrations/lead/0001-initial';
import { migration0002 as lead2 } from '../../src/storage/migrations/lead/0002-kind-urgency';
import { migration0001 as staff1 } from '../../src/storage/migrations/staff/0001-initial';
import { migration0002 as staff2 } from '../../src/storage/migrations/staff/0002-drafts-receipts';

describe('migration 0002', () => {
  it('gives staff outbox rows from version 1 a not-urgent, unacknowledged state and adds drafts', () => {
    const db = new Database(':memory:');
    migrate(db, [staff1]);
    db.prepare(
      `INSERT INTO outbox (concern_id, reference, form_id, form_version, created_at, sealed, delivered_at)
       VALUES ('c-1', 'SG-AAAA-BBBB', 'f', 1, '2026-01-01T00:00:00Z', x'00', '2026-01-01T00:00:01Z')`,
    ).run();
    migrate(db, [staff1, staff2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(
      db.prepare('SELECT reference, urgent, acknowledged_at, delivered_at FROM outbox').get(),
    ).toEqual({
      reference: 'SG-AAAA-BBBB',
      urgent: 0,
      acknowledged_at: null,
      delivered_at: '2026-01-01T00:00:01Z',
    });
    db.prepare("INSERT INTO drafts VALUES ('d-1', 'f', '{}', NULL, 't', 't')").run();
    expect(() => db.prepare("UPDATE outbox SET urgent = 2 WHERE concern_id = 'c-1'").run()).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });

  it('gives lead cases from version 1 the kind "concern" and normal urgency', () => {
    const db = new Database(':memory:');
    migrate(db, [lead1]);
    db.prepare(
      `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role, device_id,
        filed_at, imported_at, source_file, source_sha256, signed_document)
       VALUES ('c-1', 'SG-AAAA-BBBB', 'f', 1, 'n', 'r', 'd', 't', 't', 'c-1.age', 'h', '{}')`,
    ).run();
    migrate(db, [lead1, lead2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT kind, urgency, about_recipient_id FROM cases').get()).toEqual({
      kind: 'concern',
      urgency: 'normal',
      about_recipient_id: null,
    });
    expect(() => db.prepare("UPDATE cases SET kind = 'ticket'").run()).toThrow(/CHECK constraint/);
    db.close();
  });
});
