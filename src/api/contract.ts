/**
 * The one contract between the UI and the core (ARCHITECTURE.md §4). Every operation the renderer
 * may call is declared here once, with zod schemas for its input and output. Both transports
 * (Electron IPC in main/, the loopback web host) parse every input and output against these.
 */
import { z } from 'zod';

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
  enrolled: z.boolean(),
  schoolName: z.string().nullable(),
  safetyCode: z.string().nullable(),
  sharePath: z.string().nullable(),
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
  delivered: z.boolean(),
});

/** A past concern as its reporter sees it: never its content. */
export const receiptEntrySchema = z.object({
  reference: z.string(),
  createdAt: z.string(),
  formId: z.string(),
  formTitle: z.string(),
  kind: z.enum(['concern', 'contact-log']),
  status: z.enum(['queued', 'delivered', 'acknowledged']),
});

export const draftSummarySchema = z.object({
  draftId: z.string(),
  formId: z.string(),
  formTitle: z.string(),
  updatedAt: z.string(),
  /** Older than 7 days: the UI flags it. Drafts are removed after 30 days. */
  stale: z.boolean(),
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
});

export const saveDraftInputSchema = z.object({
  draftId: z.string().max(100).optional(),
  formId: z.string().min(1).max(100),
  answers: z.record(z.string(), z.unknown()),
  about: draftAboutSchema.optional(),
});

export const deliveryResultSchema = z.object({
  delivered: z.number().int(),
  pending: z.number().int(),
  error: z.string().nullable(),
});

const none = z.undefined();

/** The allow-list: operation name → input and output schema. Nothing else crosses the boundary. */
export const apiContract = {
  'app.status': { input: none, output: appStatusSchema },
  'forms.list': { input: none, output: z.array(formSummarySchema) },
  'forms.get': {
    input: z.object({ id: z.string().min(1).max(100) }),
    output: formDefinitionViewSchema,
  },
  'school.subjects': { input: none, output: z.array(concernSubjectSchema) },
  'concerns.submit': { input: submitConcernInputSchema, output: receiptSchema },
  'receipts.list': { input: none, output: z.array(receiptEntrySchema) },
  'outbox.deliver': { input: none, output: deliveryResultSchema },
  'drafts.list': { input: none, output: z.array(draftSummarySchema) },
  'drafts.get': { input: z.object({ draftId: z.string().max(100) }), output: draftSchema },
  'drafts.save': {
    input: saveDraftInputSchema,
    output: z.object({ draftId: z.string(), updatedAt: z.string() }),
  },
  'drafts.delete': {
    input: z.object({ draftId: z.string().max(100) }),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;

export type ApiContract = typeof apiContract;
export type OperationName = keyof ApiContract;
export type OperationInput<K extends OperationName> = z.input<ApiContract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<ApiContract[K]['output']>;

/** The shape of `window.safeguard`: one async function per operation. */
export type SafeguardBridge = {
  [K in OperationName]: ApiContract[K]['input'] extends typeof none
    ? () => Promise<OperationOutput<K>>
    : (input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/** The handlers that implement the contract, one per operation, over the real core. */
export type ApiHandlers = {
  [K in OperationName]: (input: z.output<ApiContract[K]['input']>) => Promise<OperationOutput<K>>;
};

/** The error shape that crosses the boundary: a code and a sentence, never content or a stack. */
export const apiErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;
