/** Asks for a locked draft's PIN; the draft opens (in the core) only with the right one. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { bridge, describeFailure } from '../bridge';
import type { DraftSummary } from './DraftList';

interface DraftPinPromptProps {
  draft: DraftSummary;
  /** The PIN was right: the core holds the draft's key for this session. */
  onOpened: () => void;
  onCancel: () => void;
}

/** "about 30 seconds" until `iso`, or null when that time has passed. */
function waitUntil(iso: string | null): string | null {
  if (iso === null) return null;
  const seconds = Math.ceil((Date.parse(iso) - Date.now()) / 1000);
  if (!(seconds > 0)) return null;
  const words = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return words(seconds, 'second');
  if (seconds < 3600) return words(Math.ceil(seconds / 60), 'minute');
  return words(Math.ceil(seconds / 3600), 'hour');
}

export function DraftPinPrompt({ draft, onOpened, onCancel }: DraftPinPromptProps) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = `draft-${draft.draftId}-pin`;
  const wait = waitUntil(draft.retryAfter);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const fail = (message: string) => {
    setError(message);
    setPin('');
    inputRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!/^[0-9]{4,8}$/.test(pin)) return fail('Enter the 4 to 8 digits of the draft PIN.');
    setBusy(true);
    try {
      await bridge()['drafts.get']({ draftId: draft.draftId, pin });
      onOpened();
    } catch (caught) {
      setBusy(false);
      fail(describeFailure(caught).message);
    }
  };

  return (
    <form className="draft-pin draft-pin--open" noValidate onSubmit={(event) => void submit(event)}>
      {wait !== null && error === null && (
        <p className="draft-pin__hint" id={`${id}-wait`}>
          Too many wrong PINs for this draft: wait about {wait} before trying again.
        </p>
      )}
      {error !== null && (
        <p className="draft-pin__error" id={`${id}-error`} role="alert">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <label className="field__label" htmlFor={id}>
        Draft PIN
      </label>
      <input
        id={id}
        ref={inputRef}
        className="input input--pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={pin}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-error` : wait !== null ? `${id}-wait` : undefined}
        onChange={(event) => setPin(event.target.value)}
      />
      <div className="draft__actions">
        <button
          type="submit"
          className="button button--secondary"
          aria-disabled={busy || undefined}
        >
          Open draft
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
