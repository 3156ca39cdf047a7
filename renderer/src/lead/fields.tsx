/**
 * The inputs of the lead's forms: each with its label, help and error in words, built on the
 * staff form's frames (fields/FieldFrame) so both sides read and look the same.
 */
import type { ReactNode, Ref } from 'react';
import { describe, GroupFrame, SingleFrame } from '../fields/FieldFrame';

interface Common {
  id: string;
  label: string;
  required?: boolean;
  help?: string | undefined;
  error?: string | undefined;
}

const errorsOf = (error: string | undefined) => (error === undefined ? [] : [error]);

export function TextAreaField({
  id,
  label,
  value,
  onChange,
  required = false,
  help,
  error,
  rows = 3,
}: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <SingleFrame
      inputId={id}
      label={label}
      required={required}
      help={help}
      errors={errorsOf(error)}
    >
      <textarea
        id={id}
        className="input lead-textarea"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describe(id, help, error !== undefined)}
      />
    </SingleFrame>
  );
}

export function TextInputField({
  id,
  label,
  value,
  onChange,
  required = false,
  help,
  error,
  type = 'text',
  inputRef,
  autoComplete = 'off',
}: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'search' | 'password' | 'date';
  inputRef?: Ref<HTMLInputElement>;
  autoComplete?: string;
}) {
  return (
    <SingleFrame
      inputId={id}
      label={label}
      required={required}
      help={help}
      errors={errorsOf(error)}
    >
      <input
        id={id}
        ref={inputRef}
        type={type}
        className={type === 'date' ? 'input input--date' : 'input'}
        // Chromium draws a date input's day/month/year boxes when its type is set; React sets it
        // before the input joins the page (lang="en-GB" on <html>), so it needs the lang itself.
        lang={type === 'date' ? 'en-GB' : undefined}
        value={value}
        autoComplete={autoComplete}
        spellCheck={type === 'password' ? false : undefined}
        onChange={(event) => onChange(event.target.value)}
        {...describe(id, help, error !== undefined)}
      />
    </SingleFrame>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string | undefined;
}

export function SelectField<V extends string>({
  id,
  label,
  value,
  onChange,
  options,
  placeholder,
  required = false,
  help,
  error,
}: Common & {
  value: V | '';
  onChange: (value: V | '') => void;
  options: ReadonlyArray<Choice<V>>;
  /** The empty first option's words ("Any status", "Choose a pathway"). */
  placeholder: string;
}) {
  return (
    <SingleFrame
      inputId={id}
      label={label}
      required={required}
      help={help}
      errors={errorsOf(error)}
    >
      <select
        id={id}
        className="input lead-select"
        value={value}
        onChange={(event) => onChange(event.target.value as V | '')}
        {...describe(id, help, error !== undefined)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </SingleFrame>
  );
}

export function RadioField<V extends string>({
  id,
  label,
  value,
  onChange,
  options,
  required = false,
  help,
  error,
  inline = false,
}: Common & {
  value: V | '';
  onChange: (value: V) => void;
  options: ReadonlyArray<Choice<V>>;
  inline?: boolean;
}) {
  const invalid = error !== undefined;
  return (
    <GroupFrame inputId={id} label={label} required={required} help={help} errors={errorsOf(error)}>
      <div className={inline ? 'choices choices--inline' : 'choices'}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          const hintId = `${optionId}-hint`;
          return (
            <div className="choice lead-choice" key={option.value}>
              <input
                id={optionId}
                type="radio"
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-invalid={invalid ? true : undefined}
                aria-describedby={option.hint === undefined ? undefined : hintId}
              />
              <label htmlFor={optionId}>
                {option.label}
                {option.hint !== undefined && (
                  <span className="lead-choice__hint" id={hintId}>
                    {option.hint}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
    </GroupFrame>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  children,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <div className="choice lead-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Moves focus to the first invalid control of a form (after its errors have rendered). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  });
}
