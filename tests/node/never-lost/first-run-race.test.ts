/**
 * Issue 6 A5: two first runs at once on one home must not destroy it. Key files are created
 * without replacing (the loser reads the winner's key back) and opening a store is serialised, so
 * both starts succeed and the store opens ever after. In one process (deterministic) and as two
 * real processes.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { runCli } from '../support/cli';
import { makeSchool, type SchoolFixture } from '../support/school';

let root: string;
let school: SchoolFixture;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sgd-first-run-'));
  school = await makeSchool();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await school.cleanup();
});

async function open(home: string) {
  return openStaffStore(home, new UnprotectedFileKeyProvider(home));
}

describe('two first runs at once on one home', () => {
  it('both open the store, in one process, 30 times out of 30, and it opens again after', async () => {
    for (let trial = 0; trial < 30; trial++) {
      const home = join(root, `in-process-${trial}`);
      const [a, b] = await Promise.all([open(home), open(home)]);
      expect(a.deviceKey().deviceId).toBe(b.deviceKey().deviceId);
      a.close();
      b.close();
      const again = await open(home);
      again.close();
      expect((await readdir(join(home, 'keys'))).sort()).toEqual(['staff.key']);
    }
  });

  it(
    'both succeed as two processes enrolling at once, 10 times out of 10',
    { timeout: 240_000 },
    async () => {
      for (let trial = 0; trial < 10; trial++) {
        const home = join(root, `processes-${trial}`);
        const args = ['enroll', '--share', school.share, '--json'];
        const [a, b] = await Promise.all([runCli(home, args), runCli(home, args)]);
        expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
        const outbox = await runCli(home, ['outbox', '--json']);
        expect(outbox.code, outbox.stderr).toBe(0);
        expect((await readdir(join(home, 'keys'))).sort()).toEqual(['staff.key']);
      }
    },
  );
});
