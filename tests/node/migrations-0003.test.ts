/**
 * Migrations 0003 (staff and lead) with fixture rows from version 2: outbox rows gain "sealed to
 * nobody recorded" and no warning; lead quarantine entries "not addressed" (a tip-off) are gone.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/database';
import { migration0001 as lead1 } from '../../src/storage/migrations/lead/0001-initial';
import { migration0002 as lead2 } from '../../src/storage/migrations/lead/0002-kind-urgency';
import { migration0003 as lead3 } from '../../src/storage/migrations/lead/0003-acks-seen-files';
import { migration0001 as staff1 } from '../../src/storage/migrations/staff/0001-initial';
import { migration0002 as staff2 } from '../../src/storage/migrations/staff/0002-drafts-receipts';
import { migration0003 as staff3 } from '../../src/storage/migrations/staff/0003-outbox-trust';

describe('migration 0003', () => {
  it('gives staff outbox rows an empty sealed-to list, no warning, and the enrolment no problem', () => {
    const db = new Database(':memory:');
    migrate(db, [staff1, staff2]);
    db.prepare(
      `INSERT INTO outbox (concern_id, reference, form_id, form_version, created_at, sealed, urgent, delivered_at)
       VALUES ('c-1', 'SG-AAAA-BBBB', 'f', 1, '2026-01-01T00:00:00Z', x'01', 1, '2026-01-01T00:01:00Z')`,
    ).run();
    db.prepare(
      `INSERT INTO enrolment (singleton, share_path, root_fingerprint, profile_serial, profile_json, enrolled_at, updated_at)
       VALUES (1, '/share', 'ff', 1, '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    ).run();

    migrate(db, [staff1, staff2, staff3]);

    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(
      db.prepare('SELECT reference, sealed_to, profile_warning, redeliveries FROM outbox').get(),
    ).toEqual({
      reference: 'SG-AAAA-BBBB',
      sealed_to: '[]',
      profile_warning: null,
      redeliveries: 0,
    });
    expect(db.prepare('SELECT profile_problem FROM enrolment').get()).toEqual({
      profile_problem: null,
    });
  });

  it('drops "not addressed" quarantine entries, keeps the others, and owes acknowledgements for old cases', () => {
    const db = new Database(':memory:');
    migrate(db, [lead1, lead2]);
    const quarantine = db.prepare(
      `INSERT INTO quarantine (file, file_sha256, reason_code, reason, first_seen, last_seen)
       VALUES (?, 'aa', ?, 'r', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    quarantine.run('a.age', 'not-addressed');
    quarantine.run('b.age', 'corrupt');
    db.prepare(
      `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role, device_id,
         filed_at, imported_at, source_file, source_sha256, signed_document)
       VALUES ('c-1', 'SG-AAAA-BBBB', 'f', 1, 'n', 'r', 'd', 't', 't', 'c-1.age', 'aa', '{}')`,
    ).run();

    migrate(db, [lead1, lead2, lead3]);

    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT file, reason_code FROM quarantine').all()).toEqual([
      { file: 'b.age', reason_code: 'corrupt' },
    ]);
    expect(db.prepare('SELECT ack_file FROM cases').get()).toEqual({ ack_file: null });
    expect(db.prepare('SELECT count(*) AS n FROM skipped_files').get()).toEqual({ n: 0 });
  });
});
