/**
 * Checking the form with the core's own answers schema (answersSchemaFor), through
 * react-hook-form's zod resolver, and saying each problem in words next to its question.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { get, type FieldErrors, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { answersSchemaFor } from '../../../src/forms/answers';
import type { FieldDefinition, FormDefinition } from './definition';
import { toAnswers, type AnswerValue, type ReportValues } from './values';

const REQUIRED = 'required';

/** The same fallback wording as the core: a person never reads zod's own messages. */
const fallback: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED : 'is not valid';

/**
 * A resolver that checks the reporter and the answers exactly as the core will. `askAbout`: the
 * "about one of these people" question is shown and must have an answer.
 */
export function reportResolver(form: FormDefinition, askAbout: boolean): Resolver<ReportValues> {
  const schema = z.object({
    reporterName: z.string().trim().min(1, REQUIRED).max(200, 'must be at most 200 characters'),
    reporterRole: z.string().trim().min(1, REQUIRED).max(100, 'must be at most 100 characters'),
    about: askAbout ? z.string().min(1, REQUIRED) : z.string(),
    answers: z.preprocess(
      (values) => toAnswers(form, values as Record<string, AnswerValue>, 'check'),
      answersSchemaFor(form),
    ),
  });
  // raw: the step after this one needs the inputs' own values, not the checked answers.
  return zodResolver(
    schema,
    { error: fallback },
    { raw: true },
  ) as unknown as Resolver<ReportValues>;
}

const requiredWords: Record<FieldDefinition['type'], string> = {
  text: 'Write an answer.',
  longtext: 'Write an answer.',
  date: 'Enter a date.',
  datetime: 'Enter a date and a time.',
  choice: 'Choose one answer.',
  multichoice: 'Choose at least one answer.',
  yesno: 'Choose Yes or No.',
  people: 'Add at least one person, with their name and role.',
  attachments: 'Add at least one file.',
};

/** "must be at most 5 files" → "Must be at most 5 files." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The problem with a whole answer, in words. */
export function answerProblem(field: FieldDefinition, message: string): string {
  if (message === REQUIRED) return requiredWords[field.type];
  if (message.startsWith('must be a real date written')) return 'Enter a real date.';
  if (message.startsWith('must be a real date and time')) return 'Enter a real date and time.';
  if (message === 'must be one of the options') return 'Choose one of the options.';
  return sentence(message);
}

/** The problem with one part of person `index` (0-based), in words. */
export function personProblem(index: number, part: string, message: string): string {
  const who = `person ${index + 1}`;
  if (part === 'role') return `Choose ${who}’s role.`;
  if (part === 'name' && message === REQUIRED) return `Enter ${who}’s name, or remove ${who}.`;
  return sentence(`${who}’s ${part === 'detail' ? 'details' : part} ${message}`);
}

/** The problem with the reporter's name or role, in words. */
export function reporterProblem(part: 'name' | 'role', message: string): string {
  if (message !== REQUIRED) return sentence(`your ${part} ${message}`);
  return part === 'name' ? 'Enter your name.' : 'Enter your role.';
}

/** The message react-hook-form holds at `path`, for a value or for a whole list. */
export function messageAt(errors: FieldErrors<ReportValues>, path: string): string | undefined {
  const node: unknown = get(errors, path);
  if (typeof node !== 'object' || node === null) return undefined;
  const { message, root } = node as { message?: unknown; root?: { message?: unknown } };
  if (typeof message === 'string') return message;
  return typeof root?.message === 'string' ? root.message : undefined;
}
