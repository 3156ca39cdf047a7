/**
 * The pure half of the form driver: the form definitions as read from forms/, the answers a test
 * gives for every field, and how each answer must look once the lead has imported it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const formsDir = resolve(import.meta.dirname, '../../../forms');

const optionSchema = z.object({ value: z.string(), label: z.string() });
const fieldSchema = z
  .object({
    id: z.string(),
    type: z.enum([
      'text',
      'longtext',
      'date',
      'datetime',
      'choice',
      'multichoice',
      'yesno',
      'people',
      'attachments',
    ]),
    label: z.string(),
    required: z.boolean(),
    options: z.array(optionSchema).optional(),
  })
  .loose();
const formSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    kind: z.enum(['concern', 'contact-log']),
    fields: z.array(fieldSchema),
  })
  // Kept whole (guidance, help...) so the core's own parser can read the same object.
  .loose();

export type FormJson = z.infer<typeof formSchema>;
export type FormField = FormJson['fields'][number];
export type PersonRole = 'pupil' | 'staff' | 'parent' | 'volunteer' | 'other';
export interface PersonAnswer {
  name: string;
  role: PersonRole;
  detail: string;
}
export interface FileAnswer {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
/** An answer as a person gives it in the UI (dates as typed; choices by value). */
export type UiAnswer = string | string[] | boolean | PersonAnswer[] | FileAnswer[];
export interface Submission {
  reporter: { name: string; role: string };
  answers: Record<string, UiAnswer>;
}

/** The latest version of every form in forms/ (the folder, not the registry: new files count). */
export function readForms(): FormJson[] {
  const latest = new Map<string, FormJson>();
  for (const name of readdirSync(formsDir).sort()) {
    if (!/\.v\d+\.json$/.test(name)) continue;
    const form = formSchema.parse(JSON.parse(readFileSync(join(formsDir, name), 'utf8')));
    const seen = latest.get(form.id);
    if (seen === undefined || seen.version < form.version) latest.set(form.id, form);
  }
  return [...latest.values()];
}

/** A tiny valid PNG (1×1, transparent): something real to attach. */
export const samplePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const samplePeople: PersonAnswer[] = [
  { name: 'Alex Example', role: 'staff', detail: 'Year 6 class teacher' },
  { name: 'Pupil B', role: 'pupil', detail: 'Year 6, Oak class' },
];

/** An answer for one field, distinct per field, with punctuation and a line break to survive. */
export function sampleAnswer(field: FormField): UiAnswer {
  const options = field.options ?? [];
  switch (field.type) {
    case 'text':
      return `Text for ${field.id}: Ms O’Neill & “class 6”`;
    case 'longtext':
      return `First line for ${field.id}, facts only.\nSecond line — with <angle> brackets & ‘quotes’.`;
    case 'date':
      return '2026-06-20';
    case 'datetime':
      return '2026-06-23T16:05';
    case 'choice':
      return (options[1] ?? options[0])?.value ?? '';
    case 'multichoice':
      return [...new Set([options[0]?.value, options.at(-1)?.value])].filter(
        (v) => v !== undefined,
      );
    case 'yesno':
      return false;
    case 'people':
      return samplePeople;
    case 'attachments':
      return [{ name: `evidence-${field.id}.png`, mimeType: 'image/png', buffer: samplePng }];
  }
}

/** A full submission: every field answered, optional ones too. */
export function sampleSubmission(
  form: FormJson,
  overrides: Record<string, UiAnswer> = {},
): Submission {
  const answers: Record<string, UiAnswer> = {};
  for (const field of form.fields) answers[field.id] = sampleAnswer(field);
  return {
    reporter: { name: 'Sam Teacher', role: 'Class teacher, Year 6' },
    answers: { ...answers, ...overrides },
  };
}

/** The UTC instant of a wall-clock time 'YYYY-MM-DDTHH:MM' in `timeZone`. */
export function zonedInstant(local: string, timeZone: string): number {
  const naive = Date.parse(`${local}:00Z`);
  const offsetAt = (instant: number): number => {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d\d):(\d\d)/.exec(name ?? '');
    if (match === null) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return (match[1] === '-' ? -minutes : minutes) * 60_000;
  };
  const first = naive - offsetAt(naive);
  return naive - offsetAt(first);
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const canon = (value: unknown): string => JSON.stringify(value);

/** The stored form of an answer: a datetime as UTC ISO, a file as its description, else as given. */
export function expectedStored(field: FormField, given: UiAnswer, timeZone: string): unknown {
  switch (field.type) {
    case 'datetime':
      return new Date(zonedInstant(given as string, timeZone)).toISOString();
    case 'attachments':
      return (given as FileAnswer[]).map((file) => ({
        name: file.name,
        mediaType: file.mimeType,
        size: file.buffer.byteLength,
        sha256: sha256(file.buffer),
      }));
    default:
      return given;
  }
}

/**
 * Why a stored answer differs from what the test gave, or null when it is exactly it: text,
 * dates, choices and people as given; a datetime as an ISO string with an offset naming the same
 * instant; a file as its name, type, size and SHA-256.
 */
export function answerMismatch(
  field: FormField,
  given: UiAnswer,
  stored: unknown,
  timeZone: string,
): string | null {
  const expected = expectedStored(field, given, timeZone);
  const mismatch = `${field.id}: expected ${canon(expected)}, stored ${canon(stored)}`;
  switch (field.type) {
    case 'datetime':
      // Any offset will do, as long as it names the same instant.
      return typeof stored === 'string' &&
        /(Z|[+-]\d\d:\d\d)$/.test(stored) &&
        Date.parse(stored) === Date.parse(expected as string)
        ? null
        : mismatch;
    case 'multichoice': {
      // The order of ticked options carries no meaning.
      const sorted = (v: unknown) => (Array.isArray(v) ? v.map(String).sort() : v);
      return canon(sorted(expected)) === canon(sorted(stored)) ? null : mismatch;
    }
    default:
      return canon(expected) === canon(stored) ? null : mismatch;
  }
}
