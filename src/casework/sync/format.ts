/**
 * An event file's contents, inside the age seal (docs/event-sync.md): one JSON object, the batch,
 *
 *   { format: "safeguard-desk/event-batch", formatVersion: 1, schoolId, packedBy, events: [...],
 *     signature }
 *
 * where each event is a signed casework event exactly as its author signed it, and `signature` is
 * the packing lead's Ed25519 signature of the canonical JSON of everything else. Events keep
 * their own authors' signatures, so a lead may pack events another lead wrote (history for a lead
 * added later); the batch signature says which lead sealed the file.
 *
 * Protects against a share writer planting, altering or mixing events (no lead's signing key),
 * and against a lead passing off events under another's name. May be logged: ids, counts.
 */
import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalBytes, verifyBytes } from '../../crypto';
import { SafeguardError } from '../../errors';
import { signedEventSchema, type SignedEvent } from '../events/types';

export const EVENT_BATCH_FORMAT = 'safeguard-desk/event-batch';
export const EVENT_BATCH_VERSION = 1;
/** Events one file carries at most (a delivery splits more across files). */
export const EVENTS_PER_FILE = 500;

/** Events of a shared case's history one file carries at most. */
export const HISTORY_EVENTS_PER_FILE = 20_000;

/**
 * A case shared with a lead added later (issue 10): its concern as the packing lead holds it —
 * the signed document exactly as filed, the form's kind, and its attachments (withheld when they
 * would not fit in one file) — vouched for by the packing lead's signature on the batch.
 */
const sharedConcernSchema = z.strictObject({
  caseId: z.uuid(),
  kind: z.enum(['concern', 'contact-log']),
  signedDocument: z.string().min(2),
  attachments: z.array(
    z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), base64: z.string() }),
  ),
  attachmentsWithheld: z.boolean(),
});
export type SharedConcern = z.infer<typeof sharedConcernSchema>;

const batchSchema = z.strictObject({
  format: z.literal(EVENT_BATCH_FORMAT),
  formatVersion: z.literal(EVENT_BATCH_VERSION),
  schoolId: z.uuid(),
  /** The lead who packed and sealed the file (a recipient id on the school profile). */
  packedBy: z.uuid(),
  events: z.array(z.unknown()).min(1).max(EVENTS_PER_FILE),
  /** Only in a file that shares cases with a lead added later: those cases' concerns… */
  concerns: z.array(sharedConcernSchema).max(EVENTS_PER_FILE).optional(),
  /** …and every event they held before, so the new lead has the whole record. */
  history: z.array(z.unknown()).max(HISTORY_EVENTS_PER_FILE).optional(),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});

/** A batch read from a file, its signature checked; events parsed but not yet checked. */
export interface EventBatch {
  schoolId: string;
  packedBy: string;
  events: SignedEvent[];
  /** Cases shared with a lead added later, and their earlier events (empty otherwise). */
  concerns: SharedConcern[];
  history: SignedEvent[];
}

/** The bytes to seal: the batch as canonical JSON, signed by the packing lead. */
export function packBatch(
  input: {
    schoolId: string;
    packedBy: string;
    events: readonly SignedEvent[];
    concerns?: readonly SharedConcern[];
    history?: readonly SignedEvent[];
  },
  sign: (message: Uint8Array) => string,
): Buffer {
  const shares =
    input.concerns !== undefined && input.concerns.length > 0
      ? { concerns: input.concerns, history: input.history ?? [] }
      : {};
  const unsigned = {
    format: EVENT_BATCH_FORMAT,
    formatVersion: EVENT_BATCH_VERSION,
    schoolId: input.schoolId,
    packedBy: input.packedBy,
    events: input.events,
    ...shares,
  };
  return Buffer.from(
    JSON.stringify({ ...unsigned, signature: sign(canonicalBytes(unsigned)) }),
    'utf8',
  );
}

/**
 * Reads a decrypted file as a batch and checks the packing lead's signature with `verifyKeyOf`
 * (their key on the school profile, or undefined for someone who is not a lead there). Throws a
 * refusal naming what is wrong, never the content.
 */
export function unpackBatch(
  plain: Uint8Array,
  verifyKeyOf: (recipientId: string) => string | undefined,
): EventBatch {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(plain).toString('utf8'));
  } catch {
    throw notABatch('it is not JSON');
  }
  const head = (raw ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (head.format === EVENT_BATCH_FORMAT && head.formatVersion !== EVENT_BATCH_VERSION) {
    throw new SafeguardError(
      'event-unknown-version',
      'It is in a version of the event format this app does not know: update Safeguard Desk.',
    );
  }
  const parsed = batchSchema.safeParse(raw);
  if (!parsed.success) throw notABatch('it is not in the event format');
  const { signature, ...unsigned } = parsed.data;
  const key = verifyKeyOf(unsigned.packedBy);
  if (key === undefined) {
    // A lead since removed (events recorded offline, delivered after), or a forgery: the profile
    // no longer vouches for the key, so nothing in it can be trusted.
    throw new SafeguardError(
      'event-packer-not-on-profile',
      "It was written by someone who is not a lead on the school's profile (a lead since removed, or a forgery); nothing in it was applied.",
    );
  }
  if (!verifyBytes(key, canonicalBytes(unsigned), signature)) {
    throw new SafeguardError('bad-signature', 'It is not signed by a lead of this school.');
  }
  const parseEvent = (e: unknown) => {
    const event = signedEventSchema.safeParse(e);
    if (!event.success) throw notABatch('an event in it is not well formed');
    return event.data;
  };
  return {
    schoolId: unsigned.schoolId,
    packedBy: unsigned.packedBy,
    events: unsigned.events.map(parseEvent),
    concerns: unsigned.concerns ?? [],
    history: (unsigned.history ?? []).map(parseEvent),
  };
}

/**
 * The name for a file carrying these events: a keyed hash of their ids (the key derived from the
 * lead's signing key), so the same events always go under the same name — a delivery repeated
 * after a crash finds its file there — and nobody else can tell what a name stands for.
 */
export function eventFileNamer(signingKey: string): (eventIds: readonly string[]) => string {
  const secret = Buffer.from(signingKey, 'base64');
  if (secret.length < 32)
    throw new SafeguardError('bad-signing-key', 'A stored signing key is damaged.');
  const key: KeyObject = createSecretKey(
    Buffer.from(
      hkdfSync('sha256', secret, Buffer.alloc(0), 'safeguard-desk event file name v1', 32),
    ),
  );
  return (eventIds) =>
    `${createHmac('sha256', key)
      .update([...eventIds].sort().join('\n'))
      .digest('hex')
      .slice(0, 32)}.age`;
}

function notABatch(why: string): SafeguardError {
  return new SafeguardError('not-an-event-file', `It decrypted, but is not an event file: ${why}.`);
}
