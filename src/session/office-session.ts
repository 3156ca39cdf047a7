/**
 * The office role of one user's session: absent (no office identity on this computer), locked, or
 * unlocked (the identity in memory). Office operations ask it for the unlocked identity and get
 * `not-office` or `locked` otherwise. Wrong passphrases are counted in the staff store, with the
 * lead's waits after five. The newest extract is kept for a minute, so choosing periods and
 * exporting do not decrypt it again each time; locking forgets it and the identity.
 */
import { checkUnlockWait, countWrongPassphrase } from '../casework';
import { UnlockAttemptsTable } from '../casework/store/unlock-attempts';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import type { PassphraseInput } from '../lead/passphrase';
import {
  hasOfficeIdentity,
  notOffice,
  officeRecipient,
  unlockOffice,
  type OfficeSecrets,
} from '../office/identity';
import type { OpenedExtract } from '../office/parts';
import { openNewestExtract, type OfficeContext } from '../office/summaries';
import type { StaffStore } from '../staff';

/** How long an opened extract is reused before the share is read again. */
export const EXTRACT_REUSE_MS = 60_000;

export interface OfficeStatus {
  isOffice: boolean;
  unlocked: boolean;
  /** Their `age1…` key, once unlocked (what the DSL adds). */
  recipient: string | null;
}

export class OfficeSession {
  private secrets: OfficeSecrets | null = null;
  private recipient: string | null = null;
  private extract: { opened: OpenedExtract; at: number } | null = null;
  private readonly attempts: { unlockAttempts: UnlockAttemptsTable };

  constructor(
    private readonly options: {
      home: string;
      store: StaffStore;
      forms: FormRegistry;
      now?: () => Date;
    },
  ) {
    this.attempts = {
      unlockAttempts: new UnlockAttemptsTable(options.store.db, 'office_unlock_attempts'),
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Whether this user holds an office identity on this computer. */
  isOffice(): boolean {
    return hasOfficeIdentity(this.options.home);
  }

  status(): OfficeStatus {
    return {
      isOffice: this.isOffice(),
      unlocked: this.secrets !== null,
      recipient: this.recipient,
    };
  }

  /** Opens the identity with the passphrase; wrong ones are counted, and waited for after five. */
  async unlock(passphrase: PassphraseInput): Promise<OfficeStatus> {
    if (!this.isOffice()) throw notOffice();
    if (this.secrets !== null) return this.status();
    checkUnlockWait(this.attempts, this.now());
    let secrets: OfficeSecrets;
    try {
      secrets = await unlockOffice(this.options.home, passphrase);
    } catch (error) {
      if (error instanceof SafeguardError && error.code === 'wrong-passphrase') {
        throw countWrongPassphrase(this.attempts, this.now());
      }
      throw error;
    }
    this.attempts.unlockAttempts.succeeded();
    this.recipient = await officeRecipient(secrets);
    this.secrets = secrets;
    return this.status();
  }

  /** Forgets the identity and any extract opened with it. */
  lock(): OfficeStatus {
    this.secrets = null;
    this.recipient = null;
    this.extract = null;
    return this.status();
  }

  /** What the summaries need while unlocked, or `not-office` / `locked`. */
  require(): OfficeContext {
    if (this.secrets !== null) {
      return { secrets: this.secrets, store: this.options.store, forms: this.options.forms };
    }
    if (!this.isOffice()) throw notOffice();
    throw new SafeguardError('locked', 'Unlock the office summaries with your passphrase first.');
  }

  /** The newest usable extract, read again from the share after a minute. */
  async newestExtract(): Promise<OpenedExtract> {
    const ctx = this.require();
    const at = Date.now();
    if (this.extract !== null && at - this.extract.at < EXTRACT_REUSE_MS) {
      return this.extract.opened;
    }
    const opened = await openNewestExtract(ctx, this.now());
    // Locked while reading: what was read is not kept.
    if (this.secrets === ctx.secrets) this.extract = { opened, at };
    return opened;
  }
}
