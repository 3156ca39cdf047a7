/**
 * The staff side of the contract: what any adult in school can do from the app — file a concern,
 * keep drafts, see receipts. Never any concern content once filed.
 */
import { z } from 'zod';
import { none } from './shared';

export const personRoleSchema = z.enum(['pupil', 'staff', 'parent', 'volunteer', 'other']);

export const formSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  searchWords: z.array(z.string()),
  kind: z.enum(['concern', 'contact-log']),
  defaultUrgency: z.enum(['urgent', 'normal']),
});

/** Someone a concern can be about whose role changes routing (a lead, the head, the chair). */
export const concernSubjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['dsl', 'deputy', 'headteacher', 'chair']),
  roleLabel: z.string(),
});

/** A form definition as the UI sees it; the core's own schema (src/forms) is stricter. */
export const formDefinitionViewSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    fields: z.array(
      z
        .object({ id: z.string(), type: z.string(), label: z.string(), required: z.boolean() })
        .loose(),
    ),
  })
  .loose();

export const appStatusSchema = z.object({
  /** How far this computer is set up: nothing (the welcome screen), a staff computer, a lead's, an office user's. */
  setUp: z.enum(['nothing', 'staff', 'lead', 'office']),
  enrolled: z.boolean(),
  schoolName: z.string().nullable(),
  safetyCode: z.string().nullable(),
  sharePath: z.string().nullable(),
  /** The school's settings on the share cannot be trusted (say "tell the DSL"), or null. */
  warning: z.string().nullable(),
  /** Concerns saved on this computer, not yet on the share. */
  waiting: z.number().int(),
  /** Not enrolled: why IT's machine settings did not enrol this computer (tell IT), or null. */
  machineSetting: z.string().nullable(),
});

/**
 * Answers cross as `{fieldId: value}`. A file in an `attachments` field crosses as
 * `{name, base64}`; the core hashes it and refuses files on forms that take none.
 */
export const submitConcernInputSchema = z.object({
  formId: z.string().min(1).max(100),
  answers: z.record(z.string(), z.unknown()),
  reporter: z.object({
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().min(1).max(100),
  }),
  /** Who the concern is about, when that is a lead, the head or the chair (see school.subjects). */
  aboutRecipientId: z.string().max(100).nullable().optional(),
  /** The draft this concern was written in: deleted once the concern is safely in the outbox. */
  draftId: z.string().max(100).optional(),
});

export const receiptSchema = z.object({
  reference: z.string(),
  createdAt: z.string(),
  formTitle: z.string(),
  kind: z.enum(['concern', 'contact-log']),
  urgent: z.boolean(),
  /** On the share already; otherwise saved here and sent in the background. */
  delivered: z.boolean(),
  /** Why it is still waiting (the share's problem, in words), or null. */
  deliveryError: z.string().nullable(),
  /** Sealed to the leads this computer already trusts, because the share's settings were not. */
  warning: z.string().nullable(),
});

const receiptStatusSchema = z.enum(['queued', 'delivered', 'acknowledged']);

/** A past concern as its reporter sees it: never its content. */
export const receiptEntrySchema = z.object({
  reference: z.string(),
  createdAt: z.string(),
  formId: z.string(),
  formTitle: z.string(),
  kind: z.enum(['concern', 'contact-log']),
  status: receiptStatusSchema,
  /** Sealed to the pinned profile because the share's could not be trusted. */
  profileWarning: z.boolean(),
});

export const draftSummarySchema = z.object({
  draftId: z.string(),
  formId: z.string(),
  formTitle: z.string(),
  updatedAt: z.string(),
  /** Older than 7 days: the UI flags it. Drafts are removed after 30 days. */
  stale: z.boolean(),
  /** A draft PIN protects it: after Safeguard Desk locks, it opens with that PIN. */
  protected: z.boolean(),
  /** It opens only with its PIN now (the app locked since it was last opened). */
  needsPin: z.boolean(),
  /** Locked without a PIN: it can no longer be opened, only discarded. */
  discardOnly: z.boolean(),
  /** After too many wrong PINs: when the next try is allowed (ISO 8601), else null. */
  retryAfter: z.string().nullable(),
});

/**
 * `about` is the reporter's answer to "is this concern about one of these people?": 'nobody', a
 * recipient id, or null when not answered yet. A resumed draft must keep it, or a concern about a
 * lead could be sent to that lead.
 */
const draftAboutSchema = z.string().max(100).nullable();

export const draftSchema = z.object({
  draftId: z.string(),
  formId: z.string(),
  answers: z.record(z.string(), z.unknown()),
  about: draftAboutSchema,
  updatedAt: z.string(),
  /** A draft PIN protects it; when false the UI asks the reporter to choose one. */
  protected: z.boolean(),
});

