/**
 * Becoming an office user, two ways: `office init` makes a new identity here and prints its
 * `age1…` recipient for the DSL to add with the `office` role; or the office user joins with the
 * identity file the DSL made for them in the School screen (role `office`), which is kept here as
 * the office identity — never as a lead's, so the lead workspace is not theirs. Either way this
 * computer is enrolled with the share (pinning the root key whose safety code is on the poster).
 */
import { generateAgeKeyPair } from '../crypto';
import { SafeguardError } from '../errors';
import type { LeadSecrets } from '../lead/identity';
import { checkNewPassphrase, type PassphraseInput } from '../lead/passphrase';
import { verifyProfile, type SchoolProfile } from '../school/profile';
import { openShare } from '../share';
import { enrol, openStaffStore } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import { hasOfficeIdentity, officeExists, saveOfficeSecrets, type OfficeSecrets } from './identity';

export interface OfficeInitResult {
  /** What the DSL adds: `school add-recipient --role office --recipient age1… --name NAME`. */
  recipient: string;
  safetyCode: string;
  schoolName: string;
}

/** Makes a new office identity sealed with `passphrase`, enrolling this computer if it is not. */
export async function initOffice(input: {
  home: string;
  keyProvider: KeyProvider;
  sharePath: string;
  passphrase: PassphraseInput;
  now?: Date;
}): Promise<OfficeInitResult> {
  const now = input.now ?? new Date();
  if (hasOfficeIdentity(input.home)) throw officeExists();
  const profile = await shareProfile(input.sharePath);
  const passphrase = await checkNewPassphrase(input.passphrase, { schoolName: profile.schoolName });
  const enrolled = await enrolHere(input.home, input.keyProvider, input.sharePath, now);
  const age = await generateAgeKeyPair();
  await saveOfficeSecrets(
    input.home,
    {
      format: 'safeguard-desk/office-identity',
      formatVersion: 1,
      ageIdentity: age.identity,
      recipientId: null,
      name: null,
      signingKey: null,
    },
    passphrase,
  );
  return {
    recipient: age.recipient,
    safetyCode: enrolled.safetyCode,
    schoolName: profile.schoolName,
  };
}

/**
 * Keeps an identity the DSL made for an office user (already opened and checked against the
 * profile) as this home's office identity under the user's own passphrase, and enrols here.
 */
export async function keepJoinedOfficeIdentity(input: {
  home: string;
  keyProvider: KeyProvider;
  sharePath: string;
  secrets: LeadSecrets;
  /** Checked already, with the school's and the user's names as easy guesses. */
  passphrase: string;
  now: Date;
}): Promise<{ safetyCode: string }> {
  if (input.secrets.role !== 'office') {
    throw new SafeguardError('bad-identity-file', 'That identity file is not an office user’s.');
  }
  if (hasOfficeIdentity(input.home)) throw officeExists();
  const secrets: OfficeSecrets = {
    format: 'safeguard-desk/office-identity',
    formatVersion: 1,
    ageIdentity: input.secrets.ageIdentity,
    recipientId: input.secrets.recipientId,
    name: input.secrets.name,
    signingKey: input.secrets.signingKey,
  };
  const enrolled = await enrolHere(input.home, input.keyProvider, input.sharePath, input.now);
  await saveOfficeSecrets(input.home, secrets, input.passphrase);
  return { safetyCode: enrolled.safetyCode };
}

async function shareProfile(sharePath: string): Promise<SchoolProfile> {
  const json = await openShare(sharePath).readProfile();
  if (json === null) {
    throw new SafeguardError('no-profile', 'There is no school profile on this share.');
  }
  return verifyProfile(json).profile;
}

/** Enrols (or re-checks the enrolment of) this computer; a different school's root is refused. */
async function enrolHere(home: string, keyProvider: KeyProvider, sharePath: string, now: Date) {
  const staff = await openStaffStore(home, keyProvider);
  try {
    return await enrol(staff, sharePath, now);
  } finally {
    staff.close();
  }
}
