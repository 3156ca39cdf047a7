/**
 * The signed school profile (`<share>/school.json`): who the recipients are, how concerns are
 * routed, the school's safeguarding contacts and policy settings, signed by the school's root
 * Ed25519 key. A staff machine pins the root key's fingerprint at enrolment, so a share writer
 * cannot add a recipient of their own, nor change a number staff are told to call.
 *
 * Format version 1 throughout: `contacts` is optional, so every profile signed before it existed
 * still parses and verifies byte for byte (the signature covers the canonical body as it is).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canonicalBytes, isAgeRecipient, keyFingerprint, signBytes, verifyBytes } from '../crypto';
import { SafeguardError } from '../errors';
import { contactsSchema } from './contacts';
import { recipientRoles } from './roles';

export { addableRoles, recipientRoles, type AddableRole, type RecipientRole } from './roles';

export const recipientSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1).max(200),
  role: z.enum(recipientRoles),
  ageRecipient: z.string().refine(isAgeRecipient, 'not an age X25519 recipient'),
  /** Leads sign acknowledgements with it; absent for a recipient added by age key alone. */
  verifyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'not an Ed25519 public key')
    .optional(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const profileBodySchema = z.strictObject({
  format: z.literal('safeguard-desk/school-profile'),
  formatVersion: z.literal(1),
  schoolId: z.uuid(),
  schoolName: z.string().trim().min(1).max(200),
  serial: z.number().int().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  rootKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an Ed25519 public key'),
  recipients: z.array(recipientSchema).min(1),
  routing: z.strictObject({ default: z.literal('all-leads') }),
  /** Absent on profiles from before contacts were kept: the national defaults apply. */
  contacts: contactsSchema.optional(),
});
export type SchoolProfile = z.infer<typeof profileBodySchema>;

const signedProfileSchema = z.strictObject({
  profile: z.unknown(),
  signature: z
    .strictObject({
      alg: z.literal('Ed25519'),
      keyFingerprint: z.string(),
      value: z.string(),
    })
    .optional(),
});

/** A profile file as read from the share: the body, verified, and its exact bytes. */
export interface VerifiedProfile {
  profile: SchoolProfile;
  rootFingerprint: string;
  json: string;
}

/** Builds the first profile of a new school. */
export function newProfile(input: {
  schoolName: string;
  rootKey: string;
  recipients: Recipient[];
  now: Date;
}): SchoolProfile {
  return {
    format: 'safeguard-desk/school-profile',
    formatVersion: 1,
    schoolId: randomUUID(),
    schoolName: input.schoolName,
    serial: 1,
    issuedAt: input.now.toISOString(),
    rootKey: input.rootKey,
    recipients: input.recipients,
    routing: { default: 'all-leads' },
  };
}

/** Signs a profile body with the root private key; returns the file's JSON text. */
export function signProfile(profile: SchoolProfile, rootPrivateKey: string): string {
  const body = profileBodySchema.parse(profile);
  const signature = {
    alg: 'Ed25519' as const,
    keyFingerprint: keyFingerprint(body.rootKey),
    value: signBytes(rootPrivateKey, canonicalBytes(body)),
  };
  return JSON.stringify({ profile: body, signature }, null, 2) + '\n';
}

/**
 * Parses and verifies a profile file. With `pin`, also refuses a profile signed by another root
 * key or older than the pinned serial; each refusal has its own code and sentence.
 */
export function verifyProfile(
  json: string,
  pin?: { rootFingerprint: string; serial: number; json: string },
): VerifiedProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new SafeguardError(
      'profile-corrupt',
      'The school profile on the share is not valid JSON.',
    );
  }
  const outer = signedProfileSchema.safeParse(raw);
  if (!outer.success) {
    throw new SafeguardError(
      'profile-corrupt',
      'The school profile on the share is not a Safeguard Desk profile.',
    );
  }
  if (!outer.data.signature) {
    throw new SafeguardError(
      'profile-unsigned',
      'The school profile on the share is not signed; it cannot be trusted.',
    );
  }
  const body = profileBodySchema.safeParse(outer.data.profile);
  if (!body.success) {
    const issue = body.error.issues[0];
    throw new SafeguardError(
      'profile-corrupt',
      `The school profile on the share is malformed (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`,
    );
  }
  const profile = body.data;
  const rootFingerprint = keyFingerprint(profile.rootKey);
  if (pin && rootFingerprint !== pin.rootFingerprint) {
    throw new SafeguardError(
      'profile-wrong-key',
      'The school profile on the share is signed by a different key from the one this machine trusts; do not use it and tell the DSL.',
    );
  }
  if (!verifyBytes(profile.rootKey, canonicalBytes(profile), outer.data.signature.value)) {
    throw new SafeguardError(
      'profile-bad-signature',
      'The school profile on the share has a signature that does not verify; it was altered after signing.',
    );
  }
  if (pin && profile.serial < pin.serial) {
    throw new SafeguardError(
      'profile-rollback',
      `The school profile on the share is older (version ${profile.serial}) than the one this machine already trusts (version ${pin.serial}); it was refused.`,
    );
  }
  if (pin && profile.serial === pin.serial && !sameBody(json, pin.json)) {
    throw new SafeguardError(
      'profile-conflict',
      `The school profile on the share differs from the trusted one but has the same version (${profile.serial}); it was refused.`,
    );
  }
  return { profile, rootFingerprint, json };
}

/** Returns the next version of a profile with a change applied (serial + 1, new issue time). */
export function nextProfile(
  current: SchoolProfile,
  change: Partial<Pick<SchoolProfile, 'recipients' | 'schoolName' | 'contacts'>>,
  now: Date,
): SchoolProfile {
  return { ...current, ...change, serial: current.serial + 1, issuedAt: now.toISOString() };
}

function sameBody(a: string, b: string): boolean {
  const bodyOf = (json: string): string => {
    const parsed = JSON.parse(json) as { profile?: unknown };
    return canonicalBytes(parsed.profile).toString('utf8');
  };
  try {
    return bodyOf(a) === bodyOf(b);
  } catch {
    return false;
  }
}
