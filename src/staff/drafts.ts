/**
 * Drafts on a staff machine: saved as the reporter types, resumed on return, deleted when the
 * concern is filed. Flagged after 7 days, removed after 30 (a half-written concern is still personal
 * data; it must not linger). Answers are not validated until filing.
 *
 * Each draft's content is sealed with its own data key (draft-crypto.ts), held in memory for the
 * UI session (draft-keys.ts). After a lock the draft opens only with its PIN (draft-pins.ts); a
 * draft without a PIN can then only be deleted. At most 20 drafts of at most 16 MiB each.
 */
import { randomUUID } from 'node:crypto';
import { SafeguardError } from '../errors';
import {
  newDataKey,
  openContent,
  sealContent,
  serialiseContent,
  unwrapWithPin,
  wrapWithPin,
  type DraftContent,
} from './draft-crypto';
import type { DraftKeyRing } from './draft-keys';
import { checkNewPin, clearPinTries, noDraft, reservePinTry, wrongPin } from './draft-pins';
import type { StaffStore } from './store';

export const DRAFT_STALE_DAYS = 7;
export const DRAFT_EXPIRY_DAYS = 30;
/** The largest draft kept: its answers (files as base64) and `about`, serialised as JSON. */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;
/** The most drafts one machine keeps. */
export const MAX_DRAFTS = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The encrypted staff store and this session's draft keys: what every draft operation needs. */
export interface DraftContext {
  store: StaffStore;
  keys: DraftKeyRing;
}

export interface Draft {
  draftId: string;
  formId: string;
  answers: Record<string, unknown>;
  /** The answer to "who is this about" ('nobody', a recipient id) or null when not answered. */
  about: string | null;
  updatedAt: string;
  /** True when a PIN protects the draft after a lock. */
  protected: boolean;
}

export interface DraftSummary {
  draftId: string;
  formId: string;
  updatedAt: string;
  stale: boolean;
  /** A PIN protects it: after a lock it opens with the PIN. */
  protected: boolean;
  /** It opens only with its PIN now (locked since it was last opened). */
  needsPin: boolean;
  /** Locked without a PIN: it can no longer be opened, only deleted. */
  discardOnly: boolean;
  /** While too many wrong PINs make the reporter wait: when the next try is allowed. */
  retryAfter: string | null;
}

interface DraftRow {
  draft_id: string;
  form_id: string;
  updated_at: string;
  sealed: Buffer | null;
  legacy_answers_json: string | null;
  legacy_about: string | null;
  pin_salt: Buffer | null;
  pin_scrypt_n: number | null;
  pin_scrypt_r: number | null;
  pin_scrypt_p: number | null;
  key_wrap: Buffer | null;
  retry_after: string | null;
}

function readRow(store: StaffStore, draftId: string): DraftRow | undefined {
  return store.db
    .prepare(
      `SELECT draft_id, form_id, updated_at, sealed, legacy_answers_json, legacy_about, pin_salt,
         pin_scrypt_n, pin_scrypt_r, pin_scrypt_p, key_wrap, retry_after
       FROM drafts WHERE draft_id = ?`,
    )
    .get(draftId) as DraftRow | undefined;
}

const locked = () =>
  new SafeguardError(
    'draft-locked',
    'This draft is locked. Open it from Home with its draft PIN before saving it again.',
  );

