/**
 * Local SQLite stores encrypted at rest with SQLite3 Multiple Ciphers (ChaCha20-Poly1305), keyed
 * with a random 256-bit raw key from a KeyProvider (no passphrase KDF). Protects a copied or
 * stolen database file; the key's own protection is the KeyProvider's (see key-provider.ts).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SafeguardError } from '../errors';
import type { KeyProvider } from './key-provider';

export type Db = Database.Database;

/** One schema step: runs inside a transaction, then `user_version` becomes `version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Opens (creating if needed) an encrypted store and brings its schema up to date. */
export async function openEncryptedDatabase(options: {
  file: string;
  keyName: string;
  keyProvider: KeyProvider;
  migrations: readonly Migration[];
}): Promise<Db> {
  const key = await options.keyProvider.getOrCreateKey(options.keyName);
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, options.migrations);
  return db;
}

/** Applies every migration newer than the store's `user_version`, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = sorted.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new SafeguardError(
      'store-too-new',
      `The local store was written by a newer version of Safeguard Desk (schema ${current}); update the app.`,
    );
  }
  for (const m of sorted) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
