/** The lead's lock: status, unlock with the passphrase, lock. */
import type { HandlersOf } from '../contract';
import type { LeadSession } from '../../session/lead-session';

/** `lead.status`, `lead.unlock` and `lead.lock` over the session's lead role. */
export function leadSessionHandlers(deps: {
  lead: LeadSession;
}): HandlersOf<'lead.status' | 'lead.unlock' | 'lead.lock'> {
  const { lead } = deps;
  return {
    'lead.status': () => Promise.resolve(lead.status()),
    'lead.unlock': async ({ passphrase }) => {
      await lead.unlock(passphrase);
      return lead.status();
    },
    'lead.lock': () => {
      lead.lock();
      return Promise.resolve(lead.status());
    },
  };
}