/** Saves (creates or replaces) a draft, sealed with its data key; returns its id and time. */
export function saveDraft(
  ctx: DraftContext,
  input: {
    draftId?: string | undefined;
    formId: string;
    answers: Record<string, unknown>;
    about?: string | null | undefined;
  },
  now: Date,
): { draftId: string; updatedAt: string } {
  const { store, keys } = ctx;
  removeExpiredDrafts(store, now);
  const plaintext = serialiseContent({ answers: input.answers, about: input.about ?? null });
  try {
    if (plaintext.length > MAX_DRAFT_BYTES) {
      throw new SafeguardError(
        'draft-too-large',
        'The draft is larger than 16 MB with its files, so it cannot be kept.',
      );
    }
    const existing = input.draftId === undefined ? undefined : readRow(store, input.draftId);
    let key: Buffer | undefined;
    if (existing) {
      key = keys.get(existing.draft_id);
      if (!key) throw locked();
    } else {
      const count = store.db.prepare('SELECT count(*) FROM drafts').pluck().get() as number;
      if (count >= MAX_DRAFTS) {
        throw new SafeguardError(
          'too-many-drafts',
          `This computer already keeps ${MAX_DRAFTS} drafts. Continue or discard one from Home first.`,
        );
      }
      key = newDataKey();
    }
    const draftId = existing?.draft_id ?? input.draftId ?? randomUUID();
    const sealed = sealContent(key, plaintext, { draftId, formId: input.formId });
    const at = now.toISOString();
    store.db
      .prepare(
        `INSERT INTO drafts (draft_id, form_id, sealed, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (draft_id) DO UPDATE SET form_id = excluded.form_id, sealed = excluded.sealed,
           legacy_answers_json = NULL, legacy_about = NULL, updated_at = excluded.updated_at`,
      )
      .run(draftId, input.formId, sealed, at, at);
    keys.set(draftId, key);
    return { draftId, updatedAt: at };
  } finally {
    plaintext.fill(0);
  }
}

/** Removes drafts untouched for 30 days; returns how many. */
export function removeExpiredDrafts(store: StaffStore, now: Date): number {
  const cutoff = new Date(now.getTime() - DRAFT_EXPIRY_DAYS * DAY_MS).toISOString();
  return store.db.prepare('DELETE FROM drafts WHERE updated_at < ?').run(cutoff).changes;
}

/** Every draft, newest first, with whether it opens now (expired ones removed first). */
export function listDrafts(ctx: DraftContext, now: Date): DraftSummary[] {
  const { store, keys } = ctx;
  removeExpiredDrafts(store, now);
  const staleBefore = new Date(now.getTime() - DRAFT_STALE_DAYS * DAY_MS).toISOString();
  const rows = store.db
    .prepare(
      `SELECT draft_id, form_id, updated_at, sealed IS NULL AS legacy, key_wrap IS NOT NULL AS pin,
         retry_after
       FROM drafts ORDER BY updated_at DESC`,
    )
    .all() as Array<{
    draft_id: string;
    form_id: string;
    updated_at: string;
    legacy: number;
    pin: number;
    retry_after: string | null;
  }>;
  keys.keepOnly(new Set(rows.map((r) => r.draft_id)));
  return rows.map((r) => {
    const closed = !keys.has(r.draft_id) && r.legacy === 0;
    return {
      draftId: r.draft_id,
      formId: r.form_id,
      updatedAt: r.updated_at,
      stale: r.updated_at < staleBefore,
      protected: r.pin === 1,
      needsPin: closed && r.pin === 1,
      discardOnly: closed && r.pin === 0,
      retryAfter:
        r.retry_after !== null && Date.parse(r.retry_after) > now.getTime() ? r.retry_after : null,
    };
  });
}

/**
 * One draft: opened with its key when this session holds it, else with `pin`. A draft saved before
 * drafts were sealed opens once without a PIN and is sealed there and then.
 */
export async function getDraft(
  ctx: DraftContext,
  draftId: string,
  pin: string | undefined,
  now: Date,
): Promise<Draft> {
  const { store, keys } = ctx;
  removeExpiredDrafts(store, now);
  const row = readRow(store, draftId);
  if (!row) throw noDraft();
  const isProtected = row.key_wrap !== null;
  const draft = (content: DraftContent): Draft => ({
    draftId: row.draft_id,
    formId: row.form_id,
    answers: content.answers,
    about: content.about,
    updatedAt: row.updated_at,
    protected: isProtected,
  });
  if (row.sealed === null) return draft(sealLegacyDraft(ctx, row));
  const held = keys.get(draftId);
  if (held) return draft(openOrFail(held, row));
  if (!isProtected) {
    throw new SafeguardError(
      'draft-locked',
      'This draft was locked without a draft PIN, so it cannot be opened again: it can only be discarded.',
    );
  }
  if (pin === undefined) {
    throw new SafeguardError(
      'draft-locked',
      'This draft is locked: enter its draft PIN to open it.',
    );
  }
  const wrongPins = reservePinTry(store, draftId, now);
  const key = await unwrapWithPin(pinWrapOf(row), pin, draftId);
  if (key === null) throw wrongPin(wrongPins);
  try {
    clearPinTries(store, draftId);
    const content = draft(openOrFail(key, row));
    keys.set(draftId, key);
    return content;
  } finally {
    key.fill(0);
  }
}

