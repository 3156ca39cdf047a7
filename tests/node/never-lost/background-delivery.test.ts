/**
 * Issue 6 A3: "this computer will keep trying on its own" is true. A concern queued while the
 * share is away goes by itself once the share is back — in the app (the core's background
 * delivery), at start-up, and through `deliver --watch` for IT — with nobody pressing anything.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/api/dispatch';
import type { Session } from '../../../src/session';
import { cliArgv, cliJson } from '../support/cli';
import {
  contactAnswers,
  makeSchool,
  openStaffDesk,
  reportArgs,
  unplugShare,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const QUICK = { backoffMs: [200, 400], recheckMs: 500, idleMs: 1_000 } as const;

let school: SchoolFixture | undefined;
let desk: Session | undefined;

afterEach(async () => {
  desk?.close();
  desk = undefined;
  await school?.cleanup();
  school = undefined;
});

async function call(op: string, input?: unknown): Promise<unknown> {
  if (!desk) throw new Error('no desk');
  const result = await dispatch(desk.handlers, op, input);
  if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  return result.value;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const submission = {
  formId: 'private-online-contact-with-pupil',
  answers: contactAnswers(),
  reporter: { name: 'Sam Teacher', role: 'Class teacher' },
};

describe('background delivery', () => {
  it('sends a concern queued while the share was away once it is back, without anyone asking', async () => {
    school = await makeSchool();
    desk = await openStaffDesk(school, QUICK);
    const plugBack = await unplugShare(school);

    const receipt = (await call('concerns.submit', submission)) as {
      reference: string;
      delivered: boolean;
      deliveryError: string | null;
    };
    expect(receipt.delivered).toBe(false);
    expect(receipt.deliveryError).toContain('cannot be reached');
    await sleep(600); // a few rounds fail while the share is away
    expect(await call('receipts.status', { reference: receipt.reference })).toEqual({
      reference: receipt.reference,
      status: 'queued',
    });
    expect(((await call('app.status')) as { waiting: number }).waiting).toBe(1);

    await plugBack();

    await waitFor('delivery', async () => {
      const { status } = (await call('receipts.status', { reference: receipt.reference })) as {
        status: string;
      };
      return status === 'queued' ? null : status;
    });
    expect(await readdir(join(school.share, 'concerns'))).toHaveLength(1);
    expect(((await call('app.status')) as { waiting: number }).waiting).toBe(0);
  });

  it('sends what was queued before the app started, at start-up', async () => {
    school = await makeSchool();
    const plugBack = await unplugShare(school);
    const answers = await writeAnswers(school.root, contactAnswers());
    const queued = await cliJson<{ reference: string; delivered: boolean }>(
      school.staffHome,
      reportArgs(answers),
    );
    expect(queued.delivered).toBe(false);
    await plugBack();

    desk = await openStaffDesk(school, QUICK);

    const s = school;
    await waitFor('start-up delivery', async () => {
      const files = await readdir(join(s.share, 'concerns'));
      return files.length === 1 ? files : null;
    });
    expect(await call('receipts.status', { reference: queued.reference })).toMatchObject({
      status: 'delivered',
    });
  });

  it('delivers through `deliver --watch` once the share is back, printing it, and stops cleanly on SIGTERM', async () => {
    school = await makeSchool();
    const plugBack = await unplugShare(school);
    const answers = await writeAnswers(school.root, contactAnswers());
    await cliJson(school.staffHome, reportArgs(answers));
    const watcher = spawn(process.execPath, cliArgv(['deliver', '--watch', '--interval', '1']), {
      cwd: repoRoot,
      env: { ...process.env, SAFEGUARD_DESK_HOME: school.staffHome },
    });
    let out = '';
    watcher.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => watcher.on('exit', resolve));
    try {
      await waitFor('the watch to start', () =>
        Promise.resolve(out.includes('Watching the outbox (1 waiting)') ? true : null),
      );
      await waitFor('a failed round', () =>
        Promise.resolve(out.includes('cannot be reached') ? true : null),
      );
      await plugBack();
      await waitFor('delivery by the watch', () =>
        Promise.resolve(/1 delivered; 0 waiting/.test(out) ? true : null),
      );
    } finally {
      watcher.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(await readdir(join(school.share, 'concerns'))).toHaveLength(1);
  });
});
