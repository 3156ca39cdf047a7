/**
 * Every change to the school profile (recipients, contacts) goes through here: it is made by the
 * DSL who holds the school's root key, signed with the next serial, written to the share, and this
 * machine's pin moves to it. Enrolled machines accept it because the key they pinned signed it.
 */
import { SafeguardError } from '../errors';
import { unlockLead, type LeadSecrets } from '../lead/identity';
import type { PassphraseInput } from '../lead/passphrase';
import { openShare } from '../share';
import { openStaffStore, requireEnrolment, trustedProfile, type StaffStore } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { nextProfile, signProfile, type SchoolProfile } from './profile';

/** The DSL's unlocked secrets with the root key, and this machine's staff store (its pin). */
export interface RootHolder {
  staff: StaffStore;
  secrets: LeadSecrets & { rootSigningKey: string };
}

/** The sentence for a lead without the root key who tries to change the profile. */
export const NOT_ROOT_MESSAGE = "Only the DSL who set the school up holds the school's root key.";

/** The secrets with their root key, or `not-root`. */
export function requireRootKey(secrets: LeadSecrets): LeadSecrets & { rootSigningKey: string } {
  if (secrets.rootSigningKey === null) throw new SafeguardError('not-root', NOT_ROOT_MESSAGE);
  return { ...secrets, rootSigningKey: secrets.rootSigningKey };
}

/** Opens the DSL's secrets with the passphrase and this home's staff store, for one change. */
export async function withRootHolder<T>(
  input: { home: string; keyProvider: KeyProvider; passphrase: PassphraseInput },
  run: (holder: RootHolder) => Promise<T>,
): Promise<T> {
  const secrets = requireRootKey(await unlockLead(input.home, input.passphrase));
  const staff = await openStaffStore(input.home, input.keyProvider);
  try {
    return await run({ staff, secrets });
  } finally {
    staff.close();
  }
}

/** The profile as this machine trusts it now (the share's, when it can be trusted). */
export async function currentProfile(staff: StaffStore, now: Date): Promise<SchoolProfile> {
  requireEnrolment(staff);
  return (await trustedProfile(staff, now)).profile;
}

/**
 * Applies `change` to the current profile, signs the result with the next serial, writes it to
 * the share and moves this machine's pin to it; returns the new profile.
 */
export async function publishProfileChange(
  holder: RootHolder,
  change: (
    current: SchoolProfile,
  ) => Partial<Pick<SchoolProfile, 'recipients' | 'schoolName' | 'contacts'>>,
  now: Date,
): Promise<SchoolProfile> {
  const { staff, secrets } = holder;
  const enrolment = requireEnrolment(staff);
  const current = await currentProfile(staff, now);
  const updated = nextProfile(current, change(current), now);
  await openShare(enrolment.sharePath).writeProfile(signProfile(updated, secrets.rootSigningKey));
  const after = await trustedProfile(staff, now);
  // Written, but the share did not answer the re-read: the pin catches up on the next read.
  if (after.unreachable !== null) return updated;
  if (after.profile.serial !== updated.serial) {
    throw new SafeguardError(
      'share-conflict',
      'The school profile on the share changed while it was being updated: look at it again and retry.',
    );
  }
  return after.profile;
}
