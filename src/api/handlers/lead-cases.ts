/**
 * The lead's cases: the inbox, opening a case (audited; the first opening acknowledges it to the
 * reporter), its attachments, and every change to it — each a signed event.
 */
import { randomUUID } from 'node:crypto';
import type { HandlersOf, OperationInput, OperationOutput } from '../contract';
import {
  assignedFilters,
  CaseQueries,
  writeOwedAcknowledgements,
  type CaseFilters,
  type CaseRecord,
  type InboxRow,
  type Workspace,
} from '../../casework';
import { SafeguardError } from '../../errors';
import { attachmentMetaSchema, type FormRegistry } from '../../forms';
import { openShare } from '../../share';
import type { LeadSession } from '../../session/lead-session';

type CaseView = OperationOutput<'lead.case'>;
type Filters = NonNullable<OperationInput<'lead.inbox'>['filters']>;

/** The inbox's and search's filters for the core: "me" is the unlocked lead. */
export function caseFilters(filters: Filters | undefined, workspace: Workspace): CaseFilters {
  const { assigned, ...rest } = filters ?? {};
  return { ...rest, ...assignedFilters(assigned, workspace.secrets.recipientId) };
}
type Row = OperationOutput<'lead.inbox'>['rows'][number];

/** A row of the inbox with the form's title and the assigned lead's name. */
export function inboxRow(row: InboxRow, forms: FormRegistry, workspace: Workspace): Row {
  const { caseId: _caseId, formVersion, ...rest } = row;
  return {
    ...rest,
    formTitle: forms.get(row.formId, formVersion)?.title ?? row.formId,
    assignedName: row.assignedTo ? (workspace.roster.get(row.assignedTo)?.name ?? null) : null,
  };
}

/** The last triage, when a different lead's replaced another's: the case view marks it. */
function triageChange(
  history: ReadonlyArray<{ by: string; at: string }>,
  nameOf: (id: string) => string,
): { byName: string; at: string; previousByName: string } | null {
  const [previous, last] = history.slice(-2);
  if (previous === undefined || last === undefined || previous.by === last.by) return null;
  return { byName: nameOf(last.by), at: last.at, previousByName: nameOf(previous.by) };
}

/**
 * The attachments the concern lists (each answer's items with a hash) whose bytes this lead's
 * store does not hold: withheld, as too large, when the case was shared with this lead later.
 */
function attachmentsNotHeld(detail: CaseRecord['detail']): CaseView['attachmentsNotHeld'] {
  const held = new Set(detail.attachments.map((a) => `${a.fieldId} ${a.sha256}`));
  return detail.answers.flatMap(({ fieldId, value }) =>
    (Array.isArray(value) ? (value as unknown[]) : []).flatMap((item) => {
      const meta = attachmentMetaSchema.safeParse(item);
      return meta.success && !held.has(`${fieldId} ${meta.data.sha256}`)
        ? [{ fieldId, ...meta.data }]
        : [];
    }),
  );
}

/** A case as the lead reads it: answers in the form's order with its labels, then the record. */
export function caseView(record: CaseRecord, forms: FormRegistry, workspace: Workspace): CaseView {
  const { detail, document, state } = record;
  const form = forms.get(detail.formId, detail.formVersion);
  const values = new Map(detail.answers.map((a) => [a.fieldId, a.value]));
  const answers = form
    ? form.fields
        .filter((f) => values.has(f.id))
        .map((f) => ({ fieldId: f.id, label: f.label, type: f.type, value: values.get(f.id) }))
    : detail.answers.map((a) => ({
        fieldId: a.fieldId,
        label: a.fieldId,
        type: 'text',
        value: a.value,
      }));
  const nameOf = (id: string) =>
    workspace.roster.get(id)?.name ?? 'a lead no longer on the profile';
  return {
    reference: detail.reference,
    formId: detail.formId,
    formVersion: detail.formVersion,
    formTitle: form?.title ?? detail.formId,
    kind: detail.kind,
    urgency: detail.urgency,
    reporterName: detail.reporterName,
    reporterRole: detail.reporterRole,
    filedAt: detail.filedAt,
    importedAt: detail.importedAt,
    answers,
    attachments: detail.attachments,
    attachmentsNotHeld: attachmentsNotHeld(detail),
    about: document.about ? { name: document.about.name, role: document.about.role } : null,
    people: record.people,
    state: {
      status: state.status,
      pathway: state.triage?.pathway ?? null,
      priority: state.triage?.priority ?? null,
      assignedTo: state.triage?.assignedTo ?? null,
      outcome: state.outcome,
      flaggedForRemoval: state.flaggedForRemoval,
      overdue: state.overdue,
      lado: state.lado,
      triage: state.triage ? { ...state.triage } : null,
      triageChanged: triageChange(state.triageHistory, nameOf),
      actions: state.actions.map((a) => ({ ...a, recordedByName: nameOf(a.recordedBy) })),
      notes: state.notes.map((n) => ({ ...n, byName: nameOf(n.by) })),
      decisions: state.decisions.map((d) => ({ ...d, byName: nameOf(d.by) })),
    },
    timeline: state.timeline.map((e) => ({
      eventId: e.eventId,
      type: e.type,
      at: e.at,
      author: e.author,
      authorName: nameOf(e.author),
      payload: { ...e.payload },
    })),
    // KCSIE Part 4 (the harm threshold) is about adults who work with children.
    aboutAnAdult:
      document.about !== null ||
      record.people.some((p) => p.role === 'staff' || p.role === 'volunteer'),
  };
}

