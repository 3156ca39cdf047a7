/**
 * The simulated trust of `npm run bench` (issue 10 §3): schools × 3 leads × concerns per school,
 * each school through tests/node/support/trust.ts — real identities, encrypted stores and share
 * folders, concerns filed and routed, a seeded week of rounds with offline periods, one lead away
 * all week and concurrent edits on the same case — then the final sync. Checks that every lead of
 * every case shows the same case with every event recorded on it, that every lead holds exactly
 * the cases routed to it, and that nothing was quarantined; prints event import throughput and
 * the week-offline catch-up time. Schools run one after another, each deleted when done.
 *
 * Environment: TRUST_SCHOOLS (30), TRUST_CONCERNS per school (2,000), TRUST_ROUNDS (14: twice a
 * day for a week), TRUST_EVENTS per concern over the week (4), TRUST_SEED (1).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROLES, simulateSchool, type Role, type SchoolRun } from '../tests/node/support/trust';
import type { BenchReport } from './ui';

export interface TrustParams {
  schools: number;
  leadsPerSchool: 3;
  concernsPerSchool: number;
  rounds: number;
  eventsPerConcern: number;
  seed: number;
}

export interface TrustFigures {
  schools: number;
  converged: number;
  problems: string[];
  cases: number;
  recorded: { events: number; ms: number };
  delivered: { events: number; files: number; ms: number };
  received: { events: number; files: number; ms: number };
  catchUps: Array<{ events: number; files: number; ms: number }>;
  concurrentCases: number;
  differedBefore: number;
  setupMs: number;
  filingMs: number;
  importMs: number;
}

/** The parameters from the environment, with the issue's trust as the default. */
export function trustParams(env = process.env): TrustParams {
  const int = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number`);
    return value;
  };
  return {
    schools: int('TRUST_SCHOOLS', 30),
    leadsPerSchool: 3,
    concernsPerSchool: int('TRUST_CONCERNS', 2_000),
    rounds: int('TRUST_ROUNDS', 14),
    eventsPerConcern: int('TRUST_EVENTS', 4),
    seed: int('TRUST_SEED', 1),
  };
}

/** Runs the trust in `root`, school by school; returns the figures (problems listed, not thrown). */
export async function simulateTrust(
  root: string,
  params: TrustParams,
  progress: (line: string) => void = () => {},
): Promise<TrustFigures> {
  const figures: TrustFigures = {
    schools: params.schools,
    converged: 0,
    problems: [],
    cases: 0,
    recorded: { events: 0, ms: 0 },
    delivered: { events: 0, files: 0, ms: 0 },
    received: { events: 0, files: 0, ms: 0 },
    catchUps: [],
    concurrentCases: 0,
    differedBefore: 0,
    setupMs: 0,
    filingMs: 0,
    importMs: 0,
  };
  const add = (to: { events: number; ms: number; files?: number }, from: typeof to) => {
    to.events += from.events;
    to.ms += from.ms;
    if (to.files !== undefined) to.files += from.files ?? 0;
  };
  for (let s = 0; s < params.schools; s++) {
    const dir = await mkdtemp(join(root, `school-${s + 1}-`));
    try {
      const t0 = performance.now();
      const run = await simulateSchool(dir, `Trust School ${s + 1}`, {
        concerns: params.concernsPerSchool,
        rounds: params.rounds,
        seed: params.seed * 1_000 + s,
        eventsPerConcern: params.eventsPerConcern,
      });
      const problems = problemsOf(run).map((p) => `school ${s + 1}: ${p}`);
      figures.problems.push(...problems);
      if (problems.length === 0) figures.converged += 1;
      figures.cases += run.routed.size;
      add(figures.recorded, {
        events: [...run.recorded.values()].reduce((n, ids) => n + ids.size, 0),
        ms: run.recordMs,
      });
      for (const d of run.delivers) add(figures.delivered, d);
      for (const r of run.receives) add(figures.received, r);
      figures.catchUps.push(run.catchUp);
      figures.concurrentCases += run.concurrentCases;
      figures.differedBefore += run.differedBefore;
      figures.setupMs += run.setupMs;
      figures.filingMs += run.filingMs;
      figures.importMs += run.importMs;
      progress(
        `  school ${s + 1}/${params.schools}: ${((performance.now() - t0) / 1000).toFixed(1)} s, ` +
          `${problems.length === 0 ? 'converged' : `${problems.length} problem(s)`}; ` +
          `${run.away} away all week caught up ${run.catchUp.events} events in ${run.catchUp.ms.toFixed(0)} ms`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

/** What is wrong with one school's run, in words; empty when every lead converged. */
export function problemsOf(run: SchoolRun): string[] {
  const problems: string[] = [];
  for (const role of ROLES) {
    const routed = [...run.routed].filter(([, to]) => to.includes(role)).map(([id]) => id);
    const held = new Set(run.held[role]);
    const missing = routed.filter((id) => !held.delete(id));
    if (missing.length > 0) problems.push(`${role} lacks ${missing.length} case(s) routed to it`);
    if (held.size > 0) problems.push(`${role} holds ${held.size} case(s) not routed to it`);
  }
  for (const [caseId, byRole] of run.after) {
    const views = (Object.keys(byRole) as Role[]).map((r) => byRole[r]!);
    if (new Set(views.map((v) => JSON.stringify(v))).size > 1) {
      problems.push(`case ${caseId} differs between its leads`);
    }
    const held = new Set(views[0]!.events.map((e) => e.eventId));
    const lost = [...(run.recorded.get(caseId) ?? [])].filter((id) => !held.has(id));
    if (lost.length > 0) problems.push(`case ${caseId} lacks ${lost.length} recorded event(s)`);
  }
  for (const q of run.quarantined) problems.push(`${q.role} quarantined ${q.file}: ${q.code}`);
  if (run.finalPasses >= 10) problems.push('the final sync did not go quiet in 10 passes');
  return problems;
}

/** Runs the trust and prints its figures (bench/run.ts's `trust` part). */
export async function benchTrust(
  root: string,
  { table, median }: Pick<BenchReport, 'table' | 'median'>,
): Promise<boolean> {
  const params = trustParams();
  console.log(
    `\nSimulated trust: ${params.schools} school${params.schools === 1 ? '' : 's'} × ${params.leadsPerSchool} leads × ` +
      `${params.concernsPerSchool.toLocaleString('en-GB')} concerns, ${params.rounds} rounds over a ` +
      `week, about ${params.eventsPerConcern} events per concern (seed ${params.seed}):`,
  );
  const f = await simulateTrust(root, params, (line) => console.log(line));
  const rate = (r: { events: number; ms: number }) =>
    r.ms > 0 ? (r.events / (r.ms / 1000)).toFixed(0) : '-';
  const sum = (key: 'events' | 'files' | 'ms') => f.catchUps.reduce((n, c) => n + c[key], 0);
  const slowest = f.catchUps.reduce((a, b) => (b.ms > a.ms ? b : a));
  const catchUpMedian = median(f.catchUps.map((c) => c.ms));
  table(
    ['step (all schools)', 'events', 'files', 'total ms', 'events/s'],
    [
      [
        'record (Casework.record, every lead)',
        f.recorded.events,
        '-',
        ms(f.recorded.ms),
        rate(f.recorded),
      ],
      [
        'deliver to the shares',
        f.delivered.events,
        f.delivered.files,
        ms(f.delivered.ms),
        rate(f.delivered),
      ],
      [
        'event import (every receive, every lead)',
        f.received.events,
        f.received.files,
        ms(f.received.ms),
        rate(f.received),
      ],
      [
        'week-offline catch-ups, all schools',
        sum('events'),
        sum('files'),
        ms(sum('ms')),
        rate({ events: sum('events'), ms: sum('ms') }),
      ],
      [
        'week-offline catch-up, slowest school',
        slowest.events,
        slowest.files,
        ms(slowest.ms),
        rate(slowest),
      ],
    ],
  );
  const steady = f.received.events / f.received.ms;
  const catchUp = sum('events') / sum('ms');
  console.log(
    `  Week-offline catch-up: median ${catchUpMedian.toFixed(0)} ms per returning lead, ` +
      `slowest ${slowest.ms.toFixed(0)} ms; its rate is ${(catchUp / steady).toFixed(2)}× the ` +
      `average event import rate of the run.`,
  );
  console.log(
    `  Set-up and unlocks (scrypt) ${(f.setupMs / 1000).toFixed(1)} s, ` +
      `filing ${(f.filingMs / 1000).toFixed(1)} s, ` +
      `concern import (3 leads) ${(f.importMs / 1000).toFixed(1)} s; ` +
      `${f.concurrentCases.toLocaleString('en-GB')} case-rounds with two leads editing at once; ` +
      `${f.differedBefore.toLocaleString('en-GB')} cases shown differently before the final sync.`,
  );
  const pass = f.converged === f.schools;
  console.log(
    `  Converged: ${f.converged}/${f.schools} schools, ${f.cases.toLocaleString('en-GB')} cases ` +
      `compared between their leads: ${pass ? 'PASS' : 'FAIL'}`,
  );
  for (const p of f.problems.slice(0, 20)) console.log(`    ${p}`);
  if (!pass) console.log('\n*** FAIL: the simulated trust did not converge (see above). ***');
  return pass;
}

function ms(value: number): string {
  return value.toFixed(0);
}
