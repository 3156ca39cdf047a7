/** CLI commands of a safeguarding lead: school init, lead import/list/show/quarantine/export-identity. */
import { resolve } from 'node:path';
import { normaliseReference } from '../concerns';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import { importConcerns, initSchool, openCaseStore, unlockLead } from '../lead';
import type { CommandContext } from './context';
import { output, readPassphrase, UsageError } from './io';

export async function schoolCommand(ctx: CommandContext): Promise<void> {
  if (ctx.positionals[0] !== 'init')
    throw new UsageError('Use "school init --share DIR --school NAME --lead-name NAME".');
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
    `School set up on ${share}.\nSafety code: ${result.safetyCode}\nPut this code on the staff-room poster; every machine shows it when enrolled.`,
  );
}

export async function leadCommand(ctx: CommandContext, forms: FormRegistry): Promise<void> {
  const [sub, arg] = ctx.positionals;
  const known = ['import', 'list', 'show', 'quarantine', 'export-identity'];
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
      for (const q of result.quarantined) lines.push(`Quarantined ${q.file}: ${q.reason}`);
      output(ctx.json, result, lines.join('\n'));
      return;
    }
    if (sub === 'quarantine') {
      const entries = store.quarantined();
      output(
        ctx.json,
        entries,
        entries.length
          ? entries.map((q) => `${q.file}: ${q.reason}`).join('\n')
          : 'Nothing is quarantined.',
      );
      return;
    }
    if (sub === 'list') {
      const cases = store.list();
      const human = cases.length
        ? cases
            .map(
              (c) =>
                `${c.reference}  ${c.filedAt}  ${c.formId}  ${c.reporterName} (${c.reporterRole})`,
            )
            .join('\n')
        : 'No concerns imported yet.';
      output(ctx.json, cases, human);
      return;
    }
    const detail = store.byReference(normaliseReference(arg ?? ''));
    if (!detail)
      throw new SafeguardError('unknown-reference', `No concern has the reference ${arg ?? ''}.`);
    const form = forms.get(detail.formId, detail.formVersion);
    const labelOf = (id: string) => form?.fields.find((f) => f.id === id)?.label ?? id;
    const answers = Object.fromEntries(detail.answers.map((a) => [a.fieldId, a.value]));
    const human = [
      `${detail.reference}  ${form?.title ?? detail.formId} (v${detail.formVersion})`,
      `Reported by ${detail.reporterName} (${detail.reporterRole}) at ${detail.filedAt}`,
      ...detail.answers.map(
        (a) =>
          `${labelOf(a.fieldId)}: ${typeof a.value === 'string' ? a.value : JSON.stringify(a.value)}`,
      ),
    ].join('\n');
    output(ctx.json, { ...detail, answers }, human);
  } finally {
    store.close();
  }
}
