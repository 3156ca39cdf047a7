/**
 * Issue 7 §6: a corrupt or wrongly keyed case store gives one clear line and a non-zero status
 * for every lead command; the store is never overwritten and nothing half-written is left beside
 * it. Real stores, the real CLI.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { caseworkFixture, type CaseworkFixture } from './support';

let fixture: CaseworkFixture;
const copies: string[] = [];

beforeAll(async () => {
  fixture = await caseworkFixture();
});
afterAll(async () => {
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
  await fixture?.school.cleanup();
});

/** A copy of the DSL's home, damaged by `damage`. */
async function damagedHome(damage: (home: string) => Promise<void>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'sgd-damaged-'));
  copies.push(root);
  const home = join(root, 'dsl');
  await cp(fixture.school.dslHome, home, { recursive: true });
  await damage(home);
  return home;
}

async function snapshot(home: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(home, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(home.length)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return files;
}

const COMMANDS = [
  ['lead', 'list'],
  ['lead', 'import'],
  ['lead', 'triage', 'REF', '--pathway', 'low-level', '--priority', 'routine'],
  ['lead', 'note', 'REF', '--text', 'A note'],
  ['audit', 'verify'],
];

describe('a damaged case store', () => {
  for (const [what, damage] of [
    [
      'it is overwritten with junk',
      (home: string) => writeFile(join(home, 'lead.db'), randomBytes(64 * 1024)),
    ],
    [
      'its key file holds another key',
      (home: string) =>
        writeFile(join(home, 'keys', 'lead.key'), `${randomBytes(32).toString('hex')}\n`),
    ],
  ] as const) {
    it(`is refused in one line by every lead command when ${what}, and left exactly as it was`, async () => {
      const home = await damagedHome(damage);
      const before = await snapshot(home);
      for (const command of COMMANDS) {
        const args = command.map((a) => (a === 'REF' ? fixture.reference : a));
        const result = await runCli(home, [
          ...args,
          '--passphrase-file',
          fixture.school.passphraseFile,
        ]);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr).toBe(
          'safeguard-desk: The local lead store cannot be opened with its key (wrong key, or not an encrypted store).\n',
        );
        expect(result.stdout).toBe('');
      }
      expect(await snapshot(home)).toEqual(before);
    });
  }
});
