/** CLI commands of a safeguarding lead: school init/add-recipient, lead import/list/show/quarantine/join/export-identity. */
import { resolve } from 'node:path';
import { normaliseReference, roleLabel, roleReceives } from '../concerns';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import {
  addRecipient,
  importConcerns,
  initSchool,
  joinAsLead,
  openCaseStore,
  unlockLead,
} from '../lead';
import { caseDetailText, caseListText } from './case-text';
import type { CommandContext } from './context';
import { output, readPassphrase, UsageError } from './io';
import { term } from './terminal-text';

const ADDABLE_ROLES = ['deputy', 'headteacher', 'chair', 'office'] as const;

export async function schoolCommand(ctx: CommandContext): Promise<void> {
  if (ctx.positionals[0] === 'add-recipient') return addRecipientCommand(ctx);
  if (ctx.positionals[0] !== 'init') {
    throw new UsageError('Use "school init" or "school add-recipient"; see --help.');
  }
  const share = resolve(ctx.requireOption('share'));
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
    term`School set up on ${share}.\nSafety code: ${result.safetyCode}\nPut this code on the staff-room poster; every machine shows it when enrolled.`,
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

export async function leadCommand(ctx: CommandContext, forms: FormRegistry): Promise<void> {
  const [sub, arg] = ctx.positionals;
  if (sub === 'join') return joinCommand(ctx);
  const known = ['import', 'list', 'show', 'quarantine', 'export-identity', 'join'];
  if (!sub || !known.includes(sub)) throw new UsageError(`Use "lead ${known.join('|')}".`);
  if (sub === 'show' && !arg) throw new UsageError('lead show needs a reference.');
  const secrets = await unlockLead(ctx.home, await readPassphrase(ctx.options['passphrase-file']));
  if (sub === 'export-identity') {
    // The one place a secret is printed, on purpose: it is what `age -d -i` needs for recovery.
    process.stdout.write(`${secrets.ageIdentity}\n`);
    return;
  }
  const store = await openCaseStore(ctx.home, ctx.keyProvider);
  try {
    if (sub === 'import') {
      const result = await importConcerns({ store, forms, secrets });
      const lines = [
        `Imported ${result.imported} new concern(s); ${result.alreadyImported} already imported.`,
      ];
      // Concerns routed around this lead (e.g. every ordinary concern, for the chair) are expected:
      // one line for them, a line each for real failures.
      const elsewhere = result.quarantined.filter((q) => q.code === 'not-addressed');
      if (elsewhere.length > 0) {
        lines.push(
          `${elsewhere.length} concern(s) on the share are sealed to other recipients, not to you.`,
        );
      }
      for (const q of result.quarantined) {
        if (q.code !== 'not-addressed') lines.push(term`Quarantined ${q.file}: ${q.reason}`);
      }
      output(ctx.json, result, lines.join('\n'));
      return;
    }
    if (sub === 'quarantine') {
      const entries = store.quarantined();
      output(
        ctx.json,
        entries,
        entries.length
          ? entries.map((q) => term`${q.file}: ${q.reason}`).join('\n')
          : 'Nothing is quarantined.',
      );
      return;
    }
    if (sub === 'list') {
      const cases = store.list();
      output(ctx.json, cases, caseListText(cases));
      return;
    }
    const detail = store.byReference(normaliseReference(arg ?? ''));
    if (!detail)
      throw new SafeguardError('unknown-reference', `No concern has the reference ${arg ?? ''}.`);
    const form = forms.get(detail.formId, detail.formVersion);
    const answers = Object.fromEntries(detail.answers.map((a) => [a.fieldId, a.value]));
    output(ctx.json, { ...detail, answers }, caseDetailText(detail, form));
  } finally {
    store.close();
  }
}

async function joinCommand(ctx: CommandContext): Promise<void> {
  const identityFile = resolve(ctx.requireOption('identity'));
  const share = resolve(ctx.requireOption('share'));
  const passphrase = await readPassphrase(ctx.options['passphrase-file']);
  const joined = await joinAsLead({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    identityFile,
    sharePath: share,
    passphrase,
  });
  output(
    ctx.json,
    joined,
    term`Joined as ${roleLabel(joined.role)}: you will receive ${roleReceives(joined.role)}.\nSafety code: ${joined.safetyCode}`,
  );
}
