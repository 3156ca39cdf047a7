/**
 * The case view is a fold over its events. It depends only on the events — ordered by time, then
 * id — never on the order they were stored, so leads who hold the same events see the same case.
 * Corrections replace what they correct; the timeline keeps both.
 */
import { endOfNextWorkingDay, isOverdue, type SchoolCalendar } from './calendar';
import {
  type ActionType,
  type EventBody,
  type HarmThreshold,
  type Outcome,
  type Pathway,
  type PayloadOf,
  type Priority,
} from './events/types';

export interface CaseAction {
  actionId: string;
  type: ActionType;
  due: string | null;
  doneAt: string | null;
  spokeTo: string | null;
  advice: string | null;
  nextSteps: string | null;
  result: string | null;
  share: PayloadOf<'action-recorded'>['share'];
  recordedBy: string;
  recordedAt: string;
  overdue: boolean;
  corrected: boolean;
}

export interface CaseNote {
  eventId: string;
  text: string;
  kind: 'fact' | 'opinion';
  by: string;
  at: string;
  corrected: boolean;
}

export interface CaseDecision {
  eventId: string;
  decision: string;
  reason: string;
  by: string;
  at: string;
  corrected: boolean;
}

export interface CaseTriage {
  eventId: string;
  pathway: Pathway;
  priority: Priority;
  assignedTo: string | null;
  reason: string | null;
  harmThreshold: HarmThreshold | null;
  by: string;
  at: string;
}

/** The statutory clock of an allegation: the LADO within one working day. */
export interface LadoClock {
  due: string;
  met: boolean;
  overdue: boolean;
}

export interface CaseState {
  status: 'new' | 'open' | 'closed';
  opened: boolean;
  triage: CaseTriage | null;
  triageHistory: CaseTriage[];
  actions: CaseAction[];
  notes: CaseNote[];
  decisions: CaseDecision[];
  outcome: Outcome | null;
  closedAt: string | null;
  closeReason: string | null;
  reopenings: Array<{ reason: string; by: string; at: string }>;
  /** A malicious allegation: its record is flagged for removal (KCSIE). */
  flaggedForRemoval: boolean;
  lado: LadoClock | null;
  /** The earliest due time among what is still to do (actions, the LADO clock), or null. */
  nextDue: string | null;
  overdue: boolean;
  /** Events in fold order: the timeline. */
  timeline: EventBody[];
}

/** The events in the one order every lead uses: time, then event id. */
export function foldOrder(events: readonly EventBody[]): EventBody[] {
  return [...events].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || a.eventId.localeCompare(b.eventId),
  );
}

