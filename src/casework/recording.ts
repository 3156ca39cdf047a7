/**
 * The rules a new event must meet before it is signed and stored, given the case as it stands:
 * closing needs an outcome of the right kind, reopening a reason, a pathway other than the one the
 * harm threshold suggests a reason, an external share what/why/consent, a correction a target.
 * Each refusal is one sentence for the lead.
 */
import { SafeguardError, type ErrorCode } from '../errors';
import type { CaseState } from './fold';
import {
  allegationOutcomes,
  eventPayloads,
  externalActions,
  type EventBody,
  type EventType,
  type HarmThreshold,
  type Pathway,
  type PayloadOf,
} from './events/types';

/** What the harm-threshold answers suggest: any yes, an allegation; all no, a low-level concern. */
export function suggestedPathway(answers: HarmThreshold): Pathway {
  return answers.harmed || answers.offence || answers.risk || answers.unsuitable
    ? 'allegation'
    : 'low-level';
}

/** Checks a new event of `type` against the case's state; throws a clear refusal. */
export function checkNewEvent<T extends EventType>(
  type: T,
  payload: PayloadOf<T>,
  state: CaseState,
  events: readonly EventBody[],
): void {
  switch (type) {
    case 'triaged': {
      const p = payload as PayloadOf<'triaged'>;
      if (state.status === 'closed')
        throw refuse('case-closed', 'Reopen the case before triaging it again.');
      if (
        p.harmThreshold !== null &&
        p.pathway !== suggestedPathway(p.harmThreshold) &&
        !p.reason
      ) {
        throw refuse(
          'reason-required',
          `The harm-threshold answers suggest ${suggestedPathway(p.harmThreshold)}: say why you chose ${p.pathway}.`,
        );
      }
      break;
    }
    case 'action-recorded': {
      const p = payload as PayloadOf<'action-recorded'>;
      if (state.status === 'closed')
        throw refuse('case-closed', 'Reopen the case before recording an action.');
      if (p.doneAt !== null && externalActions.includes(p.type) && p.share === null) {
        throw refuse(
          'share-required',
          'Record what was shared, why, and the consent position for this referral or consultation.',
        );
      }
      if (state.actions.some((a) => a.actionId === p.actionId)) {
        throw refuse('invalid-input', 'That action already exists.');
      }
      break;
    }
    case 'action-completed': {
      const p = payload as PayloadOf<'action-completed'>;
      const action = state.actions.find((a) => a.actionId === p.actionId);
      if (!action) throw refuse('unknown-event', 'There is no such action on this case.');
      if (action.doneAt !== null) throw refuse('invalid-input', 'That action is already done.');
      if (externalActions.includes(action.type) && action.share === null) {
        throw refuse(
          'share-required',
          'Record what was shared, why, and the consent position for this referral or consultation (correct the action first).',
        );
      }
      break;
    }
    case 'note-added':
    case 'decision-recorded':
      if (state.status === 'closed')
        throw refuse('case-closed', 'Reopen the case before adding to it.');
      break;
    case 'closed': {
      const p = payload as PayloadOf<'closed'>;
      if (state.status === 'closed') throw refuse('case-closed', 'The case is already closed.');
      if (state.triage === null) throw refuse('not-triaged', 'Triage the case before closing it.');
      const allegation = state.triage.pathway === 'allegation';
      const fits = (allegationOutcomes as readonly string[]).includes(p.outcome) === allegation;
      if (!fits) {
        throw refuse(
          'wrong-outcome',
          allegation
            ? 'An allegation closes as substantiated, false, malicious, unsubstantiated or unfounded.'
            : 'This case closes as resolved or no further action.',
        );
      }
      break;
    }
    case 'reopened':
      if (state.status !== 'closed')
        throw refuse('case-not-closed', 'Only a closed case can be reopened.');
      break;
    case 'corrected': {
      const p = payload as PayloadOf<'corrected'>;
      const target = events.find((e) => e.eventId === p.corrects);
      if (!target) throw refuse('unknown-event', 'There is no such entry on this case to correct.');
      if (
        target.type !== 'note-added' &&
        target.type !== 'decision-recorded' &&
        target.type !== 'action-recorded'
      ) {
        throw refuse('invalid-input', 'Only a note, a decision or an action can be corrected.');
      }
      const schema = eventPayloads[target.type];
      const merged = { ...target.payload, ...p.replacement };
      if (!schema.safeParse(merged).success) {
        throw refuse('invalid-input', 'The correction is not a valid entry of that kind.');
      }
      if (
        target.type === 'action-recorded' &&
        (merged as { actionId?: unknown }).actionId !== target.payload.actionId
      ) {
        throw refuse('invalid-input', 'A correction cannot change which action it is.');
      }
      break;
    }
    case 'case-shared': {
      const p = payload as PayloadOf<'case-shared'>;
      if (events.some((e) => e.type === 'case-shared' && e.payload.recipientId === p.recipientId)) {
        throw refuse('invalid-input', 'The case is already shared with them.');
      }
      break;
    }
    case 'case-opened':
    case 'people-merged':
    case 'people-unmerged':
      break;
  }
}

function refuse(code: ErrorCode, message: string): SafeguardError {
  return new SafeguardError(code, message);
}
