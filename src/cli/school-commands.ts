/**
 * The school's settings from the command line:
 *
 *   school show [--json]                       recipients, fingerprints, contacts, safety code
 *   school remove-recipient ID                 re-sign the profile without them (the DSL)
 *   school set-contacts --file FILE.json       change some or all contacts (the DSL)
 */
import { readRegularFile, RefusedFile } from '../files';
import { removalWords, removeRecipient, schoolSummary, setContacts } from '../school';
import {
  openStaffStore,
  requireEnrolment,
  trustedProfile,
  UNTRUSTED_PROFILE_WARNING,
} from '../staff';
import type { CommandContext } from './context';
import { output, readPassphrase, UsageError } from './io';
import { schoolText } from './school-text';
import { term } from './terminal-text';

/** A contacts file is a few kilobytes; anything much bigger is not one. */
const CONTACTS_FILE_LIMIT = 64 * 1024;

/**
 * What this machine trusts now (the share's profile when it can be trusted, else the pinned one,
 * with a warning): anyone can look, no passphrase needed.
 */
export async function schoolShowCommand(ctx: CommandContext): Promise<void> {
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    requireEnrolment(store);
    const { profile, problem } = await trustedProfile(store, new Date());
    const summary = schoolSummary(profile);
    const warning = problem === null ? null : `${UNTRUSTED_PROFILE_WARNING} (${problem.detail})`;
    output(
      ctx.json,
      { ...summary, warning },
      (warning === null
        ? ''
        : term`Warning: ${warning}

`) + schoolText(summary),
    );
  } finally {
    store.close();
  }
}

export async function removeRecipientCommand(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[1];
  if (!id) throw new UsageError('school remove-recipient needs the id "school show" lists.');
  const passphrase = await readPassphrase(ctx.options['passphrase-file'], 'DSL passphrase: ');
  const { removed, profile } = await removeRecipient({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    passphrase,
    recipientId: id,
  });
  const words = removalWords(removed.name);
  output(
    ctx.json,
    {
      removed: { id: removed.id, name: removed.name, role: removed.role },
      profileSerial: profile.serial,
      message: words,
    },
    term`Removed ${removed.name} from the school profile and re-signed it (version ${profile.serial}).\n` +
      term`${words}`,
  );
}

export async function setContactsCommand(ctx: CommandContext): Promise<void> {
  const contacts = await readContactsFile(ctx.requireOption('file'));
  const passphrase = await readPassphrase(ctx.options['passphrase-file'], 'DSL passphrase: ');
  const profile = await setContacts({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    passphrase,
    contacts,
    change: 'some',
  });
  const summary = schoolSummary(profile);
  output(
    ctx.json,
    summary.contacts,
    `Contacts saved and the school profile re-signed (version ${profile.serial}). Every computer shows them from its next look at the share.`,
  );
}

async function readContactsFile(file: string): Promise<unknown> {
  let text: string;
  try {
    const read = await readRegularFile(file, { maxBytes: CONTACTS_FILE_LIMIT });
    text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(
      error instanceof RefusedFile
        ? `The contacts file cannot be used: ${error.message}`
        : 'The contacts file cannot be read.',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(
      'The contacts file is not JSON: write {"lastChecked": "YYYY-MM-DD", "lado": {"name": "…", "phone": "…", "web": "…"}} (see --help).',
    );
  }
}
