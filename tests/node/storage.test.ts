/** Local stores: encrypted at rest with a raw key, migrations per version, keys in 0600 files. */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openEncryptedDatabase } from '../../src/storage/database';
import { UnprotectedFileKeyProvider, type KeyProvider } from '../../src/storage/key-provider';
import { leadMigrations } from '../../src/storage/migrations/lead';
import { migration0001 as lead1 } from '../../src/storage/migrations/lead/0001-initial';
import { staffMigrations } from '../../src/storage/migrations/staff';
import { migration0001 as staff1 } from '../../src/storage/migrations/staff/0001-initial';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sgd-store-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const fixedKey = (hex: string): KeyProvider => ({
  kind: 'test-fixed',
  getOrCreateKey: () => Promise.resolve(Buffer.from(hex, 'hex')),
});

describe('encrypted local stores', () => {
  it('writes nothing readable to disk', async () => {
    const file = join(dir, 'staff.db');
    const db = await openEncryptedDatabase({
      file,
      keyName: 'staff',
      keyProvider: new UnprotectedFileKeyProvider(dir),
      migrations: staffMigrations,
    });
    db.prepare('INSERT INTO device VALUES (1, ?, ?, ?, ?)').run(
      'dev-1',
      'PUBLIC-MARKER',
      'PRIVATE-MARKER',
      'now',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(bytes.includes(Buffer.from('PRIVATE-MARKER'))).toBe(false);
  });

  it('cannot be opened with another key, and says so without the key', async () => {
    const file = join(dir, 'lead.db');
    const a = await openEncryptedDatabase({
      file,
      keyName: 'lead',
      keyProvider: fixedKey('11'.repeat(32)),
      migrations: leadMigrations,
    });
    a.close();
    await expect(
      openEncryptedDatabase({
        file,
        keyName: 'lead',
        keyProvider: fixedKey('22'.repeat(32)),
        migrations: leadMigrations,
      }),
    ).rejects.toThrow(
      'The local lead store cannot be opened with its key (wrong key, or not an encrypted store).',
    );
  });

  it('cannot be read by plain SQLite', async () => {
    const file = join(dir, 'staff.db');
    (
      await openEncryptedDatabase({
        file,
        keyName: 'staff',
        keyProvider: fixedKey('33'.repeat(32)),
        migrations: staffMigrations,
      })
    ).close();
    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
      /not a database/,
    );
    plain.close();
  });

  it('keeps the file key in a 0600 file and reuses it', async () => {
    const provider = new UnprotectedFileKeyProvider(dir);
    const first = await provider.getOrCreateKey('staff');
    const second = await provider.getOrCreateKey('staff');
    expect(first.equals(second)).toBe(true);
    expect(first).toHaveLength(32);
    expect((await stat(join(dir, 'keys', 'staff.key'))).mode & 0o777).toBe(0o600);
    expect(provider.kind).toBe('unprotected-file');
  });

  it('refuses a damaged key file instead of making a new key', async () => {
    const provider = new UnprotectedFileKeyProvider(dir);
    await provider.getOrCreateKey('lead');
    await writeFile(join(dir, 'keys', 'lead.key'), 'garbage');
    await expect(provider.getOrCreateKey('lead')).rejects.toThrow(
      'The key file for the lead store is damaged.',
    );
  });

  it('refuses a store written by a newer schema', async () => {
    const file = join(dir, 'staff.db');
    const db = await openEncryptedDatabase({
      file,
      keyName: 'staff',
      keyProvider: fixedKey('44'.repeat(32)),
      migrations: staffMigrations,
    });
    db.pragma('user_version = 99');
    db.close();
    await expect(
      openEncryptedDatabase({
        file,
        keyName: 'staff',
        keyProvider: fixedKey('44'.repeat(32)),
        migrations: staffMigrations,
      }),
    ).rejects.toThrow(
      'The local store was written by a newer version of Safeguard Desk (schema 99); update the app.',
    );
  });
});

describe('migrations', () => {
  it('takes the staff store from 0 to 1 with STRICT tables that accept fixture rows', () => {
    const db = new Database(':memory:');
    migrate(db, [staff1]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare(
      'INSERT INTO outbox (concern_id, reference, form_id, form_version, created_at, sealed) VALUES (?, ?, ?, ?, ?, ?)',
    ).run('c-1', 'SG-AAAA-BBBB', 'f', 1, '2026-01-01T00:00:00Z', Buffer.from('x'));
    expect(db.prepare('SELECT reference, attempts FROM outbox').get()).toEqual({
      reference: 'SG-AAAA-BBBB',
      attempts: 0,
    });
    expect(() =>
      db
        .prepare(
          'INSERT INTO outbox (concern_id, reference, form_id, form_version, created_at, sealed) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run('c-2', 'SG-CCCC-DDDD', 'f', 'not a number', 'now', Buffer.from('x')),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('takes the lead store from 0 to 1 with STRICT tables and a case per concern id', () => {
    const db = new Database(':memory:');
    migrate(db, [lead1]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const insert = db.prepare(
      `INSERT INTO cases (concern_id, reference, form_id, form_version, reporter_name, reporter_role, device_id,
        filed_at, imported_at, source_file, source_sha256, signed_document) VALUES (?, ?, 'f', 1, 'n', 'r', 'd', 't', 't', ?, 'h', '{}')`,
    );
    insert.run('c-1', 'SG-AAAA-BBBB', 'c-1.age');
    expect(() => insert.run('c-1', 'SG-CCCC-DDDD', 'c-1b.age')).toThrow(
      /UNIQUE constraint failed: cases.concern_id/,
    );
    db.close();
  });

  it('runs each migration once: running again changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db, staffMigrations);
    db.prepare("INSERT INTO device VALUES (1, 'd', 'p', 's', 't')").run();
    migrate(db, staffMigrations);
    expect(db.prepare('SELECT count(*) AS n FROM device').get()).toEqual({ n: 1 });
    db.close();
  });

  it('rolls a failing migration back entirely, leaving the version as it was', () => {
    const db = new Database(':memory:');
    migrate(db, staffMigrations);
    const broken = {
      version: 99,
      name: 'broken',
      up: (d: Database.Database) => {
        d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM no_such_table;');
      },
    };
    expect(() => migrate(db, [...staffMigrations, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(staffMigrations.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual(
      { n: 0 },
    );
    db.close();
  });
});
