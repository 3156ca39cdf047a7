/** `school show` in words: who receives concerns, the contacts, the safety code, the gaps. */
import {
  contactKeys,
  contactLabels,
  recipientRoles,
  type Contact,
  type SchoolSummary,
} from '../school';
import { roleLabel } from '../concerns';
import { britishDate, britishDateTime } from './local-time';
import { term } from './terminal-text';

/** The summary as a terminal reads it. */
export function schoolText(summary: SchoolSummary): string {
  const lines = [
    term`${summary.schoolName}`,
    term`Safety code: ${summary.safetyCode} (school profile version ${summary.serial}, signed ${britishDateTime(summary.issuedAt)})`,
    '',
    'Who receives concerns (check each fingerprint with the person, face to face):',
  ];
  for (const role of recipientRoles) {
    lines.push(`  ${roleLabel(role)}`);
    const people = summary.recipients.filter((r) => r.role === role);
    if (people.length === 0) lines.push('    none named');
    for (const r of people) {
      lines.push(term`    ${r.name}  fingerprint ${r.fingerprint}  id ${r.id}`);
    }
  }
  if (summary.headteacherConcern !== null) lines.push('', `Warning: ${summary.headteacherConcern}`);
  lines.push('', contactsHeading(summary));
  for (const key of contactKeys) {
    lines.push(`  ${contactLabels[key]}: ${contactWords(summary.contacts[key])}`);
  }
  return lines.join('\n');
}

function contactsHeading(summary: SchoolSummary): string {
  const checked = summary.contacts.lastChecked;
  if (summary.contactsAreDefaults) {
    return 'Contacts (national defaults: the DSL has not set the local ones yet):';
  }
  return checked === null
    ? 'Contacts (never checked):'
    : `Contacts (last checked ${britishDate(checked)}):`;
}

function contactWords(contact: Contact): string {
  const parts = [contact.name, contact.phone, contact.web].filter((p) => p !== '');
  return parts.length === 0 ? 'not recorded' : parts.map((p) => term`${p}`).join(', ');
}
