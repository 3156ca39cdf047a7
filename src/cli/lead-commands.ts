/** CLI commands of a safeguarding lead: school init/add-recipient, lead import/list/show/quarantine/join/export-identity. */
import { resolve } from 'node:path';
import { calendarCommand } from './calendar-command';
import { publishExtractCommand } from './extract-command';
import { normaliseReference, roleLabel, roleReceives } from '../concerns';
import type { FormRegistry } from '../forms';
import {
  importConcerns,
  writeOwedAcknowledgements,
  type ImportResult,
  type QuarantineEntry,
} from '../casework';
import { openShare, shareLocation } from '../share';
import {
  caseworkCommand,
  chronologyCommand,
  peopleCommand,
  searchCommand,
  summaryOf,
  withWorkspace,
} from './casework-commands';
import { caseStateText } from './casework-text';
import { changeLeadPassphrase, joinAsLead, recoverLead, unlockLead } from '../lead';
import { addRecipient, initSchool } from '../school';
import { caseDetailText, caseListText } from './case-text';
import { removeRecipientCommand, schoolShowCommand, setContactsCommand } from './school-commands';
import type { CommandContext } from './context';
import { output, readNewPassphrase, readPassphrase, readRecoveryKey, UsageError } from './io';
import { posterCommand } from './poster-command';
import { syncEvents, type EventSyncResult } from './event-sync';
import { britishDateTime } from './local-time';
import { term } from './terminal-text';

const ADDABLE_ROLES = ['deputy', 'headteacher', 'chair', 'office'] as const;

export async function schoolCommand(ctx: CommandContext): Promise<void> {
  if (ctx.positionals[0] === 'add-recipient') return addRecipientCommand(ctx);
  if (ctx.positionals[0] === 'poster') return posterCommand(ctx);
  if (ctx.positionals[0] === 'show') return schoolShowCommand(ctx);
  if (ctx.positionals[0] === 'remove-recipient') return removeRecipientCommand(ctx);
  if (ctx.positionals[0] === 'set-contacts') return setContactsCommand(ctx);
  if (ctx.positionals[0] !== 'init') {
    throw new UsageError(
      'Use "school init", "school show", "school add-recipient", "school remove-recipient", "school set-contacts" or "school poster"; see --help.',
    );
  }
  const share = shareLocation(ctx.requireOption('share'));
  const schoolName = ctx.requireOption('school');
  const leadName = ctx.requireOption('lead-name');
  const passphrase = await readPassphrase(ctx.options['passphrase-file'], 'New lead passphrase: ');
  const result = await initSchool({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    sharePath: share,
    schoolName,
    leadName,
    passphrase,
  });
  output(
    ctx.json,
    result,
    term`School set up on ${share}.\nSafety code: ${result.safetyCode}\nPut this code on the staff-room poster; every machine shows it when enrolled.\n\n` +
      recoveryKeyWords(result.recoveryKey),
  );
}

/** An office user has no recovery key: what they hold can be given again. */
const OFFICE_JOINED_WORDS =
  'Kept as your office identity on this computer: "office status" and "office export" open it with the passphrase you chose. There is no recovery key for office staff: if you forget your passphrase, your DSL can add you again.';

/** The recovery key, shown once, with what it is for. */
function recoveryKeyWords(recoveryKey: string): string {
  return (
    term`Your recovery key: ${recoveryKey}\n` +
    'Keep this recovery key somewhere safe, away from this computer: without it or your passphrase, nobody can open the concerns sealed to you.'
  );
}

