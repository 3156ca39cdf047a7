/**
 * The office area of an office user's computer: locked (the passphrase), or the summaries. It
 * locks after 5 minutes without input, on "Lock office summaries", and whenever the whole app
 * locks (the app unmounts it then). Locking unmounts the figures first, then tells the core to
 * forget the identity and the extract.
 */
import { useCallback, useEffect, useState } from 'react';
import { FailureNotice } from '../components/FailureNotice';
import { PassphraseUnlock } from '../components/PassphraseUnlock';
import { load, type Loadable } from '../loadable';
import { useIdleLock } from '../lock/useIdleLock';
import { OfficeSummaries } from './OfficeSummaries';
import type { OfficeStatus } from './types';
import './office.css';

type Phase =
  | { name: 'checking' }
  | { name: 'failed'; status: Loadable<OfficeStatus> }
  | { name: 'locked'; reason: 'idle' | 'user' | null }
  | { name: 'unlocked'; status: OfficeStatus; session: number };

export function OfficeArea() {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });

  useEffect(() => {
    let current = true;
    void load((api) => api['office.status']()).then((result) => {
      if (!current) return;
      if (result.state !== 'ready' || !result.value.isOffice) {
        setPhase({ name: 'failed', status: result });
      } else if (result.value.unlocked) {
        setPhase({ name: 'unlocked', status: result.value, session: Date.now() });
      } else {
        setPhase({ name: 'locked', reason: null });
      }
    });
    return () => {
      current = false;
    };
  }, []);

  const lock = useCallback((reason: 'idle' | 'user') => {
    setPhase({ name: 'locked', reason });
    void load((api) => api['office.lock']());
  }, []);

  useIdleLock(phase.name === 'unlocked', () => lock('idle'));

  switch (phase.name) {
    case 'checking':
      return (
        <p className="muted" role="status">
          Opening the office summaries&hellip;
        </p>
      );
    case 'failed':
      return phase.status.state === 'failed' ? (
        <FailureNotice failure={phase.status.failure} />
      ) : (
        <p>This computer holds no office identity for you.</p>
      );
    case 'locked':
      return (
        <PassphraseUnlock
          title="Office summaries"
          notice={
            phase.reason === null ? null : (
              <p className="notice notice--info" role="status">
                {phase.reason === 'idle'
                  ? 'The office summaries locked themselves after 5 minutes without input.'
                  : 'The office summaries are locked.'}
              </p>
            )
          }
          intro="Enter your passphrase to open the school’s anonymised figures. They lock themselves after 5 minutes without input."
          inputId="office-passphrase"
          buttonText="Unlock office summaries"
          notUnlocked="The office summaries did not unlock. Please try again."
          unlock={(passphrase) => load((api) => api['office.unlock']({ passphrase }))}
          isUnlocked={(status) => status.unlocked}
          onUnlocked={(status) => setPhase({ name: 'unlocked', status, session: Date.now() })}
        >
          <p className="unlock-panel__note">
            Forgotten your passphrase? Ask your DSL to add you again: office staff have no recovery
            key.
          </p>
        </PassphraseUnlock>
      );
    case 'unlocked':
      return (
        <OfficeSummaries key={phase.session} status={phase.status} onLock={() => lock('user')} />
      );
  }
}
