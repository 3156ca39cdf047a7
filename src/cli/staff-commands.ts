/** CLI commands of a staff machine: enroll, forms, report, outbox, deliver. */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { concernSubjects, fileConcern, type AttachmentInput } from '../concerns';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import {
  deliverPending,
  enrol,
  openStaffStore,
  refreshAcknowledgements,
  trustedProfile,
  type StaffStore,
} from '../staff';
import type { CommandContext } from './context';
import { output, UsageError } from './io';
import { britishDateTime } from './local-time';
import { term, terminalJson } from './terminal-text';

const MAX_READ_BYTES = 64 * 1024 * 1024;

export async function enrollCommand(ctx: CommandContext): Promise<void> {
  const share = ctx.requireOption('share');
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    const result = await enrol(store, resolve(share), new Date());
    output(
      ctx.json,
      { safetyCode: result.safetyCode, schoolName: result.schoolName },
      term`Enrolled with ${result.schoolName}.\nSafety code: ${result.safetyCode}\nCheck it matches the code on the staff-room poster.`,
    );
  } finally {
    store.close();
  }
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
      : `Queued on this machine; it will be delivered when the share is reachable.${receipt.deliveryError ? term`\n${receipt.deliveryError}` : ''}`;
    output(
      ctx.json,
      {
        reference: receipt.reference,
        delivered: receipt.delivered,
        createdAt: receipt.createdAt,
        urgent: receipt.urgent,
        kind: receipt.kind,
      },
      `${receipt.urgent ? 'URGENT: tell the DSL in person now. If a child is in immediate danger, call 999.\n' : ''}${term`Reference: ${receipt.reference}`}\n${status}`,
    );
  } finally {
    store.close();
  }
}

export async function outboxCommand(ctx: CommandContext): Promise<void> {
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    await refreshAcknowledgements(store);
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
    }));
    const human = rows.length
      ? rows
          .map(
            (r) =>
              term`${r.reference}  ${britishDateTime(r.createdAt)}  ${r.delivered ? 'delivered' : 'queued'}`,
          )
          .join('\n')
      : 'The outbox is empty.';
    output(ctx.json, rows, human);
  } finally {
    store.close();
  }
}

export async function deliverCommand(ctx: CommandContext): Promise<void> {
  const store = await openStaffStore(ctx.home, ctx.keyProvider);
  try {
    const result = await deliverPending(store, new Date());
    output(
      ctx.json,
      result,
      term`Delivered ${result.delivered}; ${result.pending} still queued.` +
        (result.error ? term`\n${result.error}` : ''),
    );
    if (result.error) process.exitCode = 1;
  } finally {
    store.close();
  }
}

/** The profile recipient a concern is about, by id or (case-insensitive) name. */
async function findSubject(store: StaffStore, about: string): Promise<string> {
  const profile = await trustedProfile(store, new Date());
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