/** The case operations over the unlocked workspace. */
export function leadCaseHandlers(deps: {
  lead: LeadSession;
  forms: FormRegistry;
}): HandlersOf<
  | 'lead.inbox'
  | 'lead.case'
  | 'lead.attachment'
  | 'lead.triage'
  | 'lead.action'
  | 'lead.completeAction'
  | 'lead.note'
  | 'lead.decide'
  | 'lead.close'
  | 'lead.reopen'
> {
  const { lead, forms } = deps;
  /** Records on a case by reference, and answers with the case as it now is. */
  const change = (reference: string, work: (w: Workspace, caseId: string) => void) => {
    const workspace = lead.require();
    const caseId = workspace.casework.caseIdOf(reference);
    work(workspace, caseId);
    return Promise.resolve(caseView(workspace.casework.read(caseId), forms, workspace));
  };
  return {
    'lead.inbox': ({ filters, offset, limit }) => {
      const workspace = lead.require();
      const page = new CaseQueries(workspace.store.db).inbox(
        caseFilters(filters, workspace),
        { offset: offset ?? 0, limit: limit ?? 50 },
        new Date(),
      );
      return Promise.resolve({
        rows: page.rows.map((r) => inboxRow(r, forms, workspace)),
        total: page.total,
        quarantined: workspace.store.quarantine.count(),
      });
    },
    'lead.case': async ({ reference }) => {
      const workspace = lead.require();
      const record = workspace.casework.open(reference);
      // The first opening owes the reporter an acknowledgement: written now, or by a later import.
      const settings = workspace.store.settings.get();
      if (settings !== null) {
        void writeOwedAcknowledgements(
          openShare(settings.sharePath, { timeoutMs: 5_000 }),
          workspace.store,
          workspace.secrets,
          new Date(),
        ).catch(() => undefined);
      }
      return Promise.resolve(caseView(record, forms, workspace));
    },
    'lead.attachment': ({ reference, sha256 }) => {
      const workspace = lead.require();
      const caseId = workspace.casework.caseIdOf(reference);
      const found = workspace.store.cases.attachment(caseId, sha256);
      if (found === null) {
        const detail = workspace.store.cases.byConcernId(caseId);
        const notHeld =
          detail !== null && attachmentsNotHeld(detail).some((a) => a.sha256 === sha256);
        throw new SafeguardError(
          'unknown-reference',
          notHeld
            ? 'That attachment was too large to pass on when the case was shared with you; the lead who first received the case holds it.'
            : 'There is no such attachment.',
        );
      }
      workspace.casework.audit('case-viewed', { caseId, attachment: sha256 });
      return Promise.resolve({
        mediaType: found.mediaType,
        base64: found.content.toString('base64'),
      });
    },
    'lead.triage': (input) =>
      change(input.reference, (w, caseId) => {
        if (input.assignedTo !== null && !w.roster.has(input.assignedTo)) {
          throw new SafeguardError('invalid-input', 'Assign the case to a lead of this school.');
        }
        w.casework.record(caseId, 'triaged', {
          pathway: input.pathway,
          priority: input.priority,
          assignedTo: input.assignedTo,
          reason: input.reason,
          harmThreshold: input.harmThreshold,
        });
      }),
    'lead.action': (input) =>
      change(input.reference, (w, caseId) => {
        const state = w.casework.state(caseId);
        const due =
          input.due ??
          (input.type === 'lado-consultation' && state.lado !== null ? state.lado.due : null);
        w.casework.record(caseId, 'action-recorded', {
          actionId: randomUUID(),
          type: input.type,
          due,
          doneAt: input.done ? new Date().toISOString() : null,
          spokeTo: input.spokeTo,
          advice: input.advice,
          nextSteps: input.nextSteps,
          result: input.result,
          share: input.share,
        });
      }),
    'lead.completeAction': (input) =>
      change(input.reference, (w, caseId) => {
        w.casework.record(caseId, 'action-completed', {
          actionId: input.actionId,
          doneAt: new Date().toISOString(),
          result: input.result,
        });
      }),
    'lead.note': (input) =>
      change(input.reference, (w, caseId) => {
        w.casework.record(caseId, 'note-added', { text: input.text, kind: input.kind });
      }),
    'lead.decide': (input) =>
      change(input.reference, (w, caseId) => {
        w.casework.record(caseId, 'decision-recorded', {
          decision: input.decision,
          reason: input.reason,
        });
      }),
    'lead.close': (input) =>
      change(input.reference, (w, caseId) => {
        w.casework.record(caseId, 'closed', { outcome: input.outcome, reason: input.reason });
      }),
    'lead.reopen': (input) =>
      change(input.reference, (w, caseId) => {
        w.casework.record(caseId, 'reopened', { reason: input.reason });
      }),
  };
}
