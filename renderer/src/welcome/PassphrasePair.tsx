/**
 * A new passphrase typed twice, with a strength meter from the core. The meter says in words how
 * hard it would be to guess and, when set-up would refuse it, why. "Show" reveals both boxes, for
 * a long passphrase typed carefully.
 */
import { useId, useState, type Ref } from 'react';
import { TextQuestion } from './TextQuestion';
import {
  checkStrength,
  usePassphraseStrength,
  type Strength,
  type StrengthContext,
} from './usePassphraseStrength';

export interface PassphrasePairValue {
  first: string;
  second: string;
}

interface PassphrasePairProps {
  value: PassphrasePairValue;
  onChange: (value: PassphrasePairValue) => void;
  context: StrengthContext;
  /** Errors found when the step was submitted. */
  errors: { first: string | null; second: string | null };
  firstRef?: Ref<HTMLInputElement>;
  secondRef?: Ref<HTMLInputElement>;
}

const SCORE_WORDS = [
  'Very easy to guess',
  'Easy to guess',
  'Still too easy to guess',
  'Strong',
  'Very strong',
] as const;

function StrengthMeter({ strength, typed }: { strength: Strength | null; typed: boolean }) {
  const score = strength?.score ?? 0;
  const level = strength === null ? 'none' : strength.acceptable ? 'good' : 'weak';
  return (
    <div className="strength">
      <div className={`strength__bar strength__bar--${level}`} aria-hidden="true">
        {[1, 2, 3, 4].map((n) => (
          <span
            key={n}
            className={
              strength !== null && n <= Math.max(score, 1)
                ? 'strength__segment strength__segment--on'
                : 'strength__segment'
            }
          />
        ))}
      </div>
      <div className="strength__words" role="status">
        {!typed && <p className="muted">The strength of your passphrase will show here.</p>}
        {typed && strength === null && <p className="muted">Checking…</p>}
        {typed && strength !== null && (
          <>
            <p className="strength__label">
              Strength: <strong>{SCORE_WORDS[strength.score] ?? ''}</strong>
            </p>
            {strength.refusal !== null && <p className="strength__reason">{strength.refusal}</p>}
          </>
        )}
      </div>
    </div>
  );
}

export function PassphrasePair({
  value,
  onChange,
  context,
  errors,
  firstRef,
  secondRef,
}: PassphrasePairProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const strength = usePassphraseStrength(value.first, context);
  return (
    <div className="passphrase-pair">
      <TextQuestion
        id={`${id}-first`}
        label="Passphrase"
        help="Four or five words that have nothing to do with each other, or with you or the school, are strong and easy to remember. Capitals, numbers and symbols are not needed."
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        value={value.first}
        onChange={(first) => onChange({ ...value, first })}
        error={errors.first}
        inputRef={firstRef}
      />
      <StrengthMeter strength={strength} typed={value.first !== ''} />
      <TextQuestion
        id={`${id}-second`}
        label="Type the passphrase again"
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        value={value.second}
        onChange={(second) => onChange({ ...value, second })}
        error={errors.second}
        inputRef={secondRef}
      />
      <div className="choice">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        <label htmlFor={`${id}-show`}>Show the passphrase as I type</label>
      </div>
    </div>
  );
}

/** The errors of a passphrase pair, asking the core about its strength now (not debounced). */
export async function passphrasePairErrors(
  value: PassphrasePairValue,
  context: StrengthContext,
): Promise<{ first: string | null; second: string | null }> {
  if (value.first === '') return { first: 'Enter a passphrase.', second: null };
  const strength = await checkStrength(value.first, context);
  if (strength === null) {
    return { first: 'The passphrase could not be checked. Please try again.', second: null };
  }
  if (strength.refusal !== null) return { first: strength.refusal, second: null };
  if (value.second === '') return { first: null, second: 'Type the passphrase again.' };
  if (value.second !== value.first) {
    return {
      first: null,
      second: 'The two passphrases are not the same. Type the same passphrase in both boxes.',
    };
  }
  return { first: null, second: null };
}
