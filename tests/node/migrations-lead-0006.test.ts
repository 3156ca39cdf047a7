/**
 * Lead migration 0006 gives every case's full-text row a stable integer id, so that a case's text
 * is found by key (not by scanning every case) when a note changes it. Version-5 text is carried
 * over unchanged and still found; rewriting a case's text replaces its one row.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CaseQueries } from '../../src/casework';
import { SearchTable } from '../../src/casework/store/search';
import { migrate } from '../../src/storage/database';
import { leadMigrations } from '../../src/storage/migrations/lead';

const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

function insertCase(db: Database.Database, id: string, n: number): void {
  db.prepare(
    `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role,
       device_id, filed_at, imported_at, source_file, source_sha256, signed_document, kind, urgency)
     VALUES (?, ?, 'f', 1, 'Sam', 'Teacher', 'd', ?, ?, ?, '', '{}', 'concern', 'normal')`,
  ).run(id, `SG-AAAA-AAA${n}`, `2026-11-0${n}T10:00:00Z`, `2026-11-0${n}T10:00:00Z`, `${id}.age`);
  db.prepare(
    `INSERT INTO case_state (case_id, filed_at, form_id, kind, urgency, status, untriaged_urgent, opened, updated_at)
     VALUES (?, ?, 'f', 'concern', 'normal', 'new', 0, 0, ?)`,
  ).run(id, `2026-11-0${n}T10:00:00Z`, `2026-11-0${n}T10:00:00Z`);
}

describe('lead migration 0006', () => {
  it('keeps version-5 search text, found as before, and rewrites it by key afterwards', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 5),
    );
    ids.forEach((id, i) => insertCase(db, id, i + 1));
    // What version 5 wrote: rows keyed by the unindexed case_id column alone.
    db.prepare('INSERT INTO case_search (case_id, body) VALUES (?, ?)').run(
      ids[0],
      'trampoline club',
    );
    db.prepare('INSERT INTO case_search (case_id, body) VALUES (?, ?)').run(
      ids[1],
      'snapchat late',
    );

    migrate(
      db,
      leadMigrations.filter((m) => m.version <= 6),
    );

    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const search = new SearchTable(db);
    expect(search.get(ids[0]!)).toBe('trampoline club');
    // Today's queries read today's case_state (version 11 on): found as before once it is there.
    migrate(db, leadMigrations);
    const find = (words: string) =>
      new CaseQueries(db).search(words, {}, 10, new Date()).map((r) => r.caseId);
    expect(find('trampoline')).toEqual([ids[0]]);
    expect(find('snapchat')).toEqual([ids[1]]);

    search.put(ids[0]!, 'trampoline club\n--- notes ---\nspoke to the coach');
    expect(db.prepare('SELECT count(*) FROM case_search').pluck().get()).toBe(2);
    expect(find('coach')).toEqual([ids[0]]);
    expect(search.get(ids[1]!)).toBe('snapchat late');
    // By key: the plan looks the case up in its id table, it does not scan the text.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT body FROM case_search
         WHERE rowid = (SELECT search_rowid FROM case_search_ids WHERE case_id = ?)`,
      )
      .all(ids[0]) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH case_search_ids USING/);
    db.close();
  });
});
