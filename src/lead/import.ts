/**
 * Import on a lead's machine: every new file in `<share>/concerns/` is decrypted with the lead's
 * identity, its signature checked, its answers validated against the form version it names, and
 * inserted as a case, idempotently. A file that fails is quarantined locally with a specific
 * reason; the file on the share is never altered or deleted.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, SealedFileOpener } from '../crypto';
import { openEnvelope } from '../concerns';
import { SafeguardError } from '../errors';
import { validateAnswers, type FormRegistry } from '../forms';
import { FolderShare } from '../share';
import type { CaseStore, LeadSettings } from './case-store';
import type { LeadSecrets } from './identity';

export interface ImportResult {
  imported: number;
  alreadyImported: number;
  quarantined: Array<{ file: string; code: string; reason: string }>;
}

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
  const files = await share.listConcernFiles();
  const done = deps.store.importedFiles();
  const opener = new SealedFileOpener(deps.secrets.ageIdentity);
  const result: ImportResult = { imported: 0, alreadyImported: 0, quarantined: [] };
  for (const file of files) {
    if (done.has(file)) {
      result.alreadyImported++;
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await share.readConcernFile(file);
    } catch {
      result.quarantined.push({
        file,
        code: 'unreadable',
        reason: 'The file could not be read from the share.',
      });
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      await importOne({ ...deps, settings, opener, file, bytes, sha256, at: now().toISOString() });
      result.imported++;
    } catch (error) {
      const { code, reason } = describeFailure(error);
      deps.store.quarantine(file, sha256, code, reason, now().toISOString());
      result.quarantined.push({ file, code, reason });
    }
  }
  return result;
}

async function importOne(args: {
  store: CaseStore;
  forms: FormRegistry;
  secrets: LeadSecrets;
  settings: LeadSettings;
  opener: SealedFileOpener;
  file: string;
  bytes: Buffer;
  sha256: string;
  at: string;
}): Promise<void> {
  const plain = await args.opener.open(args.bytes);
  const { document, attachments } = openEnvelope(plain);
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
  if (args.store.hasReference(document.reference) && !args.store.hasConcern(document.concernId)) {
    throw new SafeguardError(
      'duplicate-reference',
      `Its reference ${document.reference} is already used by another case.`,
    );
  }
  args.store.insertCase({
    document,
    signedDocument: canonicalJson(document),
    attachments,
    sourceFile: args.file,
    sourceSha256: args.sha256,
    importedAt: args.at,
    author: args.secrets.recipientId,
  });
}

function describeFailure(error: unknown): { code: string; reason: string } {
  if (error instanceof SafeguardError) {
    return { code: error.code, reason: error.message };
  }
  return { code: 'unexpected', reason: 'It could not be imported (unexpected error).' };
}
