/**
 * Import on a lead's machine: every new file in `<share>/concerns/` is decrypted with the lead's
 * identity, its signature checked, its answers validated against the form version it names, and
 * inserted as a case, idempotently. A file that fails is quarantined locally with a specific
 * reason; the file on the share is never altered or deleted.
 */
import { createHash } from 'node:crypto';
import { openEnvelope, signAcknowledgement } from '../concerns';
import { createSigner, SealedFileOpener } from '../crypto';
import { SafeguardError } from '../errors';
import { validateAnswers, type FormRegistry } from '../forms';
import { FolderShare, writeAcknowledgements } from '../share';
import type { CaseStore, LeadSettings, NewCase } from './case-store';
import type { LeadSecrets } from './identity';

export interface ImportResult {
  imported: number;
  alreadyImported: number;
  quarantined: Array<{ file: string; code: string; reason: string }>;
}

// Reads run ahead of decryption (a network share has latency); cases are stored in batches, one
// transaction each. A crash loses at most one batch, which the next import takes again.
const READ_AHEAD = 8;
const BATCH_SIZE = 100;

/** Imports every new concern file from the share into the case store. */
export async function importConcerns(deps: {
  store: CaseStore;
  forms: FormRegistry;
  secrets: LeadSecrets;
  now?: () => Date;
}): Promise<ImportResult> {
  const now = deps.now ?? (() => new Date());
  const settings = deps.store.settings();
  if (!settings)
    throw new SafeguardError('not-a-lead', 'This home folder has no case store set up.');
  const share = new FolderShare(settings.sharePath);
  const done = deps.store.importedFiles();
  const files = await share.listConcernFiles();
  const todo = files.filter((f) => !done.has(f));
  const opener = await SealedFileOpener.create(deps.secrets.ageIdentity);
  const result: ImportResult = {
    imported: 0,
    alreadyImported: files.length - todo.length,
    quarantined: [],
  };
  const quarantine = (file: string, sha256: string, error: unknown) => {
    const { code, reason } = describeFailure(error);
    deps.store.quarantine(file, sha256, code, reason, now().toISOString());
    result.quarantined.push({ file, code, reason });
  };

  const batch: NewCase[] = [];
  const referencesThisRun = new Set<string>();
  const stored: string[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    try {
      deps.store.insertCases(batch);
      result.imported += batch.length;
      stored.push(...batch.map((c) => c.document.concernId));
    } catch {
      // One bad row must not hold back the rest: store them one by one, quarantining the refusal.
      for (const item of batch) {
        try {
          deps.store.insertCases([item]);
          result.imported++;
          stored.push(item.document.concernId);
        } catch {
          quarantine(
            item.sourceFile,
            item.sourceSha256,
            new SafeguardError('store-refused', 'The case store refused it.'),
          );
        }
      }
    }
    batch.length = 0;
  };

  const read = (file: string) =>
    share.readConcernFile(file).then(
      (bytes) => ({ file, bytes }),
      () => ({ file, bytes: null }),
    );
  const reads = todo.slice(0, READ_AHEAD).map(read);
  for (let i = 0; i < todo.length; i++) {
    const next = todo[i + READ_AHEAD];
    if (next !== undefined) reads.push(read(next));
    const item = await reads[i];
    reads[i] = Promise.resolve({ file: '', bytes: null }); // release the bytes
    if (!item?.bytes) {
      result.quarantined.push({
        file: todo[i] ?? '',
        code: 'unreadable',
        reason: 'The file could not be read from the share.',
      });
      continue;
    }
    const sha256 = createHash('sha256').update(item.bytes).digest('hex');
    try {
      const verified = await verifyOne({
        ...deps,
        settings,
        opener,
        file: item.file,
        bytes: item.bytes,
      });
      if (referencesThisRun.has(verified.document.reference)) {
        throw new SafeguardError(
          'duplicate-reference',
          `Its reference ${verified.document.reference} is already used by another case.`,
        );
      }
      referencesThisRun.add(verified.document.reference);
      batch.push({
        ...verified,
        sourceFile: item.file,
        sourceSha256: sha256,
        importedAt: now().toISOString(),
        author: deps.secrets.recipientId,
      });
      if (batch.length >= BATCH_SIZE) flush();
    } catch (error) {
      quarantine(item.file, sha256, error);
    }
  }
  flush();
  await acknowledge(share, stored, deps.secrets, now());
  return result;
}

/** Tells reporters' machines "acknowledged": a signed, content-free file per imported concern. */
async function acknowledge(
  share: FolderShare,
  concernIds: string[],
  secrets: LeadSecrets,
  at: Date,
): Promise<void> {
  const signer = createSigner(secrets.signingKey);
  const entries = concernIds.map((concernId) => ({
    concernId,
    json: signAcknowledgement({
      concernId,
      recipientId: secrets.recipientId,
      signingKey: signer,
      at,
    }),
  }));
  try {
    await writeAcknowledgements(share, entries);
  } catch {
    // The share went away or is read-only: the cases are stored; acknowledgements are a courtesy.
  }
}

async function verifyOne(args: {
  store: CaseStore;
  forms: FormRegistry;
  settings: LeadSettings;
  opener: SealedFileOpener;
  file: string;
  bytes: Buffer;
}): Promise<Pick<NewCase, 'document' | 'signedDocument' | 'attachments' | 'kind'>> {
  const plain = await args.opener.open(args.bytes);
  const { document, signedDocument, attachments } = openEnvelope(plain);
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
  if (args.store.hasReference(document.reference)) {
    throw new SafeguardError(
      'duplicate-reference',
      `Its reference ${document.reference} is already used by another case.`,
    );
  }
  return { document, signedDocument, attachments, kind: form.kind };
}

function describeFailure(error: unknown): { code: string; reason: string } {
  if (error instanceof SafeguardError) return { code: error.code, reason: error.message };
  return { code: 'unexpected', reason: 'It could not be imported (unexpected error).' };
}
