/** The lock screen: nothing of the form stays on screen or in the page. */
import { useEffect, useState } from 'react';
import { useHeadingFocus } from '../components/useHeadingFocus';

interface LockScreenProps {
  /** The draft being saved as the app locked: true saved, false failed, null none open. */
  draft: Promise<boolean | null>;
  onUnlock: () => void;
}

const draftWords = {
  saving: 'Saving your draft…',
  saved: 'Your draft is saved, encrypted on this computer. Continue it from Home after unlocking.',
  failed: 'Your draft could not be saved. If you were writing a concern, tell the DSL in person.',
  none: '',
} as const;

export function LockScreen({ draft, onUnlock }: LockScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [state, setState] = useState<keyof typeof draftWords>('saving');

  useEffect(() => {
    let current = true;
    draft.then(
      (saved) => current && setState(saved === null ? 'none' : saved ? 'saved' : 'failed'),
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
      <p role="status">{draftWords[state]}</p>
      <button type="button" className="button button--primary" onClick={onUnlock}>
        Unlock
      </button>
    </div>
  );
}
