/**
 * Import on a lead's machine: every new file in `<share>/concerns/` is opened with the lead's
 * identity, its signature checked, its answers validated against the form version it names, and
 * inserted as a case, idempotently. A file that fails is quarantined locally with a specific
 * reason; the file on the share is never altered or deleted.
 *
 * A file sealed to other recipients is passed over in silence — not counted, not quarantined, not
 * shown — so nothing tells a lead that a concern (about them, say) went to others. Files are read
 * bounded (regular files only, size-limited, within a time limit), and a file already looked at is
 * not read again while its size and time are unchanged. One import runs at a time per home.
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { acknowledgementFileName, openEnvelope, signAcknowledgement } from '../concerns';
import { createSigner, SealedFileOpener } from '../crypto';
import { SafeguardError } from '../errors';
import { RefusedFile, withProcessLock, type BoundedRead } from '../files';
import { validateAnswers, type FormRegistry } from '../forms';
import { openShare, type FolderShareOptions, type Share } from '../share';
import type { LeadSecrets } from '../lead/identity';
import { emptyCalendar, type SchoolCalendar } from './calendar';
import { indexNewCase } from './indexing';
import type { CaseStore, LeadSettings, NewCase } from './store';

export interface ImportResult {
  imported: number;
  alreadyImported: number;
  /** Files this import put in quarantine (new, or changed since last time), with reasons. */
  quarantined: Array<{ file: string; code: string; reason: string }>;
  /** Files in quarantine now, from this import and earlier ones. */
  inQuarantine: number;
  /** Acknowledgements written for reporters; `error` when the share refused them (they stay owed). */
  acknowledgements: { written: number; owed: number; error: string | null };
}

// Reads run ahead of decryption (a network share has latency); cases are stored in batches, one
// transaction each. A crash loses at most one batch, which the next import takes again.
const READ_AHEAD = 8;
const BATCH_SIZE = 100;
/** Read this much first: a whole small concern, or the header of a large one. */
const FIRST_READ_BYTES = 1024 * 1024;
/** How long a second import waits for one already running on this home. */
const IMPORT_WAIT_MS = 10 * 60 * 1000;

/** Share failures that end an import (the rest of the files would fail the same way). */
const SHARE_WIDE = new Set([
  'share-unreachable',
  'share-timeout',
  'share-permission',
  'share-symlink',
  'share-not-folder',
]);

export interface ImportDeps {
  store: CaseStore;
  forms: FormRegistry;
  secrets: LeadSecrets;
  /** The school's calendar, for the new cases' clocks (bank holidays only when not given). */
  calendar?: SchoolCalendar;
  now?: () => Date;
  share?: FolderShareOptions;
}

/** Imports every new concern file from the share into the case store, one import at a time. */
export async function importConcerns(deps: ImportDeps): Promise<ImportResult> {
  const lockFile = join(dirname(deps.store.db.name), '.lead-import.lock');
  return withProcessLock(
    lockFile,
    {
      waitMs: IMPORT_WAIT_MS,
      busy: () =>
        new SafeguardError(
          'import-busy',
          'Another import is still running on this computer; try again when it has finished.',
        ),
    },
    () => importLocked(deps),
  );
}

