/**
 * Lead migration 0011: case_state rows carry each case's reference and form version and the table
 * is keyed by case id alone (WITHOUT ROWID), so the inbox, search results and a chronology read a
 * case's row without the `cases` table. Version-10 rows are carried over column for column, the
 * indexes come back, and rows written afterwards carry the two columns too.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CaseQueries, emptyCalendar, foldCase } from '../../src/casework';
import { StateTable } from '../../src/casework/store/state';
import { migrate } from '../../src/storage/database';
import { leadMigrations } from '../../src/storage/migrations/lead';

const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

function insertCase(db: Database.Database, id: string, n: number, formVersion: number) {
  db.prepare(
    `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role,
       device_id, filed_at, imported_at, source_file, source_sha256, signed_document, kind, urgency)
     VALUES (?, ?, 'f', ?, 'Sam', 'Class teacher', 'd', ?, ?, ?, '', '{}', 'concern', ?)`,
  ).run(
    id,
    `SG-AAAA-AAA${n}`,
    formVersion,
    `2026-11-0${n}T10:00:00Z`,
    `2026-11-0${n}T10:00:00Z`,
    `${id}.age`,
    n === 1 ? 'urgent' : 'normal',
  );
  db.prepare(
    `INSERT INTO case_state (case_id, filed_at, form_id, kind, urgency, status, pathway, priority,
       untriaged_urgent, next_due, opened, updated_at, reporter_role, referrals, figures_version)
     VALUES (?, ?, 'f', 'concern', ?, 'open', 'allegation', 'high', ?, ?, 1, ?, 'Class teacher',
       'lado-consultation', 1)`,
  ).run(
    id,
    `2026-11-0${n}T10:00:00Z`,
    n === 1 ? 'urgent' : 'normal',
    n === 1 ? 1 : 0,
    `2026-11-1${n}T17:00:00.000Z`,
    `2026-11-0${n}T11:00:00Z`,
  );
}

describe('lead migration 0011', () => {
  it('puts reference and form version on each state row, keyed by case, and keeps the rest', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 10),
    );
    insertCase(db, ids[0]!, 1, 2);
    insertCase(db, ids[1]!, 2, 1);
    const before = db.prepare('SELECT * FROM case_state ORDER BY case_id').all();

    migrate(db, leadMigrations);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    const after = db.prepare('SELECT * FROM case_state ORDER BY case_id').all() as Array<
      Record<string, unknown>
    >;
    expect(after).toEqual(
      before.map((row, i) => ({
        ...(row as Record<string, unknown>),
        reference: `SG-AAAA-AAA${i + 1}`,
        form_version: i === 0 ? 2 : 1,
      })),
    );
    // Keyed by case id alone: no rowid, so a row is found in one b-tree.
    const table = db.prepare("SELECT wr FROM pragma_table_list WHERE name = 'case_state'").get();
    expect(table).toEqual({ wr: 1 });
    expect(() => db.prepare('SELECT rowid FROM case_state').all()).toThrow(/rowid/);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'case_state'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining(['case_state_inbox', 'case_state_due', 'case_state_figures_version']),
    );

    // The inbox reads its rows without the cases table, and still gives the reference.
    db.prepare('UPDATE cases SET reference = ? WHERE concern_id = ?').run('SG-ZZZZ-ZZZZ', ids[0]);
    const inbox = new CaseQueries(db).inbox({}, { offset: 0, limit: 10 }, new Date('2026-11-20'));
    expect(inbox.rows.map((r) => [r.reference, r.formVersion, r.untriagedUrgent])).toEqual([
      ['SG-AAAA-AAA1', 2, true],
      ['SG-AAAA-AAA2', 1, false],
    ]);

    // A row written afterwards carries both.
    new StateTable(db).put(
      {
        caseId: ids[1]!,
        reference: 'SG-AAAA-AAA2',
        formVersion: 1,
        filedAt: '2026-11-02T10:00:00Z',
        formId: 'f',
        kind: 'concern',
        urgency: 'normal',
        reporterRole: 'Class teacher',
      },
      foldCase([], { calendar: emptyCalendar, now: new Date('2026-11-20T00:00:00Z') }),
      '2026-11-20T00:00:00Z',
    );
    expect(
      db
        .prepare('SELECT reference, form_version, status FROM case_state WHERE case_id = ?')
        .get(ids[1]),
    ).toEqual({ reference: 'SG-AAAA-AAA2', form_version: 1, status: 'new' });
    db.close();
  });
});
