/** choice → radios, multichoice → checkboxes, yesno → "Yes" and "No" radios; each in a fieldset. */
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { FieldDefinition } from '../report/definition';
import { answerProblem, messageAt } from '../report/validation';
import type { ReportValues } from '../report/values';
import { GroupFrame } from './FieldFrame';
import { domId } from './ids';

type OptionLike = Extract<FieldDefinition, { type: 'choice' | 'multichoice' | 'yesno' }>;

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

interface OptionsFieldProps {
  field: OptionLike;
  /** Shown right under the options, inside the question (e.g. the 999 alert). */
  children?: ReactNode;
}

export function OptionsField({ field, children }: OptionsFieldProps) {
  const { register, formState } = useFormContext<ReportValues>();
  const id = domId(field.id);
  const path = `answers.${field.id}` as const;
  const message = messageAt(formState.errors, path);
  const error = message === undefined ? undefined : answerProblem(field, message);
  const options = field.type === 'yesno' ? yesNo : field.options;
  const type = field.type === 'multichoice' ? 'checkbox' : 'radio';
  let layout = 'choices';
  if (field.type === 'yesno') layout += ' choices--inline';
  else if (options.length > 4) layout += ' choices--columns';

  return (
    <GroupFrame
      inputId={id}
      label={field.label}
      required={field.required}
      help={field.help}
      errors={error === undefined ? [] : [error]}
    >
      <div className={layout}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className="choice" key={option.value}>
              <input
                id={optionId}
                type={type}
                value={option.value}
                aria-invalid={error === undefined ? undefined : true}
                {...register(path)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
      {children}
    </GroupFrame>
  );
}
