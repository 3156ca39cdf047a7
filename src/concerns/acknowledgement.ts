/**
 * Acknowledgements: when a lead imports a concern, a small signed file
 * `<share>/acks/<concern id>.<random>.json` says so, so the reporter's machine can show
 * "acknowledged". It names only the random concern id, the lead's recipient id and a time — no
 * content — and is signed by the lead's Ed25519 key. The staff machine accepts it only from a lead
 * the concern was sealed to, checked against the pinned school profile: neither a share writer nor
 * another recipient (the office) can forge one. The random part of the name means nobody can
 * squat the name a lead will write.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { canonicalBytes, signBytes, verifyBytes } from '../crypto';
import type { SchoolProfile } from '../school/profile';

const bodySchema = z.strictObject({
  format: z.literal('safeguard-desk/acknowledgement'),
  formatVersion: z.literal(1),
  concernId: z.uuid(),
  recipientId: z.string(),
  acknowledgedAt: z.iso.datetime({ offset: true }),
});
const fileSchema = z.strictObject({ acknowledgement: bodySchema, signature: z.string() });

/** The signed acknowledgement file for a concern. */
export function signAcknowledgement(input: {
  concernId: string;
  recipientId: string;
  /** The lead's key (PKCS#8, base64), or a signer made from it with createSigner. */
  signingKey: string | ((message: Uint8Array) => string);
  at: Date;
}): string {
  const acknowledgement = bodySchema.parse({
    format: 'safeguard-desk/acknowledgement',
    formatVersion: 1,
    concernId: input.concernId,
    recipientId: input.recipientId,
    acknowledgedAt: input.at.toISOString(),
  });
  const bytes = canonicalBytes(acknowledgement);
  const signature =
    typeof input.signingKey === 'string'
      ? signBytes(input.signingKey, bytes)
      : input.signingKey(bytes);
  return `${JSON.stringify({ acknowledgement, signature }, null, 2)}\n`;
}

/** A fresh, unguessable file name for a lead's acknowledgement of a concern. */
export function acknowledgementFileName(concernId: string): string {
  return `${concernId}.${randomBytes(8).toString('hex')}.json`;
}

/**
 * The time a concern was acknowledged, when `json` is a valid acknowledgement of it signed by one
 * of the leads it was sealed to (`sealedTo`: their recipient ids; empty for concerns filed before
 * that was recorded, when any recipient but the office may acknowledge).
 */
export function verifyAcknowledgement(
  json: string,
  concernId: string,
  profile: SchoolProfile,
  sealedTo: readonly string[],
): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success || parsed.data.acknowledgement.concernId !== concernId) return null;
  const { acknowledgement, signature } = parsed.data;
  const lead = profile.recipients.find((r) => r.id === acknowledgement.recipientId);
  const mayAcknowledge =
    lead !== undefined &&
    lead.role !== 'office' &&
    (sealedTo.length === 0 || sealedTo.includes(lead.id));
  if (
    !mayAcknowledge ||
    !lead.verifyKey ||
    !verifyBytes(lead.verifyKey, canonicalBytes(acknowledgement), signature)
  ) {
    return null;
  }
  return acknowledgement.acknowledgedAt;
}
