/**
 * The safeguarding lead's side of the contract. Every operation here but `lead.status` answers
 * `not-a-lead` on a computer whose user holds no lead identity, and `locked` until `lead.unlock`.
 * Case content crosses only to an unlocked lead's own screen, and every opening is audited.
 */
import { z } from 'zod';
import {
  actionTypes,
  consentStatuses,
  outcomes,
  pathways,
  priorities,
} from '../../casework/events/types';
import { leadSchoolContract } from './lead-school';
import { none } from './shared';

/** Where the office's figures (the anonymised extract) stand; null while locked. */
export const extractStatusSchema = z.object({
  /** When this lead last published them, or null. */
  lastPublishedAt: z.string().nullable(),
  /** How many concerns that extract held. */
  rows: z.number().int().nullable(),
  /** A publication is waiting (a while after the last change) or running. */
  pending: z.boolean(),
  /** Why the last publication failed, e.g. `no-office-recipient`; null when it did not. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const leadStatusSchema = z.object({
  /** This user holds a lead identity on this computer. */
  isLead: z.boolean(),
  /** The lead has unlocked it in this session. */
  unlocked: z.boolean(),
  /** Who they are on the school profile, once unlocked. */
  name: z.string().nullable(),
  role: z.string().nullable(),
  recipientId: z.string().nullable(),
  extract: extractStatusSchema.nullable(),
});

const reference = z.string().trim().min(1).max(20);
/** A passphrase as typed: never trimmed here (the core normalises and checks it). */
const passphrase = z.string().min(1).max(1_000);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const caseFiltersSchema = z.object({
  kind: z.enum(['concern', 'contact-log']).optional(),
  formId: z.string().max(100).optional(),
  pathway: z.enum(pathways).optional(),
  status: z.enum(['new', 'open', 'closed']).optional(),
  priority: z.enum(priorities).optional(),
  assignedTo: z.string().max(100).optional(),
  /** Whose cases: this lead's, other leads', or nobody's (the session knows who "me" is). */
  assigned: z.enum(['me', 'others', 'unassigned']).optional(),
  personId: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  overdue: z.boolean().optional(),
});

/** One case as the inbox lists it: no answers, only the names of the people it names. */
export const inboxRowSchema = z.object({
  reference: z.string(),
  formId: z.string(),
  formTitle: z.string(),
  kind: z.enum(['concern', 'contact-log']),
  urgency: z.enum(['urgent', 'normal']),
  filedAt: z.string(),
  status: z.enum(['new', 'open', 'closed']),
  pathway: z.string().nullable(),
  priority: z.string().nullable(),
  assignedTo: z.string().nullable(),
  assignedName: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Urgent and not yet triaged: kept at the top, marked. */
  untriagedUrgent: z.boolean(),
  nextDue: z.string().nullable(),
  ladoDue: z.string().nullable(),
  overdue: z.boolean(),
  opened: z.boolean(),
  people: z.array(z.string()),
});

export const inboxSchema = z.object({
  rows: z.array(inboxRowSchema),
  total: z.number().int(),
  quarantined: z.number().int(),
});

