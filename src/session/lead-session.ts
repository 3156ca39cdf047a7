/**
 * The lead role of one user's session: absent (no lead identity on this computer), locked, or
 * unlocked (the workspace open: identity in memory, case store open). Lead operations ask it for
 * the workspace and get `not-a-lead` or `locked` otherwise. While unlocked, new concerns are
 * imported at once and every minute; `onNewConcerns` hears only counts (for a notification that
 * says "2 new concerns, 1 urgent" and nothing else). Each import also receives other leads'
 * casework events from the share and delivers this lead's; a change is delivered two seconds
 * after it is made (docs/event-sync.md). Locking forgets the secrets.
 *
 * The anonymised extract for office staff is published on demand and, while unlocked, a while
 * (`publishAfterMs`) after the last change to the record (an event, an import, the calendar) and
 * after unlocking (clocks fall due with time alone). Several changes in a row make one extract. A
 * failed publication changes no casework; it is reported in `status().extract` and tried again
 * after the next change.
 *
 * While the unlock screen is open, `prepareUnlock` keeps scrypt warm on a worker thread
 * (crypto/warm-scrypt.ts), so that the passphrase, once entered, is checked in well under a
 * second; the worker ends when the area unlocks.
 */
import {
  checkUnlockWait,
  countWrongPassphrase,
  importConcerns,
  openWorkspace,
  type Workspace,
} from '../casework';
import { WarmScrypt } from '../crypto';
import { SafeguardError } from '../errors';
import type { FormRegistry } from '../forms';
import { deliverEvents, receiveEvents, shareWithNewLeads } from '../casework/sync';
import { changeLeadPassphrase, hasLeadIdentity, recoverLead } from '../lead';
import { publishExtract, type PublishResult } from '../office/extract';
import type { SchoolProfile } from '../school/profile';
import type { KeyProvider } from '../storage/key-provider';

export const IMPORT_EVERY_MS = 60_000;
/** The extract is published this long after the last change (so a run of changes makes one). */
export const PUBLISH_AFTER_MS = 2 * 60_000;
/** A change is delivered to the case's other leads this soon (a run of changes goes together). */
export const DELIVER_AFTER_MS = 2_000;

/** Where the office's figures stand, for the lead's status. */
export interface ExtractStatus {
  /** When this lead last published (from the case store, across sessions), or null. */
  lastPublishedAt: string | null;
  /** How many concerns that extract held. */
  rows: number | null;
  /** A publication is waiting for its delay after the last change, or running. */
  pending: boolean;
  /** Why the last publication failed (no office user yet, the share away…), or null. */
  problem: { code: string; message: string } | null;
}

export interface LeadSessionOptions {
  home: string;
  keyProvider: KeyProvider;
  forms: FormRegistry;
  /** Told how many new concerns arrived (and how many urgent): never what they are. */
  onNewConcerns?: (counts: { imported: number; urgent: number }) => void;
  importEveryMs?: number;
  /** The school profile this computer trusts (the share's, verified against the pin). */
  profile?: () => Promise<SchoolProfile>;
  /** Delay after the last change before the extract is published (tests shorten it). */
  publishAfterMs?: number;
}

