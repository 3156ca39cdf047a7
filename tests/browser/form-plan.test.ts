/**
 * The form driver's plan, checked without a browser: it covers every form in forms/, the answers
 * it gives pass the core's own answers schema, and a wrong stored answer is caught.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSchemaFor, parseFormDefinition } from '../../src/forms';
import {
  answerMismatch,
  expectedStored,
  readForms,
  sampleSubmission,
  zonedInstant,
} from './support/form-plan';
import { labelPattern } from './support/locate';

const zone = 'Europe/London';
const forms = readForms();

describe('the form driver plan', () => {
  it('reads the latest version of every form in forms/', () => {
    const latest = new Map<string, number>();
    for (const name of readdirSync(resolve(import.meta.dirname, '../../forms'))) {
      const match = /^(.+)\.v(\d+)\.json$/.exec(name);
      if (match === null) continue;
      const [, id = '', version = '0'] = match;
      latest.set(id, Math.max(latest.get(id) ?? 0, Number(version)));
    }
    expect(forms.map((f) => [f.id, f.version]).sort()).toEqual([...latest.entries()].sort());
  });

  it.each(forms.map((form) => [form.id, form] as const))(
    'answers every field of %s in a way the core accepts',
    (_id, json) => {
      const form = parseFormDefinition(json, json.id);
      const submission = sampleSubmission(json);
      const stored = Object.fromEntries(
        json.fields.map((field) => [
          field.id,
          expectedStored(field, submission.answers[field.id]!, zone),
        ]),
      );
      const result = answersSchemaFor(form).safeParse(stored);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(Object.keys(submission.answers)).toEqual(json.fields.map((f) => f.id));
    },
  );

  it('turns a wall-clock time into the instant it names in the page time zone', () => {
    expect(new Date(zonedInstant('2026-06-23T16:05', zone)).toISOString()).toBe(
      '2026-06-23T15:05:00.000Z',
    );
    expect(new Date(zonedInstant('2026-01-10T09:00', zone)).toISOString()).toBe(
      '2026-01-10T09:00:00.000Z',
    );
  });

  it('accepts a stored datetime with any offset naming the same instant, and nothing else', () => {
    const field = { id: 'when', type: 'datetime', label: 'When?', required: true } as const;
    expect(answerMismatch(field, '2026-06-23T16:05', '2026-06-23T16:05:00+01:00', zone)).toBeNull();
    expect(answerMismatch(field, '2026-06-23T16:05', '2026-06-23T15:05:00Z', zone)).toBeNull();
    expect(answerMismatch(field, '2026-06-23T16:05', '2026-06-23T16:05:00Z', zone)).toMatch(
      /when: expected/,
    );
    expect(answerMismatch(field, '2026-06-23T16:05', '2026-06-23T15:05:00', zone)).toMatch(
      /when: expected/,
    );
  });

  it('catches a stored answer that differs from the one given', () => {
    const field = { id: 'what', type: 'longtext', label: 'What?', required: true } as const;
    expect(answerMismatch(field, 'a\nb', 'a\nb', zone)).toBeNull();
    expect(answerMismatch(field, 'a\nb', 'a b', zone)).toMatch(/what: expected/);
  });

  it('matches a label with an optional "(required)" suffix, and no other name', () => {
    const pattern = labelPattern('Where is the image? (website address)');
    expect(pattern.test('Where is the image? (website address)')).toBe(true);
    expect(pattern.test('Where is the image? (website address) (required)')).toBe(true);
    expect(pattern.test('Where is the image? (website address) again')).toBe(false);
  });
});
