/**
 * The lead's casework on the command line (scripting, tests, recovery): triage, actions, notes,
 * decisions, closing and reopening, search, chronology, merging people, and `audit verify`. Each
 * opens the workspace with the passphrase, records a signed event, and prints the case's state.
 */
import { randomUUID } from 'node:crypto';
import {
  actionTypes,
  assignedFilters,
  addSchoolDays,
  addWorkingDays,
  endOfNextWorkingDay,
  isIsoDate,
  londonDateOf,
  openWorkspace,
  outcomes,
  pathways,
  priorities,
  verifyRecord,
  type ActionType,
  type CaseRecord,
  type HarmThreshold,
  type Workspace,
} from '../casework';
import { normaliseReference } from '../concerns';
import { SafeguardError } from '../errors';
import type { CommandContext } from './context';
import { deliverQueued } from './event-sync';
import { caseStateText, chronologyText, inboxRowsText } from './casework-text';
import { output, readPassphrase, UsageError } from './io';
import { term } from './terminal-text';

/** `--assigned`: this lead's cases, other leads', or nobody's. */
const ASSIGNED = ['me', 'others', 'unassigned'] as const;

/** Opens the lead's workspace for one command and closes it after. */
export async function withWorkspace<T>(
  ctx: CommandContext,
  work: (workspace: Workspace) => Promise<T> | T,
): Promise<T> {
  const workspace = await openWorkspace({
    home: ctx.home,
    keyProvider: ctx.keyProvider,
    passphrase: await readPassphrase(ctx.options['passphrase-file']),
  });
  try {
    const result = await work(workspace);
    // What the command recorded goes to the case's other leads now, or waits in the outbox.
    await deliverQueued(ctx, workspace);
    return result;
  } finally {
    workspace.close();
  }
}

function oneOf<T extends string>(values: readonly T[], value: string, option: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be one of ${values.join(', ')}.`);
  }
  return value as T;
}

function optional(ctx: CommandContext, name: string): string | null {
  const value = ctx.options[name];
  return value === undefined || value.trim() === '' ? null : value;
}

/** The case a command names, by its reference. */
function caseOf(workspace: Workspace, ctx: CommandContext, command: string): string {
  const ref = ctx.positionals[1];
  if (!ref) throw new UsageError(`lead ${command} needs a reference.`);
  return workspace.casework.caseIdOf(normaliseReference(ref));
}

/** Prints a case's state after a change. */
function printCase(ctx: CommandContext, record: CaseRecord, what: string): void {
  output(
    ctx.json,
    { reference: record.detail.reference, ...summaryOf(record) },
    `${what}\n${caseStateText(record)}`,
  );
}

/** The state of a case as --json shows it (lead show and every casework command). */
export function summaryOf(record: CaseRecord) {
  const s = record.state;
  return {
    status: s.status,
    pathway: s.triage?.pathway ?? null,
    priority: s.triage?.priority ?? null,
    assignedTo: s.triage?.assignedTo ?? null,
    outcome: s.outcome,
    flaggedForRemoval: s.flaggedForRemoval,
    lado: s.lado,
    overdue: s.overdue,
    actions: s.actions,
    notes: s.notes,
    decisions: s.decisions,
    events: s.timeline,
    people: record.people,
  };
}

/**
 * `--due YYYY-MM-DD`, or counted from today: `--due-in-working-days N` (weekends, bank holidays
 * and closure days skipped, as statutory clocks count) or `--due-in-school-days N` (term days
 * only, as a child protection file transfer counts; needs the term dates).
 */
function dueOption(ctx: CommandContext, workspace: Workspace): string | null {
  const given = ['due', 'due-in-working-days', 'due-in-school-days'].filter(
    (name) => optional(ctx, name) !== null,
  );
  if (given.length > 1)
    throw new UsageError('Give one of --due, --due-in-working-days, --due-in-school-days.');
  const due = optional(ctx, 'due');
  if (due !== null) {
    if (!isIsoDate(due)) throw new UsageError('--due must be a date, YYYY-MM-DD.');
    return due;
  }
  const today = londonDateOf(new Date());
  const working = optional(ctx, 'due-in-working-days');
  if (working !== null)
    return addWorkingDays(today, dayCount(working, 'due-in-working-days'), workspace.calendar);
  const school = optional(ctx, 'due-in-school-days');
  if (school === null) return null;
  if (workspace.calendar.terms.length === 0) {
    throw new SafeguardError(
      'invalid-input',
      '--due-in-school-days needs the term dates: set them with "lead calendar add-term".',
    );
  }
  return addSchoolDays(today, dayCount(school, 'due-in-school-days'), workspace.calendar);
}

function dayCount(value: string, option: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--${option} must be a whole number of days, 1 to 999.`);
  }
  return Number(value);
}