export class LeadSession {
  private workspace: Workspace | null = null;
  private timer: NodeJS.Timeout | null = null;
  private importing: Promise<{ imported: number; urgent: number }> | null = null;
  private publishTimer: NodeJS.Timeout | null = null;
  private publishing: Promise<PublishResult> | null = null;
  private extractProblem: { code: string; message: string } | null = null;
  private stopListening: (() => void) | null = null;
  private deliverTimer: NodeJS.Timeout | null = null;
  private delivering: Promise<void> | null = null;
  private warm: WarmScrypt | null = null;

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
      extract: open === null ? null : this.extractStatus(open),
    };
  }

  private extractStatus(workspace: Workspace): ExtractStatus {
    const latest = workspace.store.extracts.latest();
    return {
      lastPublishedAt: latest?.publishedAt ?? null,
      rows: latest?.rowCount ?? null,
      pending: this.publishTimer !== null || this.publishing !== null,
      problem: this.extractProblem,
    };
  }

  /** Whether a warm scrypt worker is standing by for the passphrase. */
  get unlockPrepared(): boolean {
    return this.warm?.running === true;
  }

  /**
   * The unlock screen is open: starts scrypt's warm-up on a worker (once; it ends itself after ten
   * minutes unused). Nothing to do for a computer without a lead identity, or when unlocked. The
   * promise says when the worker is ready (false: unlocking will use Node's scrypt); nobody needs
   * to wait for it.
   */
  prepareUnlock(): Promise<boolean> {
    if (this.workspace !== null || !this.isLead()) return Promise.resolve(false);
    if (this.warm?.running !== true) this.warm = WarmScrypt.start();
    return this.warm.ready;
  }

  /** Opens the workspace with the passphrase, imports what is new, and keeps importing. */
  async unlock(passphrase: string): Promise<void> {
    if (!this.isLead()) throw notALead();
    if (this.workspace !== null) return;
    const warm = this.warm?.running === true ? this.warm : null;
    this.workspace = await openWorkspace({
      home: this.options.home,
      keyProvider: this.options.keyProvider,
      passphrase,
      ...(warm !== null ? { derive: warm.derive } : {}),
    });
    // Unlocked: the worker's memory goes back; the unlock screen starts another when shown again.
    this.warm?.close();
    this.warm = null;
    this.stopListening = this.workspace.casework.onChange(() => {
      this.schedulePublish();
      this.scheduleDelivery();
    });
    this.schedulePublish();
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
    // Other leads' casework, after the concerns it is about; then this lead's queued events.
    await this.syncEvents(workspace).catch(() => undefined);
    if (this.workspace !== workspace) return { imported: 0, urgent: 0 };
    const fresh = workspace.store.cases.list().filter((c) => !before.has(`${c.concernId}.age`));
    const counts = {
      imported: result.imported,
      urgent: fresh.filter((c) => c.urgency === 'urgent').length,
    };
    if (counts.imported > 0) {
      this.options.onNewConcerns?.(counts);
      this.schedulePublish();
    }
    return counts;
  }

  /**
   * Publishes the extract now (after any publication already running), and returns what was
   * published; a refusal (no office user, the share away) is thrown and kept for the status.
   */
  publishExtractNow(): Promise<PublishResult> {
    const workspace = this.require();
    const previous = this.publishing ?? Promise.resolve(null);
    const run: Promise<PublishResult> = previous
      .catch(() => null)
      .then(() => this.publish(workspace))
      .finally(() => {
        if (this.publishing === run) this.publishing = null;
      });
    this.publishing = run;
    return run;
  }

  private async publish(workspace: Workspace): Promise<PublishResult> {
    if (this.workspace !== workspace) throw lockedError();
    try {
      if (this.options.profile === undefined) {
        throw new SafeguardError('unsupported', 'This session cannot read the school profile.');
      }
      const profile = await this.options.profile();
      if (this.workspace !== workspace) throw lockedError();
      const result = await publishExtract({ lead: workspace, profile });
      this.extractProblem = null;
      return result;
    } catch (error) {
      if (this.workspace !== workspace) throw error;
      this.extractProblem =
        error instanceof SafeguardError
          ? { code: error.code, message: error.message }
          : { code: 'internal', message: 'The figures could not be published (internal error).' };
      throw error;
    }
  }

  /** Receives other leads' events and delivers this lead's (one run at a time). */
  private syncEvents(workspace: Workspace, receive = true): Promise<void> {
    const previous = this.delivering ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        if (this.workspace !== workspace || this.options.profile === undefined) return;
        const profile = await this.options.profile();
        if (this.workspace !== workspace) return;
        workspace.profileChanged(profile);
        if (receive) {
          await receiveEvents({ lead: workspace });
          if (this.workspace !== workspace) return;
          shareWithNewLeads(
            {
              store: workspace.store,
              casework: workspace.casework,
              self: workspace.secrets.recipientId,
            },
            profile,
            new Date(),
          );
        }
        if (this.workspace !== workspace) return;
        await deliverEvents({ store: workspace.store, secrets: workspace.secrets, profile });
      })
      .finally(() => {
        if (this.delivering === run) this.delivering = null;
      });
    this.delivering = run;
    return run;
  }

  /** Delivers a change to the case's other leads shortly after it is made. */
  private scheduleDelivery(): void {
    const workspace = this.workspace;
    if (workspace === null || this.deliverTimer !== null) return;
    this.deliverTimer = setTimeout(() => {
      this.deliverTimer = null;
      // A share that is away leaves the events queued: the minute's import tries again.
      this.syncEvents(workspace, false).catch(() => undefined);
    }, DELIVER_AFTER_MS);
    this.deliverTimer.unref();
  }

  /** (Re)starts the delay before the next automatic publication. */
  private schedulePublish(): void {
    if (this.workspace === null) return;
    if (this.publishTimer !== null) clearTimeout(this.publishTimer);
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      if (this.workspace === null) return;
      // Its failure is in the status; the next change tries again.
      this.publishExtractNow().catch(() => undefined);
    }, this.options.publishAfterMs ?? PUBLISH_AFTER_MS);
    this.publishTimer.unref();
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

  /** Locks, and ends a warm scrypt worker too: the session is closing. */
  close(): void {
    this.lock();
    this.warm?.close();
    this.warm = null;
  }

  /**
   * Forgets the secrets and closes the case store. A warm scrypt worker stays (it holds no secret):
   * the unlock screen that follows may have asked for it already.
   */
  lock(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    if (this.deliverTimer) clearTimeout(this.deliverTimer);
    this.deliverTimer = null;
    this.stopListening?.();
    this.stopListening = null;
    this.extractProblem = null;
    this.workspace?.close();
    this.workspace = null;
  }

  /** The unlocked workspace, or `not-a-lead` / `locked`. */
  require(): Workspace {
    if (this.workspace !== null) return this.workspace;
    if (!this.isLead()) throw notALead();
    throw lockedError();
  }
}

function lockedError(): SafeguardError {
  return new SafeguardError('locked', 'Unlock the safeguarding area with your passphrase first.');
}

function notALead(): SafeguardError {
  return new SafeguardError(
    'not-a-lead',
    'This computer holds no safeguarding lead identity for this user.',
  );
}
