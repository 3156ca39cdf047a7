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
  summary: z.string().optional(),
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

export const submitConcernInputSchema = z.object({
  formId: z.string().min(1).max(100),
  answers: z.record(z.string(), z.unknown()),
  reporter: z.object({
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().min(1).max(100),
  }),
});

export const receiptSchema = z.object({
  reference: z.string(),
  createdAt: z.string(),
  delivered: z.boolean(),
});

export const outboxEntrySchema = z.object({
  reference: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  attempts: z.number().int(),
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
  'concerns.submit': { input: submitConcernInputSchema, output: receiptSchema },
  'outbox.list': { input: none, output: z.array(outboxEntrySchema) },
  'outbox.deliver': { input: none, output: deliveryResultSchema },
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