const eventSchema = z
  .object({
    eventId: z.string(),
    type: z.string(),
    at: z.string(),
    author: z.string(),
    authorName: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .loose();

/** An attachment filed with a concern: its name, type, size and hash. */
const caseAttachment = z.object({
  fieldId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

/** A case as the lead reads it: the concern as filed, then its record. */
export const caseViewSchema = z.object({
  reference: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  formTitle: z.string(),
  kind: z.enum(['concern', 'contact-log']),
  urgency: z.enum(['urgent', 'normal']),
  reporterName: z.string(),
  reporterRole: z.string(),
  filedAt: z.string(),
  importedAt: z.string(),
  /** The answers in the form version's order, with its labels. */
  answers: z.array(
    z.object({ fieldId: z.string(), label: z.string(), type: z.string(), value: z.unknown() }),
  ),
  attachments: z.array(caseAttachment),
  /**
   * Attachments filed with the concern whose bytes this lead does not hold: a case shared with a
   * lead added later travels without them when they are too large (src/casework/sync/history.ts).
   */
  attachmentsNotHeld: z.array(caseAttachment),
  about: z.object({ name: z.string(), role: z.string() }).nullable(),
  people: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      role: z.string(),
      how: z.string(),
      detail: z.string().nullable(),
    }),
  ),
  /** The case's state folded from its events (see src/casework/fold.ts). */
  state: z.object({
    status: z.enum(['new', 'open', 'closed']),
    pathway: z.string().nullable(),
    priority: z.string().nullable(),
    assignedTo: z.string().nullable(),
    outcome: z.string().nullable(),
    flaggedForRemoval: z.boolean(),
    overdue: z.boolean(),
    lado: z.object({ due: z.string(), met: z.boolean(), overdue: z.boolean() }).nullable(),
    triage: z.record(z.string(), z.unknown()).nullable(),
    /**
     * The triage shown was recorded by a different lead from the one before it (two leads
     * triaging, perhaps at once): who changed it and when, and whose it replaced. Both stay in the
     * timeline.
     */
    triageChanged: z
      .object({ byName: z.string(), at: z.string(), previousByName: z.string() })
      .nullable(),
    actions: z.array(z.record(z.string(), z.unknown())),
    notes: z.array(z.record(z.string(), z.unknown())),
    decisions: z.array(z.record(z.string(), z.unknown())),
  }),
  timeline: z.array(eventSchema),
  /** The harm-threshold questions apply: the concern is about an adult. */
  aboutAnAdult: z.boolean(),
});

const harmThreshold = z.strictObject({
  harmed: z.boolean(),
  offence: z.boolean(),
  risk: z.boolean(),
  unsuitable: z.boolean(),
});

const share = z
  .strictObject({
    what: z.string().trim().min(1).max(2_000),
    why: z.string().trim().min(1).max(2_000),
    consent: z.enum(consentStatuses),
    consentReasoning: z.string().trim().min(1).max(2_000),
  })
  .nullable();

export const personSchema = z.object({ personId: z.string(), name: z.string(), role: z.string() });

export const chronologySchema = z.object({
  person: personSchema,
  mergedWith: z.array(personSchema),
  /** The merges in force that join these records; each can be undone with a reason. */
  merges: z.array(
    z.object({ mergeId: z.string(), at: z.string(), from: personSchema, into: personSchema }),
  ),
  lowLevelLast12Months: z.number().int().nullable(),
  cases: z.array(inboxRowSchema),
  entries: z.array(
    z.object({
      at: z.string(),
      reference: z.string(),
      /** null: the concern as filed. */
      event: eventSchema.nullable(),
    }),
  ),
});

export const auditReportSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  events: z.number().int(),
  problem: z
    .object({
      seq: z.number().int().nullable(),
      eventId: z.string().nullable(),
      message: z.string(),
    })
    .nullable(),
});

/** Term dates and closure days as the lead sets them (checked again by the workspace). */
const calendarSchema = z.strictObject({
  terms: z.array(z.strictObject({ start: z.string().max(10), end: z.string().max(10) })).max(100),
  closureDays: z.array(z.string().max(10)).max(1_000),
});

const caseChange = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ reference, ...shape });

