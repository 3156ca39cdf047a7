/**
 * Builds the demo school in a folder, through the real core only: the DSL sets it up, a deputy is
 * added and joins, a staff computer is enrolled and files thirty fictional concerns across every
 * form over the last six weeks, and the DSL imports and works on them as it goes (triage, actions,
 * notes, decisions, closures), so the record's times read as a real term.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importConcerns, openWorkspace, type Workspace } from '../../src/casework';
import { fileConcern } from '../../src/concerns';
import { FormRegistry, type FormDefinition } from '../../src/forms';
import { joinAsLead } from '../../src/lead';
import { addRecipient, initSchool, oneTimePassphrase } from '../../src/school';
import { enrol, openStaffStore, type StaffStore } from '../../src/staff';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import {
  DEMO_CONCERNS,
  DEMO_DEPUTY,
  DEMO_DSL,
  DEMO_SCHOOL,
  type DemoConcern,
  type DemoWork,
} from './scenarios';

export interface DemoSchool {
  share: string;
  dslHome: string;
  deputyHome: string;
  staffHome: string;
  /** The DSL's and the deputy's passphrase. */
  passphrase: string;
  concerns: number;
}

const WORDS = [
  'amber',
  'badger',
  'canal',
  'cobalt',
  'copper',
  'dune',
  'ember',
  'fennel',
  'gravel',
  'harbour',
  'heron',
  'juniper',
  'kettle',
  'lantern',
  'linen',
  'maple',
  'meadow',
  'nutmeg',
  'orchard',
  'pebble',
  'quarry',
  'raven',
  'saffron',
  'slate',
  'thistle',
  'timber',
  'umber',
  'velvet',
  'willow',
  'yarrow',
];

