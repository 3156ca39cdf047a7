/**
 * Local SQLite stores encrypted at rest with SQLite3 Multiple Ciphers (ChaCha20-Poly1305), keyed
 * with a random 256-bit raw key from a KeyProvider (no passphrase KDF). Protects a copied or
 * stolen database file; the key's own protection is the KeyProvider's (see key-provider.ts).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SafeguardError } from '../errors';
import { localStorageError, sweepAbandonedTemps, withProcessLock } from '../files';
import type { KeyProvider } from './key-provider';

export type Db = Database.Database;

/** One schema step: runs inside a transaction, then `user_version` becomes `version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/**
 * Opens (creating if needed) an encrypted store and brings its schema up to date. Opening is
 * serialised across processes (two first runs at once must not make two keys for one store), and
 * a busy store is waited for rather than failed.
 */
export async function openEncryptedDatabase(options: {
  file: string;
  keyName: string;
  keyProvider: KeyProvider;
  migrations: readonly Migration[];
}): Promise<Db> {
  const dir = dirname(options.file);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return await withProcessLock(
      join(dir, `.${basename(options.file)}.open-lock`),
      {
        waitMs: 60_000,
        busy: () =>
          new SafeguardError(
            'store-busy',
            `The local ${options.keyName} store is being set up by another Safeguard Desk process; try again in a moment.`,
          ),
      },
      async () => openLocked(options),
    );
  } catch (error) {
    throw localStorageError(error) ?? error;
  }
}

async function openLocked(options: {
  file: string;
  keyName: string;
  keyProvider: KeyProvider;
  migrations: readonly Migration[];
}): Promise<Db> {
  // Temp files a killed first run of ours left (key files, identity files); nobody else's.
  await sweepAbandonedTemps(dirname(options.file));
  await sweepAbandonedTemps(join(dirname(options.file), 'keys'));
  const key = await options.keyProvider.getOrCreateKey(options.keyName);
  const db = new Database(options.file);
  try {
    db.pragma(`cipher = 'chacha20'`);
    // Raw key (x'…'): the bytes are the page key, no passphrase KDF. Hex only, so no injection.
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new SafeguardError(
      'store-unreadable',
      `The local ${options.keyName} store cannot be opened with its key (wrong key, or not an encrypted store).`,
    );
  }
  try {
    // Another process (the app and a command, say) may hold the write lock for a moment.
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Applies every migration newer than the store's `user_version`, each in its own write
 * transaction that reads the version again inside it, so two processes never apply one twice.
 */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const newest = sorted.at(-1)?.version ?? 0;
  if (version() > newest) {
    throw new SafeguardError(
      'store-too-new',
      `The local store was written by a newer version of Safeguard Desk (schema ${version()}); update the app.`,
    );
  }
  for (const m of sorted) {
    db.transaction(() => {
      if (version() >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
