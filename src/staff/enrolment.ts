/**
 * Enrolment and profile trust on a staff machine: pin the root key at enrolment, then accept only
 * profiles signed by that key and not older than the pinned one.
 */
import { safetyCode } from '../crypto';
import { SafeguardError } from '../errors';
import { verifyProfile, type SchoolProfile } from '../school';
import { FolderShare } from '../share';
import type { StaffStore } from './store';

export interface EnrolmentResult {
  schoolName: string;
  safetyCode: string;
  profileSerial: number;
}

/**
 * Enrols this machine with the share: reads the profile, pins its root key. Re-enrolling with the
 * same school keeps the pin; a profile from another root key is refused as for any update.
 */
export async function enrol(
  store: StaffStore,
  sharePath: string,
  now: Date,
): Promise<EnrolmentResult> {
  const share = new FolderShare(sharePath);
  const json = await share.readProfile();
  if (json === null) {
    throw new SafeguardError(
      'no-profile',
      'There is no school profile on this share; the DSL must set the school up first.',
    );
  }
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
  return {
    schoolName: verified.profile.schoolName,
    safetyCode: safetyCode(verified.rootFingerprint),
    profileSerial: verified.profile.serial,
  };
}

/**
 * The profile to seal with: the share's, if it is reachable and trusted (the pin moves forward),
 * otherwise the one pinned locally, so filing works while the share is down. A profile that fails
 * the pin is an error, never a silent fallback.
 */
export async function trustedProfile(store: StaffStore, now: Date): Promise<SchoolProfile> {
  const enrolment = requireEnrolment(store);
  const pin = {
    rootFingerprint: enrolment.rootFingerprint,
    serial: enrolment.profileSerial,
    json: enrolment.profileJson,
  };
  let json: string | null = null;
  try {
    json = await new FolderShare(enrolment.sharePath).readProfile();
  } catch (error) {
    if (!(error instanceof SafeguardError && error.code === 'share-unreachable')) throw error;
  }
  if (json === null || json === enrolment.profileJson) {
    return verifyProfile(enrolment.profileJson).profile;
  }
  const verified = verifyProfile(json, pin);
  store.saveEnrolment(
    { ...enrolment, profileSerial: verified.profile.serial, profileJson: json },
    now,
  );
  return verified.profile;
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
