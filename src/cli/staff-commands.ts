/** CLI commands of a staff machine: enroll, forms, report, outbox, deliver. */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { shareLocation } from '../share';
import {
  concernSubjects,
  fileConcern,
  FILING_SHARE_TIMEOUT_MS,
  type AttachmentInput,
} from '../concerns';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import { machineSettingsFile, readMachineSettings } from '../machine';
import {
  DeliveryLoop,
  enrol,
  openStaffStore,
  refreshAcknowledgements,
  requeueMissing,
  requireEnrolment,
  trustedProfile,
  UNTRUSTED_PROFILE_WARNING,
  type RoundReport,
  type StaffStore,
} from '../staff';
import type { CommandContext } from './context';
import { output, UsageError } from './io';
import { britishDateTime } from './local-time';
import { term, terminalJson } from './terminal-text';

const MAX_READ_BYTES = 64 * 1024 * 1024;

/**
 * `enroll --share DIR`; without --share, the share and safety code in IT's machine settings file,
 * refusing (enrolling nothing) when the share shows another code.
 */
export async function enrollCommand(ctx: CommandContext): Promise<void> {
  const given = ctx.options.share;
  const fromMachine = given === undefined || given === '' ? await machineShare() : null;
  const share = fromMachine?.share ?? shareLocation(given ?? '');
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    const result = await enrol(
      store,
      share,
      new Date(),
      fromMachine ? { expectedSafetyCode: fromMachine.safetyCode } : {},
    );
    output(
      ctx.json,
      { safetyCode: result.safetyCode, schoolName: result.schoolName },
      term`Enrolled with ${result.schoolName}.\nSafety code: ${result.safetyCode}\n` +
        (fromMachine
          ? term`It matches the code in IT's machine settings (${fromMachine.file}).`
          : 'Check it matches the code on the staff-room poster.'),
    );
  } finally {
    store.close();
  }
}

/** The share and code in IT's machine settings, or a clear refusal when there are none. */
async function machineShare(): Promise<{ share: string; safetyCode: string; file: string }> {
  const read = await readMachineSettings(machineSettingsFile());
  if (read.state === 'absent') {
    // Without IT's file there is nothing to take the share from (see --help).
    throw new UsageError('--share is required.');
  }
  if (read.state === 'malformed') {
    throw new SafeguardError(
      'machine-settings',
      `IT's machine settings file (${read.file}) cannot be used: ${read.problem}. Nothing was enrolled.`,
    );
  }
  return { ...read.settings, file: read.file };
}

export function formsCommand(ctx: CommandContext, forms: FormRegistry): void {
  const [sub, id] = ctx.positionals;
  if (sub === 'list') {
    const list = forms.list().map((f) => ({ id: f.id, version: f.version, title: f.title }));
    output(ctx.json, list, list.map((f) => term`${f.id} (v${f.version})  ${f.title}`).join('\n'));
    return;
  }
  if (sub === 'show') {
    if (!id) throw new UsageError('forms show needs a form id.');
    const form = forms.latest(id);
    if (!form) throw new SafeguardError('unknown-form', `There is no form called "${id}".`);
    output(ctx.json, form, terminalJson(form));
    return;
  }
  throw new UsageError('Use "forms list" or "forms show ID".');
}

export async function reportCommand(ctx: CommandContext, forms: FormRegistry): Promise<void> {
  const formId = ctx.requireOption('form');
  const answersFile = ctx.requireOption('answers');
  const reporter = {
    name: ctx.requireOption('reporter'),
    role: ctx.requireOption('reporter-role'),
  };
  const form = forms.latest(formId);
  if (!form) throw new SafeguardError('unknown-form', `There is no form called "${formId}".`);
  const answers = await readAnswersFile(answersFile);
  // Attachment fields hold file paths, relative to the answers file.
  for (const field of form.fields) {
    const value = answers[field.id];
    if (field.type !== 'attachments' || value === undefined) continue;
    if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) {
      throw new SafeguardError(
        'invalid-answers',
        `Field ${field.id} must be a list of file paths.`,
      );
    }
    answers[field.id] = await Promise.all(
      value.map((p) => readAttachment(resolve(dirname(answersFile), p))),
    );
  }
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    const aboutRecipientId = ctx.options.about ? await findSubject(store, ctx.options.about) : null;
    const receipt = await fileConcern(
      { store, forms },
      { formId, answers, reporter, aboutRecipientId },
    );
    const status = receipt.delivered
      ? 'Delivered to the school share.'
      : `Saved on this computer — waiting to reach the school. Queued on this machine; it will be delivered when the share is reachable.${receipt.deliveryError ? term`\n${receipt.deliveryError}` : ''}`;
    output(
      ctx.json,
      {
        reference: receipt.reference,
        delivered: receipt.delivered,
        createdAt: receipt.createdAt,
        urgent: receipt.urgent,
        kind: receipt.kind,
        warning: receipt.warning,
      },
      `${receipt.urgent ? 'URGENT: tell the DSL in person now. If a child is in immediate danger, call 999.\n' : ''}${term`Reference: ${receipt.reference}`}\n${status}${receipt.warning ? term`\nWarning: ${receipt.warning}` : ''}`,
    );
  } finally {
    store.close();
  }
}

