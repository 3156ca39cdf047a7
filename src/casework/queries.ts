/**
 * The lead's questions of the store: the inbox (urgent and untriaged first, then newest; filters;
 * paged), full-text search with the same filters, and people (their merges and chronologies).
 * Read-only SQL over the case_state cache, quick at 100,000 cases.
 */
import type { Db } from '../storage/database';
import type { EventBody } from './events/types';

export interface CaseFilters {
  kind?: 'concern' | 'contact-log' | undefined;
  formId?: string | undefined;
  pathway?: string | undefined;
  status?: 'new' | 'open' | 'closed' | undefined;
  priority?: string | undefined;
  /** Assigned to this lead. */
  assignedTo?: string | undefined;
  /** Assigned to a lead other than this one. */
  assignedToOtherThan?: string | undefined;
  /** Assigned to nobody (untriaged cases included). */
  unassigned?: boolean | undefined;
  personId?: string | undefined;
  /** Filed on or after (YYYY-MM-DD, or an instant). */
  from?: string | undefined;
  /** Filed before the end of (YYYY-MM-DD), or before an instant. */
  to?: string | undefined;
  overdue?: boolean | undefined;
}

/** Whose cases, as a lead asks for them: mine, other leads', or nobody's. */
export type Assigned = 'me' | 'others' | 'unassigned';

/** The filters that pick a lead's (`me`), other leads' or nobody's cases. */
export function assignedFilters(assigned: Assigned | undefined, me: string): CaseFilters {
  if (assigned === 'me') return { assignedTo: me };
  if (assigned === 'others') return { assignedToOtherThan: me };
  if (assigned === 'unassigned') return { unassigned: true };
  return {};
}

export interface InboxRow {
  caseId: string;
  reference: string;
  formId: string;
  formVersion: number;
  kind: 'concern' | 'contact-log';
  urgency: 'urgent' | 'normal';
  filedAt: string;
  status: 'new' | 'open' | 'closed';
  pathway: string | null;
  priority: string | null;
  assignedTo: string | null;
  outcome: string | null;
  untriagedUrgent: boolean;
  nextDue: string | null;
  ladoDue: string | null;
  overdue: boolean;
  opened: boolean;
  people: string[];
}

interface Row {
  case_id: string;
  reference: string;
  form_id: string;
  form_version: number;
  kind: 'concern' | 'contact-log';
  urgency: 'urgent' | 'normal';
  filed_at: string;
  status: 'new' | 'open' | 'closed';
  pathway: string | null;
  priority: string | null;
  assigned_to: string | null;
  outcome: string | null;
  untriaged_urgent: number;
  next_due: string | null;
  lado_due: string | null;
  opened: number;
}

const SELECT = `SELECT s.case_id, s.reference, s.form_id, s.form_version, s.kind, s.urgency, s.filed_at,
  s.status, s.pathway, s.priority, s.assigned_to, s.outcome, s.untriaged_urgent, s.next_due, s.lado_due, s.opened
  FROM case_state s`;

function where(filters: CaseFilters, now: Date): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filters.kind) add('s.kind = ?', filters.kind);
  if (filters.formId) add('s.form_id = ?', filters.formId);
  if (filters.pathway) add('s.pathway = ?', filters.pathway);
  if (filters.status) add('s.status = ?', filters.status);
  if (filters.priority) add('s.priority = ?', filters.priority);
  if (filters.assignedTo) add('s.assigned_to = ?', filters.assignedTo);
  if (filters.assignedToOtherThan) {
    add('s.assigned_to IS NOT NULL AND s.assigned_to != ?', filters.assignedToOtherThan);
  }
  if (filters.unassigned) add('s.assigned_to IS NULL');
  if (filters.personId) {
    add('s.case_id IN (SELECT case_id FROM case_people WHERE person_id = ?)', filters.personId);
  }
  if (filters.from) add('s.filed_at >= ?', filters.from);
  if (filters.to) add('s.filed_at < ?', dayAfter(filters.to));
  if (filters.overdue) add("s.status != 'closed' AND s.next_due < ?", now.toISOString());
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

