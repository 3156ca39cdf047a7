/**
 * Saves the form being filled as a draft in the core (encrypted there), as the reporter types:
 * debounced, one write at a time (so the first write's draft id is used by the next), and never
 * after close() — once the concern is filed the core deletes the draft and it must stay deleted.
 */
import type { OperationInput } from '../../../src/api/contract';
import { bridge, describeFailure, type BridgeFailure } from '../bridge';

/** The answers as drafts.save takes them; the core checks their shape (the contract's bounds). */
type DraftAnswers = OperationInput<'drafts.save'>['answers'];

export const AUTOSAVE_DELAY_MS = 800;

export interface SaveOutcome {
  updatedAt: string;
  /** True when files were left out of the draft because it was too large with them. */
  withoutFiles: boolean;
}

export interface DraftSaverOptions {
  formId: string;
  draftId: string | undefined;
  /** The answers to save, or null when nothing has been answered yet. */
  snapshot: () => Record<string, unknown> | null;
  /** The same answers without files, for a draft too large to hold them. */
  snapshotWithoutFiles: () => Record<string, unknown> | null;
  /** The answer to "who is this about", kept with the draft (null when not answered yet). */
  about: () => string | null;
  onSaved: (outcome: SaveOutcome) => void;
  onFailed: (failure: BridgeFailure) => void;
}

export class DraftSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;
  private lastSaved = '';
  draftId: string | undefined;

  constructor(private readonly options: DraftSaverOptions) {
    this.draftId = options.draftId;
  }

  /** Saves after the reporter pauses. */
  schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), AUTOSAVE_DELAY_MS);
  }

  /**
   * Saves now (after any write in flight); resolves true when saved (or already
   * saved as it is), false when the save failed, null when there is nothing to save.
   * `force` writes even when nothing changed since the last save (the "Save draft" button).
   */
  saveNow(force = false): Promise<boolean | null> {
    clearTimeout(this.timer);
    if (this.closed) return Promise.resolve(null);
    const answers = this.options.snapshot();
    if (answers === null && this.draftId === undefined) return Promise.resolve(null);
    const next = this.chain.then(() => this.write(answers ?? {}, force));
    this.chain = next;
    return next;
  }

  /** Waits for writes in flight, then stops for good. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.closed = true;
    await this.chain;
  }

  /** Saves again after close(), when filing failed and the reporter goes back to the form. */
  reopen(): void {
    this.closed = false;
  }

  private async write(answers: Record<string, unknown>, force: boolean): Promise<boolean | null> {
    const json = JSON.stringify({ answers, about: this.options.about() });
    // Already saved as it is: the draft is safe.
    if (json === this.lastSaved && !force) return true;
    try {
      await this.send(answers);
      this.lastSaved = json;
      return true;
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.code === 'draft-too-large') return this.writeWithoutFiles(failure);
      this.options.onFailed(failure);
      return false;
    }
  }

  private async writeWithoutFiles(tooLarge: BridgeFailure): Promise<boolean> {
    try {
      await this.send(this.options.snapshotWithoutFiles() ?? {}, true);
      return true;
    } catch {
      this.options.onFailed(tooLarge);
      return false;
    }
  }

  private async send(answers: Record<string, unknown>, withoutFiles = false): Promise<void> {
    const saved = await bridge()['drafts.save']({
      formId: this.options.formId,
      answers: answers as DraftAnswers,
      about: this.options.about(),
      ...(this.draftId === undefined ? {} : { draftId: this.draftId }),
    });
    this.draftId = saved.draftId;
    this.options.onSaved({ updatedAt: saved.updatedAt, withoutFiles });
  }
}
