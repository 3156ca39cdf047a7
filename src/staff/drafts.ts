/**
 * Drafts on a staff machine: saved as the reporter types, in the encrypted staff store, resumed on
 * return, deleted when the concern is filed. Flagged after 7 days, removed after 30 (a half-written
 * concern is still personal data; it must not linger). Answers are not validated until filing.
 */
import { randomUUID } from 'node:crypto';
import { SafeguardError } from '../errors';
import type { StaffStore } from './store';

export const DRAFT_STALE_DAYS = 7;
export const DRAFT_EXPIRY_DAYS = 30;
const MAX_DRAFT_BYTES = 40 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Draft {
  draftId: string;
  formId: string;
  answers: Record<string, unknown>;
  /** The answer to "who is this about" ('nobody', a recipient id) or null when not answered. */
  about: string | null;
  updatedAt: string;
}

export interface DraftSummary {
  draftId: string;
  formId: string;
  updatedAt: string;
  stale: boolean;
}

/** Saves (creates or replaces) a draft; returns its id and time. */
export function saveDraft(
  store: StaffStore,
  input: {
    draftId?: string | undefined;
    formId: string;
    answers: Record<string, unknown>;
    about?: string | null | undefined;
  },
  now: Date,
): { draftId: string; updatedAt: string } {
  const json = JSON.stringify(input.answers);
  if (Buffer.byteLength(json) > MAX_DRAFT_BYTES) {
    throw new SafeguardError(
      'draft-too-large',
      'The draft is too large to save (attachments over 40 MB).',
    );
  }
  const draftId = input.draftId ?? randomUUID();
  const at = now.toISOString();
  store.db
    .prepare(
      `INSERT INTO drafts (draft_id, form_id, answers_json, about, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (draft_id) DO UPDATE SET form_id = excluded.form_id, answers_json = excluded.answers_json,
         about = excluded.about, updated_at = excluded.updated_at`,
    )
    .run(draftId, input.formId, json, input.about ?? null, at, at);
  return { draftId, updatedAt: at };
}

/** Removes drafts untouched for 30 days; returns how many. */
export function removeExpiredDrafts(store: StaffStore, now: Date): number {
  const cutoff = new Date(now.getTime() - DRAFT_EXPIRY_DAYS * DAY_MS).toISOString();
  return store.db.prepare('DELETE FROM drafts WHERE updated_at < ?').run(cutoff).changes;
}

/** Every draft, newest first, flagged when older than 7 days (expired ones removed first). */
export function listDrafts(store: StaffStore, now: Date): DraftSummary[] {
  removeExpiredDrafts(store, now);
  const staleBefore = new Date(now.getTime() - DRAFT_STALE_DAYS * DAY_MS).toISOString();
  const rows = store.db
    .prepare('SELECT draft_id, form_id, updated_at FROM drafts ORDER BY updated_at DESC')
    .all() as Array<{ draft_id: string; form_id: string; updated_at: string }>;
  return rows.map((r) => ({
    draftId: r.draft_id,
    formId: r.form_id,
    updatedAt: r.updated_at,
    stale: r.updated_at < staleBefore,
  }));
}

/** One draft, or a clear error when it is gone (filed, deleted or expired). */
export function getDraft(store: StaffStore, draftId: string, now: Date): Draft {
  removeExpiredDrafts(store, now);
  const row = store.db
    .prepare(
      'SELECT draft_id, form_id, answers_json, about, updated_at FROM drafts WHERE draft_id = ?',
    )
    .get(draftId) as
    | {
        draft_id: string;
        form_id: string;
        answers_json: string;
        about: string | null;
        updated_at: string;
      }
    | undefined;
  if (!row)
    throw new SafeguardError(
      'no-draft',
      'That draft no longer exists (filed, deleted, or older than 30 days).',
    );
  return {
    draftId: row.draft_id,
    formId: row.form_id,
    answers: JSON.parse(row.answers_json) as Record<string, unknown>,
    about: row.about,
    updatedAt: row.updated_at,
  };
}

/** Deletes a draft; true when there was one. */
export function deleteDraft(store: StaffStore, draftId: string): boolean {
  return store.db.prepare('DELETE FROM drafts WHERE draft_id = ?').run(draftId).changes > 0;
}
