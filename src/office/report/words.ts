/**
 * The office report's words: the casework vocabulary as governors read it, months and numbers.
 * Kept apart from the renderer's words because src/ may not import the renderer, and because a
 * governors' report says "Allegation against an adult" where a lead's screen can say "Allegation".
 */
import type { ActionType, Outcome, Pathway } from '../../casework/events/types';
import type { ReporterGroup, TermName } from '../extract/format';

/** The row of the pathways table for a concern not yet triaged. */
export const NOT_TRIAGED = 'not-yet-triaged';

export const pathwayLabels: Record<Pathway | typeof NOT_TRIAGED, string> = {
  'child-protection': 'Child protection',
  allegation: 'Allegation against an adult',
  'low-level': 'Low-level concern',
  'code-of-conduct': 'Code of conduct',
  'early-help': 'Early help',
  'no-further-action': 'No further action',
  [NOT_TRIAGED]: 'Not yet triaged',
};

export const outcomeLabels: Record<Outcome, string> = {
  substantiated: 'Substantiated',
  false: 'False',
  malicious: 'Malicious',
  unsubstantiated: 'Unsubstantiated',
  unfounded: 'Unfounded',
  resolved: 'Resolved',
  'no-further-action': 'No further action',
};

export const referralLabels: Record<ActionType, string> = {
  'lado-consultation': 'LADO consultation',
  'social-care-referral': "Children's social care",
  police: 'Police',
  ceop: 'CEOP',
  iwf: 'Internet Watch Foundation',
  'early-help': 'Early help',
  'parents-contacted': 'Parents or carers contacted',
  'staff-advice': 'Advice to a member of staff',
  hr: 'HR',
  other: 'Other',
};

export const reporterLabels: Record<ReporterGroup, string> = {
  teaching: 'Teaching staff',
  support: 'Support staff',
  other: 'Other',
};

const termLabels: Record<TermName, string> = {
  autumn: 'Autumn',
  spring: 'Spring',
  summer: 'Summer',
};

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "September" for "2026-09". */
export function monthName(month: string): string {
  return monthNames[Number(month.slice(5, 7)) - 1] ?? month;
}

/** "September 2026" for "2026-09". */
export function monthLabel(month: string): string {
  return `${monthName(month)} ${month.slice(0, 4)}`;
}

/** "Autumn term 2026" (autumn counts in the year it starts, spring and summer in the next). */
export function termLabel(academicYear: string, term: TermName): string {
  const start = Number(academicYear.slice(0, 4));
  return `${termLabels[term]} term ${term === 'autumn' ? start : start + 1}`;
}

/** "1,234": thousands separated, as a governor reads a figure. */
export function figure(value: number): string {
  return value.toLocaleString('en-GB');
}

/** A label inside a sentence: "Early help" becomes "early help", "CEOP" stays "CEOP". */
export function inSentence(label: string): string {
  const second = label.charAt(1);
  return second !== '' && second === second.toLowerCase()
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

/** "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
