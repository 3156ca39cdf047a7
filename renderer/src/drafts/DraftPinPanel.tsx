/**
 * "Choose a draft PIN": inline and non-modal, under the draft status line, once a draft that no
 * PIN protects has been saved. The PIN goes to the core and is not kept on the page.
 */
import { useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DraftPinContext } from './DraftPinContext';

const PIN_PATTERN = /^[0-9]{4,8}$/;

type Problem = { field: 'pin' | 'again'; message: string } | null;

export function DraftPinPanel() {
  const state = useContext(DraftPinContext);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const [setHere, setSetHere] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const againRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (setHere) doneRef.current?.focus();
  }, [setHere]);

  if (state === null || !state.saved) return null;
  if (state.isProtected) {
    if (!setHere) return null;
    return (
      <p className="draft-pin draft-pin--done" role="status" tabIndex={-1} ref={doneRef}>
        Draft PIN set. You will need it to reopen this draft after Safeguard Desk locks.
      </p>
    );
  }

  const fail = (next: NonNullable<Problem>) => {
    setProblem(next);
    const input = next.field === 'pin' ? pinRef.current : againRef.current;
    input?.focus();
    input?.select();
  };

  const submit = async () => {
    if (busy) return;
    if (!PIN_PATTERN.test(pin)) return fail({ field: 'pin', message: 'Enter 4 to 8 digits.' });
    if (again !== pin) {
      return fail({ field: 'again', message: 'The two PINs are not the same: type it again.' });
    }
    setBusy(true);
    const failure = await state.protect(pin);
    setBusy(false);
    if (failure !== null) return fail({ field: 'pin', message: failure.message });
    setPin('');
    setAgain('');
    setProblem(null);
    setSetHere(true);
  };

  // The panel sits inside the concern's form: Enter sets the PIN, it does not go to Review.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void submit();
  };

  const describedBy = (field: 'pin' | 'again') =>
    problem?.field === field ? 'draft-pin-hint draft-pin-error' : 'draft-pin-hint';

  return (
    <fieldset className="draft-pin">
      <legend className="draft-pin__title">
        Choose a draft PIN so only you can reopen this draft after Safeguard Desk locks
      </legend>
      <p className="draft-pin__hint" id="draft-pin-hint">
        4 to 8 digits, not easy to guess. Without a PIN, once Safeguard Desk locks this draft cannot
        be reopened: it can only be discarded.
      </p>
      {problem !== null && (
        <p className="draft-pin__error" id="draft-pin-error" role="alert">
          <span className="visually-hidden">Error: </span>
          {problem.message}
        </p>
      )}
      <div className="draft-pin__row">
        <div className="draft-pin__field">
          <label className="field__label" htmlFor="draft-pin">
            Draft PIN
          </label>
          <input
            id="draft-pin"
            ref={pinRef}
            className="input input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            aria-invalid={problem?.field === 'pin' ? true : undefined}
            aria-describedby={describedBy('pin')}
            onChange={(event) => setPin(event.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        <div className="draft-pin__field">
          <label className="field__label" htmlFor="draft-pin-again">
            Type the PIN again
          </label>
          <input
            id="draft-pin-again"
            ref={againRef}
            className="input input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={again}
            aria-invalid={problem?.field === 'again' ? true : undefined}
            aria-describedby={describedBy('again')}
            onChange={(event) => setAgain(event.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy ? true : undefined}
          onClick={() => void submit()}
        >
          Set draft PIN
        </button>
      </div>
    </fieldset>
  );
}
