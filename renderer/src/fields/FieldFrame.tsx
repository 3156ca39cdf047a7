/** The label, help and error around a question: one input (label) or a group (fieldset/legend). */
import type { ReactNode } from 'react';
import { describedBy, errorIdOf, helpIdOf } from './ids';

interface FrameProps {
  /** The input's id (or, for a group, its first input's): help and error ids derive from it. */
  inputId: string;
  label: string;
  required: boolean;
  help?: string | undefined;
  /** Problems in words; the first is the schema's, any others the input's own (e.g. file size). */
  errors?: readonly string[] | undefined;
  children: ReactNode;
}

/** The label's words: the question, and " (required)" when it is. */
export function LabelText({ label, required }: { label: string; required: boolean }) {
  return (
    <>
      {label}
      {required && <span className="field__required"> (required)</span>}
    </>
  );
}

/** aria-describedby and aria-invalid for an input of a question. */
export function describe(inputId: string, help: string | undefined, invalid: boolean) {
  return {
    'aria-describedby': describedBy(
      help !== undefined && helpIdOf(inputId),
      invalid && errorIdOf(inputId),
    ),
    'aria-invalid': invalid ? true : undefined,
  };
}

function HelpAndErrors({
  inputId,
  help,
  errors = [],
}: Omit<FrameProps, 'label' | 'required' | 'children'>) {
  return (
    <>
      {help !== undefined && (
        <p className="field__help" id={helpIdOf(inputId)}>
          {help}
        </p>
      )}
      {errors.length > 0 && (
        <div className="field__error" id={errorIdOf(inputId)}>
          {errors.map((error) => (
            <p key={error}>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ))}
        </div>
      )}
    </>
  );
}

/** One input with its label. */
export function SingleFrame({ inputId, label, required, help, errors = [], children }: FrameProps) {
  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={inputId}>
        <LabelText label={label} required={required} />
      </label>
      <HelpAndErrors inputId={inputId} help={help} errors={errors} />
      {children}
    </div>
  );
}

/** A group of inputs (radios, checkboxes, people) under a legend. */
export function GroupFrame({ inputId, label, required, help, errors = [], children }: FrameProps) {
  return (
    <fieldset
      className={errors.length > 0 ? 'field field--group field--invalid' : 'field field--group'}
      aria-describedby={describedBy(
        help !== undefined && helpIdOf(inputId),
        errors.length > 0 && errorIdOf(inputId),
      )}
    >
      <legend className="field__label">
        <LabelText label={label} required={required} />
      </legend>
      <HelpAndErrors inputId={inputId} help={help} errors={errors} />
      {children}
    </fieldset>
  );
}
