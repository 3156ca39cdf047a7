/** The lead's passphrase: changing it while unlocked, and recovering with the recovery key. */
import type { HandlersOf } from '../contract';
import type { LeadSession } from '../../session/lead-session';

export function leadPassphraseHandlers(deps: {
  lead: LeadSession;
}): HandlersOf<'lead.changePassphrase' | 'lead.recover'> {
  const { lead } = deps;
  return {
    'lead.changePassphrase': async ({ current, next }) => {
      await lead.changePassphrase(current, next);
      return lead.status();
    },
    'lead.recover': ({ recoveryKey, newPassphrase }) => lead.recover(recoveryKey, newPassphrase),
  };
}
