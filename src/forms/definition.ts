/**
 * The schema of a form definition (forms/<id>.v<version>.json). Objects are strict so that a typo
 * in a school's form fails loudly at load instead of being silently ignored.
 */
import { z } from 'zod';
import { SafeguardError } from '../errors';
import { describeIssues, joinProblems } from './issues';

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugMessage = 'must be lowercase letters and digits joined by hyphens, e.g. my-form';
const oneLine = /^[^\r\n]*$/;

const text = (what: string) => z.string().min(1, `${what} must not be empty`);
const line = (what: string) =>
  text(what).regex(oneLine, `${what} must fit on one line`).max(200, `${what} is too long`);

/** Megabytes here are mebibytes: what a file manager shows. */
const MiB = 1024 * 1024;

const fieldBase = {
  id: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*$/, 'must be camelCase: a lowercase letter, then letters or digits')
    .describe('Stable key of the answer in every concern filed with this form.'),
  label: line('a label').describe('The question as staff see it.'),
  required: z.boolean(),
  help: text('help').optional().describe('A short hint shown under the question.'),
};

const optionsSchema = z
  .array(
    z.strictObject({
      value: z
        .string()
        .regex(slug, slugMessage)
        .describe('Stored in the concern; never change it.'),
      label: line('an option label'),
    }),
    { error: (issue) => (issue.input === undefined ? 'a choice needs options' : undefined) },
  )
  .min(1, 'a choice needs at least one option')
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((option, index) => {
      if (seen.has(option.value)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate option value "${option.value}"`,
          path: [index, 'value'],
        });
      }
      seen.add(option.value);
    });
  });

const positiveInt = z.number().int('must be a whole number').min(1, 'must be at least 1');

const fieldSchemas = [
  z.strictObject({
    ...fieldBase,
    type: z.literal('text'),
    maxLength: positiveInt.default(500),
  }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('longtext'),
    maxLength: positiveInt.default(20_000),
  }),
  z.strictObject({ ...fieldBase, type: z.literal('date') }),
  z.strictObject({ ...fieldBase, type: z.literal('datetime') }),
  z.strictObject({ ...fieldBase, type: z.literal('choice'), options: optionsSchema }),
  z.strictObject({ ...fieldBase, type: z.literal('multichoice'), options: optionsSchema }),
  z.strictObject({ ...fieldBase, type: z.literal('yesno') }),
  z.strictObject({ ...fieldBase, type: z.literal('people') }),
  z.strictObject({
    ...fieldBase,
    type: z.literal('attachments'),
    maxFiles: positiveInt.default(5),
    maxBytesEach: positiveInt.default(10 * MiB),
  }),
] as const;

const fieldTypes = fieldSchemas.map((schema) => schema.shape.type.value);

const fieldSchema = z.discriminatedUnion('type', fieldSchemas, {
  error: (issue) => {
    const input: unknown = issue.input;
    if (typeof input !== 'object' || input === null) return undefined;
    return 'type' in input
      ? `unknown field type; expected one of ${fieldTypes.join(', ')}`
      : `required; one of ${fieldTypes.join(', ')}`;
  },
});

/** The schema every form definition file must satisfy (its JSON Schema is generated from this). */
export const formDefinitionSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path to form-definition.schema.json, for editors.'),
    id: z
      .string()
      .regex(slug, slugMessage)
      .describe('Stable id; the file is <id>.v<version>.json.'),
    version: positiveInt.describe('Starts at 1; a published version never changes.'),
    title: line('the title'),
    summary: line('the summary').describe('One line for the home screen.'),
    searchWords: z
      .array(line('a search word').max(40, 'a search word must be at most 40 characters'))
      .optional()
      .describe(
        'Words staff may type in "Search concern types" to find this form (e.g. nudes, Snapchat).',
      ),
    kind: z.enum(['concern', 'contact-log']),
    guidance: z
      .strictObject({
        now: z
          .array(line('a guidance line'))
          .min(1, 'needs at least one line')
          .describe('What to do now.'),
        avoid: z
          .array(line('a guidance line'))
          .min(1, 'needs at least one line')
          .describe('What not to do.'),
      })
      .describe('Shown beside the form while staff fill it in.'),
    defaultPathway: z
      .string()
      .regex(slug, slugMessage)
      .describe('e.g. allegation, low-level-concern, code-of-conduct, advice, log, lead-decides.'),
    defaultUrgency: z.enum(['urgent', 'normal']),
    fields: z
      .array(fieldSchema)
      .min(1, 'a form needs at least one field')
      .superRefine((fields, ctx) => {
        const seen = new Set<string>();
        fields.forEach((field, index) => {
          if (seen.has(field.id)) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate field id "${field.id}"`,
              path: [index, 'id'],
            });
          }
          seen.add(field.id);
        });
      }),
  })
  .meta({
    title: 'Safeguard Desk form definition',
    description: 'A form staff fill in to file a concern or log online contact.',
  });

/** A parsed form definition, defaults filled in. */
export type FormDefinition = z.output<typeof formDefinitionSchema>;

/** One question of a form, discriminated on `type`. */
export type FieldDefinition = FormDefinition['fields'][number];

/** Messages for issues that carry no message of their own; form definitions are not secret. */
const definitionErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined) return 'required';
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.join(', ')}`;
  return undefined;
};

/** Parses a form definition read from `source` (a file name), or throws SafeguardError('bad-form'). */
export function parseFormDefinition(json: unknown, source: string): FormDefinition {
  const result = formDefinitionSchema.safeParse(json, { error: definitionErrorMap });
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues, (path) => path.join('.') || 'form');
  throw new SafeguardError('bad-form', `${source}: ${joinProblems(problems)}`);
}
