/**
 * The casework record: every change to a case is an event with a global id, the case, a type, a
 * typed payload, the author (a recipient id on the school profile), the time, and the author's
 * Ed25519 signature over its canonical form. Nothing is edited in place: a correction is an event
 * naming the event it corrects. Payloads are validated per type (a discriminated union), so a
 * malformed or forged payload never reaches the case view.
 */
import { z } from 'zod';

export const pathways = [
  'child-protection',
  'allegation',
  'low-level',
  'code-of-conduct',
  'early-help',
  'no-further-action',
] as const;
export type Pathway = (typeof pathways)[number];

export const priorities = ['routine', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

export const actionTypes = [
  'lado-consultation',
  'social-care-referral',
  'police',
  'ceop',
  'iwf',
  'early-help',
  'parents-contacted',
  'staff-advice',
  'hr',
  'other',
] as const;
export type ActionType = (typeof actionTypes)[number];

/** Actions that share information outside the school (SAFEGUARDING.md 12: each share is logged). */
export const externalActions: readonly ActionType[] = [
  'lado-consultation',
  'social-care-referral',
  'police',
  'ceop',
  'iwf',
  'early-help',
];

export const allegationOutcomes = [
  'substantiated',
  'false',
  'malicious',
  'unsubstantiated',
  'unfounded',
] as const;
export const otherOutcomes = ['resolved', 'no-further-action'] as const;
export const outcomes = [...allegationOutcomes, ...otherOutcomes] as const;
export type Outcome = (typeof outcomes)[number];

export const consentStatuses = ['given', 'refused', 'not-sought', 'not-needed'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable();
const day = z.iso.date();

/** The four KCSIE Part 4 harm-threshold questions, answered for a concern about an adult. */
export const harmThresholdSchema = z.strictObject({
  /** Has harmed, or may have harmed, a child. */
  harmed: z.boolean(),
  /** May have committed a criminal offence against or related to a child. */
  offence: z.boolean(),
  /** Has behaved towards a child in a way that indicates they may pose a risk of harm. */
  risk: z.boolean(),
  /** Has behaved in a way that indicates they may not be suitable to work with children. */
  unsuitable: z.boolean(),
});
export type HarmThreshold = z.infer<typeof harmThresholdSchema>;

/** What was shared outside the school, why, and on what consent (SAFEGUARDING.md 12). */
export const externalShareSchema = z.strictObject({
  what: text(2_000),
  why: text(2_000),
  consent: z.enum(consentStatuses),
  consentReasoning: text(2_000),
});

export const triagedPayload = z.strictObject({
  pathway: z.enum(pathways),
  priority: z.enum(priorities),
  /** The lead the case is assigned to (a recipient id), or null. */
  assignedTo: z.uuid().nullable(),
  /** Why this pathway: required when it differs from what the harm threshold suggests. */
  reason: optionalText(4_000),
  /** For a concern about an adult. */
  harmThreshold: harmThresholdSchema.nullable(),
});

export const actionRecordedPayload = z.strictObject({
  /** This action's own id, for completing or correcting it later. */
  actionId: z.uuid(),
  type: z.enum(actionTypes),
  /** When it must be done by: a calendar day (end of that day) or an instant. */
  due: z.union([day, z.iso.datetime({ offset: true })]).nullable(),
  /** When it was done, or null while it is still to do. */
  doneAt: z.iso.datetime({ offset: true }).nullable(),
  spokeTo: optionalText(500),
  advice: optionalText(8_000),
  nextSteps: optionalText(8_000),
  result: optionalText(8_000),
  /** For an action that shares information outside the school. */
  share: externalShareSchema.nullable(),
});

export const actionCompletedPayload = z.strictObject({
  actionId: z.uuid(),
  doneAt: z.iso.datetime({ offset: true }),
  result: optionalText(8_000),
});

export const noteAddedPayload = z.strictObject({
  text: text(20_000),
  /** Fact and opinion are kept apart (KCSIE record keeping). */
  kind: z.enum(['fact', 'opinion']),
});

export const decisionRecordedPayload = z.strictObject({
  decision: text(4_000),
  reason: text(8_000),
});

export const closedPayload = z.strictObject({
  outcome: z.enum(outcomes),
  reason: optionalText(8_000),
});

export const reopenedPayload = z.strictObject({ reason: text(8_000) });

/** The lead first opened the case (what "acknowledged" means to the reporter). */
export const openedPayload = z.strictObject({});

export const correctionPayload = z.strictObject({
  /** The event this corrects (a note, an action, a decision). */
  corrects: z.uuid(),
  reason: text(4_000),
  /** The corrected content: a payload of the corrected event's type. */
  replacement: z.record(z.string(), z.unknown()),
});

/**
 * A lead who holds the case shares it with a lead added to the profile after the concern was
 * filed, whom the school's routing now gives it to (issue 10): from this event on they are one of
 * the case's leads, and its history is re-sealed to them (casework/sync/history.ts).
 */
export const caseSharedPayload = z.strictObject({
  recipientId: z.uuid(),
  name: text(200),
  role: text(40),
});

export const peopleMergedPayload = z.strictObject({ from: z.uuid(), into: z.uuid() });
export const peopleUnmergedPayload = z.strictObject({ merge: z.uuid(), reason: text(4_000) });

/** Every event type and its payload schema. */
export const eventPayloads = {
  'case-opened': openedPayload,
  triaged: triagedPayload,
  'action-recorded': actionRecordedPayload,
  'action-completed': actionCompletedPayload,
  'note-added': noteAddedPayload,
  'decision-recorded': decisionRecordedPayload,
  closed: closedPayload,
  reopened: reopenedPayload,
  corrected: correctionPayload,
  'case-shared': caseSharedPayload,
  'people-merged': peopleMergedPayload,
  'people-unmerged': peopleUnmergedPayload,
} as const;
export type EventType = keyof typeof eventPayloads;
export const eventTypes = Object.keys(eventPayloads) as EventType[];

const bodyBase = {
  format: z.literal('safeguard-desk/case-event'),
  formatVersion: z.literal(1),
  eventId: z.uuid(),
  /** The case (its concern id), or null for an event about people across cases. */
  caseId: z.uuid().nullable(),
  author: z.uuid(),
  at: z.iso.datetime({ offset: true }),
};

/** An event's signed body: a discriminated union on `type`. */
export const eventBodySchema = z.discriminatedUnion('type', [
  z.strictObject({ ...bodyBase, type: z.literal('case-opened'), payload: openedPayload }),
  z.strictObject({ ...bodyBase, type: z.literal('triaged'), payload: triagedPayload }),
  z.strictObject({
    ...bodyBase,
    type: z.literal('action-recorded'),
    payload: actionRecordedPayload,
  }),
  z.strictObject({
    ...bodyBase,
    type: z.literal('action-completed'),
    payload: actionCompletedPayload,
  }),
  z.strictObject({ ...bodyBase, type: z.literal('note-added'), payload: noteAddedPayload }),
  z.strictObject({
    ...bodyBase,
    type: z.literal('decision-recorded'),
    payload: decisionRecordedPayload,
  }),
  z.strictObject({ ...bodyBase, type: z.literal('closed'), payload: closedPayload }),
  z.strictObject({ ...bodyBase, type: z.literal('reopened'), payload: reopenedPayload }),
  z.strictObject({ ...bodyBase, type: z.literal('corrected'), payload: correctionPayload }),
  z.strictObject({ ...bodyBase, type: z.literal('case-shared'), payload: caseSharedPayload }),
  z.strictObject({ ...bodyBase, type: z.literal('people-merged'), payload: peopleMergedPayload }),
  z.strictObject({
    ...bodyBase,
    type: z.literal('people-unmerged'),
    payload: peopleUnmergedPayload,
  }),
]);
export type EventBody = z.infer<typeof eventBodySchema>;

/** An event with its author's signature over the canonical form of its body. */
export const signedEventSchema = z.strictObject({
  event: eventBodySchema,
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'not an Ed25519 signature'),
});
export type SignedEvent = z.infer<typeof signedEventSchema>;

/** The payload of one event type. */
export type PayloadOf<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;