async function importLocked(deps: ImportDeps): Promise<ImportResult> {
  const now = deps.now ?? (() => new Date());
  const settings = deps.store.settings.get();
  if (!settings)
    throw new SafeguardError('not-a-lead', 'This home folder has no case store set up.');
  const share = openShare(settings.sharePath, deps.share);
  const files = await share.listConcernFiles();
  const done = deps.store.cases.importedFiles();
  const lookedAt = deps.store.quarantine.lookedAt();
  const todo = files.filter((f) => !done.has(f));
  const opener = await SealedFileOpener.create(deps.secrets.ageIdentity);
  const result: ImportResult = {
    imported: 0,
    alreadyImported: files.length - todo.length,
    quarantined: [],
    inQuarantine: 0,
    acknowledgements: { written: 0, owed: 0, error: null },
  };
  const quarantine = (
    file: string,
    error: unknown,
    seen: { sha256: string; size: number | null; mtimeMs: number | null },
  ) => {
    const { code, reason } = describeFailure(error);
    deps.store.quarantine.add({ file, code, reason, at: now().toISOString(), ...seen });
    result.quarantined.push({ file, code, reason });
  };

  // People, search text and state go with each case, in its transaction.
  const index = (input: NewCase) =>
    indexNewCase(deps.store, input, { calendar: deps.calendar ?? emptyCalendar, now: now() });
  const batch: NewCase[] = [];
  const referencesThisRun = new Set<string>();
  const flush = () => {
    if (batch.length === 0) return;
    try {
      const inserted = deps.store.cases.insertCases(batch, index);
      result.imported += inserted.length;
      result.alreadyImported += batch.length - inserted.length;
    } catch {
      // One bad row must not hold back the rest: store them one by one, quarantining the refusal.
      for (const item of batch) {
        try {
          const inserted = deps.store.cases.insertCases([item], index);
          result.imported += inserted.length;
          result.alreadyImported += 1 - inserted.length;
        } catch {
          quarantine(
            item.sourceFile,
            new SafeguardError('store-refused', 'The case store refused it.'),
            {
              sha256: item.sourceSha256,
              size: null,
              mtimeMs: null,
            },
          );
        }
      }
    }
    batch.length = 0;
  };

  // Each file's first read (or the reason to pass it over), started ahead of its turn.
  const firstRead = (file: string): Promise<FirstRead> =>
    readFirst(share, file, lookedAt.get(file)).catch((error: unknown) => ({ failed: error }));
  const reads = todo.slice(0, READ_AHEAD).map(firstRead);
  let stopError: SafeguardError | null = null;
  for (let i = 0; i < todo.length; i++) {
    const next = todo[i + READ_AHEAD];
    if (next !== undefined) reads.push(firstRead(next));
    const file = todo[i] ?? '';
    const item = await reads[i];
    reads[i] = Promise.resolve({ skip: true }); // release the bytes
    if (item === undefined || 'skip' in item) continue;
    if ('failed' in item) {
      const error = item.failed;
      if (error instanceof SafeguardError && SHARE_WIDE.has(error.code)) {
        stopError = error;
        break;
      }
      if (error instanceof SafeguardError && error.code === 'share-file-missing') continue;
      if (error instanceof RefusedFile) {
        quarantine(file, error, { sha256: '', ...(await share.lookAt('concerns', file)) });
        continue;
      }
      quarantine(file, error, { sha256: '', size: null, mtimeMs: null });
      continue;
    }
    const seen = { size: item.read.size, mtimeMs: item.read.mtimeMs };
    let sha256 = '';
    try {
      const opened = await opener.openHeader(item.read.bytes).catch((error: unknown) => {
        if (error instanceof SafeguardError && error.code === 'not-addressed') return null;
        throw error;
      });
      if (opened === null) {
        deps.store.quarantine.skip(file, seen.size, seen.mtimeMs);
        continue;
      }
      const bytes = item.read.complete
        ? item.read.bytes
        : (await share.readConcernFile(file)).bytes;
      sha256 = createHash('sha256').update(bytes).digest('hex');
      const verified = verifyOne({
        ...deps,
        settings,
        plain: opener.openPayload(opened, bytes),
        file,
      });
      if (deps.store.cases.hasReference(verified.document.reference)) {
        // The same concern, already held (never a reason to quarantine), or another one reusing
        // its reference.
        if (deps.store.cases.hasConcern(verified.document.concernId)) {
          result.alreadyImported++;
          continue;
        }
        throw duplicateReference(verified.document.reference);
      }
      if (referencesThisRun.has(verified.document.reference)) {
        throw duplicateReference(verified.document.reference);
      }
      referencesThisRun.add(verified.document.reference);
      batch.push({
        ...verified,
        sourceFile: file,
        sourceSha256: sha256,
        importedAt: now().toISOString(),
        author: deps.secrets.recipientId,
      });
      if (batch.length >= BATCH_SIZE) flush();
    } catch (error) {
      if (error instanceof SafeguardError && SHARE_WIDE.has(error.code)) {
        stopError = error;
        break;
      }
      quarantine(file, error, { sha256, ...seen });
    }
  }
  flush();
  await Promise.allSettled(reads);
  if (result.imported > 0) {
    deps.store.audit.append(
      {
        at: now().toISOString(),
        actor: deps.secrets.recipientId,
        kind: 'import',
        detail: { imported: result.imported },
      },
      createSigner(deps.secrets.signingKey),
    );
  }
  result.acknowledgements = await writeOwedAcknowledgements(share, deps.store, deps.secrets, now());
  // Temp files a killed import of ours left in acks/ (or anywhere on the share).
  await share.sweepTemps().catch(() => 0);
  result.inQuarantine = deps.store.quarantine.count();
  if (stopError !== null) throw stopError;
  return result;
}

