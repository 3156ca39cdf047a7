/**
 * The lead's case store at scale (issue 7 §7): a generated store of BENCH_CASES cases (100,000 by
 * default) with about five events each, built through the real store and casework code — cases
 * inserted and indexed as import does, every event signed, folded and audited as the app records
 * it — then the inbox's first page, full-text search and a person's chronology, timed as medians,
 * on the encrypted store and on an unencrypted copy of it in the same run.
 *
 * The generated documents are copies of one real concern (filed, sealed and imported first) with
 * fresh ids, references, times, words and people; their device signatures are not re-made, as
 * nothing on these paths checks them.
 */
import { benchOffice } from './office';
import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { concernDocumentSchema, fileConcern, type ConcernDocument } from '../src/concerns';
import {
  Casework,
  CaseQueries,
  eventBodySchema,
  signEvent,
  type EventType,
  importConcerns,
  openWorkspace,
  type NewCase,
  type Workspace,
} from '../src/casework';
import { emptyCalendar } from '../src/casework/calendar';
import { indexNewCase, searchableText } from '../src/casework/indexing';
import { CACHE_SIZE, CaseStore } from '../src/casework/store';
import { canonicalBytes, canonicalJson, createSigner } from '../src/crypto';
import { FormRegistry } from '../src/forms';
import { homePaths } from '../src/home';
import { UnprotectedFileKeyProvider } from '../src/storage/key-provider';
import { contactAnswers } from '../tests/node/support/school';
import { benchSchool, PASSPHRASE } from './school';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const BATCH = 500;
const PUPILS = 20_000;
const STAFF = 2_000;
const QUERIES = 30;
const TARGET_MS = 50;
const GOAL_MS = 20;
const RATIO_TARGET = 1.5;
/** The store's time span: cases filed over the last three years. */
const SPAN_MS = 3 * 365 * 24 * 3600 * 1000;

export interface BenchHelpers {
  table: (header: string[], rows: Array<Array<string | number>>) => void;
  verdict: (pass: boolean) => string;
  median: (samples: readonly number[]) => number;
}

/** A small deterministic generator, so every run builds the same store. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'ran', 'sol', 've', 'dun', 'pha', 'gri', 'ost', 'bel'];
/** 12³ = 1,728 made-up words, so a word's frequency is known rather than English's. */
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.flatMap((b) => SYLLABLES.map((c) => a + b + c)));
const COMMON = [
  'messages',
  'late',
  'night',
  'snapchat',
  'instagram',
  'photo',
  'comment',
  'group',
  'chat',
];

