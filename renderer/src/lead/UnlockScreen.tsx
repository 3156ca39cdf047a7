/**
 * Unlocking the safeguarding area with the lead's passphrase (the shared passphrase form: the
 * core's sentence for a wrong one, and its waits after five). A forgotten passphrase leads to the
 * recovery key form.
 */
import { useEffect } from 'react';
import { PassphraseUnlock } from '../components/PassphraseUnlock';
import { load } from '../loadable';
import type { LeadStatus } from './types';

interface UnlockScreenProps {
  /** Why the area is locked, if it locked itself, or that a new passphrase was just set. */
  reason: 'idle' | 'lead' | 'recovered' | null;
  onUnlocked: (status: LeadStatus) => void;
  /** "Forgotten your passphrase?": to the recovery key form. */
  onForgotten: () => void;
}

export function UnlockScreen({ reason, onUnlocked, onForgotten }: UnlockScreenProps) {
  // While the passphrase is typed, the core readies scrypt so that Unlock answers in under a
  // second. Nothing depends on it: unlocking works the same, only slower, should this fail.
  useEffect(() => {
    void load((api) => api['lead.prepareUnlock']());
  }, []);

  return (
    <PassphraseUnlock
      title="Safeguarding area"
      notice={<ReasonNotice reason={reason} />}
      intro="Enter your passphrase to open the concerns sealed to you. The area locks itself after 5 minutes without input."
      inputId="lead-passphrase"
      buttonText="Unlock safeguarding area"
      notUnlocked="The safeguarding area did not unlock. Please try again."
      unlock={(passphrase) => load((api) => api['lead.unlock']({ passphrase }))}
      isUnlocked={(status) => status.unlocked}
      onUnlocked={onUnlocked}
    >
      <p className="unlock-panel__forgotten">
        <button type="button" className="link-button" onClick={onForgotten}>
          Forgotten your passphrase? Use your recovery key
        </button>
      </p>
    </PassphraseUnlock>
  );
}

function ReasonNotice({ reason }: { reason: UnlockScreenProps['reason'] }) {
  if (reason === 'idle') {
    return (
      <p className="notice notice--info" role="status">
        The safeguarding area locked itself after 5 minutes without input. Nothing from a case is
        left on screen.
      </p>
    );
  }
  if (reason === 'lead') {
    return (
      <p className="notice notice--info" role="status">
        The safeguarding area is locked. Nothing from a case is left on screen.
      </p>
    );
  }
  if (reason === 'recovered') {
    return (
      <p className="notice notice--info" role="status">
        Your new passphrase is set. Unlock with it now; your recovery key stays the same.
      </p>
    );
  }
  return null;
}