/** `--harm-threshold harmed,offence,risk,unsuitable` (the ones answered yes), or `none`. */
function harmThreshold(value: string | null): HarmThreshold | null {
  if (value === null) return null;
  const yes = new Set(
    value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v && v !== 'none'),
  );
  const keys = ['harmed', 'offence', 'risk', 'unsuitable'] as const;
  for (const v of yes) {
    if (!(keys as readonly string[]).includes(v)) {
      throw new UsageError(
        '--harm-threshold lists any of harmed, offence, risk, unsuitable (or none).',
      );
    }
  }
  return {
    harmed: yes.has('harmed'),
    offence: yes.has('offence'),
    risk: yes.has('risk'),
    unsuitable: yes.has('unsuitable'),
  };
}

/** `lead triage|action|done|note|decide|close|reopen REF …`. */
export async function caseworkCommand(ctx: CommandContext, sub: string): Promise<void> {
  await withWorkspace(ctx, (workspace) => {
    const { casework } = workspace;
    const caseId = caseOf(workspace, ctx, sub);
    switch (sub) {
      case 'triage': {
        const assign = optional(ctx, 'assign');
        if (assign !== null && !workspace.roster.has(assign)) {
          throw new SafeguardError(
            'invalid-input',
            '--assign must be the id of a lead on the school profile.',
          );
        }
        casework.record(caseId, 'triaged', {
          pathway: oneOf(pathways, ctx.requireOption('pathway'), 'pathway'),
          priority: oneOf(priorities, ctx.requireOption('priority'), 'priority'),
          assignedTo: assign,
          reason: optional(ctx, 'reason'),
          harmThreshold: harmThreshold(optional(ctx, 'harm-threshold')),
        });
        printCase(ctx, casework.read(caseId), 'Triaged.');
        return;
      }
      case 'action': {
        const type: ActionType = oneOf(actionTypes, ctx.requireOption('type'), 'type');
        const state = casework.state(caseId);
        let due = dueOption(ctx, workspace);
        // The LADO within one working day of the allegation: the clock's due time by default.
        if (
          due === null &&
          type === 'lado-consultation' &&
          state.triage?.pathway === 'allegation'
        ) {
          due = state.lado?.due ?? endOfNextWorkingDay(new Date(), workspace.calendar);
        }
        const shared = optional(ctx, 'shared');
        const actionId = randomUUID();
        casework.record(caseId, 'action-recorded', {
          actionId,
          type,
          due,
          doneAt: ctx.flags.done ? new Date().toISOString() : null,
          spokeTo: optional(ctx, 'spoke-to'),
          advice: optional(ctx, 'advice'),
          nextSteps: optional(ctx, 'next-steps'),
          result: optional(ctx, 'result'),
          share:
            shared === null
              ? null
              : {
                  what: shared,
                  why: ctx.requireOption('why'),
                  consent: oneOf(
                    ['given', 'refused', 'not-sought', 'not-needed'] as const,
                    ctx.requireOption('consent'),
                    'consent',
                  ),
                  consentReasoning: ctx.requireOption('consent-reason'),
                },
        });
        const record = casework.read(caseId);
        const warning =
          type === 'lado-consultation' || state.triage?.pathway !== 'allegation'
            ? ''
            : '\nDo not investigate before the LADO has given advice.';
        printCase(ctx, record, term`Action ${actionId} recorded.${warning}`);
        return;
      }
      case 'done': {
        const actionId = ctx.positionals[2];
        if (!actionId) throw new UsageError('lead done REFERENCE ACTION_ID');
        casework.record(caseId, 'action-completed', {
          actionId,
          doneAt: new Date().toISOString(),
          result: optional(ctx, 'result'),
        });
        printCase(ctx, casework.read(caseId), 'Action done.');
        return;
      }
      case 'note':
        casework.record(caseId, 'note-added', {
          text: ctx.requireOption('text'),
          kind: ctx.flags.opinion ? 'opinion' : 'fact',
        });
        printCase(ctx, casework.read(caseId), 'Note added.');
        return;
      case 'decide':
        casework.record(caseId, 'decision-recorded', {
          decision: ctx.requireOption('decision'),
          reason: ctx.requireOption('reason'),
        });
        printCase(ctx, casework.read(caseId), 'Decision recorded.');
        return;
      case 'close':
        casework.record(caseId, 'closed', {
          outcome: oneOf(outcomes, ctx.requireOption('outcome'), 'outcome'),
          reason: optional(ctx, 'reason'),
        });
        printCase(ctx, casework.read(caseId), 'Closed.');
        return;
      case 'reopen':
        casework.record(caseId, 'reopened', { reason: ctx.requireOption('reason') });
        printCase(ctx, casework.read(caseId), 'Reopened.');
        return;
      default:
        throw new UsageError(`Unknown lead command "${sub}".`);
    }
  });
}