export async function outboxCommand(ctx: CommandContext): Promise<void> {
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    // What the share says now (acknowledgements, files gone missing); the list is shown anyway.
    if (store.enrolment()) {
      const quick = { timeoutMs: FILING_SHARE_TIMEOUT_MS };
      await refreshAcknowledgements(store, quick).catch(() => 0);
      await requeueMissing(store, quick).catch(() => 0);
      await trustedProfile(store, new Date(), quick).catch(() => null);
    }
    const rows = store.list().map((r) => ({
      reference: r.reference,
      formId: r.formId,
      formVersion: r.formVersion,
      createdAt: r.createdAt,
      delivered: r.deliveredAt !== null,
      deliveredAt: r.deliveredAt,
      acknowledged: r.acknowledgedAt !== null,
      attempts: r.attempts,
      lastError: r.lastError,
      profileWarning: r.profileWarning !== null,
    }));
    const problem = store.profileProblem();
    const warning =
      problem === null ? [] : [term`Warning: ${UNTRUSTED_PROFILE_WARNING} (${problem.detail})`, ''];
    const state = (r: (typeof rows)[number]) =>
      r.acknowledged ? 'acknowledged' : r.delivered ? 'delivered' : 'queued';
    const human = rows.length
      ? rows
          .map(
            (r) =>
              term`${r.reference}  ${britishDateTime(r.createdAt)}  ${state(r)}` +
              (r.profileWarning ? '  (sealed to the leads this computer trusts)' : ''),
          )
          .join('\n')
      : 'The outbox is empty.';
    output(ctx.json, rows, [...warning, human].join('\n'));
  } finally {
    store.close();
  }
}

export async function deliverCommand(ctx: CommandContext): Promise<void> {
  if (ctx.flags.watch) return watchCommand(ctx);
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    requireEnrolment(store);
    // One round: what is queued, then acknowledgements, then concerns gone from the share.
    const round = await new DeliveryLoop(store).runRound();
    const result = { delivered: round.delivered, pending: round.pending, error: round.error };
    output(
      ctx.json,
      result,
      term`Delivered ${result.delivered}; ${result.pending} still queued.` +
        (round.requeued > 0
          ? `\n${round.requeued} sent again: they were no longer on the share.`
          : '') +
        (result.error ? term`\n${result.error}` : ''),
    );
    if (result.error) process.exitCode = 1;
  } finally {
    store.close();
  }
}

/**
 * `deliver --watch`: delivers in the foreground until stopped (Ctrl+C, or the service manager),
 * retrying with growing waits while the share is away, re-sending concerns gone missing from the
 * share, and printing a line when something changes (a JSON line each with --json).
 */
async function watchCommand(ctx: CommandContext): Promise<void> {
  const seconds = Number(ctx.options.interval ?? '60');
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) {
    throw new UsageError('--interval must be a number of seconds from 1 to 86400.');
  }
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  let lastLine = '';
  const loop = new DeliveryLoop(store, {
    backoffMs: [...[5_000, 10_000, 30_000].filter((ms) => ms < seconds * 1000), seconds * 1000],
    recheckMs: seconds * 1000,
    idleMs: seconds * 1000,
    onRound: (round: RoundReport) => {
      // One JSON object a line with --json (safe for a terminal, like every other output).
      const line = ctx.json ? terminalJson(round).replace(/\n\s*/g, ' ') : roundWords(round);
      // Quiet rounds that change nothing print nothing: a watch can run for weeks.
      if (
        ctx.json ||
        line !== lastLine ||
        round.delivered + round.requeued + round.acknowledged > 0
      ) {
        process.stdout.write(`${ctx.json ? line : `${britishDateTime(round.at)}  ${line}`}\n`);
      }
      lastLine = line;
    },
  });
  if (!ctx.json) {
    const { pending } = store.counts();
    process.stdout.write(
      `Watching the outbox (${pending} waiting); checking at least every ${seconds} s. Ctrl+C stops.\n`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void loop.stop().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    loop.start();
  });
  store.close();
}

function roundWords(round: RoundReport): string {
  const parts = [`${round.delivered} delivered`, `${round.pending} waiting`];
  if (round.requeued > 0) parts.push(`${round.requeued} sent again (missing from the share)`);
  if (round.acknowledged > 0) parts.push(`${round.acknowledged} acknowledged`);
  return `${parts.join('; ')}${round.error ? term` — ${round.error}` : ''}`;
}

/** The profile recipient a concern is about, by id or (case-insensitive) name. */
async function findSubject(store: StaffStore, about: string): Promise<string> {
  const { profile } = await trustedProfile(store, new Date());
  const wanted = about.trim().toLowerCase();
  const matches = concernSubjects(profile).filter(
    (r) => r.id === about || r.name.toLowerCase() === wanted,
  );
  if (matches.length !== 1) {
    throw new SafeguardError(
      'unknown-subject',
      matches.length === 0
        ? 'No lead, headteacher or chair on the school profile matches --about.'
        : 'More than one person on the school profile matches --about: give their id.',
    );
  }
  return matches[0]?.id ?? '';
}

async function readAnswersFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SafeguardError('answers-file', `The answers file ${file} cannot be read.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SafeguardError('answers-file', `The answers file ${file} is not valid JSON.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SafeguardError(
      'answers-file',
      `The answers file ${file} must hold a JSON object of {fieldId: value}.`,
    );
  }
  return parsed as Record<string, unknown>;
}

async function readAttachment(path: string): Promise<AttachmentInput> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    if (info.size > MAX_READ_BYTES) {
      throw new SafeguardError(
        'attachment-too-large',
        `The attachment ${basename(path)} is too large.`,
      );
    }
    return { name: basename(path), bytes: await readFile(path) };
  } catch (error) {
    if (error instanceof SafeguardError) throw error;
    throw new SafeguardError(
      'attachment-missing',
      `The attachment ${basename(path)} cannot be read.`,
    );
  }
}
