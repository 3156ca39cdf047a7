/**
 * The crypto of drafts: each draft's content ({answers, about}) is sealed with ChaCha20-Poly1305
 * under its own random 256-bit data key, bound to the draft's id and form; the data key may be
 * wrapped with a key derived from the reporter's draft PIN (scrypt, random salt).
 *
 * Protects against: someone who reaches the app after it locked (a colleague at a shared machine)
 * reading a draft, since the data key then exists only wrapped by the PIN; a draft's ciphertext
 * moved to another row or form (it no longer opens).
 * Does NOT protect against: anyone who can read this user's files and the store's key (the same OS
 * account, see storage/key-provider.ts): they can try every PIN offline, without the attempt limit
 * (at this cost a 4-digit PIN falls in about 15 minutes on one core, an 8-digit one in months). The
 * PIN locks drafts in the app, with the attempt limit of draft-pins.ts; it is weak against a
 * compromised account, and says so.
 * Never logged: PINs, keys, salts, wraps, content. Errors carry no secret.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { chachaOpen, chachaSeal } from '../crypto/aead';

export const DATA_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_V1 = 1;
const SALT_BYTES = 16;

/**
 * scrypt cost for a PIN: N = 2^14, r = 8 (16 MiB), p = 2 — about 50–100 ms on a school laptop. It
 * is stored with each wrap, so it can be raised later without breaking older drafts.
 */
export const PIN_SCRYPT = { n: 2 ** 14, r: 8, p: 2 } as const;

/** What a draft keeps: its answers and the answer to "who is this about". */
export interface DraftContent {
  answers: Record<string, unknown>;
  about: string | null;
}

/** A data key wrapped with a key derived from a PIN, with what is needed to derive it again. */
export interface PinWrap {
  salt: Buffer;
  n: number;
  r: number;
  p: number;
  wrapped: Buffer;
}

/** A fresh random data key for one draft. */
export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** The content as the bytes that are sealed (and whose size is capped). */
export function serialiseContent(content: DraftContent): Buffer {
  return Buffer.from(JSON.stringify({ answers: content.answers, about: content.about }), 'utf8');
}

const contentAad = (draftId: string, formId: string) =>
  Buffer.from(`safeguard-desk/draft-content/v1\0${draftId}\0${formId}`, 'utf8');
const wrapAad = (draftId: string) => Buffer.from(`safeguard-desk/draft-key/v1\0${draftId}`, 'utf8');

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  return Buffer.concat([Buffer.from([FORMAT_V1]), nonce, chachaSeal(key, nonce, plaintext, aad)]);
}

/** The plaintext, or null when the key is wrong or the bytes were altered. */
function open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer | null {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) return null;
  return chachaOpen(
    key,
    sealed.subarray(1, 1 + NONCE_BYTES),
    sealed.subarray(1 + NONCE_BYTES),
    aad,
  );
}

/** Seals serialised content under the draft's data key, bound to its id and form. */
export function sealContent(
  key: Buffer,
  serialised: Buffer,
  draft: { draftId: string; formId: string },
): Buffer {
  return seal(key, serialised, contentAad(draft.draftId, draft.formId));
}

/** Opens a draft's sealed content; null when it does not open (altered, or another row's). */
export function openContent(
  key: Buffer,
  sealed: Buffer,
  draft: { draftId: string; formId: string },
): DraftContent | null {
  const plain = open(key, sealed, contentAad(draft.draftId, draft.formId));
  if (plain === null) return null;
  const parsed = JSON.parse(plain.toString('utf8')) as {
    answers?: Record<string, unknown>;
    about?: string | null;
  };
  return { answers: parsed.answers ?? {}, about: parsed.about ?? null };
}

function derive(pin: string, salt: Buffer, cost: { n: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      pin.normalize('NFC'),
      salt,
      DATA_KEY_BYTES,
      { N: cost.n, r: cost.r, p: cost.p, maxmem: 256 * cost.n * cost.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Wraps a draft's data key with a key derived from `pin` (a fresh salt each time). */
export async function wrapWithPin(key: Buffer, pin: string, draftId: string): Promise<PinWrap> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await derive(pin, salt, PIN_SCRYPT);
  try {
    return { salt, ...PIN_SCRYPT, wrapped: seal(kek, key, wrapAad(draftId)) };
  } finally {
    kek.fill(0);
  }
}

/** The data key, or null when `pin` is not the one it was wrapped with. */
export async function unwrapWithPin(
  wrap: PinWrap,
  pin: string,
  draftId: string,
): Promise<Buffer | null> {
  const kek = await derive(pin, wrap.salt, wrap);
  try {
    const key = open(kek, wrap.wrapped, wrapAad(draftId));
    return key !== null && key.length === DATA_KEY_BYTES ? key : null;
  } finally {
    kek.fill(0);
  }
}