/** Four random words: strong enough for any check, easy to type from the terminal. */
function demoPassphrase(): string {
  // Four different words: a repeated one ("amber amber quarry quarry") is easy to guess, and
  // set-up refuses a passphrase that is.
  const pool = [...WORDS];
  return Array.from({ length: 4 }, () => pool.splice(randomInt(pool.length), 1)[0]).join(' ');
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Sets the demo school up in `root`; `progress` hears one line per stage. */
export async function buildDemoSchool(
  root: string,
  progress: (line: string) => void,
): Promise<DemoSchool> {
  const share = join(root, 'share');
  const dslHome = join(root, 'dsl');
  const deputyHome = join(root, 'deputy');
  const staffHome = join(root, 'staff');
  await mkdir(share, { recursive: true });
  const passphrase = demoPassphrase();
  const realNow = Date.now();
  const start = new Date(realNow - (Math.max(...DEMO_CONCERNS.map((c) => c.daysAgo)) + 1) * DAY);

  progress(`Setting up ${DEMO_SCHOOL} (fictional), with ${DEMO_DSL} as DSL…`);
  const dslKeys = new UnprotectedFileKeyProvider(dslHome);
  await initSchool({
    home: dslHome,
    keyProvider: dslKeys,
    sharePath: share,
    schoolName: DEMO_SCHOOL,
    leadName: DEMO_DSL,
    passphrase,
    now: start,
  });

  progress(`Adding ${DEMO_DEPUTY} as deputy, who joins from a computer of their own…`);
  const identityFile = join(root, 'deputy.identity.age');
  // The file travels under a one-time passphrase; the deputy then chooses their own (here, the
  // demo's one passphrase, so every lead of the demo opens with it).
  const oneTime = oneTimePassphrase();
  await addRecipient({
    home: dslHome,
    keyProvider: dslKeys,
    passphrase,
    role: 'deputy',
    name: DEMO_DEPUTY,
    newPassphrase: oneTime,
    identityOut: identityFile,
    now: start,
  });
  await joinAsLead({
    home: deputyHome,
    keyProvider: new UnprotectedFileKeyProvider(deputyHome),
    identityFile,
    sharePath: share,
    passphrase: oneTime,
    newPassphrase: passphrase,
    now: start,
  });

  progress('Enrolling a staff computer…');
  const staff = await openStaffStore(staffHome, new UnprotectedFileKeyProvider(staffHome));
  try {
    await enrol(staff, share, start);
    const forms = FormRegistry.builtIn();
    const covered = new Set(DEMO_CONCERNS.map((c) => c.formId));
    const missing = forms.list().filter((f) => !covered.has(f.id));
    if (missing.length > 0) {
      throw new Error(`the demo has no concern for ${missing.map((f) => f.id).join(', ')}`);
    }
    progress(
      `Filing ${DEMO_CONCERNS.length} fictional concerns on every form (${covered.size}), and working on them as the DSL…`,
    );
    let clock = start;
    const workspace = await openWorkspace({
      home: dslHome,
      keyProvider: dslKeys,
      passphrase,
      now: () => clock,
    });
    try {
      const steps = plan(staff, forms, workspace, realNow, () => clock);
      for (const step of steps) {
        clock = new Date(step.at);
        await step.run();
      }
    } finally {
      workspace.close();
    }
  } finally {
    staff.close();
  }
  await writeFile(join(root, 'README.txt'), demoReadme(passphrase));
  return { share, dslHome, deputyHome, staffHome, passphrase, concerns: DEMO_CONCERNS.length };
}

interface Step {
  at: number;
  seq: number;
  run: () => Promise<void> | void;
}

/** Every filing, import and casework change, in the order of their (past) times. */
function plan(
  staff: StaffStore,
  forms: FormRegistry,
  workspace: Workspace,
  realNow: number,
  now: () => Date,
): Step[] {
  const steps: Step[] = [];
  let seq = 0;
  const latest = realNow - 60_000;
  const add = (at: number, run: Step['run']) =>
    steps.push({ at: Math.min(at, latest), seq: seq++, run });
  const leads = new Map<string, string>();
  for (const [id, r] of workspace.roster) leads.set(r.role, id);

  DEMO_CONCERNS.forEach((concern, index) => {
    const filedAt = realNow - concern.daysAgo * DAY - (1 + (index % 5)) * HOUR;
    const form = forms.latest(concern.formId);
    if (!form) throw new Error(`no form ${concern.formId}`);
    const refs: { caseId: string; reference: string } = { caseId: '', reference: '' };
    add(filedAt, async () => {
      const receipt = await fileConcern(
        { store: staff, forms, now },
        {
          formId: concern.formId,
          answers: answersFor(form, concern, filedAt),
          reporter: concern.reporter,
        },
      );
      refs.caseId = receipt.concernId;
      refs.reference = receipt.reference;
    });
    add(filedAt + 10 * 60_000, async () => {
      await importConcerns({
        store: workspace.store,
        forms,
        secrets: workspace.secrets,
        calendar: workspace.calendar,
        now,
      });
    });
    if (concern.work === undefined) return;
    add(filedAt + HOUR, () => void workspace.casework.open(refs.reference));
    if (concern.work === 'opened') return;
    planWork(concern.work, filedAt, () => refs.caseId, { workspace, leads, now, add });
  });
  return steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
}

function planWork(
  work: DemoWork,
  filedAt: number,
  caseId: () => string,
  deps: {
    workspace: Workspace;
    leads: Map<string, string>;
    now: () => Date;
    add: (at: number, run: Step['run']) => void;
  },
): void {
  const { workspace, leads, now, add } = deps;
  const { casework } = workspace;
  const day = (n: number, hour: number) => filedAt + n * DAY + hour * HOUR;
  add(day(0, 2), () => {
    casework.record(caseId(), 'triaged', {
      pathway: work.pathway,
      priority: work.priority,
      assignedTo: work.assign === undefined ? null : (leads.get(work.assign) ?? null),
      reason: work.reason ?? null,
      harmThreshold: work.harm ?? null,
    });
  });
  for (const action of work.actions ?? []) {
    const actionId = randomUUID();
    add(day(0, 3), () => {
      casework.record(caseId(), 'action-recorded', {
        actionId,
        type: action.type,
        due: new Date(day(action.due, 0)).toISOString().slice(0, 10),
        doneAt: null,
        spokeTo: action.spokeTo ?? null,
        advice: action.advice ?? null,
        nextSteps: null,
        result: null,
        share: action.share ?? null,
      });
    });
    if (action.done !== undefined) {
      add(day(action.done, 4), () => {
        casework.record(caseId(), 'action-completed', {
          actionId,
          doneAt: now().toISOString(),
          result: action.result ?? null,
        });
      });
    }
  }
  for (const note of work.notes ?? []) {
    add(day(note.day, 5), () => {
      casework.record(caseId(), 'note-added', { text: note.text, kind: note.kind ?? 'fact' });
    });
  }
  if (work.decision) {
    const { decision, reason } = work.decision;
    add(day(work.decision.day, 6), () => {
      casework.record(caseId(), 'decision-recorded', { decision, reason });
    });
  }
  if (work.close) {
    const { outcome, reason } = work.close;
    add(day(work.close.day, 7), () => {
      casework.record(caseId(), 'closed', { outcome, reason });
    });
  }
}

/** The concern's story, with its dates filled in and "immediate risk: no" unless it says. */
function answersFor(
  form: FormDefinition,
  concern: DemoConcern,
  filedAt: number,
): Record<string, unknown> {
  const unknown = Object.keys(concern.answers).filter(
    (id) => !form.fields.some((f) => f.id === id),
  );
  if (unknown.length > 0) throw new Error(`${form.id} has no field ${unknown.join(', ')}`);
  const answers: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (field.id in concern.answers) answers[field.id] = concern.answers[field.id];
    else if (field.type === 'yesno' && field.required) answers[field.id] = false;
    else if (field.type === 'datetime' && field.required) {
      answers[field.id] = new Date(filedAt - 90 * 60_000).toISOString();
    } else if (field.type === 'date' && field.id === 'whenHappened') {
      answers[field.id] = new Date(filedAt - DAY).toISOString().slice(0, 10);
    }
  }
  return answers;
}

function demoReadme(passphrase: string): string {
  return [
    `A throwaway Safeguard Desk demo: ${DEMO_SCHOOL} and everyone in it are fictional.`,
    `dsl/, deputy/: the leads' homes (passphrase: ${passphrase}). staff/: a staff computer.`,
    'share/: the school share. This folder is deleted when the demo stops.',
    '',
  ].join('\n');
}
