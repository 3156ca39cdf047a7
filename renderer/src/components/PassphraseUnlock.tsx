/**
 * Unlocking an area with a passphrase (the safeguarding area, the office summaries). A wrong one
 * gets the core's sentence (how many tries are left); after five, the core makes each try wait,
 * and the button waits too, counting down. The passphrase leaves the page's state once sent.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { BridgeFailure } from '../bridge';
import type { Loadable } from '../loadable';
import { useHeadingFocus } from './useHeadingFocus';
import './unlock-panel.css';

/** The seconds a refusal asks to wait, if it does. */
function waitSeconds(failure: BridgeFailure): number | null {
  const match = /wait (\d+) seconds?/i.exec(failure.message);
  return match?.[1] === undefined ? null : Number(match[1]);
}

interface PassphraseUnlockProps<T> {
  title: string;
  /** Why the area is locked, shown above the form (a status notice), or null. */
  notice: ReactNode;
  intro: string;
  /** The passphrase field's id (its error is `${inputId}-error`). */
  inputId: string;
  buttonText: string;
  /** Said when the core answered but did not unlock. */
  notUnlocked: string;
  unlock: (passphrase: string) => Promise<Loadable<T>>;
  isUnlocked: (value: T) => boolean;
  onUnlocked: (value: T) => void;
  /** Below the form: e.g. "Forgotten your passphrase?". */
  children?: ReactNode;
}

export function PassphraseUnlock<T>(props: PassphraseUnlockProps<T>) {
  const { inputId } = props;
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (waitUntil === null) return undefined;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= waitUntil) setWaitUntil(null);
    }, 1_000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  const waiting = waitUntil !== null && now < waitUntil;
  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waiting) return;
    if (passphrase === '') {
      setProblem('Enter your passphrase.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await props.unlock(passphrase);
    setPassphrase('');
    setBusy(false);
    if (result.state === 'ready' && props.isUnlocked(result.value)) {
      props.onUnlocked(result.value);
      return;
    }
    if (result.state !== 'failed') {
      setProblem(props.notUnlocked);
    } else {
      setProblem(result.failure.message);
      const seconds = waitSeconds(result.failure);
      if (seconds !== null) {
        const t = Date.now();
        setNow(t);
        setWaitUntil(t + seconds * 1000);
      }
    }
    input.current?.focus();
  };

  return (
    <div className="unlock-panel">
      <h1 className="unlock-panel__title" ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.notice}
      <p>{props.intro}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className={problem === null ? 'field' : 'field field--invalid'}>
          <label className="field__label" htmlFor={inputId}>
            Passphrase
          </label>
          {problem !== null && (
            <div className="field__error" id={`${inputId}-error`} role="alert">
              <p>
                <span className="visually-hidden">Error: </span>
                {problem}
              </p>
            </div>
          )}
          <input
            id={inputId}
            ref={input}
            className="input"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-invalid={problem === null ? undefined : true}
            aria-describedby={problem === null ? undefined : `${inputId}-error`}
          />
        </div>
        <p className="unlock-panel__wait" role="status">
          {waiting &&
            `You can try again in ${secondsLeft} ${secondsLeft === 1 ? 'second' : 'seconds'}.`}
        </p>
        <button
          type="submit"
          className="button button--primary"
          disabled={waiting}
          aria-disabled={busy ? true : undefined}
        >
          {busy ? 'Unlocking…' : props.buttonText}
        </button>
      </form>
      {props.children}
    </div>
  );
}
