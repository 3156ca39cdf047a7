/**
 * The form's values as the inputs hold them, and their conversion to answers as the core takes
 * them: empty optional answers left out, yes/no as booleans, date-times as ISO 8601 with this
 * computer's offset, files as metadata (to check) or as {name, base64} (to send and to draft).
 */
import type { FieldDefinition, FormDefinition } from './definition';

export interface PersonValue {
  name: string;
  role: string;
  detail: string;
}

/** A chosen file, read and hashed once when it is added. */
export interface FileValue {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  base64: string;
}

export type AnswerValue = string | string[] | PersonValue[] | FileValue[];

export interface ReportValues {
  reporterName: string;
  reporterRole: string;
  /** `NOBODY`, or the id of the lead, head or chair the concern is about. */
  about: string;
  answers: Record<string, AnswerValue>;
}

export const NOBODY = 'none';

/** check: for the schema (files as metadata); send: for concerns.submit; draft: for drafts.save. */
export type AnswersPurpose = 'check' | 'send' | 'draft';

export const emptyPerson = (): PersonValue => ({ name: '', role: '', detail: '' });

/** The value an input starts with. */
export function emptyValue(field: FieldDefinition): AnswerValue {
  switch (field.type) {
    case 'multichoice':
    case 'attachments':
      return [];
    case 'people':
      return [emptyPerson()];
    default:
      return '';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-01T14:30" (a datetime-local value, local time) → "2026-03-01T14:30:00+00:00". */
export function localToIso(local: string): string {
  const date = new Date(local);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local) || Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** An ISO 8601 date-time → a datetime-local value in this computer's time zone. */
export function isoToLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

const isBlankPerson = (person: PersonValue) =>
  person.name.trim() === '' && person.role === '' && person.detail.trim() === '';

function personAnswer(person: PersonValue, purpose: AnswersPurpose): Record<string, string> {
  const answer: Record<string, string> = { name: person.name.trim() };
  if (person.role !== '' || purpose === 'check') answer.role = person.role;
  if (person.detail.trim() !== '') answer.detail = person.detail.trim();
  return answer;
}

function fileAnswer(file: FileValue, purpose: AnswersPurpose): Record<string, unknown> {
  if (purpose === 'check') {
    return { name: file.name, mediaType: file.mediaType, size: file.size, sha256: file.sha256 };
  }
  return { name: file.name, base64: file.base64 };
}

/** One answer, or undefined to leave it out. */
function answerFor(
  field: FieldDefinition,
  value: AnswerValue | undefined,
  purpose: AnswersPurpose,
) {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    if (field.type === 'yesno') return value === 'yes';
    if (field.type === 'datetime') return localToIso(value);
    return value;
  }
  if (value.length === 0) return undefined;
  if (field.type === 'people') {
    const people = value as PersonValue[];
    // Blank rows are dropped only when all are blank, so an error's row number is the one shown.
    const kept = purpose === 'check' ? people : people.filter((p) => !isBlankPerson(p));
    if (kept.every(isBlankPerson)) return undefined;
    return kept.map((person) => personAnswer(person, purpose));
  }
  if (field.type === 'attachments') {
    return (value as FileValue[]).map((file) => fileAnswer(file, purpose));
  }
  return value;
}

/** The answers to `form`, keyed by field id, with empty answers left out. */
export function toAnswers(
  form: FormDefinition,
  answers: Record<string, AnswerValue>,
  purpose: AnswersPurpose,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of form.fields) {
    const answer = answerFor(field, answers[field.id], purpose);
    if (answer !== undefined) out[field.id] = answer;
  }
  return out;
}

/** Values for the inputs of `form`, empty or from a draft's answers (files are read back later). */
export function fromAnswers(
  form: FormDefinition,
  saved: Record<string, unknown> = {},
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const field of form.fields) {
    const value = saved[field.id];
    out[field.id] = emptyValue(field);
    if (value === undefined || value === null) continue;
    if (field.type === 'yesno' && typeof value === 'boolean') out[field.id] = value ? 'yes' : 'no';
    else if (field.type === 'datetime' && typeof value === 'string')
      out[field.id] = isoToLocal(value);
    else if (field.type === 'multichoice' && Array.isArray(value)) {
      out[field.id] = value.filter((item): item is string => typeof item === 'string');
    } else if (field.type === 'people' && Array.isArray(value)) {
      const people = value.map(readPerson);
      out[field.id] = people.length > 0 ? people : [emptyPerson()];
    } else if (field.type !== 'attachments' && typeof value === 'string') out[field.id] = value;
  }
  return out;
}

function readPerson(value: unknown): PersonValue {
  const person = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const text = (key: string) => (typeof person[key] === 'string' ? person[key] : '');
  return { name: text('name'), role: text('role'), detail: text('detail') };
}
