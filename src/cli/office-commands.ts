/**
 * CLI commands of an office user: `office init` (a new office identity, its key for the DSL),
 * `office status`, and `office export` (the governors' summary as CSV, XLSX or PDF). What is
 * printed says where a file went and for which period, never the figures in it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { shareLocation } from '../share';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import { hasOfficeIdentity } from '../office/identity';
import { initOffice } from '../office/init';
import type { ExportFormat, PeriodChoice } from '../office/parts';
import { checkThreshold, officeExport, officePeriods, sourceOf } from '../office/summaries';
import { OfficeSession } from '../session/office-session';
import { openStaffStore } from '../staff';
import type { CommandContext } from './context';
import { output, readNewPassphrase, readPassphrase, UsageError } from './io';
import { britishDateTime } from './local-time';
import { outputFileExists, writeOutputFile } from './output-file';
import { term } from './terminal-text';

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;
const PERIODS = ['this-term', 'last-term', 'academic-year'] as const;

export async function officeCommand(ctx: CommandContext, forms: FormRegistry): Promise<void> {
  const sub = ctx.positionals[0];
  if (sub === 'init') return initCommand(ctx);
  if (sub === 'status') return statusCommand(ctx, forms);
  if (sub === 'export') return exportCommand(ctx, forms);
  throw new UsageError('Use "office init", "office status" or "office export"; see --help.');
}

async function initCommand(ctx: CommandContext): Promise<void> {
  const share = shareLocation(ctx.requireOption('share'));
  const passphrase = await readNewPassphrase(
    ctx.options['passphrase-file'],
    'New office passphrase: ',
    'passphrase-file',
  );
  const made = await initOffice({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    sharePath: share,
    passphrase,
  });
  output(
    ctx.json,
    { recipient: made.recipient, safetyCode: made.safetyCode },
    term`Office identity made on this computer for ${made.schoolName}.\nSafety code: ${made.safetyCode}\n` +
      'Check it matches the code on the staff-room poster. If it does not, do not use this computer: tell your DSL.\n\n' +
      term`Your office key: ${made.recipient}\n` +
      'Give it to your DSL, who adds you in the School screen or with:\n' +
      term`  safeguard-desk school add-recipient --role office --recipient ${made.recipient} --name "YOUR NAME"`,
  );
}

/** Runs `work` with the office identity unlocked (wrong passphrases counted, as in the app). */
async function withOffice<T>(
  ctx: CommandContext,
  forms: FormRegistry,
  work: (office: OfficeSession) => Promise<T>,
): Promise<T> {
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    const office = new OfficeSession({ home: ctx.home, store, forms });
    await office.unlock(
      await readPassphrase(ctx.options['passphrase-file'], 'Office passphrase: '),
    );
    try {
      return await work(office);
    } finally {
      office.lock();
    }
  } finally {
    store.close();
  }
}

async function statusCommand(ctx: CommandContext, forms: FormRegistry): Promise<void> {
  if (!hasOfficeIdentity(ctx.home)) {
    output(
      ctx.json,
      { isOffice: false },
      'This computer holds no office identity for you: make one with "office init --share DIR", or join with the identity file your DSL made ("lead join").',
    );
    return;
  }
  const status = await withOffice(ctx, forms, async (office) => {
    const recipient = office.status().recipient;
    try {
      const extract = await office.newestExtract();
      const source = sourceOf(extract);
      return {
        isOffice: true,
        recipient,
        source,
        periods: officePeriods(extract, new Date()),
        problem: null,
      };
    } catch (error) {
      if (!(error instanceof SafeguardError)) throw error;
      return {
        isOffice: true,
        recipient,
        source: null,
        periods: [],
        problem: { code: error.code, message: error.message },
      };
    }
  });
  const lines = [
    term`Office identity on this computer. Your office key: ${status.recipient ?? ''}`,
  ];
  if (status.source !== null) {
    lines.push(
      term`Figures from the extract published by ${status.source.publishedByName} on ${britishDateTime(status.source.producedAt)} for ${status.source.schoolName}.`,
      term`Periods on offer: ${status.periods.map((p) => p.period.label).join('; ')} (or --from and --to dates of your own).`,
    );
  } else if (status.problem?.code === 'office-not-added') {
    lines.push('Your DSL has not added you as office staff yet: give them the key above.');
  } else if (status.problem !== null) {
    lines.push(term`${status.problem.message}`);
  }
  output(ctx.json, status, lines.join('\n'));
}

/** The period the command line names: --period, or --from and --to. */
function periodOption(ctx: CommandContext): PeriodChoice {
  const { period, from, to } = ctx.options;
  if (period !== undefined) {
    if (from !== undefined || to !== undefined) {
      throw new UsageError('Give --period, or --from and --to, not both.');
    }
    if (!(PERIODS as readonly string[]).includes(period)) {
      throw new UsageError(`--period must be one of ${PERIODS.join(', ')}.`);
    }
    return { kind: period as (typeof PERIODS)[number] };
  }
  if (from === undefined || to === undefined) {
    throw new UsageError('Give --from YYYY-MM-DD and --to YYYY-MM-DD, or --period.');
  }
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new UsageError(`--${name} must be a date written YYYY-MM-DD.`);
    }
  }
  if (from > to) throw new UsageError('--from comes after --to.');
  return { kind: 'custom', from, to };
}

function thresholdOption(ctx: CommandContext): number {
  const given = ctx.options.threshold;
  if (given === undefined) return checkThreshold(undefined);
  if (!/^\d+$/.test(given)) throw new UsageError('--threshold must be a whole number.');
  try {
    return checkThreshold(Number(given));
  } catch (error) {
    throw error instanceof SafeguardError ? new UsageError(`--threshold: ${error.message}`) : error;
  }
}

async function exportCommand(ctx: CommandContext, forms: FormRegistry): Promise<void> {
  const format = ctx.requireOption('format');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  }
  const period = periodOption(ctx);
  const threshold = thresholdOption(ctx);
  const out = resolve(ctx.requireOption('out'));
  const force = ctx.flags.force === true;
  // Said before the passphrase is asked for; checked again, atomically, when written.
  const file = {
    replace: force,
    replaceFlag: '--force',
    code: 'export-file',
    mode: 0o600,
  } as const;
  if (!force && existsSync(out)) throw outputFileExists(out, file);
  const { file: exported, report } = await withOffice(ctx, forms, async (office) =>
    officeExport(
      office.require(),
      await office.newestExtract(),
      { period, threshold, format: format as ExportFormat },
      new Date(),
    ),
  );
  await writeOutputFile(out, exported.bytes, file);
  output(
    ctx.json,
    {
      file: out,
      format,
      period: report.period,
      threshold: report.threshold,
      source: report.source,
    },
    term`Wrote the ${format.toUpperCase()} summary to ${out}.\n` +
      term`Period: ${report.period.label}, whole months ${report.period.fromMonth} to ${report.period.toMonth}.\n` +
      term`Figures from the extract published by ${report.source.publishedByName} on ${britishDateTime(report.source.extractProducedAt)}; figures under ${report.threshold} are shown as c.`,
  );
}
