/**
 * Who a concern is sealed to. The reporter never chooses recipients; they may only say who the
 * concern is about, and routing then follows the school's rules (ARCHITECTURE.md §3, KCSIE Part 4):
 * - default: every safeguarding lead (DSL and deputies);
 * - about a lead: the other leads and the headteacher, never that lead;
 * - about the headteacher: the chair of governors, never the head;
 * - about the chair: the leads, never the chair.
 * The person a concern is about is never among its recipients.
 */
import { SafeguardError } from '../errors';
import type { Recipient, RecipientRole, SchoolProfile } from '../school/profile';

/** Roles a concern can be about that change routing. */
export const subjectRoles = ['dsl', 'deputy', 'headteacher', 'chair'] as const;
export type SubjectRole = (typeof subjectRoles)[number];

const ROLE_LABELS: Record<RecipientRole, string> = {
  dsl: 'Designated Safeguarding Lead',
  deputy: 'Deputy Safeguarding Lead',
  headteacher: 'Headteacher',
  chair: 'Chair of governors',
  office: 'Office',
};

/** A plain-words label for a recipient role. */
export function roleLabel(role: RecipientRole): string {
  return ROLE_LABELS[role];
}

// What each role receives, following routeConcern below; office staff are never a concern's recipient.
const ROLE_RECEIVES: Record<RecipientRole, string> = {
  dsl: 'every concern, except one about you or about the headteacher',
  deputy: 'every concern, except one about you or about the headteacher',
  headteacher: 'concerns about a safeguarding lead',
  chair: 'concerns about the headteacher',
  office: 'anonymised statistical summaries, never concerns',
};

/** What a recipient of this role receives, in plain words (e.g. "concerns about the headteacher"). */
export function roleReceives(role: RecipientRole): string {
  return ROLE_RECEIVES[role];
}

/** The people a reporter may say a concern is about (those whose involvement changes routing). */
export function concernSubjects(profile: SchoolProfile): Array<Recipient & { role: SubjectRole }> {
  return profile.recipients.filter((r): r is Recipient & { role: SubjectRole } =>
    (subjectRoles as readonly string[]).includes(r.role),
  );
}

/** The recipients a new concern is sealed to, given who (if anyone on the profile) it is about. */
export function routeConcern(
  profile: SchoolProfile,
  aboutRecipientId?: string | null,
): Recipient[] {
  const leads = profile.recipients.filter((r) => r.role === 'dsl' || r.role === 'deputy');
  const withRole = (role: RecipientRole) => profile.recipients.filter((r) => r.role === role);
  if (!aboutRecipientId) {
    if (leads.length === 0)
      throw nobody('The school profile names no safeguarding lead to send concerns to.');
    return leads;
  }
  const subject = profile.recipients.find((r) => r.id === aboutRecipientId);
  if (!subject || subject.role === 'office') {
    throw new SafeguardError(
      'unknown-subject',
      'The person this concern is about is not on the school profile.',
    );
  }
  let chosen: Recipient[];
  switch (subject.role) {
    case 'headteacher':
      chosen = withRole('chair');
      if (chosen.length === 0) {
        throw nobody(
          'The school profile has no chair of governors to receive a concern about the headteacher: speak to the LADO, or call the NSPCC Whistleblowing Advice Line on 0800 028 0285.',
        );
      }
      break;
    case 'dsl':
    case 'deputy':
      chosen = [...leads, ...withRole('headteacher')];
      break;
    case 'chair':
      chosen = leads;
      break;
    default:
      throw new SafeguardError(
        'unknown-subject',
        'The person this concern is about is not on the school profile.',
      );
  }
  const recipients = unique(chosen.filter((r) => r.id !== subject.id));
  if (recipients.length === 0) {
    throw nobody(
      'Nobody else on the school profile can receive a concern about this person: speak to the LADO, or call the NSPCC Whistleblowing Advice Line on 0800 028 0285.',
    );
  }
  return recipients;
}

function unique(recipients: Recipient[]): Recipient[] {
  return [...new Map(recipients.map((r) => [r.id, r])).values()];
}

function nobody(message: string): SafeguardError {
  return new SafeguardError('no-recipients', message);
}
