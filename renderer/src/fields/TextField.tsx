/** text → input, longtext → textarea, date → date input, datetime → datetime-local input. */
import { useFormContext } from 'react-hook-form';
import type { FieldDefinition } from '../report/definition';
import { answerProblem, messageAt } from '../report/validation';
import type { ReportValues } from '../report/values';
import { isoToLocal } from '../report/values';
import { describe, SingleFrame } from './FieldFrame';
import { domId } from './ids';

type TextLike = Extract<FieldDefinition, { type: 'text' | 'longtext' | 'date' | 'datetime' }>;

export function TextField({ field }: { field: TextLike }) {
  const { register, formState, setValue } = useFormContext<ReportValues>();
  const id = domId(field.id);
  const path = `answers.${field.id}` as const;
  const message = messageAt(formState.errors, path);
  const error = message === undefined ? undefined : answerProblem(field, message);
  const props = {
    id,
    ...describe(id, field.help, error !== undefined),
    'aria-required': field.required ? true : undefined,
    autoComplete: 'off',
    ...register(path),
  };

  let input;
  if (field.type === 'longtext') {
    input = <textarea className="input input--long" rows={5} {...props} />;
  } else if (field.type === 'datetime') {
    input = (
      <div className="input-row">
        <input className="input input--datetime" type="datetime-local" {...props} />
        <button
          type="button"
          className="button button--quiet"
          onClick={() =>
            setValue(path, isoToLocal(new Date().toISOString()), {
              shouldDirty: true,
              shouldValidate: formState.isSubmitted,
            })
          }
        >
          Use the time now
        </button>
      </div>
    );
  } else if (field.type === 'date') {
    input = <input className="input input--date" type="date" {...props} />;
  } else {
    input = <input className="input" type="text" {...props} />;
  }

  return (
    <SingleFrame
      inputId={id}
      label={field.label}
      required={field.required}
      help={field.help}
      errors={error === undefined ? [] : [error]}
    >
      {input}
    </SingleFrame>
  );
}
