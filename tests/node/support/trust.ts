/**
 * One school of a simulated trust (issue 10 §3): a real share folder and three leads (the DSL, a
 * deputy, the headteacher) set up through the core, concerns filed from a staff machine and routed
 * as the rules route them, then a seeded schedule of rounds. Each round every lead at work records
 * casework on cases it holds — some on the same case as another lead that round — and the leads
 * online deliver and receive; the others work offline, and one lead is away for the whole week.
 * At the end everyone syncs until nothing moves. Returns the evidence: who holds what, what each
 * lead shows for each case before and after, what was quarantined, and the catch-up timing.
 * Used by tests/node/casework/trust-simulation.test.ts and bench/trust.ts.
 */
import { performance } from 'node:perf_hooks';
import { importConcerns, type Workspace } from '../../../src/casework';
import { deliverEvents, receiveEvents } from '../../../src/casework/sync';
import { summaryOf } from '../../../src/cli/casework-commands';
import { fileConcern } from '../../../src/concerns';
import { FormRegistry } from '../../../src/forms';
import { currentProfile } from '../../../src/school/changes';
import { openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { contactAnswers } from './school';
import { nextEvent, seededRandom, type Random } from './trust-events';
import { openLead, ROLES, setUp, type Lead, type Role } from './trust-school';

export { ROLES, type Role };

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface SchoolParams {
  concerns: number;
  rounds: number;
  seed: number;
  /** Events recorded per concern over the week, on average, by all its leads together. */
  eventsPerConcern: number;
}

/** The folded case as `lead show --json` shows it, without what is each store's own. */
export type Shown = Omit<ReturnType<typeof summaryOf>, 'people'> & { people: string[] };

export interface SchoolRun {
  setupMs: number;
  filingMs: number;
  /** Concern import, every lead (each already unlocked: scrypt is in setupMs). */
  importMs: number;
  /** Concern id → the roles its concern was routed to (never the one it is about). */
  routed: Map<string, Role[]>;
  /** Role → the concern ids its store holds at the end. */
  held: Record<Role, string[]>;
  /** Concern id → the ids of every event any lead recorded on it. */
  recorded: Map<string, Set<string>>;
  /** Events each lead recorded, and how many cases two leads worked on in the same round. */
  recordedBy: Record<Role, number>;
  concurrentCases: number;
  /** Time spent recording (Casework.record), all leads. */
  recordMs: number;
  /** Cases whose leads showed them differently just before the final sync. */
  differedBefore: number;
  /** Concern id → what each lead holding it shows, after the final sync. */
  after: Map<string, Partial<Record<Role, Shown>>>;
  quarantined: Array<{ role: Role; file: string; code: string }>;
  /** Every receive of the run: events folded in and time taken. */
  receives: Array<{ events: number; files: number; ms: number }>;
  delivers: Array<{ events: number; files: number; ms: number }>;
  away: Role;
  catchUp: { events: number; files: number; ms: number };
  finalPasses: number;
}

/** Sets the school up in `root`, files its concerns, runs the week, and returns the evidence. */
export async function simulateSchool(
  root: string,
  name: string,
  params: SchoolParams,
): Promise<SchoolRun> {
  const random = seededRandom(params.seed);
  const t0 = performance.now();
  const homes = await setUp(root, name);
  let setupMs = performance.now() - t0;

  // ---- Concerns: about nobody (to the DSL and deputy), or about the DSL or the deputy. ----
  const forms = FormRegistry.builtIn();
  const staff = await openStaffStore(homes.staff, new UnprotectedFileKeyProvider(homes.staff));
  const routed = new Map<string, Role[]>();
  const t1 = performance.now();
  try {
    const profile = await currentProfile(staff, new Date());
    const idOf = (role: Role) => profile.recipients.find((r) => r.role === role)!.id;
    for (let i = 0; i < params.concerns; i++) {
      const pick = random();
      const about: Role | null = pick < 0.6 ? null : pick < 0.8 ? 'dsl' : 'deputy';
      const receipt = await fileConcern(
        { store: staff, forms },
        {
          formId: 'private-online-contact-with-pupil',
          reporter: { name: 'Sam Teacher', role: 'Class teacher' },
          answers: contactAnswers(),
          aboutRecipientId: about === null ? null : idOf(about),
        },
      );
      if (!receipt.delivered) throw new Error(`concern ${i} not delivered`);
      routed.set(
        receipt.concernId,
        about === null ? ['dsl', 'deputy'] : ROLES.filter((r) => r !== about),
      );
    }
  } finally {
    staff.close();
  }
  const filingMs = performance.now() - t1;

  // ---- The week from now on, on one clock for every lead: a second per event at least. ----
  let at = Date.now();
  const now = () => new Date(at);
  const leads: Lead[] = [];
  try {
    const t3 = performance.now();
    for (const role of ROLES) leads.push(await openLead(role, homes[role], now));
    setupMs += performance.now() - t3;
    const t2 = performance.now();
    for (const lead of leads) {
      const result = await importConcerns({
        store: lead.ws.store,
        forms,
        secrets: lead.ws.secrets,
        calendar: lead.ws.calendar,
      });
      if (result.quarantined.length > 0) throw new Error(`${lead.role}: concerns quarantined`);
      lead.cases = lead.ws.store.cases.list().map((c) => c.concernId);
    }
    const importMs = performance.now() - t2;

    const run = await week(leads, params, random, () => (at += 1000), now);
    const held = Object.fromEntries(
      leads.map((l) => [l.role, l.ws.store.cases.list().map((c) => c.concernId)]),
    ) as Record<Role, string[]>;
    for (const lead of leads) {
      for (const q of lead.ws.store.quarantine.list()) {
        run.quarantined.push({ role: lead.role, file: q.file, code: q.code });
      }
    }
    return { setupMs, filingMs, importMs, routed, held, ...run };
  } finally {
    for (const lead of leads) lead.ws.close();
  }
}

type WeekRun = Omit<SchoolRun, 'setupMs' | 'filingMs' | 'importMs' | 'routed' | 'held'>;

/** The rounds of the week, then the final sync; `tick` moves the clock on a second. */
async function week(
  leads: Lead[],
  params: SchoolParams,
  random: Random,
  tick: () => void,
  now: () => Date,
): Promise<WeekRun> {
  const roundMs = WEEK_MS / params.rounds;
  const away = leads[Math.floor(random() * leads.length)]!;
  const perRound = Math.max(
    1,
    Math.round((params.concerns * params.eventsPerConcern) / (params.rounds * leads.length)),
  );
  const recorded = new Map<string, Set<string>>();
  const recordedBy = { dsl: 0, deputy: 0, headteacher: 0 } as Record<Role, number>;
  const receives: WeekRun['receives'] = [];
  const delivers: WeekRun['delivers'] = [];
  const quarantined: WeekRun['quarantined'] = [];
  const offlineUntil = new Map<Lead, number>(leads.map((l) => [l, 0]));
  let concurrentCases = 0;
  let recordMs = 0;

  const record = (lead: Lead, caseId: string, round: Map<string, Set<Role>>) => {
    tick();
    const t = performance.now();
    const id = nextEvent(lead.ws, caseId, random);
    recordMs += performance.now() - t;
    if (id === null) return;
    recordedBy[lead.role] += 1;
    recorded.set(caseId, (recorded.get(caseId) ?? new Set()).add(id));
    round.set(caseId, (round.get(caseId) ?? new Set()).add(lead.role));
  };
  const deliver = async (lead: Lead) => {
    const t = performance.now();
    const { store, secrets } = lead.ws;
    const r = await deliverEvents({ store, secrets, profile: lead.profile, now });
    if (r.error !== null || r.pending !== 0) throw new Error(`${lead.role}: ${r.error}`);
    delivers.push({ events: r.delivered, files: r.files, ms: performance.now() - t });
    return r.delivered;
  };
  const receive = async (lead: Lead) => {
    const t = performance.now();
    const r = await receiveEvents({ lead: lead.ws, now });
    const sample = { events: r.events, files: r.files, ms: performance.now() - t };
    receives.push(sample);
    for (const q of r.quarantined) quarantined.push({ role: lead.role, ...q });
    return sample;
  };

  const start = now().getTime();
  for (let r = 0; r < params.rounds; r++) {
    const online = leads.filter((lead) => {
      if (lead === away) return r === 0;
      if (r >= offlineUntil.get(lead)! && r > 0 && random() < 0.3) {
        offlineUntil.set(lead, r + 1 + Math.floor(random() * 3)); // offline 1–3 rounds
      }
      return r >= offlineUntil.get(lead)!;
    });
    // Everyone at work records (offline too, queued); the lead away for the week does not.
    const working = leads.filter((lead) => lead !== away || r === 0);
    const round = new Map<string, Set<Role>>();
    for (const lead of shuffle(working, random)) {
      for (let e = 0; e < perRound; e++) {
        const caseId = lead.cases[Math.floor(random() * lead.cases.length)]!;
        record(lead, caseId, round);
        // A quarter of the time another lead at work on that case records on it too, unsynced.
        if (random() < 0.25) {
          for (const other of working) {
            if (other !== lead && other.cases.includes(caseId)) record(other, caseId, round);
          }
        }
      }
    }
    concurrentCases += [...round.values()].filter((who) => who.size > 1).length;
    for (const lead of online) await deliver(lead);
    for (const lead of online) await receive(lead);
    // The next round starts later in the week, whatever this one took.
    const next = start + (r + 1) * roundMs;
    while (now().getTime() < next) tick();
  }

  const differedBefore = differing(leads);

  // ---- Everyone back: the others deliver, the lead away catches up (timed), then until quiet. ----
  for (const lead of leads) if (lead !== away) await deliver(lead);
  const catchUp = await receive(away);
  let finalPasses = 0;
  for (let moved = 1; moved > 0 && finalPasses < 10; finalPasses++) {
    moved = 0;
    for (const lead of leads) moved += await deliver(lead);
    for (const lead of leads) moved += (await receive(lead)).events;
  }

  const after = new Map<string, Partial<Record<Role, Shown>>>();
  for (const lead of leads) {
    for (const caseId of lead.cases) {
      after.set(caseId, { ...after.get(caseId), [lead.role]: shown(lead.ws, caseId) });
    }
  }
  return {
    recorded,
    recordedBy,
    concurrentCases,
    recordMs,
    differedBefore,
    after,
    quarantined,
    receives,
    delivers,
    away: away.role,
    catchUp,
    finalPasses,
  };
}

/** What a lead shows for a case, as `lead show --json` (people by name and role, sorted). */
export function shown(ws: Workspace, caseId: string): Shown {
  const summary = summaryOf(ws.casework.read(caseId));
  return { ...summary, people: summary.people.map((p) => `${p.name} (${p.role})`).sort() };
}

/** How many cases held by two or more leads those leads show differently. */
function differing(leads: Lead[]): number {
  const byCase = new Map<string, string[]>();
  for (const lead of leads) {
    for (const caseId of lead.cases) {
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), JSON.stringify(shown(lead.ws, caseId))]);
    }
  }
  return [...byCase.values()].filter((views) => new Set(views).size > 1).length;
}

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
