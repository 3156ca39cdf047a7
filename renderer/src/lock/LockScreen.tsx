/**
 * The lock screen: nothing of the form stays on screen or in the page, and the core has forgotten
 * every draft key. Unlock needs nothing (the staff side shows nothing else sensitive); a draft
 * opens again only with its draft PIN, and this screen says whether the open one has one.
 */
import { useEffect, useState } from 'react';
import { useHeadingFocus } from '../components/useHeadingFocus';
import type { DraftFlush } from '../drafts/useDraftAutosave';

interface LockScreenProps {
  /** The draft being saved as the app locked, and whether a PIN protects it. */
  draft: Promise<DraftFlush>;
  /** This user is a safeguarding lead: say that their area is locked too. */
  leadLocked?: boolean;
  /** This user is office staff: the office summaries locked with the app. */
  officeLocked?: boolean;
  onUnlock: () => void;
}

const draftWords = {
  saving: 'Saving your draft…',
  protected:
    'Your draft is saved, encrypted on this computer. To continue it after unlocking, choose it on Home and enter its draft PIN.',
  unprotected:
    'Your draft is saved, but it has no draft PIN, so it cannot be reopened: on Home you can only discard it. If you were writing a concern, write it again or tell the DSL in person.',
  failed: 'Your draft could not be saved. If you were writing a concern, tell the DSL in person.',
  none: '',
} as const;

export function LockScreen({
  draft,
  leadLocked = false,
  officeLocked = false,
  onUnlock,
}: LockScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [state, setState] = useState<keyof typeof draftWords>('saving');

  useEffect(() => {
    let current = true;
    draft.then(
      (flushed) => {
        if (!current) return;
        if (flushed.saved === null) setState('none');
        else if (!flushed.saved) setState('failed');
        else setState(flushed.protected ? 'protected' : 'unprotected');
      },
      () => current && setState('failed'),
    );
    return () => {
      current = false;
    };
  }, [draft]);

  return (
    <div className="lock">
      <h1 className="lock__title" ref={heading} tabIndex={-1}>
        Safeguard Desk is locked
      </h1>
      <p>Nothing you were writing is shown while it is locked.</p>
      <p
        role="status"
        className={state === 'unprotected' ? 'lock__draft lock__draft--warn' : 'lock__draft'}
      >
        {draftWords[state]}
      </p>
      <p className="lock__note">
        Unlocking needs no password. Drafts stay locked until their draft PIN is entered; a draft
        without one can only be discarded.
      </p>
      {leadLocked && (
        <p className="lock__note">
          The safeguarding area is locked too: opening it again needs your passphrase.
        </p>
      )}
      {officeLocked && (
        <p className="lock__note">
          The office summaries are locked too: opening them again needs your passphrase.
        </p>
      )}
      <button type="button" className="button button--primary" onClick={onUnlock}>
        Unlock
      </button>
    </div>
  );
}
