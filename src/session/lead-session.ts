/**
 * The lead role of one user's session: absent (no lead identity on this computer), locked, or
 * unlocked (the identity open in memory and the case store open). Lead operations ask it for the
 * unlocked state and get `not-a-lead` or `locked` otherwise. Locking forgets the secrets and closes
 * the store.
 */
import { SafeguardError } from '../errors';
import { openCaseStore, type CaseStore } from '../casework';
import { hasLeadIdentity, unlockLead, type LeadSecrets } from '../lead';
import type { KeyProvider } from '../storage/key-provider';

/** The unlocked lead: their secrets and their case store. */
export interface UnlockedLead {
  secrets: LeadSecrets;
  store: CaseStore;
}

export class LeadSession {
  private unlocked: UnlockedLead | null = null;

  constructor(
    private readonly home: string,
    private readonly keyProvider: KeyProvider,
  ) {}

  /** Whether this user holds a lead identity on this computer. */
  isLead(): boolean {
    return hasLeadIdentity(this.home);
  }

  status(): { isLead: boolean; unlocked: boolean; name: string | null; role: string | null } {
    const open = this.unlocked;
    return {
      isLead: this.isLead(),
      unlocked: open !== null,
      name: open?.secrets.name ?? null,
      role: open?.secrets.role ?? null,
    };
  }

  /** Opens the identity with the passphrase and the case store with its key. */
  async unlock(passphrase: string): Promise<void> {
    if (!this.isLead()) throw notALead();
    if (this.unlocked !== null) return;
    const secrets = await unlockLead(this.home, passphrase);
    const store = await openCaseStore(this.home, this.keyProvider);
    this.unlocked = { secrets, store };
  }

  /** Forgets the secrets and closes the case store. */
  lock(): void {
    this.unlocked?.store.close();
    this.unlocked = null;
  }

  /** The unlocked lead, or `not-a-lead` / `locked`. */
  require(): UnlockedLead {
    if (this.unlocked !== null) return this.unlocked;
    if (!this.isLead()) throw notALead();
    throw new SafeguardError('locked', 'Unlock the safeguarding area with your passphrase first.');
  }
}

function notALead(): SafeguardError {
  return new SafeguardError(
    'not-a-lead',
    'This computer holds no safeguarding lead identity for this user.',
  );
}
