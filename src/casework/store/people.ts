/**
 * People named in concerns (the `people` answers and, for routing, the person a concern is about)
 * as records matched by name and role, and their links to cases. Merges are events (reversible):
 * this table keeps the records as first seen; the merged view is computed from the merge events.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../storage/database';

export interface PersonRecord {
  personId: string;
  name: string;
  role: string;
}

/** How a name and role are matched: case, spacing and punctuation do not make a new person. */
export function personMatchKey(name: string, role: string): string {
  const plain = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${plain}|${role.trim().toLowerCase()}`;
}

export class PeopleTable {
  constructor(private readonly db: Db) {}

  /** The person with this name and role, created the first time. */
  findOrCreate(name: string, role: string, at: string): PersonRecord {
    const key = personMatchKey(name, role);
    const existing = this.db
      .prepare('SELECT person_id, name, role FROM people WHERE match_key = ?')
      .get(key) as { person_id: string; name: string; role: string } | undefined;
    if (existing) return { personId: existing.person_id, name: existing.name, role: existing.role };
    const personId = randomUUID();
    this.db
      .prepare(
        'INSERT INTO people (person_id, name, role, match_key, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(personId, name.trim(), role.trim(), key, at);
    return { personId, name: name.trim(), role: role.trim() };
  }

  /** Links a person to a case, as named in it or as the person it is about. */
  link(caseId: string, personId: string, how: 'named' | 'subject', detail: string | null): void {
    this.db
      .prepare(
        `INSERT INTO case_people (case_id, person_id, how, detail) VALUES (?, ?, ?, ?)
         ON CONFLICT (case_id, person_id, how) DO NOTHING`,
      )
      .run(caseId, personId, how, detail);
  }

  get(personId: string): PersonRecord | null {
    const row = this.db
      .prepare('SELECT person_id, name, role FROM people WHERE person_id = ?')
      .get(personId) as { person_id: string; name: string; role: string } | undefined;
    return row ? { personId: row.person_id, name: row.name, role: row.role } : null;
  }

  /** People whose name contains `text` (case-insensitive), for finding a chronology. */
  findByName(text: string): PersonRecord[] {
    const like = `%${text
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, '\\$&')}%`;
    return (
      this.db
        .prepare(
          `SELECT person_id, name, role FROM people WHERE lower(name) LIKE ? ESCAPE '\\' ORDER BY name, role LIMIT 50`,
        )
        .all(like) as Array<{ person_id: string; name: string; role: string }>
    ).map((r) => ({ personId: r.person_id, name: r.name, role: r.role }));
  }

  /** The people linked to a case. */
  forCase(caseId: string): Array<PersonRecord & { how: string; detail: string | null }> {
    return (
      this.db
        .prepare(
          `SELECT p.person_id, p.name, p.role, cp.how, cp.detail FROM case_people cp
           JOIN people p ON p.person_id = cp.person_id WHERE cp.case_id = ? ORDER BY cp.how DESC, p.name`,
        )
        .all(caseId) as Array<{
        person_id: string;
        name: string;
        role: string;
        how: string;
        detail: string | null;
      }>
    ).map((r) => ({
      personId: r.person_id,
      name: r.name,
      role: r.role,
      how: r.how,
      detail: r.detail,
    }));
  }

  /** The cases linked to any of these people. */
  casesOf(personIds: readonly string[]): string[] {
    if (personIds.length === 0) return [];
    const marks = personIds.map(() => '?').join(', ');
    return this.db
      .prepare(`SELECT DISTINCT case_id FROM case_people WHERE person_id IN (${marks})`)
      .pluck()
      .all(...personIds) as string[];
  }
}