function dayAfter(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const next = new Date(`${value}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export class CaseQueries {
  constructor(private readonly db: Db) {}

  /** A page of the inbox: urgent untriaged first, then newest. */
  inbox(
    filters: CaseFilters,
    page: { offset: number; limit: number },
    now: Date,
  ): { rows: InboxRow[]; total: number } {
    const { sql, params } = where(filters, now);
    const total = this.db
      .prepare(`SELECT count(*) FROM case_state s${sql}`)
      .pluck()
      .get(...params) as number;
    const rows = this.db
      .prepare(
        `${SELECT}${sql} ORDER BY s.untriaged_urgent DESC, s.filed_at DESC, s.case_id LIMIT ? OFFSET ?`,
      )
      .all(...params, page.limit, page.offset) as Row[];
    return { rows: this.withPeople(rows, now), total };
  }

  /** Cases whose text matches `query` (every word, as a prefix), filtered, best match first. */
  search(query: string, filters: CaseFilters, limit: number, now: Date): InboxRow[] {
    const terms = ftsTerms(query);
    if (terms === null) return [];
    const { sql, params } = where(filters, now);
    const join = sql ? `${sql} AND` : ' WHERE';
    const rows = this.db
      .prepare(
        `${SELECT}${join} s.case_id IN (SELECT case_id FROM case_search WHERE case_search MATCH ?)
         ORDER BY s.filed_at DESC LIMIT ?`,
      )
      .all(...params, terms, limit) as Row[];
    return this.withPeople(rows, now);
  }

  /** The inbox rows of these cases (for a chronology), newest first. */
  rowsFor(caseIds: readonly string[], now: Date): InboxRow[] {
    if (caseIds.length === 0) return [];
    const marks = caseIds.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`${SELECT} WHERE s.case_id IN (${marks}) ORDER BY s.filed_at DESC`)
      .all(...caseIds) as Row[];
    return this.withPeople(rows, now);
  }

  private withPeople(rows: Row[], now: Date): InboxRow[] {
    const names = this.db.prepare(
      `SELECT p.name FROM case_people cp JOIN people p ON p.person_id = cp.person_id
       WHERE cp.case_id = ? ORDER BY cp.how DESC, p.name`,
    );
    const nowIso = now.toISOString();
    return rows.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      formId: r.form_id,
      formVersion: r.form_version,
      kind: r.kind,
      urgency: r.urgency,
      filedAt: r.filed_at,
      status: r.status,
      pathway: r.pathway,
      priority: r.priority,
      assignedTo: r.assigned_to,
      outcome: r.outcome,
      untriagedUrgent: r.untriaged_urgent === 1,
      nextDue: r.next_due,
      ladoDue: r.lado_due,
      overdue: r.status !== 'closed' && r.next_due !== null && r.next_due < nowIso,
      opened: r.opened === 1,
      people: [...new Set(names.pluck().all(r.case_id) as string[])],
    }));
  }
}

/** Every word of a query as a quoted FTS5 prefix term (no FTS syntax can be injected). */
export function ftsTerms(query: string): string | null {
  const terms = query
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 20)
    .map((word) => `"${word.replace(/"/g, '""')}"*`);
  return terms.length ? terms.join(' AND ') : null;
}

/**
 * Which person records are one person: merges (events) join two records, an unmerge parts them
 * again. Returns the records that are the same person as `personId`.
 */
export function mergedGroup(personId: string, peopleEvents: readonly EventBody[]): string[] {
  const undone = new Set(
    peopleEvents.flatMap((e) => (e.type === 'people-unmerged' ? [e.payload.merge] : [])),
  );
  const links = peopleEvents.flatMap((e) =>
    e.type === 'people-merged' && !undone.has(e.eventId) ? [[e.payload.from, e.payload.into]] : [],
  );
  const group = new Set([personId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, b] of links) {
      if (a === undefined || b === undefined) continue;
      if (group.has(a) !== group.has(b)) {
        group.add(a);
        group.add(b);
        grew = true;
      }
    }
  }
  return [...group];
}