/** `lead search QUERY`. */
export async function searchCommand(ctx: CommandContext): Promise<void> {
  const query = ctx.positionals.slice(1).join(' ').trim();
  if (!query) throw new UsageError('lead search needs some words to look for.');
  await withWorkspace(ctx, (workspace) => {
    const assigned = optional(ctx, 'assigned');
    const rows = workspace.casework.search(query, {
      pathway: optional(ctx, 'pathway') ?? undefined,
      status: optional(ctx, 'status') as 'new' | 'open' | 'closed' | undefined,
      ...assignedFilters(
        assigned === null ? undefined : oneOf(ASSIGNED, assigned, 'assigned'),
        workspace.secrets.recipientId,
      ),
    });
    output(ctx.json, rows, rows.length ? inboxRowsText(rows) : term`Nothing matches "${query}".`);
  });
}

/** `lead chronology NAME`: the person's chronology (or the people the name could mean). */
export async function chronologyCommand(ctx: CommandContext): Promise<void> {
  const name = ctx.positionals.slice(1).join(' ').trim();
  if (!name) throw new UsageError('lead chronology needs a name.');
  await withWorkspace(ctx, (workspace) => {
    const people = workspace.casework.findPeople(name);
    const exact = people.filter((p) => p.name.toLowerCase() === name.toLowerCase());
    const chosen = exact.length === 1 ? exact : people;
    if (chosen.length === 0)
      throw new SafeguardError('unknown-person', term`Nobody named "${name}" is in any concern.`);
    if (chosen.length > 1) {
      output(
        ctx.json,
        { choose: chosen },
        [
          'More than one person matches; give the full name, or merge the records:',
          ...chosen.map((p) => term`  ${p.personId}  ${p.name} (${p.role})`),
        ].join('\n'),
      );
      process.exitCode = 1;
      return;
    }
    const chronology = workspace.casework.chronology(chosen[0]?.personId ?? '');
    output(ctx.json, chronology, chronologyText(chronology));
  });
}

/** `lead people merge A B` / `lead people unmerge MERGE_EVENT_ID --reason TEXT`. */
export async function peopleCommand(ctx: CommandContext): Promise<void> {
  const [, action, a, b] = ctx.positionals;
  await withWorkspace(ctx, (workspace) => {
    if (action === 'merge' && a && b) {
      const event = workspace.casework.mergePeople(a, b);
      output(
        ctx.json,
        event.event,
        term`Merged: ${a} is now one person with ${b} (merge ${event.event.eventId}).`,
      );
      return;
    }
    if (action === 'unmerge' && a) {
      const event = workspace.casework.unmergePeople(a, ctx.requireOption('reason'));
      output(ctx.json, event.event, 'Merge undone.');
      return;
    }
    throw new UsageError(
      'Use "lead people merge PERSON_ID PERSON_ID" or "lead people unmerge MERGE_ID --reason TEXT".',
    );
  });
}

/** `audit verify`: checks every link and signature of the lead's record; exit 1 when broken. */
export async function auditCommand(ctx: CommandContext): Promise<void> {
  if (ctx.positionals[0] !== 'verify') throw new UsageError('Use "audit verify".');
  await withWorkspace(ctx, (workspace) => {
    const report = verifyRecord(workspace.store, workspace.verifyKeys);
    if (report.ok) workspace.casework.audit('audit-verified', { entries: report.entries });
    output(
      ctx.json,
      report,
      report.ok
        ? `The record checks out: ${report.entries} audit entries and ${report.events} events, every link and signature intact.`
        : term`The record does not check out. ${report.problem?.message ?? ''}`,
    );
    if (!report.ok) process.exitCode = 1;
  });
}
