/**
 * Issue 10 §3: a simulated trust, small. Two schools, each with a DSL, a deputy and a headteacher
 * (real identities, real encrypted stores, a real share folder), concerns routed by the rules, and
 * a seeded week of rounds in which leads go offline, one is away all week, and two leads often
 * work on the same case before syncing. After the final sync every lead of a case shows the same
 * case (as `lead show --json` does), holding every event anyone recorded on it; every lead holds
 * every case routed to it and no other; nothing was quarantined. Before the final sync the leads
 * really did differ, so the convergence is not vacuous. bench/trust.ts runs the same at scale.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLES, simulateSchool, type Role, type SchoolRun } from '../support/trust';

const SCHOOLS = [
  { name: 'Barnsole Primary', seed: 20261130, concerns: 30 },
  { name: 'Kingsdown Academy', seed: 7, concerns: 24 },
];
const ROUNDS = 6;

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('a simulated trust converges', () => {
  for (const school of SCHOOLS) {
    it(
      `${school.name}: every lead of every case shows the same case after a week of offline work`,
      { timeout: 180_000 },
      async () => {
        const root = await mkdtemp(join(tmpdir(), 'sgd-trust-'));
        roots.push(root);
        const run = await simulateSchool(root, school.name, {
          concerns: school.concerns,
          rounds: ROUNDS,
          seed: school.seed,
          eventsPerConcern: 4,
        });
        expectRouting(run);
        expectWorkHappened(run);
        expectConverged(run);
        expect(run.quarantined).toEqual([]);
      },
    );
  }
});

/** Every lead holds exactly the cases routed to it; nobody holds a case about themselves. */
function expectRouting(run: SchoolRun): void {
  expect(run.routed.size).toBeGreaterThan(0);
  for (const role of ROLES) {
    const routedTo = [...run.routed].filter(([, to]) => to.includes(role)).map(([id]) => id);
    expect(routedTo.length, `${role} has cases`).toBeGreaterThan(0);
    expect([...run.held[role]].sort(), role).toEqual(routedTo.sort());
  }
  // A concern about nobody reaches the DSL and the deputy; one about a lead, the other two.
  const shapes = new Set([...run.routed.values()].map((to) => to.join('+')));
  expect(shapes).toEqual(new Set(['dsl+deputy', 'deputy+headteacher', 'dsl+headteacher']));
}

/** The week really had every lead working, concurrent edits, and leads out of step. */
function expectWorkHappened(run: SchoolRun): void {
  for (const role of ROLES) expect(run.recordedBy[role], role).toBeGreaterThan(0);
  expect(run.concurrentCases).toBeGreaterThan(0);
  expect(run.differedBefore).toBeGreaterThan(0);
  // The lead away all week had something to catch up on, and it came in one import.
  expect(run.catchUp.events).toBeGreaterThan(0);
  expect(run.catchUp.files).toBeGreaterThan(0);
  expect(run.finalPasses).toBeLessThan(10); // quiet before the cap
}

/** Every lead of a case shows it alike, with every event recorded on it by anyone. */
function expectConverged(run: SchoolRun): void {
  let compared = 0;
  for (const [caseId, byRole] of run.after) {
    const roles = Object.keys(byRole) as Role[];
    expect(roles.sort(), caseId).toEqual([...run.routed.get(caseId)!].sort());
    const [first, ...others] = roles.map((r) => byRole[r]!);
    for (const other of others) {
      expect(other, caseId).toEqual(first);
      compared += 1;
    }
    const ids = first!.events.map((e) => e.eventId).sort();
    expect(ids, caseId).toEqual([...(run.recorded.get(caseId) ?? [])].sort());
  }
  expect(compared).toBe(run.routed.size); // every case has two leads, compared once
}
