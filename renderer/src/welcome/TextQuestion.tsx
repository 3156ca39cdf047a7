/** One labelled text box of a welcome step, with its help and its error beside it. */
import type { InputHTMLAttributes, Ref } from 'react';

interface TextQuestionProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string | undefined;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement> | undefined;
  type?: 'text' | 'password';
  autoComplete?: InputHTMLAttributes<HTMLInputElement>['autoComplete'];
  spellCheck?: boolean;
}

export function TextQuestion({
  id,
  label,
  value,
  onChange,
  help,
  error = null,
  inputRef,
  type = 'text',
  autoComplete = 'off',
  spellCheck,
}: TextQuestionProps) {
  const described = [
    help !== undefined ? `${id}-help` : null,
    error !== null ? `${id}-error` : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className={error === null ? 'field' : 'field field--invalid'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {help !== undefined && (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error !== null && (
        <div className="field__error" id={`${id}-error`}>
          <p>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        </div>
      )}
      <input
        id={id}
        ref={inputRef}
        className="input"
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error === null ? undefined : true}
        aria-describedby={described === '' ? undefined : described}
      />
    </div>
  );
}