export async function benchCasework(root: string, helpers: BenchHelpers): Promise<void> {
  const { table, verdict, median } = helpers;
  console.log(`\nThe lead's case store: ${CASES.toLocaleString('en-GB')} generated cases`);
  await mkdir(join(root, 'casework'));
  const { dslHome, staff } = await benchSchool(join(root, 'casework'));
  const forms = FormRegistry.builtIn();
  await fileConcern(
    { store: staff, forms },
    {
      formId: 'private-online-contact-with-pupil',
      reporter: { name: 'Sam Teacher', role: 'Class teacher' },
      answers: contactAnswers(),
    },
  );
  staff.close();

  const keyProvider = new UnprotectedFileKeyProvider(dslHome);
  const workspace = await openWorkspace({ home: dslHome, keyProvider, passphrase: PASSPHRASE });
  let template: ConcernDocument;
  try {
    await importConcerns({
      store: workspace.store,
      forms,
      secrets: workspace.secrets,
      calendar: workspace.calendar,
    });
    const [first] = workspace.store.cases.list();
    template = concernDocumentSchema.parse(
      JSON.parse(workspace.store.cases.signedDocument(first!.concernId) ?? ''),
    );

    const t0 = performance.now();
    const people = await generate(workspace, template);
    const built = (performance.now() - t0) / 1000;
    workspace.store.db.pragma('wal_checkpoint(TRUNCATE)');
    workspace.store.db.pragma('optimize');
    const size = (await stat(homePaths(dslHome).leadDb)).size;
    console.log(
      `  built in ${built.toFixed(0)} s: ${workspace.store.events.all().length.toLocaleString('en-GB')} events, ` +
        `${(size / 2 ** 20).toFixed(0)} MiB encrypted`,
    );

    // The unencrypted copy: the same file, decrypted with SQLite3 Multiple Ciphers' rekey.
    const plainDir = join(root, 'casework-plain');
    await mkdir(plainDir);
    const plainFile = join(plainDir, 'lead.db');
    workspace.store.db.pragma('wal_checkpoint(TRUNCATE)');
    await copyFile(homePaths(dslHome).leadDb, plainFile);
    const key = await keyProvider.getOrCreateKey('lead');
    const rekey = new Database(plainFile);
    rekey.pragma(`cipher = 'chacha20'`);
    rekey.pragma(`key = "x'${key.toString('hex')}'"`);
    rekey.pragma(`rekey = ''`);
    rekey.close();
    const plainDb = new Database(plainFile);
    plainDb.pragma('journal_mode = WAL');
    plainDb.pragma('synchronous = FULL');
    plainDb.pragma('foreign_keys = ON');
    plainDb.pragma(`cache_size = ${CACHE_SIZE}`); // the same cache as the encrypted store
    const plainStore = new CaseStore(plainDb);
    const plainWork = new Casework(
      plainStore,
      { recipientId: workspace.secrets.recipientId, sign: signerOf(workspace) },
      workspace.roster,
      () => emptyCalendar,
    );

    const queries = pickQueries(workspace, people);
    // Each query runs on the encrypted store and then on the unencrypted copy before the next, so
    // a burst of load on the machine (another process's fsyncs, say) falls on both alike; a first
    // round warms both up. Each store still sees the same sequence: 30 inbox pages, 30 searches
    // (which evict much of the page cache), then 30 chronologies.
    const stores = [
      { store: workspace.store, casework: workspace.casework },
      { store: plainStore, casework: plainWork },
    ] as const;
    const kinds = {
      inbox: (s: (typeof stores)[number]) =>
        queries.pages.map(
          (offset) => () =>
            new CaseQueries(s.store.db).inbox({}, { offset, limit: 50 }, new Date()),
        ),
      search: (s: (typeof stores)[number]) =>
        queries.words.map((word) => () => s.casework.search(word, {})),
      chronology: (s: (typeof stores)[number]) =>
        queries.people.map((person) => () => s.casework.chronology(person)),
    };
    const measure = () => {
      const result = {
        encrypted: {} as Record<string, number[]>,
        plain: {} as Record<string, number[]>,
      };
      for (const [name, runsOf] of Object.entries(kinds)) {
        const [encRuns, plainRuns] = [runsOf(stores[0]), runsOf(stores[1])];
        result.encrypted[name] = [];
        result.plain[name] = [];
        encRuns.forEach((runEncrypted, i) => {
          result.encrypted[name]!.push(timeOne(runEncrypted));
          result.plain[name]!.push(timeOne(plainRuns[i]!));
        });
      }
      return result;
    };
    measure();
    const { encrypted, plain } = measure();
    plainStore.close();

    const rows: Array<Array<string | number>> = [];
    for (const name of ['inbox', 'search', 'chronology'] as const) {
      const e = median(encrypted[name]!);
      const p = median(plain[name]!);
      rows.push([
        name === 'inbox'
          ? 'inbox first page (50 rows)'
          : name === 'search'
            ? 'full-text search'
            : 'chronology of a person',
        e.toFixed(2),
        p.toFixed(2),
        (e / p).toFixed(2),
        `${verdict(e < TARGET_MS)}${e < GOAL_MS ? ' (goal met)' : ''}`,
        verdict(e / p <= RATIO_TARGET),
      ]);
    }
    table(
      [
        `median of ${QUERIES} (ms)`,
        'encrypted',
        'unencrypted',
        'ratio',
        `< ${TARGET_MS} ms`,
        `≤ ${RATIO_TARGET}×`,
      ],
      rows,
    );
    // The office's extract, report and exports, from this same store.
    await benchOffice({ home: dslHome, keyProvider, passphrase: PASSPHRASE, workspace }, helpers);
  } finally {
    workspace.close();
  }
}

function signerOf(workspace: Workspace): (message: Uint8Array) => string {
  return createSigner(workspace.secrets.signingKey);
}

interface GeneratedPeople {
  pupils: string[];
  staff: string[];
}