/** Drafts are named by the random UUID the core gave them. */
const draftIdSchema = z.uuid();

/** A draft PIN: 4 to 8 digits. The core also refuses easy ones (1111, 1234). */
export const draftPinSchema = z.string().regex(/^[0-9]{4,8}$/);

/** The bounds of one draft: the core also caps the whole at 16 MiB and a machine at 20 drafts. */
export const DRAFT_LIMITS = {
  answers: 200,
  /** Characters of one text answer: a long answer is 20,000 by default, more only on custom forms. */
  text: 100_000,
  listItems: 100,
  files: 20,
  /** Base64 characters of one file: above the 16 MiB draft cap, so the core's clearer refusal wins. */
  fileBase64: 24 * 1024 * 1024,
} as const;

const draftTextSchema = z.string().max(DRAFT_LIMITS.text);

/** One answer as the form keeps it in a draft (renderer/src/report/values.ts, purpose 'draft'). */
const draftAnswerSchema = z.union([
  draftTextSchema,
  z.boolean(),
  z.array(draftTextSchema).max(DRAFT_LIMITS.listItems),
  z
    .array(
      z.strictObject({
        name: draftTextSchema,
        role: draftTextSchema.optional(),
        detail: draftTextSchema.optional(),
      }),
    )
    .max(DRAFT_LIMITS.listItems),
  z
    .array(
      z.strictObject({
        name: z.string().max(1_000),
        base64: z.string().max(DRAFT_LIMITS.fileBase64),
      }),
    )
    .max(DRAFT_LIMITS.files),
]);

export const saveDraftInputSchema = z.object({
  draftId: draftIdSchema.optional(),
  formId: z.string().min(1).max(100),
  answers: z
    .record(z.string().max(100), draftAnswerSchema)
    .refine((answers) => Object.keys(answers).length <= DRAFT_LIMITS.answers),
  about: draftAboutSchema.optional(),
});

export const deliveryResultSchema = z.object({
  delivered: z.number().int(),
  pending: z.number().int(),
  error: z.string().nullable(),
});

/**
 * The school's contacts as staff see them beside a form (only those with something recorded), and,
 * until a chair of governors is named, the sentence saying a concern about the headteacher has
 * nowhere to go in school, with the LADO and NSPCC numbers.
 */
export const staffContactsSchema = z.object({
  contacts: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      name: z.string(),
      phone: z.string(),
      web: z.string(),
    }),
  ),
  /** When the DSL last checked them (YYYY-MM-DD), or null. */
  lastChecked: z.string().nullable(),
  headteacherConcern: z.string().nullable(),
});

/** The staff operations: every user of the app has them. */
export const staffContract = {
  'app.status': { input: none, output: appStatusSchema },
  /** The UI locked (or started): the core forgets every draft key it holds in memory. */
  'app.lock': { input: none, output: z.object({ draftsLocked: z.number().int() }) },
  'forms.list': { input: none, output: z.array(formSummarySchema) },
  'forms.get': {
    input: z.object({ id: z.string().min(1).max(100) }),
    output: formDefinitionViewSchema,
  },
  'school.subjects': { input: none, output: z.array(concernSubjectSchema) },
  'school.contacts': { input: none, output: staffContactsSchema },
  'concerns.submit': { input: submitConcernInputSchema, output: receiptSchema },
  'receipts.list': { input: none, output: z.array(receiptEntrySchema) },
  /** One receipt's status as this computer knows it (no share access: cheap to poll). */
  'receipts.status': {
    input: z.object({ reference: z.string().max(20) }),
    output: z.object({ reference: z.string(), status: receiptStatusSchema }),
  },
  'outbox.deliver': { input: none, output: deliveryResultSchema },
  'drafts.list': { input: none, output: z.array(draftSummarySchema) },
  /** Opens a draft: without a PIN while this session holds its key, else with its PIN. */
  'drafts.get': {
    input: z.object({ draftId: draftIdSchema, pin: draftPinSchema.optional() }),
    output: draftSchema,
  },
  'drafts.save': {
    input: saveDraftInputSchema,
    output: z.object({ draftId: z.string(), updatedAt: z.string() }),
  },
  /** Sets the PIN that opens the draft after a lock; only while this session holds its key. */
  'drafts.protect': {
    input: z.object({ draftId: draftIdSchema, pin: draftPinSchema }),
    output: z.object({ protected: z.literal(true) }),
  },
  /** Deletes a draft, whether or not it can be opened. */
  'drafts.delete': {
    input: z.object({ draftId: draftIdSchema }),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;
