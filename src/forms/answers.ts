/**
 * Checking a set of answers against the form definition they were given for. The core does this on
 * submit and again on import: the renderer is never trusted. Problems name the field, never the
 * value, because the value is concern content.
 */
import { z } from 'zod';
import { SafeguardError } from '../errors';
import type { FieldDefinition, FormDefinition } from './definition';
import { joinProblems, shortKey } from './issues';

const REQUIRED = 'required';
const personRoles = ['pupil', 'staff', 'parent', 'volunteer', 'other'] as const;

/** Type errors say what was expected; all other issues keep their own message. */
function expecting(what: string) {
  return {
    error: (issue: z.core.$ZodRawIssue) => {
      if (issue.code !== 'invalid_type') return undefined;
      return issue.input === undefined ? REQUIRED : `must be ${what}`;
    },
  };
}

/** For schemas whose every failure means one thing (a format, an enum). */
function failing(problem: string) {
  return {
    error: (issue: z.core.$ZodRawIssue) => (issue.input === undefined ? REQUIRED : problem),
  };
}

const atMost = (max: number) => `must be at most ${max} characters`;

/** Metadata of one attached file; the bytes travel apart, bound to this by their SHA-256. */
export const attachmentMetaSchema = z.strictObject(
  {
    name: z.string(expecting('text')).min(1, REQUIRED).max(255, atMost(255)),
    mediaType: z
      .string(expecting('text'))
      .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as image/png'),
    size: z
      .number(expecting('a number'))
      .int('must be a whole number')
      .min(0, 'must not be negative'),
    sha256: z
      .string(expecting('text'))
      .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters'),
  },
  expecting('a file'),
);

/** Name, type, size and SHA-256 of an attached file. */
export type AttachmentMeta = z.output<typeof attachmentMetaSchema>;

const personSchema = z.strictObject(
  {
    name: z.string(expecting('text')).trim().min(1, REQUIRED).max(200, atMost(200)),
    role: z.enum(personRoles, failing(`must be one of ${personRoles.join(', ')}`)),
    detail: z.string(expecting('text')).trim().max(1000, atMost(1000)).optional(),
  },
  expecting('a person'),
);

const isoDateTime = [
  z.iso.datetime({ offset: true }),
  z.iso.datetime({ offset: true, precision: -1 }),
];

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}

function noDuplicates(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

/** The schema of one field's answer when it is present. */
function presentAnswerSchema(field: FieldDefinition): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'longtext': {
      const schema = z
        .string(expecting('text'))
        .trim()
        .max(field.maxLength, atMost(field.maxLength));
      return field.required ? schema.min(1, REQUIRED) : schema;
    }
    case 'date':
      return z.iso.date(failing('must be a real date written YYYY-MM-DD'));
    case 'datetime':
      return z
        .string(expecting('a date and time'))
        .refine(
          (value) => isoDateTime.some((schema) => schema.safeParse(value).success),
          'must be a real date and time with its time zone, e.g. 2026-03-01T14:30:00Z',
        );
    case 'choice':
      return z.enum(
        field.options.map((option) => option.value),
        failing('must be one of the options'),
      );
    case 'multichoice': {
      const choice = z.enum(
        field.options.map((option) => option.value),
        failing('must be one of the options'),
      );
      const schema = z
        .array(choice, expecting('a list of options'))
        .refine(noDuplicates, 'must not choose the same option twice');
      return field.required ? schema.min(1, REQUIRED) : schema;
    }
    case 'yesno':
      return z.boolean(expecting('yes or no'));
    case 'people': {
      const schema = z.array(personSchema, expecting('a list of people'));
      return field.required ? schema.min(1, REQUIRED) : schema;
    }
    case 'attachments': {
      const file = attachmentMetaSchema.extend({
        size: attachmentMetaSchema.shape.size.max(
          field.maxBytesEach,
          `must be at most ${formatBytes(field.maxBytesEach)}`,
        ),
      });
      const schema = z
        .array(file, expecting('a list of files'))
        .max(field.maxFiles, `must be at most ${field.maxFiles} files`);
      return field.required ? schema.min(1, REQUIRED) : schema;
    }
  }
}

/** Builds the zod schema of a complete set of answers to `form`. */
export function answersSchemaFor(form: FormDefinition): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of form.fields) {
    const schema = presentAnswerSchema(field);
    shape[field.id] = field.required ? schema : schema.optional();
  }
  return z.strictObject(shape);
}

const itemNoun: Record<FieldDefinition['type'], string> = {
  text: 'item',
  longtext: 'item',
  date: 'item',
  datetime: 'item',
  choice: 'item',
  multichoice: 'option',
  yesno: 'item',
  people: 'person',
  attachments: 'file',
};

/** Where inside one answer, e.g. "person 2, role": positions count from 1, as people do. */
function innerPlace(field: FieldDefinition | undefined, path: readonly PropertyKey[]): string {
  const noun = field ? itemNoun[field.type] : 'item';
  return path
    .map((key) => (typeof key === 'number' ? `${noun} ${key + 1}` : shortKey(key)))
    .join(', ');
}

function describeAnswerIssue(form: FormDefinition, issue: z.core.$ZodIssue): string[] {
  const [top, ...rest] = issue.path;
  if (top === undefined) {
    return issue.code === 'unrecognized_keys'
      ? [`unknown fields: ${issue.keys.map(shortKey).join(', ')}`]
      : ['the answers are not valid'];
  }
  const field = form.fields.find((candidate) => candidate.id === top);
  const where = field ? `"${field.label}" (${field.id})` : `(${shortKey(top)})`;
  const inner = innerPlace(field, rest);
  const prefix = inner === '' ? `${where}: ` : `${where}: ${inner}: `;
  // Inside an answer, a stray key is someone's data as much as a value is: do not repeat it.
  return [
    issue.code === 'unrecognized_keys' ? `${prefix}unknown property` : `${prefix}${issue.message}`,
  ];
}

/** Last resort for issues without a message of ours, so zod's wording never reaches a person. */
const answersErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED : 'not valid';

// Form definitions are immutable once loaded, so each one's schema is built once.
const schemaCache = new WeakMap<FormDefinition, z.ZodType<Record<string, unknown>>>();

function cachedSchemaFor(form: FormDefinition): z.ZodType<Record<string, unknown>> {
  let schema = schemaCache.get(form);
  if (!schema) {
    schema = answersSchemaFor(form);
    schemaCache.set(form, schema);
  }
  return schema;
}

/** Parses answers to `form`, or throws SafeguardError('invalid-answers') naming up to 5 problems. */
export function validateAnswers(form: FormDefinition, answers: unknown): Record<string, unknown> {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new SafeguardError('invalid-answers', 'The answers must be an object keyed by field id.');
  }
  const result = cachedSchemaFor(form).safeParse(answers, { error: answersErrorMap });
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => describeAnswerIssue(form, issue));
  throw new SafeguardError('invalid-answers', joinProblems(problems));
}
