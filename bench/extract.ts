/**
 * Publishing the office's anonymised extract (issue 9 §4) from a lead's case store at scale:
 * rows from the store, body, signature, gzip, age to the office and the leads, the share. Target
 * under 3 s for 100,000 concerns, goal 1 s. Then the office's side, reading and verifying it, for
 * information. Call `benchExtract` with the DSL's open workspace over a generated store (as
 * bench/casework.ts builds it); it adds an office recipient to the school profile first.
 */
import { performance } from 'node:perf_hooks';
import type { Workspace } from '../src/casework';
import { generateAgeKeyPair } from '../src/crypto';
import {
  publishExtract,
  readExtracts,
  type ExtractsOnShare,
  type PublishResult,
} from '../src/office/extract';
import { addRecipient } from '../src/school';
import { currentProfile } from '../src/school/changes';
import { openShare } from '../src/share';
import { openStaffStore } from '../src/staff';
import type { KeyProvider } from '../src/storage/key-provider';
import type { BenchHelpers } from './casework';

const RUNS = 3;
const TARGET_MS = 3_000;
const GOAL_MS = 1_000;

export interface ExtractBenchInput {
  home: string;
  keyProvider: KeyProvider;
  passphrase: string;
  workspace: Workspace;
}

/** What one run measured: the publication's own timings, and the office's reading. */
export interface ExtractBenchResult {
  rows: number;
  bytes: number;
  publishMs: number[];
  last: PublishResult;
  readMs: number;
  /** What the office read back: the extract it would report from. */
  read: ExtractsOnShare;
}

/** Publishes the extract RUNS times (after one warm-up) and reads it back as the office. */
export async function benchExtract(
  input: ExtractBenchInput,
  helpers: BenchHelpers,
): Promise<ExtractBenchResult> {
  const { table, verdict, median } = helpers;
  const office = await generateAgeKeyPair();
  await addRecipient({
    home: input.home,
    keyProvider: input.keyProvider,
    passphrase: input.passphrase,
    role: 'office',
    name: 'Bench Office',
    ageRecipient: office.recipient,
  });
  const staff = await openStaffStore(input.home, input.keyProvider);
  const profile = await currentProfile(staff, new Date()).finally(() => staff.close());
  const share = openShare(input.workspace.store.settings.get()?.sharePath ?? '');

  let last = await publishExtract({ lead: input.workspace, profile, share });
  const publishMs: number[] = [];
  const runs: PublishResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    last = await publishExtract({ lead: input.workspace, profile, share });
    runs.push(last);
    publishMs.push(last.timings.totalMs);
  }
  const t0 = performance.now();
  const read = await readExtracts({ identity: office.identity, share, profile });
  const readMs = performance.now() - t0;
  if (read.chosen?.body.rows.length !== last.rows) {
    throw new Error('The office did not read back the extract just published.');
  }

  const ms = (pick: (r: PublishResult) => number) => median(runs.map(pick)).toFixed(0);
  const total = median(publishMs);
  console.log(
    `\nThe office's extract: ${last.rows.toLocaleString('en-GB')} concerns, ` +
      `${(last.bytes / 2 ** 20).toFixed(1)} MiB sealed`,
  );
  table(
    [
      `median of ${RUNS} (ms)`,
      'rows',
      'body, sign, gzip',
      'age',
      'share',
      'total',
      `< ${TARGET_MS} ms`,
    ],
    [
      [
        'publish',
        ms((r) => r.timings.rowsMs),
        ms((r) => r.timings.packMs),
        ms((r) => r.timings.sealMs),
        ms((r) => r.timings.writeMs),
        total.toFixed(0),
        `${verdict(total < TARGET_MS)}${total < GOAL_MS ? ' (goal met)' : ''}`,
      ],
    ],
  );
  console.log(`  the office reads and verifies it in ${readMs.toFixed(0)} ms`);
  return { rows: last.rows, bytes: last.bytes, publishMs, last, readMs, read };
}