function pinWrapOf(row: DraftRow) {
  if (
    row.pin_salt === null ||
    row.key_wrap === null ||
    row.pin_scrypt_n === null ||
    row.pin_scrypt_r === null ||
    row.pin_scrypt_p === null
  ) {
    throw new SafeguardError('draft-damaged', 'This draft is damaged and cannot be opened.');
  }
  return {
    salt: row.pin_salt,
    n: row.pin_scrypt_n,
    r: row.pin_scrypt_r,
    p: row.pin_scrypt_p,
    wrapped: row.key_wrap,
  };
}

function openOrFail(key: Buffer, row: DraftRow): DraftContent {
  const content =
    row.sealed === null
      ? null
      : openContent(key, row.sealed, { draftId: row.draft_id, formId: row.form_id });
  if (content === null) {
    throw new SafeguardError('draft-damaged', 'This draft is damaged and cannot be opened.');
  }
  return content;
}

/** A draft from before v4 of the store: seals it with a new key and clears its plaintext. */
function sealLegacyDraft(ctx: DraftContext, row: DraftRow): DraftContent {
  const content: DraftContent = {
    answers: JSON.parse(row.legacy_answers_json ?? '{}') as Record<string, unknown>,
    about: row.legacy_about,
  };
  const key = newDataKey();
  const plaintext = serialiseContent(content);
  const sealed = sealContent(key, plaintext, { draftId: row.draft_id, formId: row.form_id });
  plaintext.fill(0);
  // Zero the old plaintext's bytes in the store's pages rather than leave them free.
  ctx.store.db.pragma('secure_delete = ON');
  ctx.store.db
    .prepare(
      'UPDATE drafts SET sealed = ?, legacy_answers_json = NULL, legacy_about = NULL WHERE draft_id = ?',
    )
    .run(sealed, row.draft_id);
  ctx.keys.set(row.draft_id, key);
  key.fill(0);
  return content;
}

/** Sets (or changes) a draft's PIN; only while this session holds the draft's key. */
export async function protectDraft(ctx: DraftContext, draftId: string, pin: string): Promise<void> {
  const { store, keys } = ctx;
  checkNewPin(pin);
  if (!readRow(store, draftId)) throw noDraft();
  const key = keys.get(draftId);
  if (!key) {
    throw new SafeguardError(
      'draft-locked',
      'This draft is locked: open it with its draft PIN before choosing a new one.',
    );
  }
  const wrap = await wrapWithPin(key, pin, draftId);
  const changed = store.db
    .prepare(
      `UPDATE drafts SET pin_salt = ?, pin_scrypt_n = ?, pin_scrypt_r = ?, pin_scrypt_p = ?,
         key_wrap = ?, wrong_pins = 0, retry_after = NULL
       WHERE draft_id = ? AND sealed IS NOT NULL`,
    )
    .run(wrap.salt, wrap.n, wrap.r, wrap.p, wrap.wrapped, draftId).changes;
  if (changed === 0) throw noDraft();
}

/** Deletes a draft (whether or not it can be opened) and forgets its key; true when there was one. */
export function deleteDraft(ctx: DraftContext, draftId: string): boolean {
  ctx.keys.forget(draftId);
  return ctx.store.db.prepare('DELETE FROM drafts WHERE draft_id = ?').run(draftId).changes > 0;
}