/** Inserts CASES cases like `template` and about five events each; returns who was named. */
export async function generate(
  workspace: Workspace,
  template: ConcernDocument,
): Promise<GeneratedPeople> {
  const rand = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const pupils = Array.from({ length: PUPILS }, (_, i) => `Pupil ${String(i).padStart(5, '0')}`);
  const staffNames = Array.from({ length: STAFF }, (_, i) => `Staff ${String(i).padStart(4, '0')}`);
  let clock = new Date();
  const casework = new Casework(
    workspace.store,
    { recipientId: workspace.secrets.recipientId, sign: signerOf(workspace) },
    workspace.roster,
    () => emptyCalendar,
    () => clock,
  );
  const store = workspace.store;
  const sign = signerOf(workspace);
  const author = workspace.secrets.recipientId;
  const named = new Set<string>();
  const start = Date.now() - SPAN_MS;
  const references = new Set<string>();
  const reference = (): string => {
    for (;;) {
      const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      let r = 'SG-';
      for (let i = 0; i < 8; i++) r += (i === 4 ? '-' : '') + alphabet[Math.floor(rand() * 32)];
      if (!references.has(r)) {
        references.add(r);
        return r;
      }
    }
  };
  let lastReport = performance.now();
  for (let done = 0; done < CASES; done += BATCH) {
    const batch: NewCase[] = [];
    for (let i = done; i < Math.min(CASES, done + BATCH); i++) {
      const filedAt = new Date(start + (SPAN_MS * i) / CASES);
      const words = Array.from({ length: 12 }, () => pick(WORDS));
      const document: ConcernDocument = {
        ...template,
        concernId: randomUUID(),
        reference: reference(),
        urgency: rand() < 0.05 ? 'urgent' : 'normal',
        times: { writtenAt: filedAt.toISOString() },
        answers: {
          ...template.answers,
          whatHappened: `${pick(COMMON)} ${words.join(' ')} ${pick(COMMON)}.`,
          peopleInvolved: [
            { name: pick(staffNames), role: 'staff' },
            { name: pick(pupils), role: 'pupil', detail: `Year ${1 + Math.floor(rand() * 6)}` },
          ],
        },
      };
      batch.push({
        document,
        kind: 'concern',
        signedDocument: canonicalJson(document),
        attachments: new Map(),
        sourceFile: `${document.concernId}.age`,
        sourceSha256: '',
        importedAt: filedAt.toISOString(),
        author: workspace.secrets.recipientId,
      });
    }
    workspace.store.transaction(() => {
      for (const item of batch) {
        clock = new Date(item.importedAt);
        store.cases.insertCases([item], (input) =>
          indexNewCase(store, input, { calendar: emptyCalendar, now: clock }),
        );
        const caseId = item.document.concernId;
        const add = (minutes: number, type: EventType, payload: unknown) => {
          clock = new Date(clock.getTime() + minutes * 60_000);
          const body = eventBodySchema.parse({
            format: 'safeguard-desk/case-event',
            formatVersion: 1,
            eventId: randomUUID(),
            caseId,
            type,
            payload,
            author,
            at: clock.toISOString(),
          });
          store.events.insert(signEvent(body, sign), body.at);
          store.audit.append(
            {
              at: body.at,
              actor: author,
              kind: 'event',
              detail: {
                eventId: body.eventId,
                type,
                caseId,
                author,
                bodySha256: createHash('sha256').update(canonicalBytes(body)).digest('hex'),
              },
            },
            sign,
          );
        };
        add(30, 'case-opened', {});
        const allegation = rand() < 0.1;
        add(20, 'triaged', {
          pathway: allegation
            ? 'allegation'
            : pick(['low-level', 'child-protection', 'early-help']),
          priority: pick(['routine', 'high']),
          assignedTo: null,
          reason: 'Generated for the bench',
          harmThreshold: null,
        });
        const note = `Spoke to ${pick(staffNames)} about ${pick(WORDS)} ${pick(WORDS)}.`;
        add(60, 'note-added', { text: note, kind: rand() < 0.8 ? 'fact' : 'opinion' });
        add(120, 'decision-recorded', {
          decision: pick(['No referral', 'Refer to children’s social care', 'Advice to staff']),
          reason: `Because ${pick(WORDS)} ${pick(WORDS)}`,
        });
        if (rand() < 0.7) {
          add(24 * 60, 'closed', {
            outcome: allegation ? 'unsubstantiated' : 'resolved',
            reason: null,
          });
        }
        // What Casework does after each event, once per case: its state and its search text.
        casework.refresh(caseId);
        store.search.put(caseId, `${searchableText(item.document)}\n--- notes ---\n${note}`);
        named.add(staffOf(item)).add(pupilOf(item));
      }
    });
    if (performance.now() - lastReport > 5_000 || done + BATCH >= CASES) {
      lastReport = performance.now();
      process.stdout.write(
        `  generating: ${Math.min(CASES, done + BATCH).toLocaleString('en-GB')} of ${CASES.toLocaleString('en-GB')} cases\n`,
      );
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    pupils: pupils.filter((p) => named.has(p)),
    staff: staffNames.filter((p) => named.has(p)),
  };
}

function staffOf(item: NewCase): string {
  return (item.document.answers.peopleInvolved as Array<{ name: string }>)[0]!.name;
}

function pupilOf(item: NewCase): string {
  return (item.document.answers.peopleInvolved as Array<{ name: string }>)[1]!.name;
}

interface Queries {
  pages: number[];
  words: string[];
  people: string[];
}

/**
 * What to ask: the first page, QUERIES times; made-up words (each in about 0.7% of cases) and
 * people's names; the chronologies of pupils (a handful of cases each) and staff (about fifty).
 */
function pickQueries(workspace: Workspace, people: GeneratedPeople): Queries {
  const rand = random(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const half = Math.floor(QUERIES / 2);
  const words = [
    ...Array.from({ length: QUERIES - half }, () => pick(WORDS)),
    ...Array.from({ length: half }, () => pick([...people.pupils, ...people.staff])),
  ];
  const named = [
    ...Array.from({ length: QUERIES - half }, () => pick(people.pupils)),
    ...Array.from({ length: half }, () => pick(people.staff)),
  ];
  const ids = named.map((name) => workspace.store.people.findByName(name)[0]?.personId ?? '');
  return { pages: Array.from({ length: QUERIES }, () => 0), words, people: ids };
}

function timeOne(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}
