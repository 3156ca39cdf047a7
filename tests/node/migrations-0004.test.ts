/**
 * Migration 0004 takes a version-2 staff store with plaintext drafts to sealed drafts: old drafts
 * are kept as legacy rows, open once without a PIN, and are sealed when they do.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { openSession } from '../../src/session';
import { homePaths } from '../../src/home';
import { migrate, openEncryptedDatabase } from '../../src/storage/database';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { staffMigrations } from '../../src/storage/migrations/staff';
import { migration0001 as staff1 } from '../../src/storage/migrations/staff/0001-initial';
import { migration0002 as staff2 } from '../../src/storage/migrations/staff/0002-drafts-receipts';
import { migration0003 as staff3 } from '../../src/storage/migrations/staff/0003-outbox-trust';
import { migration0004 as staff4 } from '../../src/storage/migrations/staff/0004-sealed-drafts';

const DRAFT_ID = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';
const answers = { whatHappened: 'LEGACY-CANARY typed before drafts were sealed' };

/** A version-2 drafts row, as the app before v4 wrote it. */
function insertV2Draft(db: Database.Database, updatedAt: string): void {
  db.prepare(
    `INSERT INTO drafts (draft_id, form_id, answers_json, about, created_at, updated_at)
     VALUES (?, 'private-online-contact-with-pupil', ?, 'none', ?, ?)`,
  ).run(DRAFT_ID, JSON.stringify(answers), updatedAt, updatedAt);
}

describe('migration 0004', () => {
  it('keeps version-2 drafts as legacy rows, unsealed and without a PIN, and outbox rows untouched', () => {
    const db = new Database(':memory:');
    migrate(db, [staff1, staff2, staff3]);
    insertV2Draft(db, '2026-01-01T00:00:00.000Z');
    db.prepare(
      `INSERT INTO outbox (concern_id, reference, form_id, form_version, created_at, sealed, urgent)
       VALUES ('c-1', 'SG-AAAA-BBBB', 'f', 1, '2026-01-01T00:00:00Z', x'00', 1)`,
    ).run();
    migrate(db, [staff1, staff2, staff3, staff4]);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT * FROM drafts').get()).toEqual({
      draft_id: DRAFT_ID,
      form_id: 'private-online-contact-with-pupil',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      sealed: null,
      legacy_answers_json: JSON.stringify(answers),
      legacy_about: 'none',
      pin_salt: null,
      pin_scrypt_n: null,
      pin_scrypt_r: null,
      pin_scrypt_p: null,
      key_wrap: null,
      wrong_pins: 0,
      retry_after: null,
    });
    expect(db.prepare('SELECT reference, urgent FROM outbox').get()).toEqual({
      reference: 'SG-AAAA-BBBB',
      urgent: 1,
    });
    // A row is sealed or legacy, never both or neither; a PIN wrap is whole or absent.
    expect(() => db.prepare('UPDATE drafts SET legacy_answers_json = NULL').run()).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.prepare("UPDATE drafts SET sealed = x'01'").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE drafts SET pin_salt = x'01'").run()).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });

  it('opens a legacy draft once without a PIN, then keeps it sealed like any other', async () => {
    const home = await mkdtemp(join(tmpdir(), 'sgd-legacy-'));
    try {
      const keyProvider = new UnprotectedFileKeyProvider(home);
      const v2 = await openEncryptedDatabase({
        file: homePaths(home).staffDb,
        keyName: 'staff',
        keyProvider,
        migrations: [staff1, staff2],
      });
      insertV2Draft(v2, new Date().toISOString());
      v2.close();

      const desk = await openSession({ home, keyProvider });
      try {
        const list = await dispatch(desk.handlers, 'drafts.list', undefined);
        expect(list).toMatchObject({
          ok: true,
          value: [{ draftId: DRAFT_ID, protected: false, needsPin: false, discardOnly: false }],
        });
        expect(await dispatch(desk.handlers, 'drafts.get', { draftId: DRAFT_ID })).toMatchObject({
          ok: true,
          value: { answers, about: 'none', protected: false },
        });
        const store = await openEncryptedDatabase({
          file: homePaths(home).staffDb,
          keyName: 'staff',
          keyProvider,
          migrations: staffMigrations,
        });
        const row = store.prepare('SELECT * FROM drafts').get() as Record<string, unknown>;
        store.close();
        expect(row.legacy_answers_json).toBeNull();
        expect(row.legacy_about).toBeNull();
        expect(Buffer.isBuffer(row.sealed)).toBe(true);
        expect((row.sealed as Buffer).includes(Buffer.from('LEGACY-CANARY'))).toBe(false);

        // Sealed now: after a lock, without a PIN, it can only be discarded.
        await dispatch(desk.handlers, 'app.lock', undefined);
        expect(await dispatch(desk.handlers, 'drafts.get', { draftId: DRAFT_ID })).toMatchObject({
          ok: false,
          error: { code: 'draft-locked' },
        });
      } finally {
        desk.close();
      }
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
