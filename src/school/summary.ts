/**
 * The school as the DSL and IT look at it (`school show`, the School screen): recipients by role,
 * each with a safety fingerprint a person can read aloud to check it is really theirs, the contacts
 * and when they were last checked, the safety code, and whether a concern about the headteacher
 * has anywhere to go.
 */
import { createHash } from 'node:crypto';
import { keyFingerprint, safetyCode } from '../crypto';
import { roleLabel } from '../concerns/routing';
import { contactsOf, headteacherConcernGap, type SchoolContacts } from './contacts';
import { recipientRoles, type Recipient, type RecipientRole, type SchoolProfile } from './profile';

export interface RecipientSummary {
  id: string;
  name: string;
  role: RecipientRole;
  roleLabel: string;
  /** The recipient's keys in the safety-code format, e.g. `7KQ2-M9XD-4HRT`. */
  fingerprint: string;
  ageRecipient: string;
  /** They have a signing key (a lead who joined), not an `age1…` key alone. */
  signs: boolean;
}

export interface SchoolSummary {
  schoolId: string;
  schoolName: string;
  serial: number;
  issuedAt: string;
  safetyCode: string;
  /** In role order: DSL, deputies, headteacher, chair, office. */
  recipients: RecipientSummary[];
  contacts: SchoolContacts;
  /** The profile has no contacts of its own: these are the national defaults. */
  contactsAreDefaults: boolean;
  /** Why a concern about the headteacher has nowhere to go in school, or null when it has. */
  headteacherConcern: string | null;
}

/**
 * A recipient's safety fingerprint: SHA-256 over their age recipient and signing key, shown like
 * the safety code, so the DSL and the person can compare what each of their screens says.
 */
export function recipientFingerprint(recipient: Pick<Recipient, 'ageRecipient' | 'verifyKey'>) {
  const hex = createHash('sha256')
    .update(`safeguard-desk/recipient\n${recipient.ageRecipient}\n${recipient.verifyKey ?? ''}`)
    .digest('hex');
  return safetyCode(hex);
}

/** The profile, summarised for people. */
export function schoolSummary(profile: SchoolProfile): SchoolSummary {
  const order = (role: RecipientRole) => recipientRoles.indexOf(role);
  const recipients = [...profile.recipients]
    .sort((a, b) => order(a.role) - order(b.role))
    .map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      roleLabel: roleLabel(r.role),
      fingerprint: recipientFingerprint(r),
      ageRecipient: r.ageRecipient,
      signs: r.verifyKey !== undefined,
    }));
  return {
    schoolId: profile.schoolId,
    schoolName: profile.schoolName,
    serial: profile.serial,
    issuedAt: profile.issuedAt,
    safetyCode: safetyCode(keyFingerprint(profile.rootKey)),
    recipients,
    contacts: contactsOf(profile),
    contactsAreDefaults: profile.contacts === undefined,
    headteacherConcern: headteacherConcernGap(profile),
  };
}
