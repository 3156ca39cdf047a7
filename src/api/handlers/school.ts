/**
 * The School screen (lead) and the contacts beside a concern form (staff). Leads read the profile
 * this computer trusts (refreshed from the share); changes need the school's root key, which the
 * unlocked DSL holds in memory, and are published as a new signed profile.
 */
import type { HandlersOf, OperationOutput } from '../contract';
import { FILING_SHARE_TIMEOUT_MS } from '../../concerns';
import type { LeadSecrets } from '../../lead';
import {
  contactKeys,
  contactLabels,
  contactsOf,
  headteacherConcernGap,
  oneTimePassphrase,
  prepareRecipient,
  publishRecipient,
  removalWords,
  removeRecipientWith,
  requireRootKey,
  schoolSummary,
  setContactsWith,
  type RootHolder,
  type SchoolProfile,
} from '../../school';
import { roleLabel } from '../../concerns';
import type { LeadSession } from '../../session/lead-session';
import { trustedProfile, UNTRUSTED_PROFILE_WARNING, type StaffStore } from '../../staff';

type SchoolView = OperationOutput<'school.show'>;

const quick = { timeoutMs: FILING_SHARE_TIMEOUT_MS };

/** What each added role will receive, said to the DSL who added them. */
const RECEIVES: Record<string, string> = {
  deputy: 'every concern, except one about them or about the headteacher',
  headteacher: 'concerns about a safeguarding lead',
  chair: 'concerns about the headteacher',
  office: 'anonymised statistical summaries, never concerns',
};

/** `school.show`, `school.addRecipient`, `school.removeRecipient`, `school.setContacts`. */
export function schoolHandlers(deps: {
  lead: LeadSession;
  store: StaffStore;
}): HandlersOf<
  'school.show' | 'school.addRecipient' | 'school.removeRecipient' | 'school.setContacts'
> {
  const { lead, store } = deps;

  /** The unlocked DSL with the root key and this computer's store, or `locked`/`not-root`. */
  const rootHolder = (): RootHolder => ({
    staff: store,
    secrets: requireRootKey(lead.require().secrets),
  });

  const view = async (published?: SchoolProfile): Promise<SchoolView> => {
    const { secrets } = lead.require();
    const trusted = await trustedProfile(store, new Date(), quick);
    const profile = published ?? trusted.profile;
    const problem = published ? null : trusted.problem;
    return schoolView(profile, secrets, problem?.detail ?? null);
  };

  const changed = (profile: SchoolProfile) => {
    lead.require().profileChanged(profile);
    return view(profile);
  };

  return {
    'school.show': () => view(),
    'school.addRecipient': async (input) => {
      const holder = rootHolder();
      const passphrase = input.ageRecipient === undefined ? oneTimePassphrase() : null;
      const { recipient, identity } = await prepareRecipient({
        role: input.role,
        name: input.name,
        ageRecipient: input.ageRecipient,
        newPassphrase: passphrase ?? undefined,
      });
      const profile = await publishRecipient(holder, recipient, new Date());
      const school = await changed(profile);
      const added = school.recipients.find((r) => r.id === recipient.id);
      if (added === undefined) throw new Error('the published profile lacks the new recipient');
      return {
        recipient: added,
        identityFile:
          identity === null || passphrase === null
            ? null
            : {
                fileName: `safeguard-desk-${recipient.role}-identity.age`,
                base64: Buffer.from(identity).toString('base64'),
                passphrase,
              },
        message: `${recipient.name} was added as ${roleLabel(recipient.role)}: they will receive ${RECEIVES[recipient.role] ?? 'what their role receives'}.`,
        school,
      };
    },
    'school.removeRecipient': async ({ recipientId }) => {
      const { removed, profile } = await removeRecipientWith(rootHolder(), recipientId, new Date());
      return {
        removed: { id: removed.id, name: removed.name, role: removed.role },
        message: removalWords(removed.name),
        school: await changed(profile),
      };
    },
    'school.setContacts': async (input) =>
      changed(await setContactsWith(rootHolder(), input, new Date())),
  };
}

/** `school.contacts`: what staff see beside a form; the national defaults before enrolment. */
export function schoolContactsHandlers(deps: { store: StaffStore }): HandlersOf<'school.contacts'> {
  const { store } = deps;
  return {
    'school.contacts': async () => {
      const profile = store.enrolment()
        ? (await trustedProfile(store, new Date(), quick)).profile
        : null;
      const contacts = contactsOf(profile ?? {});
      return {
        contacts: contactKeys
          .map((key) => ({ key, label: contactLabels[key], ...contacts[key] }))
          .filter((c) => c.name !== '' || c.phone !== '' || c.web !== ''),
        lastChecked: contacts.lastChecked,
        headteacherConcern: profile === null ? null : headteacherConcernGap(profile),
      };
    },
  };
}

function schoolView(
  profile: SchoolProfile,
  secrets: LeadSecrets,
  problem: string | null,
): SchoolView {
  const summary = schoolSummary(profile);
  const canChange = secrets.rootSigningKey !== null;
  const dsl = profile.recipients.find((r) => r.role === 'dsl');
  return {
    schoolName: summary.schoolName,
    serial: summary.serial,
    issuedAt: summary.issuedAt,
    safetyCode: summary.safetyCode,
    recipients: summary.recipients.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      roleLabel: r.roleLabel,
      fingerprint: r.fingerprint,
      you: r.id === secrets.recipientId,
    })),
    contacts: summary.contacts,
    contactsAreDefaults: summary.contactsAreDefaults,
    headteacherConcern: summary.headteacherConcern,
    canChange,
    readOnlyReason: canChange
      ? null
      : `Only the DSL who set the school up${dsl ? ` (${dsl.name})` : ''} can change these settings: every change is signed with the school's key, which only they hold.`,
    warning: problem === null ? null : `${UNTRUSTED_PROFILE_WARNING} (${problem})`,
  };
}
