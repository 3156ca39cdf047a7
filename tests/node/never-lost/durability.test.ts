/**
 * Issue 6, "Done when": durability under kill -9. Filing, delivery and import are killed at random
 * moments (DURABILITY_TRIALS, 30 in CI; `DURABILITY_TRIALS=50 npx vitest run
 * tests/node/never-lost/durability.test.ts` for the full run), the share coming and going. Then
 * recovery (`deliver`, `lead import`, `outbox`): 0 concerns lost, 0 duplicated, 0 unreadable
 * stores, 0 temp files left, every concern delivered.
 */
import { spawn } from 'node:child_process';
import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgv, cliJson } from '../support/cli';
import {
  contactAnswers,
  makeSchool,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

/** Processes actually killed mid-way (the loop runs until this many were, at most 3× trials). */
const TRIALS = Number(process.env.DURABILITY_TRIALS ?? '30');
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

let school: SchoolFixture;
let answers: string;

beforeAll(async () => {
  school = await makeSchool();
  answers = await writeAnswers(school.root, contactAnswers());
});
afterAll(async () => school.cleanup());

/** Starts a CLI command and kills it with SIGKILL after `killAfterMs`, unless it ended first. */
async function runAndKill(
  home: string,
  args: string[],
  killAfterMs: number,
): Promise<{ killed: boolean; code: number | null; stdout: string }> {
  const child = spawn(process.execPath, cliArgv(args), {
    cwd: repoRoot,
    env: { ...process.env, SAFEGUARD_DESK_HOME: home },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const code = await exited;
  clearTimeout(timer);
  return { killed: code === null, code, stdout };
}

/** Our temp files anywhere under `dir`. */
async function tempFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.name.includes('.tmp-')).map((e) => join(e.parentPath, e.name));
}

const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

/** How long a command takes here, uninterrupted (one run; the machine may be slow or loaded). */
async function timeOf(home: string, args: string[]): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  const run = await runAndKill(home, args, 120_000);
  expect(run.code).toBe(0);
  return { ms: performance.now() - started, stdout: run.stdout };
}

/** A kill time from a fifth of a command's usual duration to a little past it. */
const during = (ms: number) => between(Math.round(ms * 0.2), Math.round(ms * 1.2));

describe('kill -9 during filing, delivery and import', () => {
  it(
    `loses nothing, doubles nothing and leaves nothing behind after ${TRIALS} random kills`,
    {
      timeout: 600_000,
    },
    async () => {
      const completed = new Set<string>();
      const away = `${school.share}-away`;
      let plugged = true;
      const plug = async (wanted: boolean) => {
        if (wanted === plugged) return;
        await (wanted ? rename(away, school.share) : rename(school.share, away));
        plugged = wanted;
      };
      let kills = 0;
      const pass = ['--passphrase-file', school.passphraseFile];
      // Kill times follow how long each command takes on this machine, so most kills land
      // mid-way and some runs finish, however fast or loaded the machine is.
      const reportRun = await timeOf(school.staffHome, [...reportArgs(answers), '--json']);
      completed.add((JSON.parse(reportRun.stdout) as { reference: string }).reference);
      const deliverMs = (await timeOf(school.staffHome, ['deliver'])).ms;
      const importMs = (await timeOf(school.dslHome, ['lead', 'import', ...pass])).ms;
      let trial = 0;
      for (; kills < TRIALS && trial < TRIALS * 3; trial++) {
        const kind = trial % 3;
        if (kind === 0) {
          // Filing, sometimes with the share away so that concerns queue up for delivery.
          await plug(Math.random() < 0.5);
          const run = await runAndKill(
            school.staffHome,
            [...reportArgs(answers), '--json'],
            during(reportRun.ms),
          );
          if (run.code === 0)
            completed.add((JSON.parse(run.stdout) as { reference: string }).reference);
          if (run.killed) kills++;
        } else if (kind === 1) {
          await plug(true);
          const run = await runAndKill(school.staffHome, ['deliver'], during(deliverMs));
          if (run.killed) kills++;
        } else {
          await plug(true);
          const run = await runAndKill(
            school.dslHome,
            ['lead', 'import', ...pass],
            during(importMs),
          );
          if (run.killed) kills++;
        }
      }
      await plug(true);
      await sleep(100);

      // Recovery.
      const delivered = await cliJson<{ pending: number; error: string | null }>(school.staffHome, [
        'deliver',
      ]);
      expect(delivered).toMatchObject({ pending: 0, error: null });
      const imported = await cliJson<{ quarantined: unknown[]; inQuarantine: number }>(
        school.dslHome,
        ['lead', 'import', ...pass],
      );
      const outbox = await cliJson<
        Array<{ reference: string; delivered: boolean; acknowledged: boolean }>
      >(school.staffHome, ['outbox']);
      const cases = await cliJson<Array<{ reference: string; concernId: string }>>(school.dslHome, [
        'lead',
        'list',
        ...pass,
      ]);

      const kept = new Set(outbox.map((r) => r.reference));
      const lost = [...completed].filter((reference) => !kept.has(reference));
      const atLead = cases.map((c) => c.reference);
      const duplicated = atLead.length - new Set(atLead).size;
      const temps = [
        ...(await tempFilesUnder(school.share)),
        ...(await tempFilesUnder(school.staffHome)),
        ...(await tempFilesUnder(school.dslHome)),
      ];
      process.stdout.write(
        `durability: ${trial} runs, ${kills} killed mid-way, ${completed.size} reports completed, ` +
          `${outbox.length} in the outbox, ${cases.length} cases; lost ${lost.length}, ` +
          `duplicated ${duplicated}, temp files ${temps.length}\n`,
      );
      expect(kills).toBeGreaterThanOrEqual(TRIALS);
      // Not vacuous: reports finished between the kills, and concerns reached the lead.
      expect(completed.size).toBeGreaterThan(1);
      expect(cases.length).toBeGreaterThanOrEqual(completed.size);
      expect(lost).toEqual([]);
      expect(duplicated).toBe(0);
      expect(new Set(atLead)).toEqual(kept);
      expect(outbox.every((r) => r.delivered)).toBe(true);
      // No lead opened a case, so no reporter was told one had (acknowledged means opened).
      expect(outbox.some((r) => r.acknowledged)).toBe(false);
      expect(imported.quarantined).toEqual([]);
      expect(imported.inQuarantine).toBe(0);
      expect(temps).toEqual([]);
      expect(await readdir(join(school.share, 'concerns'))).toHaveLength(kept.size);
    },
  );
});
