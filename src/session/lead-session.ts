/**
 * The lead role of one user's session: absent (no lead identity on this computer), locked, or
 * unlocked (the workspace open: identity in memory, case store open). Lead operations ask it for
 * the workspace and get `not-a-lead` or `locked` otherwise. While unlocked, new concerns are
 * imported at once and every minute; `onNewConcerns` hears only counts (for a notification that
 * says "2 new concerns, 1 urgent" and nothing else). Locking forgets the secrets.
 */
import {
  checkUnlockWait,
  countWrongPassphrase,
  importConcerns,
  openWorkspace,
  type Workspace,
} from '../casework';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import { changeLeadPassphrase, hasLeadIdentity, recoverLead } from '../lead';
import type { KeyProvider } from '../storage/key-provider';

export const IMPORT_EVERY_MS = 60_000;

export interface LeadSessionOptions {
  home: string;
  keyProvider: KeyProvider;
  forms: FormRegistry;
  /** Told how many new concerns arrived (and how many urgent): never what they are. */
  onNewConcerns?: (counts: { imported: number; urgent: number }) => void;
  importEveryMs?: number;
}

export class LeadSession {
  private workspace: Workspace | null = null;
  private timer: NodeJS.Timeout | null = null;
  private importing: Promise<{ imported: number; urgent: number }> | null = null;

  constructor(private readonly options: LeadSessionOptions) {}

  /** Whether this user holds a lead identity on this computer. */
  isLead(): boolean {
    return hasLeadIdentity(this.options.home);
  }

  status() {
    const open = this.workspace;
    return {
      isLead: this.isLead(),
      unlocked: open !== null,
      name: open?.secrets.name ?? null,
      role: open?.secrets.role ?? null,
      recipientId: open?.secrets.recipientId ?? null,
    };
  }

  /** Opens the workspace with the passphrase, imports what is new, and keeps importing. */
  async unlock(passphrase: string): Promise<void> {
    if (!this.isLead()) throw notALead();
    if (this.workspace !== null) return;
    this.workspace = await openWorkspace({
      home: this.options.home,
      keyProvider: this.options.keyProvider,
      passphrase,
    });
    void this.importNow().catch(() => undefined);
    const every = this.options.importEveryMs ?? IMPORT_EVERY_MS;
    this.timer = setInterval(() => void this.importNow().catch(() => undefined), every);
    this.timer.unref();
  }

  /** Imports new concerns now (one at a time); returns the counts. */
  importNow(): Promise<{ imported: number; urgent: number }> {
    this.importing ??= this.runImport().finally(() => {
      this.importing = null;
    });
    return this.importing;
  }

  private async runImport(): Promise<{ imported: number; urgent: number }> {
    const workspace = this.require();
    const before = new Set(workspace.store.cases.importedFiles());
    const result = await importConcerns({
      store: workspace.store,
      forms: this.options.forms,
      secrets: workspace.secrets,
      calendar: workspace.calendar,
    });
    if (this.workspace !== workspace) return { imported: 0, urgent: 0 };
    const fresh = workspace.store.cases.list().filter((c) => !before.has(`${c.concernId}.age`));
    const counts = {
      imported: result.imported,
      urgent: fresh.filter((c) => c.urgency === 'urgent').length,
    };
    if (counts.imported > 0) this.options.onNewConcerns?.(counts);
    return counts;
  }

  /**
   * Re-seals the unlocked lead's identity under `next`. A wrong `current` is counted as a wrong
   * unlock (the same tries and waits), so this is no way round them; the workspace stays open.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    const { store, casework } = this.require();
    checkUnlockWait(store, new Date());
    try {
      await changeLeadPassphrase(this.options.home, current, next);
    } catch (error) {
      if (error instanceof SafeguardError && error.code === 'wrong-passphrase') {
        throw countWrongPassphrase(store, new Date());
      }
      throw error;
    }
    store.unlockAttempts.succeeded();
    casework.audit('passphrase-changed', {});
  }

  /**
   * A forgotten passphrase: the recovery key opens this lead's copy on the share and the identity
   * is re-sealed under `newPassphrase`. Works while locked, on a computer with a lead identity.
   */
  async recover(
    recoveryKey: string,
    newPassphrase: string,
  ): Promise<{ name: string; role: string }> {
    if (!this.isLead()) throw notALead();
    const recovered = await recoverLead({
      home: this.options.home,
      keyProvider: this.options.keyProvider,
      recoveryKey,
      newPassphrase,
    });
    return { name: recovered.name, role: recovered.role };
  }

  /** Forgets the secrets and closes the case store. */
  lock(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.workspace?.close();
    this.workspace = null;
  }

  /** The unlocked workspace, or `not-a-lead` / `locked`. */
  require(): Workspace {
    if (this.workspace !== null) return this.workspace;
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
