/**
 * Two processes write to one lead store at once (the app's minute import and a CLI command, or
 * two imports). Every write takes the write lock before reading (IMMEDIATE), so neither fails
 * with "database is locked" and the audit chain never forks: every entry lands, and the chain
 * still verifies.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../../src/casework';
import { publicKeyOf } from '../../../src/crypto';
import { unlockLead } from '../../../src/lead';
import { PASSPHRASE } from '../support/school';
import { caseworkFixture, type CaseworkFixture } from './support';

const ROUNDS = 150;
const script = fileURLToPath(new URL('./support-bin/append-audit.ts', import.meta.url));
let fixture: CaseworkFixture;

beforeAll(async () => {
  fixture = await caseworkFixture();
});
afterAll(async () => fixture?.school.cleanup());

function appender(signingKey: string, actor: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, fixture.school.dslHome, String(ROUNDS), actor],
      { env: { ...process.env, SIGNING_KEY: signingKey }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('two processes writing to one lead store', () => {
  it('both finish, every audit entry lands, and the chain still verifies', async () => {
    const secrets = await unlockLead(fixture.school.dslHome, PASSPHRASE);
    const before = await fixture.open();
    const entriesBefore = before.store.audit.all().length;
    before.close();

    const runs = await Promise.all([
      appender(secrets.signingKey, secrets.recipientId),
      appender(secrets.signingKey, secrets.recipientId),
    ]);

    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.stderr).join('\n'),
    ).toEqual([0, 0]);
    const after = await fixture.open();
    try {
      const report = verifyRecord(
        after.store,
        new Map([[secrets.recipientId, publicKeyOf(secrets.signingKey)]]),
      );
      expect(report.problem).toBeNull();
      // Both processes' entries, plus this test's own two unlocks.
      expect(report.entries).toBe(entriesBefore + 2 * 2 * ROUNDS + 1);
    } finally {
      after.close();
    }
  });
});
