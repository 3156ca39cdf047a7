/**
 * What the staff-room poster of this computer's school shows, taken from the profile this computer
 * trusts: its safety code is the root key pinned at enrolment, never whatever a share holds, so a
 * poster cannot be printed with a code that someone who can write to the share chose.
 */
import { roleLabel } from '../concerns';
import { safetyCode } from '../crypto';
import { SafeguardError } from '../errors';
import { openShare } from '../share';
import {
  requireEnrolment,
  trustedProfile,
  UNTRUSTED_PROFILE_WARNING,
  type StaffStore,
} from '../staff';
import type { PosterInput } from './poster';
import { verifyProfile, type RecipientRole, type SchoolProfile } from './profile';

/** The order leads are listed in; office users receive no concerns and are not on the poster. */
const POSTER_ROLES: readonly RecipientRole[] = ['dsl', 'deputy', 'headteacher', 'chair'];

export interface PosterContent {
  input: PosterInput;
  /** Why the leads shown may be out of date (the share could not be read or trusted), or null. */
  warning: string | null;
}

/**
 * The poster for the school this computer is enrolled with. By default from the enrolled share
 * (the pin moves forward as for any update); with `sharePath`, from that folder's profile, which
 * must be signed by the pinned key and not be older, and moves nothing.
 */
export async function posterContent(
  store: StaffStore,
  options: { sharePath?: string | undefined; now?: Date | undefined } = {},
): Promise<PosterContent> {
  const now = options.now ?? new Date();
  const enrolment = requireEnrolment(store);
  const code = safetyCode(enrolment.rootFingerprint);
  if (options.sharePath !== undefined) {
    const json = await openShare(options.sharePath).readProfile();
    if (json === null) {
      throw new SafeguardError('no-profile', 'There is no school profile on that share.');
    }
    const { profile } = verifyProfile(json, {
      rootFingerprint: enrolment.rootFingerprint,
      serial: enrolment.profileSerial,
      json: enrolment.profileJson,
    });
    return { input: inputFrom(profile, code, now), warning: null };
  }
  const trusted = await trustedProfile(store, now);
  const warning =
    trusted.problem !== null
      ? `${UNTRUSTED_PROFILE_WARNING} The poster shows the leads this computer last trusted.`
      : trusted.unreachable !== null
        ? `${trusted.unreachable} The poster shows the leads this computer last saw.`
        : null;
  return { input: inputFrom(trusted.profile, code, now), warning };
}

function inputFrom(profile: SchoolProfile, code: string, now: Date): PosterInput {
  const leads = POSTER_ROLES.flatMap((role) =>
    profile.recipients
      .filter((r) => r.role === role)
      .map((r) => ({ name: r.name, roleLabel: roleLabel(r.role) })),
  );
  return { schoolName: profile.schoolName, safetyCode: code, leads, printedOn: now };
}

/** The poster's file name: the school's name only, made safe for every file system. */
export function posterFileName(schoolName: string): string {
  const safe = schoolName
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"/\\|?*]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 100)
    .trim();
  return `Safeguard Desk poster - ${safe === '' ? 'school' : safe}.pdf`;
}
