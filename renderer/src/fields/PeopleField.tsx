/** people → a fieldset of rows: "Person N name", "Person N role", "Person N details". */
import { useEffect, useRef } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import type { FieldDefinition } from '../report/definition';
import { answerProblem, messageAt, personProblem } from '../report/validation';
import { emptyPerson, type PersonValue, type ReportValues } from '../report/values';
import { GroupFrame } from './FieldFrame';
import { describedBy, domId, errorIdOf, personInputId } from './ids';

type PeopleDefinition = Extract<FieldDefinition, { type: 'people' }>;

/** The roles a person can have, as the core stores them, in words. */
export const personRoles = [
  { value: 'pupil', label: 'Pupil' },
  { value: 'staff', label: 'Staff' },
  { value: 'parent', label: 'Parent or carer' },
  { value: 'volunteer', label: 'Volunteer' },
  { value: 'other', label: 'Other' },
] as const;

const parts = ['name', 'role', 'detail'] as const;

export function PeopleField({ field }: { field: PeopleDefinition }) {
  const { control, formState } = useFormContext<ReportValues>();
  const path = `answers.${field.id}` as const;
  const { field: controller } = useController({ control, name: path });
  const people = controller.value as PersonValue[];
  const focusNext = useRef<string | null>(null);
  const id = domId(field.id);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const whole = messageAt(formState.errors, path);
  const error = whole === undefined ? undefined : answerProblem(field, whole);

  const update = (index: number, part: keyof PersonValue, value: string) => {
    controller.onChange(people.map((p, i) => (i === index ? { ...p, [part]: value } : p)));
  };
  const add = () => {
    focusNext.current = personInputId(field.id, people.length, 'name');
    controller.onChange([...people, emptyPerson()]);
  };
  const remove = (index: number) => {
    focusNext.current = personInputId(field.id, Math.max(0, index - 1), 'name');
    controller.onChange(people.filter((_, i) => i !== index));
  };

  return (
    <GroupFrame
      inputId={id}
      label={field.label}
      required={field.required}
      help={field.help}
      errors={error === undefined ? [] : [error]}
    >
      <ol className="people">
        {people.map((person, index) => {
          const n = index + 1;
          const problems = parts.map((part) => {
            const message = messageAt(formState.errors, `${path}.${index}.${part}`);
            return message === undefined ? undefined : personProblem(index, part, message);
          });
          const inputProps = (part: (typeof parts)[number], at: number) => {
            const inputId = personInputId(field.id, index, part);
            const invalid = problems[at] !== undefined;
            return {
              id: inputId,
              'aria-invalid': invalid ? true : undefined,
              'aria-describedby': describedBy(invalid && errorIdOf(inputId)),
            };
          };
          return (
            <li className="person" key={index}>
              <div className="person__part">
                <label htmlFor={personInputId(field.id, index, 'name')}>Person {n} name</label>
                <PartError inputId={personInputId(field.id, index, 'name')} text={problems[0]} />
                <input
                  className="input"
                  type="text"
                  autoComplete="off"
                  value={person.name}
                  onChange={(e) => update(index, 'name', e.target.value)}
                  {...inputProps('name', 0)}
                />
              </div>
              <div className="person__part">
                <label htmlFor={personInputId(field.id, index, 'role')}>Person {n} role</label>
                <PartError inputId={personInputId(field.id, index, 'role')} text={problems[1]} />
                <select
                  className="input"
                  value={person.role}
                  onChange={(e) => update(index, 'role', e.target.value)}
                  {...inputProps('role', 1)}
                >
                  <option value="">Choose a role</option>
                  {personRoles.map((role) => (
                    <option key={role.value} value={role.value}>
                      {role.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="person__part person__part--wide">
                <label htmlFor={personInputId(field.id, index, 'detail')}>Person {n} details</label>
                <PartError inputId={personInputId(field.id, index, 'detail')} text={problems[2]} />
                <input
                  className="input"
                  type="text"
                  autoComplete="off"
                  value={person.detail}
                  onChange={(e) => update(index, 'detail', e.target.value)}
                  {...inputProps('detail', 2)}
                />
              </div>
              {people.length > 1 && (
                <button
                  type="button"
                  className="button button--quiet person__remove"
                  onClick={() => remove(index)}
                >
                  Remove person {n}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary" onClick={add}>
        Add person
      </button>
    </GroupFrame>
  );
}

function PartError({ inputId, text }: { inputId: string; text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <p className="field__error" id={errorIdOf(inputId)}>
      <span className="visually-hidden">Error: </span>
      {text}
    </p>
  );
}