type FirstRead = { skip: true } | { failed: unknown } | { read: BoundedRead };

/** The first read of a file, or `skip` when it was looked at before and has not changed. */
async function readFirst(
  share: Share,
  file: string,
  before: { size: number; mtimeMs: number } | undefined,
): Promise<FirstRead> {
  if (before !== undefined) {
    const now = await share.lookAt('concerns', file);
    if (now.size === before.size && now.mtimeMs === before.mtimeMs) return { skip: true };
  }
  return { read: await share.readConcernFile(file, { headBytes: FIRST_READ_BYTES }) };
}

/**
 * Tells reporters' machines "a safeguarding lead has opened your concern": a signed,
 * content-free file per opened case, under a fresh random name. Written for every opened case
 * that does not have its file on the share yet — so what a killed process owed, or an
 * acknowledgement deleted from the share, is written the next time (each import, each opening).
 */
export async function writeOwedAcknowledgements(
  share: Share,
  store: CaseStore,
  secrets: LeadSecrets,
  at: Date,
): Promise<ImportResult['acknowledgements']> {
  let owed: string[];
  try {
    owed = store.cases.owedAcknowledgements(new Set(await share.listAckFiles()));
  } catch (error) {
    return {
      written: 0,
      owed: store.cases.neverAcknowledged(),
      error: describeFailure(error).reason,
    };
  }
  const signer = createSigner(secrets.signingKey);
  const entries = owed.map((concernId) => ({
    concernId,
    name: acknowledgementFileName(concernId),
    json: signAcknowledgement({
      concernId,
      recipientId: secrets.recipientId,
      signingKey: signer,
      at,
    }),
  }));
  const { written, error } = await share.writeAckFiles(entries);
  const done = new Set(written);
  // One transaction for the lot; if this process dies first, the next import writes them again.
  store.cases.setAckFiles(entries.filter((e) => done.has(e.name)));
  return {
    written: written.length,
    owed: owed.length - written.length,
    error: error === null ? null : describeFailure(error).reason,
  };
}

function verifyOne(args: {
  store: CaseStore;
  forms: FormRegistry;
  settings: LeadSettings;
  plain: Uint8Array;
  file: string;
}): Pick<NewCase, 'document' | 'signedDocument' | 'attachments' | 'kind'> {
  const { document, signedDocument, attachments } = openEnvelope(args.plain);
  if (`${document.concernId}.age` !== args.file) {
    throw new SafeguardError(
      'misnamed',
      'Its file name does not match the concern id inside (copied or renamed).',
    );
  }
  if (document.schoolId !== args.settings.schoolId) {
    throw new SafeguardError('wrong-school', 'It was filed for a different school.');
  }
  const form = args.forms.get(document.form.id, document.form.version);
  if (!form) {
    throw new SafeguardError(
      'unknown-form',
      `It names form "${document.form.id}" version ${document.form.version}, which this installation does not have.`,
    );
  }
  validateAnswers(form, document.answers);
  for (const field of form.fields) {
    if (field.type !== 'attachments') continue;
    const files = (document.answers[field.id] ?? []) as Array<{ sha256: string }>;
    if (files.some((f) => !attachments.has(f.sha256))) {
      throw new SafeguardError(
        'bad-attachment',
        'An attachment named in the signed document is missing.',
      );
    }
  }
  return { document, signedDocument, attachments, kind: form.kind };
}

function duplicateReference(reference: string): SafeguardError {
  return new SafeguardError(
    'duplicate-reference',
    `Its reference ${reference} is already used by another case.`,
  );
}

function describeFailure(error: unknown): { code: string; reason: string } {
  if (error instanceof SafeguardError) return { code: error.code, reason: error.message };
  return { code: 'unexpected', reason: 'It could not be imported (unexpected error).' };
}
