/** The order the fill step asks a form's questions in, which the error summary and review follow. */
import type { FieldDefinition, FormDefinition } from './definition';

/** The id of "Is a child at immediate risk of harm?" on every concern form. */
export const RISK_FIELD_ID = 'immediateRisk';

/**
 * A form that asks the risk question first asks it before anything else, even before "who is it
 * about": `leading` is that question (or nothing), `rest` the form's other questions in order.
 */
export function questionOrder(form: FormDefinition): {
  leading: FieldDefinition[];
  rest: FieldDefinition[];
} {
  const [first, ...others] = form.fields;
  return first?.id === RISK_FIELD_ID
    ? { leading: [first], rest: others }
    : { leading: [], rest: form.fields };
}
