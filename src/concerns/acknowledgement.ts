/**
 * Acknowledgements: when a lead imports a concern, a small signed file `<share>/acks/<id>.json`
 * says so, so the reporter's machine can show "acknowledged". It names only the random concern id,
 * the lead's recipient id and a time — no content — and is signed by the lead's Ed25519 key, which
 * the staff machine checks against the pinned school profile (a share writer cannot forge one).
 */
import { z } from 'zod';
import { canonicalBytes, signBytes, verifyBytes } from '../crypto';
import type { SchoolProfile } from '../school';

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

/** The time a concern was acknowledged, when `json` is a valid acknowledgement of it by a recipient. */
export function verifyAcknowledgement(
  json: string,
  concernId: string,
  profile: SchoolProfile,
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
  if (
    !lead?.verifyKey ||
    !verifyBytes(lead.verifyKey, canonicalBytes(acknowledgement), signature)
  ) {
    return null;
  }
  return acknowledgement.acknowledgedAt;
}
