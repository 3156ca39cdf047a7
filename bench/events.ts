/**
 * The casework-between-leads part of `npm run bench` (issue 10): on the filing bench's school
 * (2,000 concerns imported by the DSL), the DSL records five events on every case; delivery seals
 * them to the case's leads under `<share>/events/`; then a copy of the DSL's computer as it was
 * before — a lead coming back after a week offline — receives them all in one import. Prints
 * events per second for each, and the catch-up time. There is no numeric target in the issue; the
 * figures are for comparison between runs.
 *
 * A trust of schools × 3 leads with offline periods and concurrent edits is bench/trust.ts.
 */
import { randomUUID } from 'node:crypto';
import { cp, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace, type Workspace } from '../src/casework';
import { deliverEvents, receiveEvents } from '../src/casework/sync';
import { currentProfile } from '../src/school/changes';
import { openStaffStore } from '../src/staff';
import { UnprotectedFileKeyProvider } from '../src/storage/key-provider';
import type { BenchReport } from './ui';
import { PASSPHRASE } from './school';

/** Times delivery and a week-offline catch-up over the school in `root` (bench/run.ts's). */
export async function benchEvents(
  root: string,
  { table }: Pick<BenchReport, 'table'>,
): Promise<void> {
  const dslHome = join(root, 'dsl');
  const offlineHome = join(root, 'dsl-offline-for-a-week');
  // The computer as it was before the week: every case, none of the week's casework.
  await cp(dslHome, offlineHome, { recursive: true });

  const open = (home: string) =>
    openWorkspace({
      home,
      keyProvider: new UnprotectedFileKeyProvider(home),
      passphrase: PASSPHRASE,
    });
  const profileOf = async (home: string) => {
    const staff = await openStaffStore(home, new UnprotectedFileKeyProvider(home));
    try {
      return await currentProfile(staff, new Date());
    } finally {
      staff.close();
    }
  };

  const dsl = await open(dslHome);
  let recorded = 0;
  let deliver: { ms: number; events: number; files: number };
  try {
    const t0 = performance.now();
    recorded = recordWeek(dsl);
    const recordMs = performance.now() - t0;
    console.log(
      `\nCasework between leads: ${recorded.toLocaleString('en-GB')} events recorded on ` +
        `${dsl.store.cases.list().length.toLocaleString('en-GB')} cases in ${(recordMs / 1000).toFixed(1)} s`,
    );
    const t1 = performance.now();
    const result = await deliverEvents({
      store: dsl.store,
      secrets: dsl.secrets,
      profile: await profileOf(dslHome),
    });
    deliver = { ms: performance.now() - t1, events: result.delivered, files: result.files };
    if (result.error !== null || result.pending !== 0) {
      throw new Error(`delivery: ${result.error ?? `${result.pending} still pending`}`);
    }
  } finally {
    dsl.close();
  }
  const eventsDir = join(root, 'share', 'events');
  let bytes = 0;
  for (const name of await readdir(eventsDir)) bytes += (await stat(join(eventsDir, name))).size;

  const back = await open(offlineHome);
  let receive: { ms: number; events: number; files: number };
  try {
    back.profileChanged(await profileOf(offlineHome));
    const t2 = performance.now();
    const result = await receiveEvents({ lead: back });
    receive = { ms: performance.now() - t2, events: result.events, files: result.files };
    if (result.quarantined.length > 0) {
      throw new Error(`catch-up: ${result.quarantined.length} file(s) quarantined`);
    }
  } finally {
    back.close();
  }
  if (receive.events !== recorded) {
    throw new Error(`catch-up received ${receive.events} of ${recorded} events`);
  }
  const rate = (r: { ms: number; events: number }) => (r.events / (r.ms / 1000)).toFixed(0);
  table(
    ['step', 'events', 'files', 'total ms', 'events/s'],
    [
      [
        'deliver to the share (sealed to the case\u2019s leads)',
        deliver.events,
        deliver.files,
        deliver.ms.toFixed(0),
        rate(deliver),
      ],
      [
        'catch-up after a week offline (one import)',
        receive.events,
        receive.files,
        receive.ms.toFixed(0),
        rate(receive),
      ],
    ],
  );
  console.log(`  ${(bytes / 2 ** 20).toFixed(1)} MiB of event files on the share.`);
}

/** A busy week: on every case a triage, an action done, two notes and a decision. */
function recordWeek(lead: Workspace): number {
  let n = 0;
  for (const c of lead.store.cases.list()) {
    const id = c.concernId;
    const record: Workspace['casework']['record'] = (...args) => {
      n += 1;
      return lead.casework.record(...args);
    };
    record(id, 'triaged', {
      pathway: 'low-level',
      priority: 'routine',
      assignedTo: null,
      reason: null,
      harmThreshold: null,
    });
    record(id, 'action-recorded', {
      actionId: randomUUID(),
      type: 'staff-advice',
      due: null,
      doneAt: new Date().toISOString(),
      spokeTo: 'Class teacher',
      advice: 'Reminded of the code of conduct',
      nextSteps: null,
      result: null,
      share: null,
    });
    record(id, 'note-added', { text: 'Spoke to the member of staff.', kind: 'fact' });
    record(id, 'note-added', { text: 'Parent informed by phone.', kind: 'fact' });
    record(id, 'decision-recorded', { decision: 'No further action', reason: 'Advice given' });
  }
  return n;
}