async function addRecipientCommand(ctx: CommandContext): Promise<void> {
  const role = ctx.requireOption('role');
  if (!(ADDABLE_ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role must be one of ${ADDABLE_ROLES.join(', ')}.`);
  }
  const name = ctx.requireOption('name');
  const passphrase = await readPassphrase(ctx.options['passphrase-file'], 'DSL passphrase: ');
  const newFile = ctx.options['new-passphrase-file'];
  const added = await addRecipient({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    passphrase,
    role: role as (typeof ADDABLE_ROLES)[number],
    name,
    ageRecipient: ctx.options.recipient,
    newPassphrase: newFile === undefined ? undefined : await readPassphrase(newFile),
    identityOut:
      ctx.options['identity-out'] === undefined ? undefined : resolve(ctx.options['identity-out']),
  });
  output(
    ctx.json,
    {
      id: added.id,
      name: added.name,
      role: added.role,
      ageRecipient: added.ageRecipient,
      identityFile: added.identityFile,
    },
    term`Added ${added.name} (${added.role}) to the school profile and re-signed it.` +
      (added.identityFile
        ? term`\nTheir key file: ${added.identityFile} — give it to them in person; they run "lead join".`
        : ''),
  );
}

const CASEWORK = ['triage', 'action', 'done', 'note', 'decide', 'close', 'reopen'];
const KNOWN = [
  'import',
  'list',
  'show',
  'quarantine',
  'search',
  'chronology',
  'people',
  'calendar',
  'publish-extract',
  ...CASEWORK,
  'export-identity',
  'join',
  'change-passphrase',
  'recover',
];

export async function leadCommand(ctx: CommandContext, forms: FormRegistry): Promise<void> {
  const [sub, arg] = ctx.positionals;
  if (sub === 'join') return joinCommand(ctx);
  if (sub === 'change-passphrase') return changePassphraseCommand(ctx);
  if (sub === 'recover') return recoverCommand(ctx);
  if (!sub || !KNOWN.includes(sub)) throw new UsageError(`Use "lead ${KNOWN.join('|')}".`);
  if (sub === 'export-identity') {
    const secrets = await unlockLead(
      ctx.home,
      await readPassphrase(ctx.options['passphrase-file']),
    );
    // The one place a secret is printed, on purpose: it is what `age -d -i` needs for recovery.
    process.stdout.write(`${secrets.ageIdentity}\n`);
    return;
  }
  if (CASEWORK.includes(sub)) return caseworkCommand(ctx, sub);
  if (sub === 'search') return searchCommand(ctx);
  if (sub === 'chronology') return chronologyCommand(ctx);
  if (sub === 'people') return peopleCommand(ctx);
  if (sub === 'calendar') return calendarCommand(ctx);
  if (sub === 'publish-extract') return publishExtractCommand(ctx);
  if (sub === 'show' && !arg) throw new UsageError('lead show needs a reference.');
  await withWorkspace(ctx, async (workspace) => {
    const { store, secrets } = workspace;
    if (sub === 'import') {
      const concerns = await importConcerns({
        store,
        forms,
        secrets,
        calendar: workspace.calendar,
      });
      const events = await syncEvents(ctx, workspace);
      const result = { ...concerns, events };
      output(ctx.json, result, [importWords(concerns), ...eventWords(events)].join('\n'));
      return;
    }
    if (sub === 'quarantine') {
      const entries = store.quarantine.list();
      output(ctx.json, entries, quarantineWords(entries, ctx.flags.all === true));
      return;
    }
    if (sub === 'list') {
      const cases = store.cases.list();
      output(ctx.json, cases, caseListText(cases));
      return;
    }
    // lead show: opening a case is audited, and the first opening tells the reporter.
    const record = workspace.casework.open(normaliseReference(arg ?? ''));
    const settings = store.settings.get();
    if (settings !== null) {
      await writeOwedAcknowledgements(
        openShare(settings.sharePath),
        store,
        secrets,
        new Date(),
      ).catch(() => null);
    }
    const { detail } = record;
    const form = forms.get(detail.formId, detail.formVersion);
    const answers = Object.fromEntries(detail.answers.map((a) => [a.fieldId, a.value]));
    output(
      ctx.json,
      { ...detail, answers, ...summaryOf(record) },
      `${caseDetailText(detail, form)}\n\n${caseStateText(record)}`,
    );
  });
}

/** What receiving and delivering casework events did, in a line or two (none when nothing). */
function eventWords({ received, shared, delivered }: EventSyncResult): string[] {
  const lines: string[] = [];
  if (shared > 0) {
    lines.push(
      `Shared ${shared} case(s) with leads added to the school since they were filed (their history goes with them).`,
    );
  }
  if (received.events > 0 || delivered.delivered > 0) {
    lines.push(
      `Received ${received.events} casework event(s) from other leads; delivered ${delivered.delivered} of yours.`,
    );
  }
  if (received.quarantined.length > 0) {
    lines.push(
      `${received.quarantined.length} event file(s) put in quarantine: see "lead quarantine".`,
    );
  }
  if (delivered.error !== null) {
    lines.push(`${delivered.pending} event(s) of yours wait to be delivered: ${delivered.error}`);
  }
  return lines;
}

/** Beyond this many, files are summarised by reason instead of listed one by one. */
const LIST_LIMIT = 10;

/** What an import did, in a few lines whatever the share holds (2,000 junk files included). */
function importWords(result: ImportResult): string {
  const lines = [
    `Imported ${result.imported} new concern(s); ${result.alreadyImported} already imported.`,
  ];
  const fresh = result.quarantined;
  if (fresh.length > 0 && fresh.length <= LIST_LIMIT) {
    lines.push(...fresh.map((q) => term`Quarantined ${q.file}: ${q.reason}`));
  } else if (fresh.length > LIST_LIMIT) {
    lines.push(`Quarantined ${count(fresh.length)} file(s) this time:`);
    for (const [reason, n] of byReason(fresh)) lines.push(term`  ${count(n)}: ${reason}`);
  }
  if (result.inQuarantine > 0) {
    lines.push(
      `${count(result.inQuarantine)} file(s) are in quarantine in all: "lead quarantine" lists them.`,
    );
  }
  const acks = result.acknowledgements;
  if (acks.error !== null) {
    lines.push(
      term`Reporters could not be told yet that ${count(acks.owed)} concern(s) arrived (${acks.error}); the next import will try again.`,
    );
  }
  return lines.join('\n');
}

/** The quarantine grouped by reason, a few files each unless `all`. */
function quarantineWords(entries: readonly QuarantineEntry[], all: boolean): string {
  if (entries.length === 0) return 'Nothing is quarantined.';
  const lines = [
    `${count(entries.length)} file(s) in quarantine. The files on the share were not changed.`,
  ];
  const groups = new Map<string, QuarantineEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.reason) ?? [];
    group.push(entry);
    groups.set(entry.reason, group);
  }
  let hidden = 0;
  for (const [reason, group] of groups) {
    lines.push('', term`${reason} (${count(group.length)} file(s)):`);
    const shown = all ? group : group.slice(0, LIST_LIMIT);
    lines.push(...shown.map((q) => term`  ${q.file}  first seen ${britishDateTime(q.firstSeen)}`));
    if (shown.length < group.length) {
      lines.push(`  … and ${count(group.length - shown.length)} more`);
      hidden += group.length - shown.length;
    }
  }
  if (hidden > 0) lines.push('', 'Add --all to list every file.');
  return lines.join('\n');
}

function byReason(entries: ReadonlyArray<{ reason: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { reason } of entries) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return counts;
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

async function joinCommand(ctx: CommandContext): Promise<void> {
  const identityFile = resolve(ctx.requireOption('identity'));
  const share = shareLocation(ctx.requireOption('share'));
  const passphrase = await readPassphrase(
    ctx.options['passphrase-file'],
    'One-time passphrase (given with the identity file): ',
  );
  const newPassphrase = await readNewPassphrase(
    ctx.options['new-passphrase-file'],
    'Your own new passphrase: ',
  );
  const joined = await joinAsLead({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    identityFile,
    sharePath: share,
    passphrase,
    newPassphrase,
  });
  output(
    ctx.json,
    joined,
    term`Joined as ${roleLabel(joined.role)}: you will receive ${roleReceives(joined.role)}.\nSafety code: ${joined.safetyCode}\n\n` +
      (joined.recoveryKey === null ? OFFICE_JOINED_WORDS : recoveryKeyWords(joined.recoveryKey)),
  );
  if (!joined.identityFileRemoved) {
    process.stderr.write(
      term`safeguard-desk: warning: the identity file ${identityFile} could not be deleted (read-only?). Destroy it yourself now: with the one-time passphrase it still opens your keys.\n`,
    );
  }
}

async function changePassphraseCommand(ctx: CommandContext): Promise<void> {
  const current = await readPassphrase(ctx.options['passphrase-file'], 'Current passphrase: ');
  const next = await readNewPassphrase(ctx.options['new-passphrase-file'], 'New passphrase: ');
  await changeLeadPassphrase(ctx.home, current, next);
  output(
    ctx.json,
    { changed: true },
    'Your passphrase has been changed: unlock with the new one from now on. Your recovery key stays the same.',
  );
}

async function recoverCommand(ctx: CommandContext): Promise<void> {
  const recoveryKey = await readRecoveryKey(ctx.options['recovery-key-file']);
  const newPassphrase = await readNewPassphrase(
    ctx.options['new-passphrase-file'],
    'New passphrase: ',
  );
  const share = ctx.options.share;
  const recovered = await recoverLead({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    recoveryKey,
    newPassphrase,
    sharePath: share === undefined ? undefined : shareLocation(share),
  });
  const who = term`${recovered.name}, ${roleLabel(recovered.role)}`;
  const lines = [
    recovered.outcome === 'replaced'
      ? `Recovered ${who}: your identity on this computer is now sealed with your new passphrase.`
      : `Recovered ${who}: this computer is set up for you; unlock with your new passphrase.`,
    term`Safety code: ${recovered.safetyCode}`,
    'Your recovery key stays the same: keep it safe, away from this computer.',
    ...recovered.skipped.map((s) => term`Passed over ${s.file} on the share: ${s.reason}`),
  ];
  output(ctx.json, recovered, lines.join('\n'));
}
