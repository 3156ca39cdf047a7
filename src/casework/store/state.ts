/**
 * The case_state table: each case's state folded from its events, kept so the inbox, filters and
 * clocks are quick at 100,000 cases. A cache: `refresh` rewrites a case's row from its events, and
 * it can be rebuilt whole at any time.
 */
import type { Db } from '../../storage/database';
import { endOfLondonDay } from '../calendar';
import type { ActionType } from '../events/types';
import { caseFigures, FIGURES_VERSION, type CaseFigures } from '../figures';
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
  reference: string;
  formVersion: number;
  filedAt: string;
  formId: string;
  kind: string;
  urgency: string;
  /** As the reporter typed it; only ever published grouped (teaching, support, other). */
  reporterRole: string;
}

/** A concern as statistics read it: its basics, state and figures, nothing of its content. */
export interface ConcernFigures extends CaseFigures {
  caseId: string;
  filedAt: string;
  formId: string;
  urgency: 'urgent' | 'normal';
  reporterRole: string;
  status: 'new' | 'open' | 'closed';
  pathway: string | null;
  outcome: string | null;
}

export class StateTable {
  constructor(private readonly db: Db) {}

  /** Writes a case's row from its folded state. */
  put(basics: CaseBasics, state: CaseState, at: string): void {
    this.db
      .prepare(
        `INSERT INTO case_state (case_id, reference, form_version, filed_at, form_id, kind, urgency, status, pathway, priority, assigned_to,
           outcome, untriaged_urgent, next_due, lado_due, opened, updated_at, reporter_role,
           first_action_at, closed_at, referrals, lado_clock_due, lado_done_at, figures_version)
         VALUES (@caseId, @reference, @formVersion, @filedAt, @formId, @kind, @urgency, @status, @pathway, @priority, @assignedTo, @outcome,
           @untriagedUrgent, @nextDue, @ladoDue, @opened, @at, @reporterRole,
           @firstActionAt, @closedAt, @referrals, @ladoClockDue, @ladoDoneAt, @figuresVersion)
         ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, pathway = excluded.pathway,
           priority = excluded.priority, assigned_to = excluded.assigned_to, outcome = excluded.outcome,
           untriaged_urgent = excluded.untriaged_urgent, next_due = excluded.next_due,
           lado_due = excluded.lado_due, opened = excluded.opened, updated_at = excluded.updated_at,
           first_action_at = excluded.first_action_at, closed_at = excluded.closed_at,
           referrals = excluded.referrals, lado_clock_due = excluded.lado_clock_due,
           lado_done_at = excluded.lado_done_at, figures_version = excluded.figures_version`,
      )
      .run({
        ...basics,
        ...figureColumns(caseFigures(state)),
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

  /**
   * Rewrites only a case's figures (what `stale` lists: rows from before they were kept, or
   * worked out by an older version), from its fold.
   */
  putFigures(caseId: string, state: CaseState): void {
    this.db
      .prepare(
        `UPDATE case_state SET first_action_at = @firstActionAt, closed_at = @closedAt,
           referrals = @referrals, lado_clock_due = @ladoClockDue, lado_done_at = @ladoDoneAt,
           figures_version = @figuresVersion
         WHERE case_id = @caseId`,
      )
      .run({ caseId, ...figureColumns(caseFigures(state)) });
  }

  /** Cases whose figures are missing or out of date. */
  stale(): string[] {
    return this.db
      .prepare('SELECT case_id FROM case_state WHERE figures_version < ?')
      .pluck()
      .all(FIGURES_VERSION) as string[];
  }

  /**
   * Every concern (contact logs are not concerns) as statistics read it: one pass over this
   * table, nothing from the concerns themselves.
   */
  concernFigures(): ConcernFigures[] {
    const rows = this.db
      .prepare(
        `SELECT case_id, filed_at, form_id, urgency, reporter_role, status, pathway, outcome,
           first_action_at, closed_at, referrals, lado_clock_due, lado_done_at
         FROM case_state WHERE kind = 'concern'`,
      )
      .raw()
      .all() as FigureRow[];
    return rows.map((r) => ({
      caseId: r[0],
      filedAt: r[1],
      formId: r[2],
      urgency: r[3],
      reporterRole: r[4],
      status: r[5],
      pathway: r[6],
      outcome: r[7],
      firstActionAt: r[8],
      closedAt: r[9],
      referrals: r[10] === null || r[10] === '' ? [] : (r[10].split(',') as ActionType[]),
      ladoDue: r[11],
      ladoDoneAt: r[12],
    }));
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

type FigureRow = [
  string,
  string,
  string,
  'urgent' | 'normal',
  string,
  'new' | 'open' | 'closed',
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

function figureColumns(figures: CaseFigures) {
  return {
    firstActionAt: figures.firstActionAt,
    closedAt: figures.closedAt,
    referrals: figures.referrals.join(','),
    ladoClockDue: figures.ladoDue,
    ladoDoneAt: figures.ladoDoneAt,
    figuresVersion: FIGURES_VERSION,
  };
}
