/**
 * One event of a case in words: "Ellie Shea recorded a LADO consultation", and its details as
 * label–value pairs. Payloads cross the boundary as records, so every field is read defensively.
 */
import { formatDate, formatDateTime } from '../format';
import type { CaseEvent } from './types';
import {
  actionWords,
  consentWords,
  harmQuestions,
  outcomeWord,
  pathwayWords,
  priorityWords,
  wordFor,
} from './words';

export interface EventWords {
  /** What happened, after the author's name: "recorded a LADO consultation". */
  what: string;
  /** Label and value pairs, in reading order; empty values are left out. */
  details: Array<[string, string]>;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;

function pairs(...items: Array<[string, string | null]>): Array<[string, string]> {
  return items.filter((item): item is [string, string] => item[1] !== null);
}

/** "Tue, 3 March 2026" for a calendar day, "3 Mar 2026, 17:00" for an instant. */
export function dueWords(due: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? `end of ${formatDate(due)}` : formatDateTime(due);
}

function actionPhrase(type: unknown): string {
  return typeof type === 'string' && type in actionWords
    ? actionWords[type as keyof typeof actionWords].phrase
    : 'an action';
}

/** Which action an `action-completed` event completes: its phrase, from the case's events. */
export type ActionTypeOf = (actionId: string) => string | undefined;

/** The words for one event. */
export function eventWords(event: CaseEvent, actionTypeOf: ActionTypeOf): EventWords {
  const p = event.payload;
  switch (event.type) {
    case 'case-opened':
      return { what: 'opened the case', details: [] };
    case 'case-shared':
      return {
        what: `shared the case with ${text(p.name) ?? 'a lead'}, added to the school later`,
        details: [],
      };
    case 'triaged': {
      const harm = record(p.harmThreshold);
      const answered = harm
        ? harmQuestions.map((q): [string, string] => [q.short, harm[q.key] === true ? 'Yes' : 'No'])
        : [];
      return {
        what: `triaged it: ${wordFor(pathwayWords, text(p.pathway))}, ${wordFor(priorityWords, text(p.priority)).toLowerCase()} priority`,
        details: [...answered, ...pairs(['Reason', text(p.reason)])],
      };
    }
    case 'action-recorded': {
      const share = record(p.share);
      const done = text(p.doneAt);
      const due = text(p.due);
      return {
        what: `recorded ${actionPhrase(p.type)}${done ? ' (done)' : ''}`,
        details: pairs(
          ['Due', due && !done ? dueWords(due) : null],
          ['Spoke to', text(p.spokeTo)],
          ['Advice received', text(p.advice)],
          ['Agreed next steps', text(p.nextSteps)],
          ['Result', text(p.result)],
          ['What was shared', text(share?.what)],
          ['Why', text(share?.why)],
          ['Consent', share ? wordFor(consentWords, text(share.consent)) : null],
          ['Consent reasoning', text(share?.consentReasoning)],
        ),
      };
    }
    case 'action-completed': {
      const id = text(p.actionId);
      const type = id === null ? undefined : actionTypeOf(id);
      return {
        what: `marked ${actionPhrase(type)} as done`,
        details: pairs(['Result', text(p.result)]),
      };
    }
    case 'note-added':
      return {
        what: p.kind === 'opinion' ? 'added a note of opinion' : 'added a note of fact',
        details: pairs([p.kind === 'opinion' ? 'Opinion' : 'Fact', text(p.text)]),
      };
    case 'decision-recorded':
      return {
        what: 'recorded a decision',
        details: pairs(['Decision', text(p.decision)], ['Reason', text(p.reason)]),
      };
    case 'closed':
      return {
        what: `closed the case: ${outcomeWord(text(p.outcome) ?? 'no outcome').toLowerCase()}`,
        details: pairs(['Reason', text(p.reason)]),
      };
    case 'reopened':
      return { what: 'reopened the case', details: pairs(['Reason', text(p.reason)]) };
    case 'corrected':
      return { what: 'corrected an entry', details: pairs(['Reason', text(p.reason)]) };
    case 'people-merged':
      return { what: 'merged two records of one person', details: [] };
    case 'people-unmerged':
      return {
        what: 'separated two records merged before',
        details: pairs(['Reason', text(p.reason)]),
      };
    default:
      return { what: `recorded ${event.type.replace(/-/g, ' ')}`, details: [] };
  }
}
