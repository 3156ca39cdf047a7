/** The lead's lock, and what comes with unlocking: import, the quarantine, the school's leads. */
import type { HandlersOf } from '../contract';
import type { LeadSession } from '../../session/lead-session';

/** Session operations over the lead role. */
export function leadSessionHandlers(deps: {
  lead: LeadSession;
}): HandlersOf<
  | 'lead.status'
  | 'lead.prepareUnlock'
  | 'lead.unlock'
  | 'lead.lock'
  | 'lead.import'
  | 'lead.quarantine'
  | 'lead.recipients'
> {
  const { lead } = deps;
  return {
    'lead.status': () => Promise.resolve(lead.status()),
    'lead.prepareUnlock': () => {
      // Answers at once: the warm-up goes on while the passphrase is typed.
      void lead.prepareUnlock();
      return Promise.resolve(lead.status());
    },
    'lead.unlock': async ({ passphrase }) => {
      await lead.unlock(passphrase);
      return lead.status();
    },
    'lead.lock': () => {
      lead.lock();
      return Promise.resolve(lead.status());
    },
    'lead.import': () => {
      lead.require();
      return lead.importNow();
    },
    'lead.quarantine': () => Promise.resolve(lead.require().store.quarantine.list()),
    'lead.recipients': () =>
      Promise.resolve(
        [...lead.require().roster]
          .filter(([, r]) => r.role !== 'office')
          .map(([id, r]) => ({ id, name: r.name, role: r.role })),
      ),
  };
}
