/** What the end of a welcome path shows: the safety code, the poster, the recovery key to keep. */
import { useState, type Ref } from 'react';
import type { BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { saveFile } from '../download';
import { load } from '../loadable';

export function SafetyCodeBox({ code, help }: { code: string; help: string }) {
  return (
    <div className="reference-box">
      <p className="reference-box__label">Safety code</p>
      <p className="reference-box__value">{code}</p>
      <p className="reference-box__help">{help}</p>
    </div>
  );
}

interface RecoveryKeyPanelProps {
  recoveryKey: string;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  /** Shown when the person tried to go on without ticking the box. */
  error: string | null;
  checkboxRef?: Ref<HTMLInputElement>;
}

/** The recovery key, shown once: print it, and confirm it is kept before going on. */
export function RecoveryKeyPanel({
  recoveryKey,
  confirmed,
  onConfirm,
  error,
  checkboxRef,
}: RecoveryKeyPanelProps) {
  return (
    <section className="recovery printable" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Your recovery key</h2>
      <p>
        If you forget your passphrase, this key is the only way to open the concerns sent to you.
        Nobody else has it, not even IT. It is shown only now.
      </p>
      <p className="recovery__key">
        <span className="visually-hidden">Recovery key: </span>
        {recoveryKey}
      </p>
      <p>
        Write it down or print it, and keep it somewhere safe and locked, away from this computer.
      </p>
      <button
        type="button"
        className="button button--secondary recovery__print"
        onClick={() => window.print()}
      >
        Print the recovery key
      </button>
      <div
        className={
          error === null ? 'field recovery__confirm' : 'field field--invalid recovery__confirm'
        }
      >
        {error !== null && (
          <div className="field__error" id="recovery-confirm-error">
            <p>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          </div>
        )}
        <div className="choice">
          <input
            id="recovery-confirm"
            ref={checkboxRef}
            type="checkbox"
            checked={confirmed}
            onChange={(event) => onConfirm(event.target.checked)}
            aria-invalid={error === null ? undefined : true}
            aria-describedby={error === null ? undefined : 'recovery-confirm-error'}
          />
          <label htmlFor="recovery-confirm">
            I have written down or printed the recovery key and put it somewhere safe
          </label>
        </div>
      </div>
    </section>
  );
}

/** The staff-room poster (a PDF made by the core): the safety code and how to report. */
export function PosterDownload() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [warning, setWarning] = useState<string | null>(null);

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await load((api) => api['school.poster']());
    setBusy(false);
    if (result.state !== 'ready') {
      if (result.state === 'failed') setFailure(result.failure);
      return;
    }
    setWarning(result.value.warning);
    saveFile(result.value.fileName, result.value.base64, 'application/pdf');
  };

  return (
    <section className="poster" aria-labelledby="poster-title">
      <h2 id="poster-title">The staff-room poster</h2>
      <p>
        Print it and put it up where staff will see it. It shows this safety code, how to report a
        concern, and who the safeguarding leads are.
      </p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={busy ? true : undefined}
        onClick={() => void download()}
      >
        {busy ? 'Making the poster…' : 'Download the poster (PDF)'}
      </button>
      <div role="status">
        {warning !== null && <p className="notice notice--warn">{warning}</p>}
      </div>
      {failure !== null && <FailureNotice failure={failure} />}
    </section>
  );
}
