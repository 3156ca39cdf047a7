/**
 * The case_state table: each case's state folded from its events, kept so the inbox, filters and
 * clocks are quick at 100,000 cases. A cache: `refresh` rewrites a case's row from its events, and
 * it can be rebuilt whole at any time.
 */
import type { Db } from '../../storage/database';
import { endOfLondonDay } from '../calendar';
import type { CaseState } from '../fold';

/** A due value as a UTC instant string, so due times compare as text in SQL. */
function dueInstant(due: string | null): string | null {
  if (due === null) return null;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(due) ? endOfLondonDay(due) : due;
  return new Date(instant).toISOString();
}

/** What the inbox needs of a case, beside its state. */
export interface CaseBasics {
  caseId: string;
  filedAt: string;
  formId: string;
  kind: string;
  urgency: string;
}

export class StateTable {
  constructor(private readonly db: Db) {}

  /** Writes a case's row from its folded state. */
  put(basics: CaseBasics, state: CaseState, at: string): void {
    this.db
      .prepare(
        `INSERT INTO case_state (case_id, filed_at, form_id, kind, urgency, status, pathway, priority, assigned_to,
           outcome, untriaged_urgent, next_due, lado_due, opened, updated_at)
         VALUES (@caseId, @filedAt, @formId, @kind, @urgency, @status, @pathway, @priority, @assignedTo, @outcome,
           @untriagedUrgent, @nextDue, @ladoDue, @opened, @at)
         ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, pathway = excluded.pathway,
           priority = excluded.priority, assigned_to = excluded.assigned_to, outcome = excluded.outcome,
           untriaged_urgent = excluded.untriaged_urgent, next_due = excluded.next_due,
           lado_due = excluded.lado_due, opened = excluded.opened, updated_at = excluded.updated_at`,
      )
      .run({
        ...basics,
        status: state.status,
        pathway: state.triage?.pathway ?? null,
        priority: state.triage?.priority ?? null,
        assignedTo: state.triage?.assignedTo ?? null,
        outcome: state.outcome,
        // Urgent concerns stay at the top, marked, until a lead has triaged them.
        untriagedUrgent: basics.urgency === 'urgent' && state.triage === null ? 1 : 0,
        nextDue: dueInstant(state.nextDue),
        ladoDue: dueInstant(state.lado && !state.lado.met ? state.lado.due : null),
        opened: state.opened ? 1 : 0,
        at,
      });
  }

  /** Whether a lead has opened the case. */
  opened(caseId: string): boolean {
    return (
      this.db.prepare('SELECT opened FROM case_state WHERE case_id = ?').pluck().get(caseId) === 1
    );
  }

  /** Cases with no state row (imported by an older version, or a crash mid-way). */
  /** Cases not closed, whose clocks a change to the school's calendar can move. */
  notClosed(): string[] {
    return this.db
      .prepare(`SELECT case_id FROM case_state WHERE status <> 'closed'`)
      .pluck()
      .all() as string[];
  }

  missing(): string[] {
    return this.db
      .prepare(
        'SELECT concern_id FROM cases WHERE concern_id NOT IN (SELECT case_id FROM case_state)',
      )
      .pluck()
      .all() as string[];
  }
}
