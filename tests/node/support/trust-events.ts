/**
 * The casework a simulated lead records (tests/node/support/trust.ts): a seeded random generator,
 * and the next event on a case chosen from what the lead's own store shows of it — open it,
 * triage, a note, an action to do or done, completing an action, a decision, correcting a note,
 * closing with an outcome that fits the pathway, reopening. Recorded through `Casework.record`,
 * as the app records it; a refusal (the case changed under the lead) records nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Workspace } from '../../../src/casework';
import { SafeguardError } from '../../../src/errors';

export type Random = () => number;

/** mulberry32: a small seeded generator, the same sequence for the same seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const oneOf = <T>(items: readonly T[], random: Random): T =>
  items[Math.floor(random() * items.length)]!;

/** Records one event on the case; returns its id, or null when none was recorded. */
export function nextEvent(ws: Workspace, caseId: string, random: Random): string | null {
  const { casework, store } = ws;
  const record = casework.record.bind(casework);
  const state = casework.state(caseId);
  const r = random();
  try {
    if (!store.state.opened(caseId)) return record(caseId, 'case-opened', {}).event.eventId;
    if (state.status === 'closed') {
      if (r < 0.5) return null;
      return record(caseId, 'reopened', { reason: 'New information from the class teacher.' }).event
        .eventId;
    }
    if (state.triage === null || r < 0.12) {
      return record(caseId, 'triaged', {
        pathway: oneOf(['low-level', 'allegation', 'early-help', 'code-of-conduct'], random),
        priority: oneOf(['routine', 'high', 'urgent'], random),
        assignedTo: null,
        reason: null,
        harmThreshold: null,
      }).event.eventId;
    }
    if (r < 0.4) {
      return record(caseId, 'note-added', {
        text: `Spoke to the class teacher (${Math.floor(random() * 1000)}).`,
        kind: oneOf(['fact', 'opinion'], random),
      }).event.eventId;
    }
    if (r < 0.55) {
      const done = random() < 0.4;
      return record(caseId, 'action-recorded', {
        actionId: randomUUID(),
        type: oneOf(['parents-contacted', 'staff-advice', 'hr', 'other'], random),
        due: done ? null : '2026-12-18',
        doneAt: done ? '2026-11-20T09:00:00.000Z' : null,
        spokeTo: 'Class teacher',
        advice: done ? 'Reminded of the code of conduct.' : null,
        nextSteps: null,
        result: null,
        share: null,
      }).event.eventId;
    }
    const todo = state.actions.filter((a) => a.doneAt === null);
    if (r < 0.67 && todo.length > 0) {
      return record(caseId, 'action-completed', {
        actionId: oneOf(todo, random).actionId,
        doneAt: '2026-11-20T10:00:00.000Z',
        result: random() < 0.5 ? 'Done; parent informed.' : null,
      }).event.eventId;
    }
    if (r < 0.77) {
      return record(caseId, 'decision-recorded', {
        decision: oneOf(['Monitor', 'Refer to early help', 'No further action'], random),
        reason: 'Agreed with the deputy.',
      }).event.eventId;
    }
    if (r < 0.87 && state.notes.length > 0) {
      return record(caseId, 'corrected', {
        corrects: oneOf(state.notes, random).eventId,
        reason: 'Wrong name in the note.',
        replacement: { text: 'Spoke to the class teacher (corrected).' },
      }).event.eventId;
    }
    const allegation = state.triage.pathway === 'allegation';
    return record(caseId, 'closed', {
      outcome: allegation
        ? oneOf(['unsubstantiated', 'unfounded', 'substantiated'], random)
        : oneOf(['resolved', 'no-further-action'], random),
      reason: 'Nothing more to do.',
    }).event.eventId;
  } catch (error) {
    if (error instanceof SafeguardError) return null;
    throw error;
  }
}
