/**
 * The safeguarding area of a lead's computer: locked (the passphrase, or the recovery key when it
 * is forgotten), or the workspace. It locks
 * after 5 minutes without input, on "Lock safeguarding area", and whenever the whole app locks (the
 * app unmounts it then). Locking unmounts the workspace first — every case leaves the page and
 * React's state at once — and then tells the core to forget the identity and close the store.
 */
import { useCallback, useEffect, useState } from 'react';
import { FailureNotice } from '../components/FailureNotice';
import { load, type Loadable } from '../loadable';
import { useIdleLock } from '../lock/useIdleLock';
import { LeadWorkspace } from './LeadWorkspace';
import { RecoverScreen } from './passphrase/RecoverScreen';
import type { LeadStatus } from './types';
import { UnlockScreen } from './UnlockScreen';
import './lead.css';

type Phase =
  | { name: 'checking' }
  | { name: 'failed'; status: Loadable<LeadStatus> }
  | { name: 'locked'; reason: 'idle' | 'lead' | 'recovered' | null }
  | { name: 'recovering' }
  | { name: 'unlocked'; status: LeadStatus; session: number };

export function LeadArea() {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });

  useEffect(() => {
    let current = true;
    void load((api) => api['lead.status']()).then((result) => {
      if (!current) return;
      if (result.state !== 'ready' || !result.value.isLead) {
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

  const lock = useCallback((reason: 'idle' | 'lead') => {
    setPhase({ name: 'locked', reason });
    void load((api) => api['lead.lock']());
  }, []);

  useIdleLock(phase.name === 'unlocked', () => lock('idle'));

  switch (phase.name) {
    case 'checking':
      return (
        <p className="muted" role="status">
          Opening the safeguarding area&hellip;
        </p>
      );
    case 'failed':
      return phase.status.state === 'failed' ? (
        <FailureNotice failure={phase.status.failure} />
      ) : (
        <p>This computer holds no safeguarding lead identity for you.</p>
      );
    case 'locked':
      return (
        <UnlockScreen
          reason={phase.reason}
          onUnlocked={(status) => setPhase({ name: 'unlocked', status, session: Date.now() })}
          onForgotten={() => setPhase({ name: 'recovering' })}
        />
      );
    case 'recovering':
      return (
        <RecoverScreen
          onRecovered={() => setPhase({ name: 'locked', reason: 'recovered' })}
          onCancel={() => setPhase({ name: 'locked', reason: null })}
        />
      );
    case 'unlocked':
      return (
        <LeadWorkspace key={phase.session} status={phase.status} onLock={() => lock('lead')} />
      );
  }
}
