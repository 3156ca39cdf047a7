/**
 * Issue 10 §4: `kill -9` while a lead records and delivers casework events, and while another
 * lead receives them, at random moments, EVENT_KILL_TRIALS times each (50 unless set). Then one
 * uninterrupted delivery and one import: no event lost, none applied twice, none in two files on
 * the share, nothing quarantined (a file cut short is written again whole, under its name), both
 * stores whole with their audit chains intact, no temp file left.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore, type CaseStore } from '../../../src/casework';
import { SealedFileOpener } from '../../../src/crypto';
import { unlockLead, type LeadSecrets } from '../../../src/lead';
import { currentProfile } from '../../../src/school/changes';
import { openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';
import { fileAndImport } from './support';

const TRIALS = Number(process.env.EVENT_KILL_TRIALS ?? '50');
const worker = fileURLToPath(new URL('./support-bin/sync-worker.ts', import.meta.url));

let school: SchoolFixture;
let deputy: JoinedRecipient;
let caseId: string;
let dslSecrets: LeadSecrets;
const leadFile = { dsl: '', deputy: '' };

beforeAll(async () => {
  school = await makeSchool();
  deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  const reference = await fileAndImport(school, contactAnswers());
  await cliJson(deputy.home, ['lead', 'import', '--passphrase-file', deputy.passphraseFile]);
  const dslKeys = new UnprotectedFileKeyProvider(school.dslHome);
  const staff = await openStaffStore(school.dslHome, dslKeys);
  const profile = await currentProfile(staff, new Date()).finally(() => staff.close());
  dslSecrets = await unlockLead(school.dslHome, PASSPHRASE);
  const deputySecrets = await unlockLead(deputy.home, `${PASSPHRASE} deputy`);
  const store = await openCaseStore(school.dslHome, dslKeys);
  caseId = store.cases.idOf(reference) ?? '';
  store.close();
  leadFile.dsl = join(school.root, 'dsl-lead.json');
  leadFile.deputy = join(school.root, 'deputy-lead.json');
  await writeFile(leadFile.dsl, JSON.stringify({ secrets: dslSecrets, profile }), { mode: 0o600 });
  await writeFile(leadFile.deputy, JSON.stringify({ secrets: deputySecrets, profile }), {
    mode: 0o600,
  });
}, 180_000);
afterAll(async () => school?.cleanup());

/**
 * Runs the worker, killing it with SIGKILL `killAfterMs` after it says it is ready (its store
 * open), unless it ended first. Returns how long it worked, from ready to exit.
 */
async function runWorker(
  args: string[],
  killAfterMs: number,
): Promise<{ killed: boolean; code: number | null; stdout: string; stderr: string; ms: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], {
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
  });
  let stdout = '';
  let stderr = '';
  let readyAt = 0;
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (readyAt === 0 && stdout.startsWith('ready\n')) {
      readyAt = performance.now();
      timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return {
    killed: code === null,
    code,
    stdout: stdout.replace(/^ready\n/, ''),
    stderr,
    ms: readyAt === 0 ? 0 : performance.now() - readyAt,
  };
}

const write = (ms: number) => runWorker(['write', school.dslHome, leadFile.dsl, caseId], ms);
const read = (ms: number) => runWorker(['read', deputy.home, leadFile.deputy], ms);

/** How long a run works here, uninterrupted (the middle of three). */
async function timeOf(run: (ms: number) => ReturnType<typeof runWorker>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await run(120_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    times.push(result.ms);
  }
  return times.sort((a, b) => a - b)[1]!;
}

const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

/** The ids of a store's events on the case, with how many times each is held. */
function eventIds(store: CaseStore): string[] {
  return store.events
    .all()
    .filter((e) => e.caseId === caseId)
    .map((e) => e.eventId);
}

describe('kill -9 while events are written and received', () => {
  it(
    `loses nothing and doubles nothing after ${TRIALS} random kills of each`,
    { timeout: 900_000 },
    async () => {
      const writeMs = await timeOf(write);
      const readMs = await timeOf(read);
      let killedWriters = 0;
      let killedReaders = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        // Anywhere in its work, or just past its usual end.
        if ((await write(between(0, writeMs * 1.1))).killed) killedWriters += 1;
        if ((await read(between(0, readMs * 1.1))).killed) killedReaders += 1;
      }
      expect(killedWriters).toBeGreaterThanOrEqual(TRIALS / 2);
      expect(killedReaders).toBeGreaterThanOrEqual(TRIALS / 2);

      // Recovery: one delivery and one import, uninterrupted.
      const delivered = await runWorker(['deliver', school.dslHome, leadFile.dsl], 120_000);
      expect(delivered.code).toBe(0);
      expect(JSON.parse(delivered.stdout)).toMatchObject({ pending: 0, error: null });
      const received = await runWorker(['read', deputy.home, leadFile.deputy], 120_000);
      expect(received.code).toBe(0);
      expect(JSON.parse(received.stdout)).toMatchObject({ quarantined: [] });

      const keys = (home: string) => new UnprotectedFileKeyProvider(home);
      const dsl = await openCaseStore(school.dslHome, keys(school.dslHome));
      const dep = await openCaseStore(deputy.home, keys(deputy.home));
      try {
        for (const store of [dsl, dep]) {
          expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        }
        const written = eventIds(dsl);
        expect(written.length).toBeGreaterThanOrEqual(killedWriters); // at least some notes
        expect(dsl.sync.pendingCount()).toBe(0);
        // Every event the DSL holds, held once by the deputy; nothing quarantined.
        expect(eventIds(dep).sort()).toEqual(written.sort());
        expect(dep.quarantine.list().filter((q) => q.file.startsWith('events/'))).toEqual([]);

        // On the share: every event in exactly one file, and no temp file anywhere.
        const opener = await SealedFileOpener.create(dslSecrets.ageIdentity);
        const dir = join(school.share, 'events');
        const seen = new Map<string, number>();
        for (const name of await readdir(dir)) {
          expect(name).toMatch(/^[0-9a-f]{32}\.age$/);
          const plain = await opener.open(await readFile(join(dir, name)));
          const batch = JSON.parse(Buffer.from(plain).toString('utf8')) as {
            events: Array<{ event: { eventId: string } }>;
          };
          for (const e of batch.events)
            seen.set(e.event.eventId, (seen.get(e.event.eventId) ?? 0) + 1);
        }
        expect([...seen.keys()].sort()).toEqual(written.sort());
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        const everything = await readdir(school.share, { recursive: true });
        expect(everything.filter((n) => n.includes('.tmp-'))).toEqual([]);
      } finally {
        dsl.close();
        dep.close();
      }
    },
  );
});
