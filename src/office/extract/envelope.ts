/**
 * The extract's signed envelope, inside the age seal (docs/extract-format.md):
 *
 *   gzip( <signature line> "\n" <the body: canonical JSON> )
 *
 * The signature line is one JSON object naming the signer (a recipient id on the school profile)
 * and carrying the Ed25519 signature of the exact bytes after the line feed. Signing the bytes as
 * written (the body is canonical JSON, so they are also what anyone re-serialising would get)
 * lets a reader check 100,000 rows without re-serialising them. Sign-then-seal, as for concerns:
 * the share learns nothing, and only a lead of the school can have signed.
 *
 * Protects against a share writer (or anyone holding the office's public key) forging or
 * altering an extract. What may be logged: the signer's recipient id, never rows.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { canonicalJson } from '../../crypto';
import { SafeguardError } from '../../errors';

export const SIGNED_EXTRACT_FORMAT = 'safeguard-desk/signed-extract';
export const SIGNED_EXTRACT_FORMAT_VERSION = 1;

/** An extract unpacks to at most this many bytes (about 750,000 concerns); more is refused. */
export const EXTRACT_UNPACKED_BYTES = 256 * 1024 * 1024;
/** The signature line is short; a longer first line is not an extract. */
const SIGNATURE_LINE_BYTES = 4096;
/** gzip level 3: a third of level 6's time for 10% more bytes (30 MB of rows → about 1 MB). */
const GZIP_LEVEL = 3;

const signatureLineSchema = z.strictObject({
  format: z.literal(SIGNED_EXTRACT_FORMAT),
  formatVersion: z.number().int(),
  signature: z.strictObject({
    alg: z.literal('Ed25519'),
    /** The signer's recipient id on the school profile. */
    by: z.uuid(),
    signed: z.literal('the bytes after the first line feed'),
    value: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  }),
});
export type SignatureLine = z.infer<typeof signatureLineSchema>;

/** Who signs: a recipient id and a signer made from their key (crypto createSigner). */
export interface ExtractSigner {
  recipientId: string;
  sign: (message: Uint8Array) => string;
}

/** The signed, gzipped envelope around a body's bytes: what is sealed. */
export function packExtract(body: Buffer, signer: ExtractSigner): Buffer {
  const line = canonicalJson({
    format: SIGNED_EXTRACT_FORMAT,
    formatVersion: SIGNED_EXTRACT_FORMAT_VERSION,
    signature: {
      alg: 'Ed25519',
      by: signer.recipientId,
      signed: 'the bytes after the first line feed',
      value: signer.sign(body),
    },
  });
  return gzipSync(Buffer.concat([Buffer.from(`${line}\n`, 'utf8'), body]), { level: GZIP_LEVEL });
}

/** An opened envelope: its signature line and the signed bytes, not yet verified. */
export interface UnpackedExtract {
  line: SignatureLine;
  body: Buffer;
}

/**
 * Unpacks a decrypted extract: gunzip within EXTRACT_UNPACKED_BYTES, then the signature line.
 * Throws `too-large`, `not-an-extract` or `extract-unknown-version`, naming no content.
 */
export function unpackExtract(packed: Uint8Array): UnpackedExtract {
  let plain: Buffer;
  try {
    plain = gunzipSync(packed, { maxOutputLength: EXTRACT_UNPACKED_BYTES });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new SafeguardError(
        'too-large',
        `It unpacks to more than the ${EXTRACT_UNPACKED_BYTES} bytes an extract may hold.`,
      );
    }
    throw notAnExtract('it is not gzip-compressed as an extract is');
  }
  const end = plain.subarray(0, SIGNATURE_LINE_BYTES).indexOf(0x0a);
  if (end < 0) throw notAnExtract('it has no signature line');
  let raw: unknown;
  try {
    raw = JSON.parse(plain.subarray(0, end).toString('utf8'));
  } catch {
    throw notAnExtract('its signature line is not JSON');
  }
  const version = (raw as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (version.format === SIGNED_EXTRACT_FORMAT && version.formatVersion !== 1) {
    throw unknownVersion();
  }
  const line = signatureLineSchema.safeParse(raw);
  if (!line.success) throw notAnExtract('its signature line is not in the extract format');
  return { line: line.data, body: plain.subarray(end + 1) };
}

/** An extract in a version this app does not know. */
export function unknownVersion(): SafeguardError {
  return new SafeguardError(
    'extract-unknown-version',
    'It is in an extract format version this app does not know: update Safeguard Desk.',
  );
}

/** Decrypted, but not an extract: `why` names the part, never its content. */
export function notAnExtract(why: string): SafeguardError {
  return new SafeguardError('not-an-extract', `It decrypted, but is not an extract: ${why}.`);
}
