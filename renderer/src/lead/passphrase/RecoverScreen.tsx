/**
 * "Forgotten your passphrase?" on the unlock screen: the recovery key (shown once at set-up or on
 * joining) and a new passphrase twice. The core opens this lead's copy on the school share with
 * the key and re-seals the identity under the new passphrase; then the lead unlocks as usual.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BridgeFailure } from '../../bridge';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { load } from '../../loadable';
import { TextInputField } from '../fields';
import { fieldOfFailure, newPassphraseProblems, type PassphraseField } from './passphrase-words';
import '../../components/unlock-panel.css';

type Problems = Partial<Record<PassphraseField, string>>;

interface RecoverScreenProps {
  onRecovered: () => void;
  onCancel: () => void;
}

export function RecoverScreen({ onRecovered, onCancel }: RecoverScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const form = useRef<HTMLFormElement>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [busy, setBusy] = useState(false);

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
    setFailure(null);
    const found: Problems =
      recoveryKey.trim() === ''
        ? { recoveryKey: 'Enter your recovery key.' }
        : newPassphraseProblems(next, again);
    if (Object.keys(found).length > 0) {
      refuse(found);
      return;
    }
    setBusy(true);
    setProblems({});
    const result = await load((api) => api['lead.recover']({ recoveryKey, newPassphrase: next }));
    setBusy(false);
    if (result.state === 'ready') {
      onRecovered();
      return;
    }
    if (result.state !== 'failed') return;
    const field = fieldOfFailure(result.failure);
    if (field === null || field === 'current') {
      setFailure(result.failure);
    } else {
      refuse({ [field]: result.failure.message });
    }
  };

  return (
    <div className="unlock-panel">
      <h1 className="unlock-panel__title" ref={heading} tabIndex={-1}>
        Use your recovery key
      </h1>
      <p>
        Your recovery key was shown once, when you set Safeguard Desk up or joined your school: six
        groups of five letters and digits. With it you can set a new passphrase. Nothing sealed to
        you is lost.
      </p>
      {failure !== null && <FailureNotice failure={failure} />}
      <form
        ref={form}
        aria-label="Use your recovery key"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <TextInputField
          id="recovery-key"
          label="Recovery key"
          help="Capitals, spaces and dashes do not matter."
          value={recoveryKey}
          onChange={setRecoveryKey}
          error={problems.recoveryKey}
        />
        <TextInputField
          id="recovery-next"
          label="New passphrase"
          type="password"
          autoComplete="new-password"
          help="At least 12 characters. A few unrelated words you will remember are stronger than a short jumble."
          value={next}
          onChange={setNext}
          error={problems.next}
        />
        <TextInputField
          id="recovery-again"
          label="New passphrase again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          error={problems.again}
        />
        <p className="unlock-panel__wait" role="status">
          {busy && 'Checking your recovery key. This can take a few seconds.'}
        </p>
        <div className="passphrase__actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
          >
            {busy ? 'Setting new passphrase…' : 'Set new passphrase'}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Back to unlocking
          </button>
        </div>
      </form>
    </div>
  );
}