/** Folds a case's events into its state at `now`. */
export function foldCase(
  events: readonly EventBody[],
  context: { calendar: SchoolCalendar; now: Date },
): CaseState {
  const timeline = foldOrder(events);
  const state: CaseState = {
    status: 'new',
    opened: false,
    triage: null,
    triageHistory: [],
    actions: [],
    notes: [],
    decisions: [],
    outcome: null,
    closedAt: null,
    closeReason: null,
    reopenings: [],
    flaggedForRemoval: false,
    lado: null,
    nextDue: null,
    overdue: false,
    timeline,
  };
  const actions = new Map<string, CaseAction>();
  const byEventId = new Map<string, EventBody>();
  let allegationSince: string | null = null;

  for (const event of timeline) {
    byEventId.set(event.eventId, event);
    switch (event.type) {
      case 'case-opened':
        state.opened = true;
        break;
      case 'case-shared':
        // Who the case's leads are is read from these events (casework/case-leads.ts).
        break;
      case 'triaged': {
        const triage: CaseTriage = {
          eventId: event.eventId,
          ...event.payload,
          by: event.author,
          at: event.at,
        };
        state.triage = triage;
        state.triageHistory.push(triage);
        if (state.status === 'new') state.status = 'open';
        if (event.payload.pathway === 'allegation') allegationSince ??= event.at;
        break;
      }
      case 'action-recorded':
        actions.set(event.payload.actionId, {
          ...event.payload,
          recordedBy: event.author,
          recordedAt: event.at,
          overdue: false,
          corrected: false,
        });
        break;
      case 'action-completed': {
        const action = actions.get(event.payload.actionId);
        if (action) {
          action.doneAt = event.payload.doneAt;
          if (event.payload.result !== null) action.result = event.payload.result;
        }
        break;
      }
      case 'note-added':
        state.notes.push({
          eventId: event.eventId,
          ...event.payload,
          by: event.author,
          at: event.at,
          corrected: false,
        });
        break;
      case 'decision-recorded':
        state.decisions.push({
          eventId: event.eventId,
          ...event.payload,
          by: event.author,
          at: event.at,
          corrected: false,
        });
        break;
      case 'closed':
        state.status = 'closed';
        state.outcome = event.payload.outcome;
        state.closeReason = event.payload.reason;
        state.closedAt = event.at;
        state.flaggedForRemoval = event.payload.outcome === 'malicious';
        break;
      case 'reopened':
        state.status = state.triage ? 'open' : 'new';
        state.outcome = null;
        state.closedAt = null;
        state.flaggedForRemoval = false;
        state.reopenings.push({ reason: event.payload.reason, by: event.author, at: event.at });
        break;
      case 'corrected':
        applyCorrection(state, actions, byEventId.get(event.payload.corrects), event.payload);
        break;
      case 'people-merged':
      case 'people-unmerged':
        break;
    }
  }

  state.actions = [...actions.values()].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  for (const action of state.actions) {
    action.overdue =
      action.doneAt === null && action.due !== null && isOverdue(action.due, context.now);
  }
  if (allegationSince !== null) {
    const due = endOfNextWorkingDay(allegationSince, context.calendar);
    const met = state.actions.some((a) => a.type === 'lado-consultation' && a.doneAt !== null);
    state.lado = { due, met, overdue: !met && isOverdue(due, context.now) };
  }
  if (state.status !== 'closed') {
    const dues = state.actions.filter((a) => a.doneAt === null && a.due !== null).map((a) => a.due);
    if (state.lado && !state.lado.met) dues.push(state.lado.due);
    const times = dues.map((d) => ({ d: d ?? '', t: dueTime(d ?? '') })).sort((a, b) => a.t - b.t);
    state.nextDue = times[0]?.d ?? null;
    state.overdue = state.actions.some((a) => a.overdue) || (state.lado?.overdue ?? false);
  }
  return state;
}

/** A due value's time: an instant, or the end of a calendar day (UTC bound; fine for ordering). */
function dueTime(due: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? Date.parse(`${due}T23:59:59Z`) : Date.parse(due);
}

function applyCorrection(
  state: CaseState,
  actions: Map<string, CaseAction>,
  target: EventBody | undefined,
  correction: PayloadOf<'corrected'>,
): void {
  if (target === undefined) return;
  const replacement = correction.replacement;
  switch (target.type) {
    case 'note-added': {
      const note = state.notes.find((n) => n.eventId === target.eventId);
      if (note) Object.assign(note, pick(replacement, ['text', 'kind']), { corrected: true });
      break;
    }
    case 'decision-recorded': {
      const decision = state.decisions.find((d) => d.eventId === target.eventId);
      if (decision) {
        Object.assign(decision, pick(replacement, ['decision', 'reason']), { corrected: true });
      }
      break;
    }
    case 'action-recorded': {
      const action = actions.get(target.payload.actionId);
      if (action) {
        Object.assign(
          action,
          pick(replacement, [
            'type',
            'due',
            'doneAt',
            'spokeTo',
            'advice',
            'nextSteps',
            'result',
            'share',
          ]),
          { corrected: true },
        );
      }
      break;
    }
    default:
      break;
  }
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
}
