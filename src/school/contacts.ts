/**
 * The school's safeguarding contacts, kept on the signed profile so every machine shows staff the
 * same numbers (SAFEGUARDING.md, "Contacts the app keeps"): the LADO, children's social care front
 * door, police, CEOP, IWF and the NSPCC lines, with the date the DSL last checked them. A profile
 * without contacts (every profile before this field) means the national defaults below.
 */
import { z } from 'zod';

/** The contacts, in the order they are shown. */
export const contactKeys = [
  'lado',
  'socialCareFrontDoor',
  'policeEmergency',
  'policeNonEmergency',
  'ceop',
  'iwf',
  'nspccHelpline',
  'nspccWhistleblowing',
] as const;
export type ContactKey = (typeof contactKeys)[number];

/** What each contact is, in words. */
export const contactLabels: Record<ContactKey, string> = {
  lado: 'LADO (Local Authority Designated Officer)',
  socialCareFrontDoor: "Children's social care front door",
  policeEmergency: 'Police: emergency',
  policeNonEmergency: 'Police: non-emergency',
  ceop: 'CEOP (online child sexual abuse)',
  iwf: 'IWF (images of child sexual abuse online)',
  nspccHelpline: 'NSPCC Helpline',
  nspccWhistleblowing: 'NSPCC Whistleblowing Advice Line',
};

/** Bounds of one contact's texts. */
export const CONTACT_LIMITS = { name: 200, phone: 50, web: 500 } as const;

// Text on one line: a contact is shown and printed, never interpreted.
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'one line of text, without control characters');

export const contactSchema = z.strictObject({
  name: oneLine(CONTACT_LIMITS.name),
  phone: oneLine(CONTACT_LIMITS.phone),
  web: oneLine(CONTACT_LIMITS.web),
});
export type Contact = z.infer<typeof contactSchema>;

/** A real calendar day, YYYY-MM-DD. */
const calendarDay = z.iso.date('a date written YYYY-MM-DD');

export const contactsSchema = z.strictObject({
  /** When the DSL last checked the whole set, or null when never. */
  lastChecked: calendarDay.nullable(),
  lado: contactSchema,
  socialCareFrontDoor: contactSchema,
  policeEmergency: contactSchema,
  policeNonEmergency: contactSchema,
  ceop: contactSchema,
  iwf: contactSchema,
  nspccHelpline: contactSchema,
  nspccWhistleblowing: contactSchema,
});
export type SchoolContacts = z.infer<typeof contactsSchema>;

const none: Contact = { name: '', phone: '', web: '' };

/** UK national numbers; the local ones (LADO, front door) stay empty until the DSL fills them. */
export const defaultContacts: SchoolContacts = {
  lastChecked: null,
  lado: none,
  socialCareFrontDoor: none,
  policeEmergency: { name: 'Police', phone: '999', web: '' },
  policeNonEmergency: { name: 'Police', phone: '101', web: 'https://www.police.uk/' },
  ceop: {
    name: 'CEOP Safety Centre (National Crime Agency)',
    phone: '',
    web: 'https://www.ceop.police.uk/Safety-Centre/',
  },
  iwf: { name: 'Internet Watch Foundation', phone: '', web: 'https://report.iwf.org.uk/' },
  nspccHelpline: {
    name: 'NSPCC Helpline',
    phone: '0808 800 5000',
    web: 'https://www.nspcc.org.uk/',
  },
  nspccWhistleblowing: {
    name: 'NSPCC Whistleblowing Advice Line',
    phone: '0800 028 0285',
    web: 'https://www.nspcc.org.uk/keeping-children-safe/reporting-abuse/dedicated-helplines/whistleblowing-advice-line/',
  },
};

/** The contacts of a profile: its own, or the national defaults when it has none. */
export function contactsOf(profile: { contacts?: SchoolContacts | undefined }): SchoolContacts {
  return profile.contacts ?? defaultContacts;
}

/** How to reach one contact in a few words: "01632 960000", or its web address. */
export function reachBy(contact: Contact): string | null {
  if (contact.phone !== '') return contact.phone;
  if (contact.web !== '') return contact.web;
  return null;
}

/**
 * Until a chair of governors is named, a concern about the headteacher has nowhere to go inside
 * the school (KCSIE Part 4): the sentence that says so, with the LADO and NSPCC numbers; else null.
 */
export function headteacherConcernGap(profile: {
  recipients: ReadonlyArray<{ role: string }>;
  contacts?: SchoolContacts | undefined;
}): string | null {
  if (profile.recipients.some((r) => r.role === 'chair')) return null;
  const contacts = contactsOf(profile);
  const lado = reachBy(contacts.lado);
  const whistleblowing =
    reachBy(contacts.nspccWhistleblowing) ?? defaultContacts.nspccWhistleblowing.phone;
  const ladoWords =
    lado === null
      ? "the local authority's LADO (the school has not recorded their number yet)"
      : `the LADO on ${lado}`;
  return (
    'No chair of governors is named yet, so a concern about the headteacher has nowhere to go ' +
    `within the school. Until one is named, contact ${ladoWords}, or call the NSPCC ` +
    `Whistleblowing Advice Line on ${whistleblowing}.`
  );
}
