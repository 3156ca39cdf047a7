/**
 * Unlocking the safeguarding area with the lead's passphrase. A wrong one gets the core's sentence
 * (how many tries are left); after five, the core makes each try wait, and the button waits too.
 * A forgotten passphrase leads to the recovery key form.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BridgeFailure } from '../bridge';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { load } from '../loadable';
import type { LeadStatus } from './types';

/** The seconds a refusal asks the lead to wait, if it does. */
function waitSeconds(failure: BridgeFailure): number | null {
  const match = /wait (\d+) seconds?/i.exec(failure.message);
  return match?.[1] === undefined ? null : Number(match[1]);
}

interface UnlockScreenProps {
  /** Why the area is locked, if it locked itself, or that a new passphrase was just set. */
  reason: 'idle' | 'lead' | 'recovered' | null;
  onUnlocked: (status: LeadStatus) => void;
  /** "Forgotten your passphrase?": to the recovery key form. */
  onForgotten: () => void;
}

export function UnlockScreen({ reason, onUnlocked, onForgotten }: UnlockScreenProps) {
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
    const result = await load((api) => api['lead.unlock']({ passphrase }));
    setPassphrase('');
    setBusy(false);
    if (result.state === 'ready' && result.value.unlocked) {
      onUnlocked(result.value);
      return;
    }
    if (result.state !== 'failed') {
      setProblem('The safeguarding area did not unlock. Please try again.');
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
    <div className="lead-unlock">
      <h1 className="lead-unlock__title" ref={heading} tabIndex={-1}>
        Safeguarding area
      </h1>
      {reason === 'idle' && (
        <p className="notice notice--info" role="status">
          The safeguarding area locked itself after 5 minutes without input. Nothing from a case is
          left on screen.
        </p>
      )}
      {reason === 'lead' && (
        <p className="notice notice--info" role="status">
          The safeguarding area is locked. Nothing from a case is left on screen.
        </p>
      )}
      {reason === 'recovered' && (
        <p className="notice notice--info" role="status">
          Your new passphrase is set. Unlock with it now; your recovery key stays the same.
        </p>
      )}
      <p>
        Enter your passphrase to open the concerns sealed to you. The area locks itself after 5
        minutes without input.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className={problem === null ? 'field' : 'field field--invalid'}>
          <label className="field__label" htmlFor="lead-passphrase">
            Passphrase
          </label>
          {problem !== null && (
            <div className="field__error" id="lead-passphrase-error" role="alert">
              <p>
                <span className="visually-hidden">Error: </span>
                {problem}
              </p>
            </div>
          )}
          <input
            id="lead-passphrase"
            ref={input}
            className="input"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-invalid={problem === null ? undefined : true}
            aria-describedby={problem === null ? undefined : 'lead-passphrase-error'}
          />
        </div>
        <p className="lead-unlock__wait" role="status">
          {waiting &&
            `You can try again in ${secondsLeft} ${secondsLeft === 1 ? 'second' : 'seconds'}.`}
        </p>
        <button
          type="submit"
          className="button button--primary"
          disabled={waiting}
          aria-disabled={busy ? true : undefined}
        >
          {busy ? 'Unlocking…' : 'Unlock safeguarding area'}
        </button>
      </form>
      <p className="lead-unlock__forgotten">
        <button type="button" className="link-button" onClick={onForgotten}>
          Forgotten your passphrase? Use your recovery key
        </button>
      </p>
    </div>
  );
}
