import { describe, expect, it } from 'vitest';
import {
  FormRegistry,
  parseFormDefinition,
  validateAnswers,
  type FormDefinition,
} from '../../../src/forms';
import { attachment, formJson, options, thrown } from './support';

const SECRET = 'SECRET-CONTENT-123';

/** A form with one field of every type, parsed as the app would parse it. */
function everyTypeForm(): FormDefinition {
  return parseFormDefinition(
    formJson({
      fields: [
        { id: 'summary', type: 'text', label: 'Summary', required: true, maxLength: 20 },
        { id: 'facts', type: 'longtext', label: 'Facts', required: true },
        { id: 'happenedOn', type: 'date', label: 'Happened on', required: true },
        { id: 'noticedAt', type: 'datetime', label: 'Noticed at', required: true },
        { id: 'colour', type: 'choice', label: 'Colour', required: true, options },
        { id: 'colours', type: 'multichoice', label: 'Colours', required: false, options },
        { id: 'atRisk', type: 'yesno', label: 'At risk', required: true },
        { id: 'people', type: 'people', label: 'People', required: true },
        { id: 'files', type: 'attachments', label: 'Files', required: false, maxFiles: 2 },
      ],
    }),
    'test-form.v1.json',
  );
}

/** A complete, valid set of answers to everyTypeForm(). */
function validAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: 'Messages on Snapchat',
    facts: 'I saw messages between a teacher and a pupil.',
    happenedOn: '2026-02-28',
    noticedAt: '2026-03-02T08:15:00Z',
    colour: 'red',
    colours: ['red', 'blue'],
    atRisk: false,
    people: [{ name: 'Sam Jones', role: 'pupil', detail: 'Year 6' }],
    files: [attachment()],
    ...overrides,
  };
}

function without(answers: Record<string, unknown>, ...ids: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.includes(id)));
}

function answerError(answers: unknown): string {
  const error = thrown(() => validateAnswers(everyTypeForm(), answers));
  expect(error.code).toBe('invalid-answers');
  return error.message;
}

describe('validateAnswers', () => {
  it('accepts a complete set of answers and trims text', () => {
    const parsed = validateAnswers(everyTypeForm(), validAnswers({ summary: '  Messages  ' }));
    expect(parsed).toEqual(validAnswers({ summary: 'Messages' }));
  });

  it('accepts answers with optional fields absent', () => {
    const required = without(validAnswers(), 'colours', 'files');
    expect(validateAnswers(everyTypeForm(), required)).toEqual(required);
  });

  it('accepts a realistic concern on the built-in private-contact form', () => {
    const form = FormRegistry.builtIn().latest('private-online-contact-with-pupil');
    expect(form).toBeDefined();
    const answers = {
      whatHappened: 'A pupil showed me direct messages from a teacher on Snapchat.',
      whenNoticed: '2026-03-02T08:15:00+00:00',
      platform: 'snapchat',
      peopleInvolved: [
        { name: 'Sam Jones', role: 'pupil' },
        { name: 'Alex Smith', role: 'staff' },
      ],
      immediateRisk: false,
    };
    expect(validateAnswers(form as FormDefinition, answers)).toEqual(answers);
  });

  it('refuses answers that are not an object', () => {
    expect(answerError(['not', 'an', 'object'])).toBe(
      'The answers must be an object keyed by field id.',
    );
  });

  it('refuses a missing required answer, naming the field', () => {
    expect(answerError(without(validAnswers(), 'facts'))).toBe('"Facts" (facts): required');
  });

  it('refuses an answer to a field the form does not have, naming it', () => {
    expect(answerError(validAnswers({ extraNotes: 'x' }))).toBe('unknown fields: extraNotes');
  });

  it('refuses a date that is not on the calendar', () => {
    expect(answerError(validAnswers({ happenedOn: '2026-02-30' }))).toBe(
      '"Happened on" (happenedOn): must be a real date written YYYY-MM-DD',
    );
  });

  it('refuses a date and time without a time zone', () => {
    expect(answerError(validAnswers({ noticedAt: '2026-03-02T08:15:00' }))).toBe(
      '"Noticed at" (noticedAt): must be a real date and time with its time zone, ' +
        'e.g. 2026-03-01T14:30:00Z',
    );
  });

  it('accepts a date and time with an offset and minute precision', () => {
    const answers = validAnswers({ noticedAt: '2026-03-02T08:15+01:00' });
    expect(validateAnswers(everyTypeForm(), answers)).toEqual(answers);
  });

  it('refuses a choice that is not one of the options', () => {
    expect(answerError(validAnswers({ colour: 'green' }))).toBe(
      '"Colour" (colour): must be one of the options',
    );
  });

  it('refuses a multiple choice that picks the same option twice', () => {
    expect(answerError(validAnswers({ colours: ['red', 'red'] }))).toBe(
      '"Colours" (colours): must not choose the same option twice',
    );
  });

  it('refuses a person whose role is not one of the roles', () => {
    const people = [
      { name: 'Sam Jones', role: 'pupil' },
      { name: 'Alex Smith', role: 'teacher' },
    ];
    expect(answerError(validAnswers({ people }))).toBe(
      '"People" (people): person 2, role: must be one of pupil, staff, parent, volunteer, other',
    );
  });

  it('refuses more attachments than the field allows', () => {
    const files = [attachment(), attachment(), attachment()];
    expect(answerError(validAnswers({ files }))).toBe('"Files" (files): must be at most 2 files');
  });

  it('refuses an attachment larger than the field allows for each file', () => {
    const files = [attachment({ size: 10 * 1024 * 1024 + 1 })];
    expect(answerError(validAnswers({ files }))).toBe(
      '"Files" (files): file 1, size: must be at most 10 MiB',
    );
  });

  it('refuses required text that is only whitespace', () => {
    expect(answerError(validAnswers({ facts: ' \n\t ' }))).toBe('"Facts" (facts): required');
  });

  it('refuses text longer than the field allows', () => {
    expect(answerError(validAnswers({ summary: 'x'.repeat(21) }))).toBe(
      '"Summary" (summary): must be at most 20 characters',
    );
  });

  it('refuses a yes or no answer that is not a boolean', () => {
    expect(answerError(validAnswers({ atRisk: 'yes' }))).toBe(
      '"At risk" (atRisk): must be yes or no',
    );
  });

  it('lists at most five problems and counts the rest', () => {
    expect(answerError({})).toBe(
      '"Summary" (summary): required; "Facts" (facts): required; ' +
        '"Happened on" (happenedOn): required; "Noticed at" (noticedAt): required; ' +
        '"Colour" (colour): required; and 2 more',
    );
  });

  it('never puts a submitted value in the error message', () => {
    const badAnswers = [
      { summary: SECRET.repeat(2) },
      { happenedOn: SECRET },
      { noticedAt: SECRET },
      { colour: SECRET },
      { colours: [SECRET] },
      { atRisk: SECRET },
      { people: [{ name: 'Sam', role: SECRET }] },
      { people: [{ name: 'Sam', role: 'pupil', [SECRET]: SECRET }] },
      { people: [{ name: SECRET.repeat(20), role: 'pupil' }] },
      { files: [attachment({ mediaType: SECRET, sha256: SECRET })] },
    ];
    for (const overrides of badAnswers) {
      const message = answerError(validAnswers(overrides));
      expect(message).not.toContain('SECRET');
    }
  });
});
