/**
 * The form definition as this UI uses it. The type is the core's own (via the answers-schema
 * builder, the one value the renderer may import from src/), so fields and the schema agree.
 */
import type { OperationOutput } from '../../../src/api/contract';
import type { answersSchemaFor } from '../../../src/forms/answers';

export type FormDefinition = Parameters<typeof answersSchemaFor>[0];
export type FieldDefinition = FormDefinition['fields'][number];

const knownTypes = new Set<string>([
  'text',
  'longtext',
  'date',
  'datetime',
  'choice',
  'multichoice',
  'yesno',
  'people',
  'attachments',
]);

const MiB = 1024 * 1024;

/** Defaults the core fills in when it parses a definition; kept here for a view without them. */
function withDefaults(field: Record<string, unknown>): Record<string, unknown> {
  switch (field.type) {
    case 'text':
      return { maxLength: 500, ...field };
    case 'longtext':
      return { maxLength: 20_000, ...field };
    case 'attachments':
      return { maxFiles: 5, maxBytesEach: 10 * MiB, ...field };
    default:
      return field;
  }
}

/** Reads the core's view of a form; refuses one with a kind of question this UI cannot show. */
export function toFormDefinition(view: OperationOutput<'forms.get'>): FormDefinition {
  const unknown = view.fields.find((field) => !knownTypes.has(field.type));
  if (unknown !== undefined) {
    throw new Error(
      `[unsupported-form] This form has a kind of question this version of Safeguard Desk cannot show (${unknown.type}). Tell the DSL in person.`,
    );
  }
  const guidance = (view.guidance ?? { now: [], avoid: [] }) as FormDefinition['guidance'];
  return {
    ...view,
    guidance,
    fields: view.fields.map(withDefaults),
  } as unknown as FormDefinition;
}

/** The indecent-images form: its "do not" guidance (never view, copy or share) goes first. */
export function isImagesForm(form: FormDefinition): boolean {
  return /indecent|nude/i.test(`${form.id} ${form.title}`);
}
