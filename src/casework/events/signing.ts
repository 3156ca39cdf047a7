/**
 * Signing and checking casework events: Ed25519 over the canonical JSON of the body. Protects
 * against a share writer or a holder of the store key forging or altering an event (they have no
 * lead's signing key). May be logged: event ids, types, authors; never payloads.
 */
import { canonicalBytes, verifyBytes } from '../../crypto';
import { SafeguardError } from '../../errors';
import { signedEventSchema, type EventBody, type SignedEvent } from './types';

/** Signs an event body with a signer made by createSigner. */
export function signEvent(body: EventBody, sign: (message: Uint8Array) => string): SignedEvent {
  return signedEventSchema.parse({ event: body, signature: sign(canonicalBytes(body)) });
}

/** Parses untrusted JSON as a signed event (schema only; the signature is checked apart). */
export function parseSignedEvent(raw: unknown): SignedEvent {
  const parsed = signedEventSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SafeguardError('bad-event', 'It is not a well-formed casework event.');
  }
  return parsed.data;
}

/** True when the signature is the author's (their verify key from the school profile). */
export function eventSignatureValid(signed: SignedEvent, verifyKey: string): boolean {
  return verifyBytes(verifyKey, canonicalBytes(signed.event), signed.signature);
}
