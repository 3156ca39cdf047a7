/**
 * The concern document and its signed envelope: the exact bytes a lead (or `age -d`) recovers.
 * Self-describing JSON, documented in docs/concern-format.md:
 *
 *   { format: "safeguard-desk/sealed-concern", formatVersion: 1,
 *     document: { format: "safeguard-desk/concern", … answers, reporter, device, times … },
 *     signature: { alg: "Ed25519", signed: "canonical-json(document)", publicKey, value },
 *     attachmentContents: [ { sha256, base64 } ] }
 *
 * Attachment bytes sit outside the signature but each is bound to it by its SHA-256 in the answers.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalBytes, signBytes, verifyBytes } from '../crypto';
import { SafeguardError } from '../errors';

export const concernDocumentSchema = z.strictObject({
  format: z.literal('safeguard-desk/concern'),
  formatVersion: z.literal(1),
  concernId: z.uuid(),
  reference: z.string().regex(/^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  schoolId: z.uuid(),
  form: z.strictObject({ id: z.string(), version: z.number().int().min(1) }),
  answers: z.record(z.string(), z.unknown()),
  reporter: z.strictObject({ name: z.string().min(1), role: z.string().min(1) }),
  device: z.strictObject({ id: z.string(), publicKey: z.string() }),
  times: z.strictObject({ writtenAt: z.iso.datetime({ offset: true }) }),
  sealedTo: z.array(z.strictObject({ id: z.string(), name: z.string(), role: z.string() })),
  /** Urgent when the form says so or a child is at immediate risk. */
  urgency: z.enum(['urgent', 'normal']),
  /** Who it is about, when that person is a lead, the head or the chair (it changed routing). */
  about: z.strictObject({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
});
export type ConcernDocument = z.infer<typeof concernDocumentSchema>;

const envelopeSchema = z.strictObject({
  format: z.literal('safeguard-desk/sealed-concern'),
  formatVersion: z.literal(1),
  document: z.unknown(),
  signature: z.strictObject({
    alg: z.literal('Ed25519'),
    signed: z.literal('canonical-json(document)'),
    publicKey: z.string(),
    value: z.string(),
  }),
  attachmentContents: z.array(z.strictObject({ sha256: z.string(), base64: z.string() })),
});

/** An attachment's bytes travelling with the document. */
export interface AttachmentContent {
  sha256: string;
  bytes: Uint8Array;
}

/** Signs the document with the device key and serialises the envelope (UTF-8 JSON bytes). */
export function buildEnvelope(
  document: ConcernDocument,
  devicePrivateKey: string,
  attachments: readonly AttachmentContent[],
): Uint8Array {
  const envelope = {
    format: 'safeguard-desk/sealed-concern',
    formatVersion: 1,
    document,
    signature: {
      alg: 'Ed25519',
      signed: 'canonical-json(document)',
      publicKey: document.device.publicKey,
      value: signBytes(devicePrivateKey, canonicalBytes(document)),
    },
    attachmentContents: attachments.map((a) => ({
      sha256: a.sha256,
      base64: Buffer.from(a.bytes).toString('base64'),
    })),
  };
  return Buffer.from(JSON.stringify(envelope, null, 2) + '\n', 'utf8');
}

/** An envelope that parsed and whose signature verified. */
export interface OpenedEnvelope {
  document: ConcernDocument;
  /** The exact canonical JSON the signature covers, kept as evidence. */
  signedDocument: string;
  attachments: Map<string, Buffer>;
}

/** Parses an envelope and verifies its signature and attachment hashes; specific errors. */
export function openEnvelope(bytes: Uint8Array): OpenedEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new SafeguardError(
      'not-a-concern',
      'It decrypted, but is not a Safeguard Desk concern (not JSON).',
    );
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new SafeguardError(
      'not-a-concern',
      'It decrypted, but is not a Safeguard Desk concern envelope.',
    );
  }
  const { signature } = envelope.data;
  const document = concernDocumentSchema.safeParse(envelope.data.document);
  if (!document.success) {
    const issue = document.error.issues[0];
    throw new SafeguardError(
      'not-a-concern',
      `Its concern document is malformed (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`,
    );
  }
  if (signature.publicKey !== document.data.device.publicKey) {
    throw new SafeguardError(
      'bad-signature',
      'Its signature is not by the device the document names.',
    );
  }
  let signed: Buffer;
  try {
    signed = canonicalBytes(envelope.data.document);
  } catch {
    throw new SafeguardError(
      'bad-signature',
      'Its document cannot be checked against its signature.',
    );
  }
  if (!verifyBytes(signature.publicKey, signed, signature.value)) {
    throw new SafeguardError(
      'bad-signature',
      'Its signature does not verify: the document was altered after signing.',
    );
  }
  const attachments = new Map<string, Buffer>();
  for (const a of envelope.data.attachmentContents) {
    const bytes = Buffer.from(a.base64, 'base64');
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== a.sha256) {
      throw new SafeguardError(
        'bad-attachment',
        'An attachment does not match the SHA-256 the signed document gives.',
      );
    }
    attachments.set(digest, bytes);
  }
  return { document: document.data, signedDocument: signed.toString('utf8'), attachments };
}
