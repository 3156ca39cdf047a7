/** The lead's vocabulary in words: pathways, priorities, actions, outcomes, consent, statuses. */
import type {
  ActionType,
  CaseStatus,
  Consent,
  HarmThreshold,
  Outcome,
  Pathway,
  Priority,
} from './types';

export const pathwayWords: Record<Pathway, string> = {
  'child-protection': 'Child protection',
  allegation: 'Allegation',
  'low-level': 'Low-level concern',
  'code-of-conduct': 'Code of conduct',
  'early-help': 'Early help',
  'no-further-action': 'No further action',
};
export const pathwayList = Object.keys(pathwayWords) as Pathway[];

export const priorityWords: Record<Priority, string> = {
  routine: 'Routine',
  high: 'High',
  urgent: 'Urgent',
};
export const priorityList = Object.keys(priorityWords) as Priority[];

export const statusWords: Record<CaseStatus, string> = {
  new: 'New',
  open: 'Open',
  closed: 'Closed',
};
export const statusList = Object.keys(statusWords) as CaseStatus[];

/** Each action's label (a list, a heading) and its phrase in a sentence ("recorded a …"). */
export const actionWords: Record<ActionType, { label: string; phrase: string }> = {
  'lado-consultation': { label: 'LADO consultation', phrase: 'a LADO consultation' },
  'social-care-referral': {
    label: "Referral to children's social care",
    phrase: "a referral to children's social care",
  },
  police: { label: 'Police referral', phrase: 'a police referral' },
  ceop: { label: 'CEOP report', phrase: 'a CEOP report' },
  iwf: { label: 'IWF report', phrase: 'an IWF report' },
  'early-help': { label: 'Early help referral', phrase: 'an early help referral' },
  'parents-contacted': {
    label: 'Parents or carers contacted',
    phrase: 'contact with parents or carers',
  },
  'staff-advice': { label: 'Advice to a member of staff', phrase: 'advice to a member of staff' },
  hr: { label: 'HR action', phrase: 'an HR action' },
  other: { label: 'Other action', phrase: 'another action' },
};
export const actionList = Object.keys(actionWords) as ActionType[];

/** Actions that share information outside the school: each share is logged (what, why, consent). */
export const externalActionTypes: readonly ActionType[] = [
  'lado-consultation',
  'social-care-referral',
  'police',
  'ceop',
  'iwf',
  'early-help',
];

export const consentWords: Record<Consent, string> = {
  given: 'Consent given',
  refused: 'Consent refused',
  'not-sought': 'Not sought',
  'not-needed': 'Not needed',
};
export const consentList = Object.keys(consentWords) as Consent[];

/** KCSIE Part 4's outcomes of an allegation, with what each means. */
export const allegationOutcomeWords = {
  substantiated: ['Substantiated', 'There is enough evidence to prove the allegation.'],
  false: ['False', 'There is enough evidence to disprove the allegation.'],
  malicious: [
    'Malicious',
    'There is enough evidence to disprove it, and it was a deliberate act to deceive. The record is flagged for removal.',
  ],
  unsubstantiated: ['Unsubstantiated', 'There is not enough evidence to prove or disprove it.'],
  unfounded: ['Unfounded', 'There is no evidence or proper basis that supports it.'],
} as const satisfies Partial<Record<Outcome, readonly [string, string]>>;

export const otherOutcomeWords = {
  resolved: ['Resolved', 'The concern has been dealt with.'],
  'no-further-action': ['No further action', 'Nothing more needs to be done.'],
} as const satisfies Partial<Record<Outcome, readonly [string, string]>>;

/** An outcome's word, or the raw value if the core sends one this UI does not know. */
export function outcomeWord(outcome: string): string {
  const all: Record<string, readonly [string, string]> = {
    ...allegationOutcomeWords,
    ...otherOutcomeWords,
  };
  return all[outcome]?.[0] ?? outcome;
}

/** The four KCSIE Part 4 harm-threshold questions, as a lead reads them, and in short. */
export const harmQuestions: Array<{ key: keyof HarmThreshold; text: string; short: string }> = [
  {
    key: 'harmed',
    text: 'They have harmed a child, or may have harmed a child.',
    short: 'Harmed a child',
  },
  {
    key: 'offence',
    text: 'They may have committed a criminal offence against or related to a child.',
    short: 'Criminal offence',
  },
  {
    key: 'risk',
    text: 'They have behaved towards a child or children in a way that indicates they may pose a risk of harm.',
    short: 'Risk of harm',
  },
  {
    key: 'unsuitable',
    text: 'They have behaved towards a child or children in a way that indicates they may not be suitable to work with children.',
    short: 'Not suitable',
  },
];

/** What the harm-threshold answers suggest: any yes, an allegation; all no, a low-level concern. */
export function suggestedPathway(answers: HarmThreshold): Pathway {
  return answers.harmed || answers.offence || answers.risk || answers.unsuitable
    ? 'allegation'
    : 'low-level';
}

/** A value of a vocabulary in words, or the raw value (a newer core's word) as it is. */
export function wordFor<K extends string>(words: Record<K, string>, value: string | null): string {
  if (value === null) return '—';
  return (words as Record<string, string>)[value] ?? value;
}

const roleNames: Record<string, string> = {
  pupil: 'Pupil',
  staff: 'Member of staff',
  volunteer: 'Volunteer',
  parent: 'Parent or carer',
  other: 'Other',
};

/** A person's role as stored ("staff") in words ("Member of staff"). */
export function roleWord(role: string): string {
  return roleNames[role] ?? role;
}

const recipientRoleNames: Record<string, string> = {
  dsl: 'Designated safeguarding lead',
  deputy: 'Deputy safeguarding lead',
  headteacher: 'Headteacher',
  chair: 'Chair of governors',
  office: 'Office',
};

/** A recipient's role on the school profile ("dsl") in words ("Designated safeguarding lead"). */
export function recipientRoleWord(role: string): string {
  return recipientRoleNames[role] ?? role;
}
