/**
 * Human text for the lead's casework commands: a case's state (triage, clocks, actions, notes,
 * decisions, outcome), inbox rows and chronologies. Every value goes through terminalText.
 */
import type { CaseRecord, Chronology, EventBody, InboxRow } from '../casework';
import { britishDate, britishDateTime } from './local-time';
import { term } from './terminal-text';

const words = (id: string) => id.replace(/-/g, ' ');

function when(due: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? britishDate(due) : britishDateTime(due);
}

/** The state part of `lead show` and of every casework command's answer. */
export function caseStateText(record: CaseRecord): string {
  const s = record.state;
  const lines = [term`Status: ${s.status}${s.outcome ? ` (${words(s.outcome)})` : ''}`];
  if (s.flaggedForRemoval) lines.push('Flagged for removal: the allegation was found malicious.');
  if (s.triage) {
    lines.push(
      term`Pathway: ${words(s.triage.pathway)}; priority ${s.triage.priority}${s.triage.assignedTo ? `; assigned to ${s.triage.assignedTo}` : ''}`,
    );
    if (s.triage.reason) lines.push(term`  Why: ${s.triage.reason}`);
  } else {
    lines.push('Not triaged yet.');
  }
  if (s.lado) {
    const state = s.lado.met ? 'consulted' : s.lado.overdue ? 'OVERDUE' : 'due';
    lines.push(term`LADO (within one working day): ${state}, by ${when(s.lado.due)}`);
    if (!s.lado.met) lines.push('  Do not investigate before the LADO has given advice.');
  }
  for (const a of s.actions) {
    const due = a.due ? term` due ${when(a.due)}` : '';
    const done = a.doneAt ? term` done ${britishDateTime(a.doneAt)}` : a.overdue ? ' OVERDUE' : '';
    lines.push(term`Action ${words(a.type)}${due}${done} [${a.actionId}]`);
    if (a.spokeTo) lines.push(term`  Spoke to: ${a.spokeTo}`);
    if (a.advice) lines.push(term`  Advice: ${a.advice}`);
    if (a.result) lines.push(term`  Result: ${a.result}`);
  }
  for (const n of s.notes) lines.push(term`Note (${n.kind}) ${britishDateTime(n.at)}: ${n.text}`);
  for (const d of s.decisions)
    lines.push(term`Decision ${britishDateTime(d.at)}: ${d.decision} — ${d.reason}`);
  return lines.join('\n');
}

/** Inbox or search rows, one line each. */
export function inboxRowsText(rows: readonly InboxRow[]): string {
  return rows
    .map(
      (r) =>
        term`${r.reference}  ${britishDateTime(r.filedAt)}  ${r.untriagedUrgent ? 'URGENT  ' : ''}${r.status}${r.pathway ? ` ${words(r.pathway)}` : ''}${r.overdue ? '  OVERDUE' : ''}  ${r.formId}  ${r.people.join('; ')}`,
    )
    .join('\n');
}

function eventWords(event: EventBody): string {
  switch (event.type) {
    case 'triaged':
      return `triaged: ${words(event.payload.pathway)}, ${event.payload.priority}`;
    case 'action-recorded':
      return `action: ${words(event.payload.type)}${event.payload.doneAt ? ' (done)' : ''}`;
    case 'action-completed':
      return 'action done';
    case 'note-added':
      return `note (${event.payload.kind})`;
    case 'decision-recorded':
      return `decision: ${event.payload.decision}`;
    case 'closed':
      return `closed: ${words(event.payload.outcome)}`;
    case 'reopened':
      return 'reopened';
    case 'corrected':
      return 'correction';
    case 'case-opened':
      return 'opened';
    case 'case-shared':
      return `shared with ${event.payload.name} (${words(event.payload.role)}), added to the school later`;
    case 'people-merged':
    case 'people-unmerged':
      return 'people records merged or parted';
  }
}

/** A chronology, in date order. */
export function chronologyText(c: Chronology): string {
  const lines = [term`Chronology of ${c.person.name} (${c.person.role})`];
  if (c.mergedWith.length > 0) {
    lines.push(
      term`  Also recorded as: ${c.mergedWith.map((p) => `${p.name} (${p.role})`).join('; ')}`,
    );
  }
  if (c.lowLevelLast12Months !== null) {
    lines.push(`Low-level concerns in the last 12 months: ${c.lowLevelLast12Months}`);
  }
  for (const e of c.entries) {
    const what = e.event === null ? 'concern filed' : eventWords(e.event);
    lines.push(term`${britishDateTime(e.at)}  ${e.reference}  ${what}`);
  }
  return lines.join('\n');
}
