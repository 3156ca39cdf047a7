/**
 * Reading extracts on the office side: every file in `<share>/extracts/` is untrusted. Each is
 * read bounded (a regular file, at most SHARE_LIMITS.extractBytes, its age header first so a file
 * sealed to others is never read whole), decrypted with the given identity, unpacked within
 * EXTRACT_UNPACKED_BYTES, its signature checked against a lead (DSL, deputy, headteacher, chair —
 * never office) on the verified school profile, and its body parsed by the format's schema for
 * this school. A file that fails is refused with its reason and left exactly as it is.
 *
 * Each lead's extract holds the concerns routed to that lead (until leads share casework events),
 * so the newest verified extract of each publisher is returned; the office uses by default the
 * one covering the most concerns, the newest of those if two cover as many.
 */
import { SafeguardError, type ErrorCode } from '../../errors';
import { SealedFileOpener, verifyBytes } from '../../crypto';
import type { SchoolProfile } from '../../school/profile';
import { SHARE_LIMITS, type Share } from '../../share';
import { notAnExtract, unknownVersion, unpackExtract } from './envelope';
import { EXTRACT_FORMAT, extractBodySchema, type ExtractBody } from './format';

/** Read this much first: the age header of any extract. */
const HEADER_READ_BYTES = 64 * 1024;

/** Failures of the share itself: the other files would fail the same way, so reading stops. */
const SHARE_WIDE = new Set<ErrorCode>([
  'share-unreachable',
  'share-timeout',
  'share-permission',
  'share-symlink',
  'share-not-folder',
]);

/** An extract that decrypted, verified and parsed. */
export interface VerifiedExtract {
  file: string;
  /** The file's time on the share: a tie-break only (a share writer can change it). */
  mtimeMs: number;
  /** The sealed file's size. */
  bytes: number;
  /** The lead who signed it, as the school profile names them. */
  publisher: { id: string; name: string; role: string };
  body: ExtractBody;
}

/** A file in `extracts/` that was not used, and why in one sentence (never its content). */
export interface ExtractRefusal {
  file: string;
  code: ErrorCode;
  reason: string;
}

export interface ExtractsOnShare {
  /** The newest verified extract of each publisher, most concerns first. */
  extracts: VerifiedExtract[];
  /** The one to use by default: the most concerns; of equals, the newest. Null when none. */
  chosen: VerifiedExtract | null;
  refusals: ExtractRefusal[];
  /** Verified extracts passed over because their publisher has a newer one. */
  superseded: number;
  /** Files not looked at: only the newest SHARE_LIMITS.extractFilesRead are read. */
  notRead: number;
}

export interface ReadExtractsInput {
  /** The reader's age identity (`AGE-SECRET-KEY-1…`): an office user's, or a lead's. */
  identity: string;
  share: Share;
  /** The school profile this computer trusts (verified against its pin). */
  profile: SchoolProfile;
}

/** Lists, opens and verifies every extract on the share; see the module comment. */
export async function readExtracts(input: ReadExtractsInput): Promise<ExtractsOnShare> {
  const { share, profile } = input;
  const opener = await SealedFileOpener.create(input.identity);
  const refusals: ExtractRefusal[] = [];
  const refuse = (file: string, error: unknown) => {
    if (!(error instanceof SafeguardError)) throw error;
    if (SHARE_WIDE.has(error.code)) throw error;
    // Removed by its publisher (superseded) between listing and reading: nothing to refuse.
    if (error.code === 'share-file-missing') return;
    refusals.push({ file, code: error.code, reason: error.message });
  };

  const listed: Array<{ file: string; size: number; mtimeMs: number }> = [];
  for (const file of await share.listExtractFiles()) {
    try {
      listed.push({ file, ...(await share.statExtractFile(file)) });
    } catch (error) {
      refuse(file, error);
    }
  }
  listed.sort((a, b) => b.mtimeMs - a.mtimeMs || a.file.localeCompare(b.file));
  const toRead = listed.slice(0, SHARE_LIMITS.extractFilesRead);

  const verified: VerifiedExtract[] = [];
  for (const entry of toRead) {
    try {
      verified.push(await openExtract(entry.file, { share, profile, opener }));
    } catch (error) {
      refuse(entry.file, error);
    }
  }

  const newest = new Map<string, VerifiedExtract>();
  for (const extract of verified) {
    const held = newest.get(extract.publisher.id);
    if (held === undefined || newer(extract, held)) newest.set(extract.publisher.id, extract);
  }
  const extracts = [...newest.values()].sort(
    (a, b) => b.body.rows.length - a.body.rows.length || (newer(a, b) ? -1 : 1),
  );
  return {
    extracts,
    chosen: extracts[0] ?? null,
    refusals,
    superseded: verified.length - extracts.length,
    notRead: listed.length - toRead.length,
  };
}

/** Opens and verifies one extract file; throws a SafeguardError naming why it cannot be used. */
export async function openExtract(
  file: string,
  deps: { share: Share; profile: SchoolProfile; opener: SealedFileOpener },
): Promise<VerifiedExtract> {
  const { share, profile, opener } = deps;
  const head = await share.readExtractFile(file, { headBytes: HEADER_READ_BYTES });
  const header = await opener.openHeader(head.bytes).catch((error: unknown) => {
    if (error instanceof SafeguardError && error.code === 'not-addressed') {
      throw new SafeguardError('not-addressed', 'It is not sealed to you.');
    }
    throw error;
  });
  const whole = head.complete ? head : await share.readExtractFile(file);
  const { line, body } = unpackExtract(opener.openPayload(header, whole.bytes));

  const signer = profile.recipients.find((r) => r.id === line.signature.by);
  if (signer === undefined || signer.role === 'office' || signer.verifyKey === undefined) {
    throw new SafeguardError(
      'not-signed-by-a-lead',
      'It is not signed by a safeguarding lead of this school.',
    );
  }
  if (!verifyBytes(signer.verifyKey, body, line.signature.value)) {
    throw new SafeguardError(
      'bad-signature',
      'Its signature does not verify: it was altered after it was signed.',
    );
  }
  const parsed = parseBody(body);
  if (parsed.schoolId !== profile.schoolId) {
    throw new SafeguardError('wrong-school', 'It is the extract of another school.');
  }
  if (parsed.publishedBy !== signer.id) {
    throw new SafeguardError(
      'not-signed-by-a-lead',
      'It is signed by one lead but says another published it.',
    );
  }
  return {
    file,
    mtimeMs: whole.mtimeMs,
    bytes: whole.size,
    publisher: { id: signer.id, name: signer.name, role: signer.role },
    body: parsed,
  };
}

function parseBody(bytes: Buffer): ExtractBody {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw notAnExtract('its body is not JSON');
  }
  const head = (raw as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (head.format !== EXTRACT_FORMAT) throw notAnExtract('its body is not a statistical extract');
  if (head.formatVersion !== 1) throw unknownVersion();
  const body = extractBodySchema.safeParse(raw);
  if (!body.success) {
    // The path only (rows.17.month), never the value found there.
    const path = body.error.issues[0]?.path.join('.') ?? '';
    throw notAnExtract(`its body does not follow the format (at ${path || 'the top'})`);
  }
  return body.data;
}

/** Whether `a` was produced after `b` (the share's file time breaks a tie within the hour). */
function newer(a: VerifiedExtract, b: VerifiedExtract): boolean {
  const at = Date.parse(a.body.producedAt) - Date.parse(b.body.producedAt);
  return at !== 0 ? at > 0 : a.mtimeMs > b.mtimeMs;
}
