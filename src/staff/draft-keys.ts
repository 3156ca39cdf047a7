/**
 * The data keys of the drafts opened in this UI session. In memory only, never stored, logged or
 * sent to the renderer; `app.lock` (and closing the desk) forgets them all, after which a draft
 * opens only with its PIN. Protects a draft from whoever reaches the app after it locked.
 */
export class DraftKeyRing {
  private readonly keys = new Map<string, Buffer>();

  /** The draft's data key when it was opened or written in this session. */
  get(draftId: string): Buffer | undefined {
    return this.keys.get(draftId);
  }

  has(draftId: string): boolean {
    return this.keys.has(draftId);
  }

  /** Keeps a draft's key for this session (a copy: the caller may wipe its own). */
  set(draftId: string, key: Buffer): void {
    if (this.keys.get(draftId) === key) return;
    const copy = Buffer.from(key);
    this.forget(draftId);
    this.keys.set(draftId, copy);
  }

  /** Forgets one draft's key (deleted or filed). */
  forget(draftId: string): void {
    this.keys.get(draftId)?.fill(0);
    this.keys.delete(draftId);
  }

  /** Forgets the keys of drafts that are no longer in the store. */
  keepOnly(draftIds: ReadonlySet<string>): void {
    for (const id of [...this.keys.keys()]) if (!draftIds.has(id)) this.forget(id);
  }

  /** Forgets every key (the app locked); returns how many were held. */
  forgetAll(): number {
    const count = this.keys.size;
    for (const key of this.keys.values()) key.fill(0);
    this.keys.clear();
    return count;
  }
}
