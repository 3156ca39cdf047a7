/**
 * "Change passphrase" in the Safeguarding area: the current passphrase, the new one twice. The core
 * re-seals the lead's identity; a wrong current passphrase counts as a wrong try at unlocking. The
 * recovery key stays the same. Passphrases live in this component only while typed.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BridgeFailure } from '../../bridge';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { load } from '../../loadable';
import { TextInputField } from '../fields';
import { fieldOfFailure, newPassphraseProblems, type PassphraseField } from './passphrase-words';

type Problems = Partial<Record<PassphraseField, string>>;

export function ChangePassphraseScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  useEffect(() => {
    if (changed) done.current?.focus();
  }, [changed]);

  // Each refusal moves focus to the first field it names, once React has marked it invalid.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const refuse = (found: Problems) => {
    setProblems(found);
    setRefusals((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChanged(false);
    setFailure(null);
    const found: Problems =
      current === ''
        ? { current: 'Enter the passphrase you unlock with now.' }
        : newPassphraseProblems(next, again);
    if (Object.keys(found).length > 0) {
      refuse(found);
      return;
    }
    setBusy(true);
    setProblems({});
    const result = await load((api) => api['lead.changePassphrase']({ current, next }));
    setBusy(false);
    if (result.state === 'ready') {
      setCurrent('');
      setNext('');
      setAgain('');
      setChanged(true);
      return;
    }
    if (result.state !== 'failed') return;
    const field = fieldOfFailure(result.failure);
    if (field === null) {
      setFailure(result.failure);
    } else {
      if (field === 'current') setCurrent('');
      refuse({ [field]: result.failure.message });
    }
  };

  return (
    <div className="passphrase narrow">
      <h1 ref={heading} tabIndex={-1}>
        Change passphrase
      </h1>
      <p className="lead">
        Your passphrase opens the concerns sealed to you on this computer. After the change, only
        the new one unlocks the safeguarding area. Your recovery key stays the same.
      </p>
      {changed && (
        <div className="notice notice--info" role="status" ref={done} tabIndex={-1}>
          <p className="notice__title">Your passphrase has been changed.</p>
          <p>Use the new one the next time you unlock the safeguarding area.</p>
        </div>
      )}
      {failure !== null && <FailureNotice failure={failure} />}
      <form
        ref={form}
        className="passphrase__form"
        aria-label="Change passphrase"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <TextInputField
          id="passphrase-current"
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={problems.current}
        />
        <TextInputField
          id="passphrase-next"
          label="New passphrase"
          type="password"
          autoComplete="new-password"
          help="At least 12 characters. A few unrelated words you will remember are stronger than a short jumble."
          value={next}
          onChange={setNext}
          error={problems.next}
        />
        <TextInputField
          id="passphrase-again"
          label="New passphrase again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          error={problems.again}
        />
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={busy ? true : undefined}
        >
          {busy ? 'Changing passphrase…' : 'Change passphrase'}
        </button>
      </form>
    </div>
  );
}
