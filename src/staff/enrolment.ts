/**
 * Enrolment and profile trust on a staff machine: pin the root key at enrolment, then accept only
 * profiles signed by that key and not older than the pinned one. A profile on the share that fails
 * those checks never stops a concern: it is sealed to the pinned profile, and the problem is kept
 * so the receipt, `outbox` and the home screen can say "tell the DSL".
 */
import { safetyCode } from '../crypto';
import { SafeguardError } from '../errors';
import { verifyProfile, type SchoolProfile } from '../school/profile';
import { openShare, type FolderShareOptions } from '../share';
import type { ProfileProblem, StaffStore } from './store';

export interface EnrolmentResult {
  schoolName: string;
  safetyCode: string;
  profileSerial: number;
}

/** What staff are told when the share's profile cannot be trusted. */
export const UNTRUSTED_PROFILE_WARNING =
  "The school's settings on the share cannot be trusted: tell the DSL.";

/** The profile to seal with, and the share profile's trust problem when there is one. */
export interface TrustedProfile {
  profile: SchoolProfile;
  problem: ProfileProblem | null;
  /** The share could not be read at all this time (away, slow, refused), in words; else null. */
  unreachable: string | null;
}

/** What enrolment may be told beyond the share: the code expected, the share's time limit. */
export interface EnrolOptions {
  /**
   * Refuse, enrolling nothing, unless the share's safety code is this: the code in IT's machine
   * settings, or the one a person was shown and compared with the poster (`expectedFrom`).
   */
  expectedSafetyCode?: string;
  expectedFrom?: 'machine-settings' | 'shown';
  share?: FolderShareOptions;
}

/** The school on a share and its safety code, read and verified; nothing is pinned or saved. */
export async function previewEnrolment(
  sharePath: string,
): Promise<{ schoolName: string; safetyCode: string }> {
  const { profile, rootFingerprint } = verifyProfile(await requireProfile(sharePath));
  return { schoolName: profile.schoolName, safetyCode: safetyCode(rootFingerprint) };
}

/**
 * Enrols this machine with the share: reads the profile, pins its root key. Re-enrolling with the
 * same school keeps the pin; a profile from another root key is refused as for any update. With
 * `expectedSafetyCode` (the code a person compared with the poster), a profile under any other
 * root key is refused and nothing is pinned.
 */
export async function enrol(
  store: StaffStore,
  sharePath: string,
  now: Date,
  options: EnrolOptions = {},
): Promise<EnrolmentResult> {
  const json = await requireProfile(sharePath, options.share);
  const existing = store.enrolment();
  const verified = verifyProfile(
    json,
    existing
      ? {
          rootFingerprint: existing.rootFingerprint,
          serial: existing.profileSerial,
          json: existing.profileJson,
        }
      : undefined,
  );
  const code = safetyCode(verified.rootFingerprint);
  if (options.expectedSafetyCode !== undefined && code !== options.expectedSafetyCode) {
    throw options.expectedFrom === 'shown'
      ? new SafeguardError(
          'safety-code-changed',
          "The school's safety code on the share is no longer the one shown, so this computer was not connected. Tell your safeguarding lead.",
        )
      : new SafeguardError(
          'safety-code-mismatch',
          `The school share at ${sharePath} shows safety code ${code}, but IT's machine settings expect ${options.expectedSafetyCode}. Nothing was enrolled: tell IT.`,
        );
  }
  store.deviceKey(now);
  store.saveEnrolment(
    {
      sharePath,
      rootFingerprint: verified.rootFingerprint,
      profileSerial: verified.profile.serial,
      profileJson: json,
    },
    now,
  );
  store.setProfileProblem(null, now);
  return {
    schoolName: verified.profile.schoolName,
    safetyCode: code,
    profileSerial: verified.profile.serial,
  };
}

/**
 * The profile to seal with: the share's, when it can be read and is trusted (the pin moves
 * forward); otherwise the one pinned here. An unreachable or slow share changes nothing; a profile
 * that is missing, unreadable or fails the pin is recorded as a problem and never used.
 */
export async function trustedProfile(
  store: StaffStore,
  now: Date,
  shareOptions: FolderShareOptions = {},
): Promise<TrustedProfile> {
  const enrolment = requireEnrolment(store);
  const pinned = (unreachable: string): TrustedProfile => ({
    profile: verifyProfile(enrolment.profileJson).profile,
    problem: store.profileProblem(),
    unreachable,
  });
  let json: string | null;
  try {
    json = await openShare(enrolment.sharePath, shareOptions).readProfile();
  } catch (error) {
    if (error instanceof SafeguardError && error.code.startsWith('profile-')) {
      return untrusted(store, enrolment.profileJson, error, now);
    }
    // Unreachable, slow, refused: nothing learned about the profile.
    return pinned(error instanceof SafeguardError ? error.message : 'The share could not be read.');
  }
  if (json === null) {
    return untrusted(
      store,
      enrolment.profileJson,
      new SafeguardError('profile-missing', 'The school profile is missing from the share.'),
      now,
    );
  }
  if (json === enrolment.profileJson) {
    store.setProfileProblem(null, now);
    return { profile: verifyProfile(json).profile, problem: null, unreachable: null };
  }
  try {
    const verified = verifyProfile(json, {
      rootFingerprint: enrolment.rootFingerprint,
      serial: enrolment.profileSerial,
      json: enrolment.profileJson,
    });
    store.saveEnrolment(
      { ...enrolment, profileSerial: verified.profile.serial, profileJson: json },
      now,
    );
    store.setProfileProblem(null, now);
    return { profile: verified.profile, problem: null, unreachable: null };
  } catch (error) {
    if (!(error instanceof SafeguardError)) throw error;
    return untrusted(store, enrolment.profileJson, error, now);
  }
}

function untrusted(
  store: StaffStore,
  pinnedJson: string,
  error: SafeguardError,
  now: Date,
): TrustedProfile {
  store.setProfileProblem({ code: error.code, detail: error.message }, now);
  return {
    profile: verifyProfile(pinnedJson).profile,
    problem: store.profileProblem(),
    unreachable: null,
  };
}

async function requireProfile(
  sharePath: string,
  shareOptions: FolderShareOptions = {},
): Promise<string> {
  const json = await openShare(sharePath, shareOptions).readProfile();
  if (json === null) {
    throw new SafeguardError(
      'no-profile',
      'There is no school profile on this share; the DSL must set the school up first.',
    );
  }
  return json;
}

/** The enrolment, or a clear error when this machine has not been enrolled. */
export function requireEnrolment(store: StaffStore) {
  const enrolment = store.enrolment();
  if (!enrolment) {
    throw new SafeguardError(
      'not-enrolled',
      'This machine is not enrolled with a school share yet (safeguard-desk enroll --share DIR).',
    );
  }
  return enrolment;
}
