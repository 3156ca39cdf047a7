/**
 * Lead migration 0008 keeps, in case_state, the reporter's role and each case's figures for the
 * office's extract. Version-7 rows get their role copied from the case and are marked stale (their
 * figures need the fold), found by index; a refresh writes the figures and clears the mark; the
 * extract reads every concern (not contact logs) from this table alone. The published-extracts
 * table records the files a lead wrote.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { emptyCalendar, foldCase, type EventBody } from '../../src/casework';
import { PublishedExtractsTable } from '../../src/casework/store/extracts';
import { StateTable } from '../../src/casework/store/state';
import { migrate } from '../../src/storage/database';
import { leadMigrations } from '../../src/storage/migrations/lead';

const ids = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];

function insertCase(db: Database.Database, id: string, n: number, role: string, kind: string) {
  db.prepare(
    `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role,
       device_id, filed_at, imported_at, source_file, source_sha256, signed_document, kind, urgency)
     VALUES (?, ?, 'f', 1, 'Sam', ?, 'd', ?, ?, ?, '', '{}', ?, 'normal')`,
  ).run(
    id,
    `SG-AAAA-AAA${n}`,
    role,
    `2026-11-0${n}T10:00:00Z`,
    `2026-11-0${n}T10:00:00Z`,
    `${id}.age`,
    kind,
  );
  db.prepare(
    `INSERT INTO case_state (case_id, filed_at, form_id, kind, urgency, status, pathway, untriaged_urgent, opened, updated_at)
     VALUES (?, ?, 'f', ?, 'normal', 'open', 'allegation', 0, 1, ?)`,
  ).run(id, `2026-11-0${n}T10:00:00Z`, kind, `2026-11-0${n}T10:00:00Z`);
}

function event(type: string, at: string, payload: Record<string, unknown>): EventBody {
  return {
    format: 'safeguard-desk/case-event',
    formatVersion: 1,
    eventId: crypto.randomUUID(),
    caseId: ids[0]!,
    author: '44444444-4444-4444-8444-444444444444',
    at,
    type,
    payload,
  } as EventBody;
}

describe('lead migration 0008', () => {
  it('copies reporters\u2019 roles, marks version-7 figures stale, and reads them once worked out', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 7),
    );
    insertCase(db, ids[0]!, 1, 'Class teacher', 'concern');
    insertCase(db, ids[1]!, 2, 'HLTA', 'concern');
    insertCase(db, ids[2]!, 3, 'Office manager', 'contact-log');

    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 8),
    );

    expect(db.pragma('user_version', { simple: true })).toBe(8);
    const state = new StateTable(db);
    expect(state.stale().sort()).toEqual([...ids].sort());
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT case_id FROM case_state WHERE figures_version < 1')
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/case_state_figures_version/);

    const folded = foldCase(
      [
        event('triaged', '2026-11-01T11:00:00Z', {
          pathway: 'allegation',
          priority: 'high',
          assignedTo: null,
          reason: null,
          harmThreshold: null,
        }),
        event('action-recorded', '2026-11-02T09:00:00Z', {
          actionId: '55555555-5555-4555-8555-555555555555',
          type: 'lado-consultation',
          due: null,
          doneAt: '2026-11-02T09:00:00Z',
          spokeTo: null,
          advice: null,
          nextSteps: null,
          result: null,
          share: { what: 'w', why: 'y', consent: 'not-needed', consentReasoning: 'r' },
        }),
      ],
      { calendar: emptyCalendar, now: new Date('2026-11-30T00:00:00Z') },
    );
    state.putFigures(ids[0]!, folded);
    expect(state.stale().sort()).toEqual([ids[1], ids[2]].sort());

    const figures = state.concernFigures();
    expect(figures.map((f) => f.caseId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(figures.find((f) => f.caseId === ids[0])).toMatchObject({
      reporterRole: 'Class teacher',
      status: 'open',
      pathway: 'allegation',
      firstActionAt: '2026-11-02T09:00:00.000Z',
      referrals: ['lado-consultation'],
      ladoDue: '2026-11-02T23:59:59.999Z',
      ladoDoneAt: '2026-11-02T09:00:00.000Z',
    });
    expect(figures.find((f) => f.caseId === ids[1])).toMatchObject({
      reporterRole: 'HLTA',
      firstActionAt: null,
      referrals: [],
    });
    db.close();
  });

  it('records published extracts and lists the ones a newer extract supersedes', () => {
    const db = new Database(':memory:');
    migrate(db, leadMigrations);
    const extracts = new PublishedExtractsTable(db);
    expect(extracts.latest()).toBeNull();
    extracts.add({ file: 'a.age', publishedAt: '2026-11-30T10:00:00.000Z', rowCount: 3 });
    extracts.add({ file: 'b.age', publishedAt: '2026-11-30T11:00:00.000Z', rowCount: 4 });
    expect(extracts.latest()).toEqual({
      file: 'b.age',
      publishedAt: '2026-11-30T11:00:00.000Z',
      rowCount: 4,
    });
    expect(extracts.superseded('b.age')).toEqual(['a.age']);
    extracts.markRemoved('a.age', '2026-11-30T11:00:01.000Z');
    expect(extracts.superseded('b.age')).toEqual([]);
    db.close();
  });
});
