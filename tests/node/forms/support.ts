/** Fixtures and factories shared by the form tests: the shipped form files and small form builders. */
import { readdirSync, readFileSync } from 'node:fs';
import { isSafeguardError } from '../../../src/errors';
import { parseFormDefinition, type FieldDefinition, type FormDefinition } from '../../../src/forms';

export const formsDir = new URL('../../../forms/', import.meta.url);

/** Every form version file in forms/ (the JSON Schema is not a form). */
export function formFiles(): string[] {
  return readdirSync(formsDir)
    .filter((name) => /\.v\d+\.json$/.test(name))
    .sort();
}

/** The parsed JSON of one file in forms/, not yet checked. */
export function readForm(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, formsDir), 'utf8'));
}

/** The error a call throws, so a test can check its code and exact message. */
export function thrown(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (isSafeguardError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SafeguardError, but nothing was thrown');
}

/** A minimal valid form definition as it would be written in a file. */
export function formJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test-form',
    version: 1,
    title: 'Test form',
    summary: 'A form for tests.',
    kind: 'concern',
    guidance: { now: ['Tell the DSL today.'], avoid: ['Do not investigate.'] },
    defaultPathway: 'lead-decides',
    defaultUrgency: 'normal',
    fields: [{ id: 'notes', type: 'text', label: 'Notes', required: true }],
    ...overrides,
  };
}

/** Two options for the choice fields of test forms. */
export const options = [
  { value: 'red', label: 'Red' },
  { value: 'blue', label: 'Blue' },
];

/** The metadata of one attached file, as a concern's answers carry it. */
export function attachment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'post.png',
    mediaType: 'image/png',
    size: 1024,
    sha256: 'ab'.repeat(32),
    ...overrides,
  };
}

/** Every form version in forms/, parsed, with its file name. */
export function allShippedForms(): Array<{ name: string; form: FormDefinition }> {
  return formFiles().map((name) => ({
    name,
    form: parseFormDefinition(readForm(name), `forms/${name}`),
  }));
}

/** The field of a form with this id, if it has one. */
export function fieldOf(form: FormDefinition, id: string): FieldDefinition | undefined {
  return form.fields.find((field) => field.id === id);
}

/** A plausible answer of the right type, to show a form can be filed with its required fields. */
export function sampleAnswer(field: FieldDefinition): unknown {
  switch (field.type) {
    case 'text':
    case 'longtext':
      return 'Seen in the staff room at break.';
    case 'date':
      return '2026-03-01';
    case 'datetime':
      return '2026-03-02T08:15:00Z';
    case 'choice':
      return field.options.at(-1)?.value;
    case 'multichoice':
      return field.options.slice(0, 1).map((option) => option.value);
    case 'yesno':
      return false;
    case 'people':
      return [{ name: 'Alex Smith', role: 'staff' }];
    case 'attachments':
      return [attachment()];
  }
}
