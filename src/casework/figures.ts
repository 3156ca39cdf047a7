/**
 * What statistics need of a case beyond its status, pathway and outcome (the office's extract,
 * issue 9): when the lead first acted, when it was closed, the external actions carried out, and
 * the LADO clock. Worked out from the fold and kept in the case_state cache with it, so figures
 * over 100,000 cases are one pass over that table, not a fold of every case's events.
 */
import type { CaseState } from './fold';
import { externalActions, type ActionType, type EventType } from './events/types';
import { toEpochMs } from './calendar';

/** Bumped when what `caseFigures` works out changes: older rows are worked out again. */
export const FIGURES_VERSION = 1;

/**
 * The events the figures depend on (and status, pathway and outcome). Openings, notes and
 * decisions change none of them, and are the bulk of a store, so a refresh reads only these.
 */
export const FIGURE_EVENT_TYPES: readonly EventType[] = [
  'triaged',
  'action-recorded',
  'action-completed',
  'closed',
  'reopened',
  'corrected',
];

export interface CaseFigures {
  /**
   * The earliest time an action was recorded or (when logged after the event) done, as a UTC
   * instant; null before any action.
   */
  firstActionAt: string | null;
  /** When it was closed (UTC instant), or null while it is not closed. */
  closedAt: string | null;
  /** External actions carried out (done, not only planned), each type once, sorted. */
  referrals: ActionType[];
  /** The LADO clock's due time when an allegation started one (met or not), else null. */
  ladoDue: string | null;
  /** The earliest LADO consultation done (UTC instant), or null. */
  ladoDoneAt: string | null;
}

/** The figures of a case as its fold stands. */
export function caseFigures(state: CaseState): CaseFigures {
  let first: number | null = null;
  let ladoDone: number | null = null;
  const referrals = new Set<ActionType>();
  for (const action of state.actions) {
    const recorded = toEpochMs(action.recordedAt);
    const done = action.doneAt === null ? null : toEpochMs(action.doneAt);
    const acted = done === null ? recorded : Math.min(recorded, done);
    if (first === null || acted < first) first = acted;
    if (done === null) continue;
    if (externalActions.includes(action.type)) referrals.add(action.type);
    if (action.type === 'lado-consultation' && (ladoDone === null || done < ladoDone)) {
      ladoDone = done;
    }
  }
  return {
    firstActionAt: instant(first),
    closedAt:
      state.status === 'closed' && state.closedAt !== null
        ? instant(toEpochMs(state.closedAt))
        : null,
    referrals: [...referrals].sort(),
    ladoDue: state.lado === null ? null : instant(toEpochMs(state.lado.due)),
    ladoDoneAt: instant(ladoDone),
  };
}

function instant(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
