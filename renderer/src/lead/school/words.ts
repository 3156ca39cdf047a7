/** The School screen's words: roles, what each receives, the contacts' labels. */
import type { AddableRole, ContactKey } from './types';

export const roleOrder = ['dsl', 'deputy', 'headteacher', 'chair', 'office'] as const;

/** Each role's heading on the list, and what someone in it receives. */
export const roleGroups: Record<(typeof roleOrder)[number], { title: string; receives: string }> = {
  dsl: {
    title: 'Designated safeguarding lead',
    receives:
      "Every concern, except one about them or about the headteacher. Holds the school's key, which signs every change here.",
  },
  deputy: {
    title: 'Deputy safeguarding leads',
    receives: 'Every concern, except one about them or about the headteacher.',
  },
  headteacher: { title: 'Headteacher', receives: 'Concerns about a safeguarding lead.' },
  chair: { title: 'Chair of governors', receives: 'Concerns about the headteacher.' },
  office: {
    title: 'Office',
    receives: 'Anonymised statistical summaries for governors, never concerns.',
  },
};

export const addableRoleChoices: Array<{ value: AddableRole; label: string; hint: string }> = [
  { value: 'deputy', label: 'Deputy safeguarding lead', hint: roleGroups.deputy.receives },
  { value: 'headteacher', label: 'Headteacher', hint: roleGroups.headteacher.receives },
  { value: 'chair', label: 'Chair of governors', hint: roleGroups.chair.receives },
  { value: 'office', label: 'Office', hint: roleGroups.office.receives },
];

/** The contacts in the order shown, with their labels (the core's own words). */
export const contactRows: Array<{ key: ContactKey; label: string }> = [
  { key: 'lado', label: 'LADO (Local Authority Designated Officer)' },
  { key: 'socialCareFrontDoor', label: "Children's social care front door" },
  { key: 'policeEmergency', label: 'Police: emergency' },
  { key: 'policeNonEmergency', label: 'Police: non-emergency' },
  { key: 'ceop', label: 'CEOP (online child sexual abuse)' },
  { key: 'iwf', label: 'IWF (images of child sexual abuse online)' },
  { key: 'nspccHelpline', label: 'NSPCC Helpline' },
  { key: 'nspccWhistleblowing', label: 'NSPCC Whistleblowing Advice Line' },
];

/** The sentence said whenever someone is removed (the core says the same). */
export const removalWords = (name: string) =>
  `Nothing new will be sealed to ${name}. What they already received stays readable to them.`;