/** The lead operations. */
export const leadContract = {
  'lead.status': { input: none, output: leadStatusSchema },
  /**
   * The unlock screen is showing: the core gets the passphrase check ready in the background, so
   * that unlocking, once the passphrase is entered, takes well under a second. Safe to repeat.
   */
  'lead.prepareUnlock': { input: none, output: leadStatusSchema },
  /** Opens the lead identity with the passphrase; a wrong one waits longer after five tries. */
  'lead.unlock': {
    input: z.object({ passphrase }),
    output: leadStatusSchema,
  },
  /** Forgets the unlocked identity and closes the case store. */
  'lead.lock': { input: none, output: leadStatusSchema },
  /**
   * Re-seals the unlocked lead's identity under a new passphrase. A wrong current passphrase counts
   * as a wrong try at unlocking (and waits as one after five); the recovery key stays the same.
   */
  'lead.changePassphrase': {
    input: z.object({ current: passphrase, next: passphrase }),
    output: leadStatusSchema,
  },
  /**
   * A forgotten passphrase, while locked: the recovery key opens the lead's copy on the share, and
   * the identity is re-sealed under the new passphrase. The area stays locked, to be unlocked.
   */
  'lead.recover': {
    input: z.object({ recoveryKey: z.string().min(1).max(200), newPassphrase: passphrase }),
    output: z.object({ name: z.string(), role: z.string() }),
  },
  /** A page of the inbox: urgent untriaged first, then newest. */
  'lead.inbox': {
    input: z.object({
      filters: caseFiltersSchema.optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output: inboxSchema,
  },
  /** Brings in new concerns from the share now (it also runs every minute while unlocked). */
  'lead.import': {
    input: none,
    output: z.object({ imported: z.number().int(), urgent: z.number().int() }),
  },
  'lead.quarantine': {
    input: none,
    output: z.array(
      z.object({
        file: z.string(),
        code: z.string(),
        reason: z.string(),
        firstSeen: z.string(),
        lastSeen: z.string(),
      }),
    ),
  },
  /** The school's leads, for assigning and for naming who did what. */
  'lead.recipients': {
    input: none,
    output: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  },
  /** The school's term dates and closure days, which the clocks count by. */
  'lead.calendar': { input: none, output: calendarSchema },
  /** Replaces them; every open case's clocks are worked out again. Refusals say what to change. */
  'lead.setCalendar': { input: calendarSchema, output: calendarSchema },
  /** Opens a case (audited; the first opening tells the reporter a lead has it). */
  'lead.case': { input: z.object({ reference }), output: caseViewSchema },
  /** One attachment's bytes, to show inside the app (never handed to the operating system). */
  'lead.attachment': {
    input: z.object({ reference, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: z.object({ mediaType: z.string(), base64: z.string() }),
  },
  'lead.triage': {
    input: caseChange({
      pathway: z.enum(pathways),
      priority: z.enum(priorities),
      assignedTo: z.string().max(100).nullable(),
      reason: optionalText(4_000),
      harmThreshold: harmThreshold.nullable(),
    }),
    output: caseViewSchema,
  },
  'lead.action': {
    input: caseChange({
      type: z.enum(actionTypes),
      /** YYYY-MM-DD; for a LADO consultation on an allegation, the clock's due time when absent. */
      due: z.iso.date().nullable(),
      done: z.boolean(),
      spokeTo: optionalText(500),
      advice: optionalText(8_000),
      nextSteps: optionalText(8_000),
      result: optionalText(8_000),
      share,
    }),
    output: caseViewSchema,
  },
  'lead.completeAction': {
    input: caseChange({ actionId: z.uuid(), result: optionalText(8_000) }),
    output: caseViewSchema,
  },
  'lead.note': {
    input: caseChange({
      text: z.string().trim().min(1).max(20_000),
      kind: z.enum(['fact', 'opinion']),
    }),
    output: caseViewSchema,
  },
  'lead.decide': {
    input: caseChange({
      decision: z.string().trim().min(1).max(4_000),
      reason: z.string().trim().min(1).max(8_000),
    }),
    output: caseViewSchema,
  },
  'lead.close': {
    input: caseChange({ outcome: z.enum(outcomes), reason: optionalText(8_000) }),
    output: caseViewSchema,
  },
  'lead.reopen': {
    input: caseChange({ reason: z.string().trim().min(1).max(8_000) }),
    output: caseViewSchema,
  },
  'lead.search': {
    input: z.object({
      query: z.string().trim().min(1).max(500),
      filters: caseFiltersSchema.optional(),
    }),
    output: z.array(inboxRowSchema),
  },
  'lead.people': {
    input: z.object({ name: z.string().trim().min(1).max(200) }),
    output: z.array(personSchema),
  },
  'lead.chronology': { input: z.object({ personId: z.uuid() }), output: chronologySchema },
  /** Records that two person records are one person (an event, reversible). */
  'lead.mergePeople': {
    input: z.object({ from: z.uuid(), into: z.uuid() }),
    output: z.object({ mergeId: z.string() }),
  },
  /** Undoes a merge, with the reason (an event: the merge stays in the record, undone). */
  'lead.unmergePeople': {
    input: z.object({ mergeId: z.uuid(), reason: z.string().trim().min(1).max(4_000) }),
    output: z.object({ unmergeId: z.string() }),
  },
  /**
   * Publishes the anonymised figures for office staff now (it also happens a while after each
   * change): `no-office-recipient` when the school has no office user to read them.
   */
  'lead.publishExtract': {
    input: none,
    output: z.object({
      rows: z.number().int(),
      file: z.string(),
      producedAt: z.string(),
      sealedTo: z.object({ office: z.number().int(), leads: z.number().int() }),
    }),
  },
  /** "Check the record": every link and signature of the audit chain and the events. */
  'lead.verify': { input: none, output: auditReportSchema },
  /** The School screen: recipients, contacts; changes by the DSL (contract/lead-school.ts). */
  ...leadSchoolContract,
} as const;
