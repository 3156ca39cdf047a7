/**
 * Issue 9 §1: a real school's casework, published as the anonymised extract and opened with
 * Debian's `age -d` and the office identity (and with the app's own reader): no name, reference,
 * free-text word, role as typed, person or concern id, nor any date or time of a concern appears in
 * it, and its rows say the right things — pathways, outcomes, external actions done, working days
 * across a weekend, a bank holiday and a closure day, the LADO clock met, missed, overdue and still
 * running, and reporters' groups. The lead's audit chain records the publication without content.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../../src/casework';
import { canonicalJson } from '../../../src/crypto';
import { builtInForms } from '../../../src/forms/builtin';
import {
  publishExtract,
  readExtracts,
  recordKeyOf,
  type ExtractBody,
  type ExtractRow,
  type PublishResult,
} from '../../../src/office/extract';
import {
  buildOfficeReport,
  exportOfficeReport,
  periodsOnOffer,
  readNewestExtract,
} from '../../../src/office/parts';
import { hasAge } from '../support/age';
import { answers, extractSchool, shared, type ExtractSchool } from './support';

const NAMES = [
  'Zebedee Quillfeather',
  'Ottoline Marchbank',
  'Barnaby Thistlewood',
  'Ptolemy Fairweather',
  'Constance Pettigrew',
  'Wilhelmina Crabtree',
  'Augustin Peverell',
  'Rosalind Underhay',
  'Ellie Shea',
  'Olive Office',
];
const WORDS = ['xylophonic', 'quagmirish', 'brambleworth', 'quindlewick', 'mortlecombe', 'snargle'];
const ROLES_AS_TYPED = ['Class teacher', 'HLTA', 'Site manager', 'Parent volunteer', 'Deputy Head'];
const TERMS = [
  { start: '2026-04-13', end: '2026-07-22' },
  { start: '2026-09-03', end: '2026-12-18' },
];
const PUBLISHED_AT = '2026-12-01T10:20:00Z';

type Expected = Omit<ExtractRow, 'recordKey'>;

/** "2026-05-01" as a person writes it, without the year: "1 May". */
function dayMonth(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${d} ${month}`;
}

/** Every sheet of a workbook as Gnumeric's `ssconvert` reads it, as one text. */
async function gnumericText(xlsx: string, out: string): Promise<string> {
  await mkdir(out, { recursive: true });
  execFileSync('ssconvert', ['-S', xlsx, join(out, 'sheet-%n.csv')], { stdio: 'pipe' });
  const sheets = (await readdir(out)).sort();
  expect(sheets.length).toBeGreaterThanOrEqual(6);
  return (await Promise.all(sheets.map((f) => readFile(join(out, f), 'utf8')))).join('\n');
}

describe('the published extract', () => {
  let s: ExtractSchool;
  let office: { identityFile: string; identity: string };
  let published: PublishResult;
  let plaintext: string;
  let body: ExtractBody;
  const references: string[] = [];
  const caseIds: string[] = [];
  // When it was noticed (every concern's answers) and the contact log's date, beside filing days.
  const concernDates: string[] = ['2026-04-01', '2026-11-25'];

  beforeAll(async () => {
    s = await extractSchool('Fernhollow Primary');
    const added = await s.addOffice();
    office = { identityFile: added.identityFile, identity: added.key.identity };
    const { workspace, clock } = s;
    const { casework } = workspace;
    workspace.setCalendar({ terms: TERMS, closureDays: ['2026-11-13'] });
    const at = (time: string) => {
      clock.now = new Date(time);
    };
    const file = async (
      formId: string,
      when: string,
      reporter: { name: string; role: string },
      text: string,
      people: Array<{ name: string; role: string; detail?: string }>,
    ) => {
      concernDates.push(when.slice(0, 10));
      const filed = await s.file({ formId, at: when, reporter, answers: answers(text, people) });
      references.push(filed.reference);
      caseIds.push(filed.caseId);
      return filed.caseId;
    };
    const action = (caseId: string, type: string, doneAt: string | null, extra = {}) =>
      casework.record(caseId, 'action-recorded', {
        actionId: randomUUID(),
        type: type as 'police',
        due: null,
        doneAt,
        spokeTo: 'Constance Pettigrew',
        advice: 'Mortlecombe advice given',
        nextSteps: null,
        result: null,
        share: ['parents-contacted', 'staff-advice', 'hr', 'other'].includes(type)
          ? null
          : shared('The snargle messages'),
        ...extra,
      });
    const triage = (caseId: string, pathway: 'allegation' | 'child-protection') =>
      casework.record(caseId, 'triaged', {
        pathway,
        priority: 'high',
        assignedTo: null,
        reason: null,
        harmThreshold:
          pathway === 'allegation'
            ? { harmed: false, offence: false, risk: true, unsuitable: false }
            : null,
      });

    // A: Friday 1 May 2026; first action on Tuesday 5 May (Monday 4 May is a bank holiday), closed
    // Friday 8 May. A referral to social care done; early help only planned.
    const a = await file(
      'private-online-contact-with-pupil',
      '2026-05-01T14:00:00Z',
      { name: 'Zebedee Quillfeather', role: 'Class teacher, Year 6' },
      'Xylophonic quagmirish messages were sent at midnight.',
      [
        { name: 'Ottoline Marchbank', role: 'pupil', detail: 'Year 6' },
        { name: 'Barnaby Thistlewood', role: 'staff' },
      ],
    );
    at('2026-05-05T09:30:00Z');
    triage(a, 'child-protection');
    action(a, 'social-care-referral', '2026-05-05T09:30:00Z');
    action(a, 'early-help', null, { due: '2026-05-20' });
    at('2026-05-06T10:00:00Z');
    casework.record(a, 'note-added', {
      text: 'Spoke with Ptolemy Fairweather about brambleworth.',
      kind: 'fact',
    });
    at('2026-05-08T15:00:00Z');
    casework.record(a, 'closed', { outcome: 'resolved', reason: 'Settled after quindlewick.' });

    // B: an allegation on Wednesday 11 November; the LADO consulted on Thursday (in time), the
    // police told; closed on Monday 16th: Friday 13th is a closure day, so two working days.
    const b = await file(
      'posts-about-staff-by-others',
      '2026-11-11T08:30:00Z',
      { name: 'Wilhelmina Crabtree', role: 'HLTA' },
      'Posts by Augustin Peverell about a colleague.',
      [{ name: 'Augustin Peverell', role: 'staff' }],
    );
    at('2026-11-11T10:00:00Z');
    triage(b, 'allegation');
    at('2026-11-12T11:00:00Z');
    action(b, 'lado-consultation', '2026-11-12T11:00:00Z');
    at('2026-11-12T11:30:00Z');
    action(b, 'police', '2026-11-12T11:30:00Z');
    casework.record(b, 'decision-recorded', {
      decision: 'Refer to the LADO',
      reason: 'Rosalind Underhay agreed',
    });
    at('2026-11-16T12:00:00Z');
    casework.record(b, 'closed', { outcome: 'unsubstantiated', reason: null });

    // C: an allegation triaged on Friday 20th, the LADO consulted on Tuesday 24th: late.
    const c = await file(
      'posts-about-staff-by-others',
      '2026-11-19T09:00:00Z',
      { name: 'Rosalind Underhay', role: 'Site manager' },
      'Mortlecombe posts.',
      [{ name: 'Barnaby Thistlewood', role: 'staff' }],
    );
    at('2026-11-20T12:00:00Z');
    triage(c, 'allegation');
    at('2026-11-24T09:00:00Z');
    action(c, 'lado-consultation', '2026-11-24T09:00:00Z');

    // D: an allegation triaged on Monday 23rd; the LADO never consulted: overdue.
    const d = await file(
      'inappropriate-images-of-staff',
      '2026-11-23T10:00:00Z',
      { name: 'Ptolemy Fairweather', role: 'Parent volunteer' },
      'Snargle images.',
      [{ name: 'Constance Pettigrew', role: 'staff' }],
    );
    at('2026-11-23T11:00:00Z');
    triage(d, 'allegation');

    // E: an allegation triaged on Monday 30th at 15:00; its clock runs to the end of Tuesday.
    const e = await file(
      'posts-about-staff-by-others',
      '2026-11-30T14:00:00Z',
      { name: 'Augustin Peverell', role: 'Deputy Head' },
      'Brambleworth posts.',
      [{ name: 'Wilhelmina Crabtree', role: 'staff' }],
    );
    at('2026-11-30T15:00:00Z');
    triage(e, 'allegation');

    // F: filed, never triaged.
    await file(
      'other-online-concern',
      '2026-11-27T13:00:00Z',
      { name: 'Barnaby Thistlewood', role: 'Midday supervisor' },
      'Quindlewick group chat.',
      [{ name: 'Ottoline Marchbank', role: 'pupil', detail: 'Year 5' }],
    );
    // A contact log is not a concern: not in the extract.
    await s.file({
      formId: 'professional-online-contact-log',
      at: '2026-11-25T16:00:00Z',
      reporter: { name: 'Zebedee Quillfeather', role: 'Class teacher' },
      answers: {
        contactDate: '2026-11-25T15:00:00Z',
        platform: 'email',
        withWhom: [{ name: 'Ottoline Marchbank', role: 'pupil' }],
        purpose: 'Homework xylophonic',
        contentSummary: 'Brambleworth homework',
      },
    });

    at(PUBLISHED_AT);
    published = await publishExtract({
      lead: workspace,
      profile: await s.profile(),
      now: clock.now,
    });
    plaintext = hasAge
      ? gunzipSync(
          execFileSync('age', [
            '-d',
            '-i',
            office.identityFile,
            `${s.school.share}/extracts/${published.file}`,
          ]),
        ).toString('utf8')
      : '';
    const reading = await readExtracts({
      identity: office.identity,
      share: s.share,
      profile: await s.profile(),
    });
    expect(reading.refusals).toEqual([]);
    body = reading.chosen!.body;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('holds one row per concern, no contact log, sealed to the office and the lead', () => {
    expect(published).toMatchObject({ rows: 6, sealedTo: { office: 1, leads: 1 } });
    expect(published.file).toMatch(/^[0-9a-f]{32}\.age$/);
    expect(body.rows).toHaveLength(6);
    expect(body).toMatchObject({
      format: 'safeguard-desk/statistical-extract',
      formatVersion: 1,
      schoolName: 'Fernhollow Primary',
      publishedBy: s.workspace.secrets.recipientId,
      producedAt: '2026-12-01T10:00:00.000Z',
      terms: TERMS,
    });
  });

  it('has the right figures in every row', () => {
    const row = (fields: Partial<Expected>): Expected => ({
      academicYear: '2026-27',
      clocksMet: null,
      concernType: 'posts-about-staff-by-others',
      month: '2026-11',
      outcome: null,
      pathway: 'allegation',
      referrals: [],
      reporterGroup: 'support',
      status: 'open',
      term: 'autumn',
      urgency: 'normal',
      workingDaysToClose: null,
      workingDaysToFirstAction: null,
      ...fields,
    });
    const expected: Expected[] = [
      row({
        academicYear: '2025-26',
        term: 'summer',
        month: '2026-05',
        concernType: 'private-online-contact-with-pupil',
        urgency: 'urgent',
        pathway: 'child-protection',
        status: 'closed',
        outcome: 'resolved',
        referrals: ['social-care-referral'],
        workingDaysToFirstAction: 1,
        workingDaysToClose: 4,
        reporterGroup: 'teaching',
      }),
      row({
        status: 'closed',
        outcome: 'unsubstantiated',
        referrals: ['lado-consultation', 'police'],
        workingDaysToFirstAction: 1,
        workingDaysToClose: 2,
        clocksMet: true,
      }),
      row({ referrals: ['lado-consultation'], workingDaysToFirstAction: 3, clocksMet: false }),
      row({
        concernType: 'inappropriate-images-of-staff',
        reporterGroup: 'other',
        clocksMet: false,
      }),
      row({ reporterGroup: 'teaching', clocksMet: null }),
      row({ concernType: 'other-online-concern', pathway: null, status: 'new' }),
    ];
    const withoutKey = body.rows.map(({ recordKey: _key, ...rest }) => rest);
    const order = (rows: Expected[]) => rows.map((r) => canonicalJson(r)).sort();
    expect(order(withoutKey)).toEqual(order(expected));
  });

  it('gives each concern its record key: this lead\u2019s HMAC of its id, the same next time', async () => {
    const keyOf = recordKeyOf(s.workspace.secrets.signingKey);
    expect(body.rows.map((r) => r.recordKey).sort()).toEqual(caseIds.map(keyOf).sort());
    s.clock.now = new Date(PUBLISHED_AT);
    const again = await publishExtract({
      lead: s.workspace,
      profile: await s.profile(),
      now: s.clock.now,
    });
    const reading = await readExtracts({
      identity: office.identity,
      share: s.share,
      profile: await s.profile(),
    });
    expect(reading.chosen!.file).toBe(again.file);
    expect(again.removed).toBe(1);
    expect(reading.chosen!.body.rows.map((r) => r.recordKey).sort()).toEqual(
      body.rows.map((r) => r.recordKey).sort(),
    );
  });

  it.skipIf(!hasAge)(
    'opens with Debian\u2019s age and the office identity, and names nobody and nothing',
    () => {
      const [line, json] = [plaintext.slice(0, plaintext.indexOf('\n')), plaintext];
      expect(JSON.parse(line)).toMatchObject({
        format: 'safeguard-desk/signed-extract',
        signature: { alg: 'Ed25519', by: s.workspace.secrets.recipientId },
      });
      const lower = json.toLowerCase();
      const people = s.workspace.store.db
        .prepare('SELECT person_id FROM people')
        .pluck()
        .all() as string[];
      expect(people.length).toBeGreaterThanOrEqual(5);
      for (const secret of [...NAMES, ...WORDS, ...ROLES_AS_TYPED, ...references]) {
        expect(lower).not.toContain(secret.toLowerCase());
      }
      for (const id of [...caseIds, ...people]) expect(json).not.toContain(id);
      // The only ids are the school's and the publishing lead's.
      const uuids = new Set(
        json.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g),
      );
      expect([...uuids].sort()).toEqual(
        [s.workspace.store.settings.get()!.schoolId, s.workspace.secrets.recipientId].sort(),
      );
      // The only dates are the school's term dates and the day it was produced; the only time,
      // the hour it was produced.
      const dates = new Set(json.match(/\d{4}-\d{2}-\d{2}/g));
      const allowed = new Set([...TERMS.flatMap((t) => [t.start, t.end]), '2026-12-01']);
      expect([...dates].filter((d) => !allowed.has(d))).toEqual([]);
      for (const day of concernDates) expect(json).not.toContain(day);
      expect(json).not.toContain('2026-11-13'); // the closure day
      expect(json.match(/\d{2}:\d{2}/g)).toEqual(['10:00']);
      expect(json.match(/T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g)).toEqual(['T10:00:00.000Z']);
    },
  );

  it.skipIf(!hasAge)('reads the same with Debian\u2019s age as with the app\u2019s reader', () => {
    const text = plaintext.slice(plaintext.indexOf('\n') + 1);
    const opened = JSON.parse(text) as ExtractBody;
    // What was signed is the body's canonical JSON.
    expect(canonicalJson(opened)).toBe(text);
    const reading = opened.rows.map((r) => canonicalJson(r)).sort();
    expect(reading).toEqual(body.rows.map((r) => canonicalJson(r)).sort());
  });

  it('gives figures, in every format and every period on offer, that name nobody and nothing', async () => {
    s.clock.now = new Date(PUBLISHED_AT);
    const extract = await readNewestExtract({
      ageIdentity: office.identity,
      sharePath: s.school.share,
      profile: await s.profile(),
    });
    const typeLabels = Object.fromEntries(builtInForms().map((f) => [f.form.id, f.form.title]));
    const dir = await mkdtemp(join(tmpdir(), 'sgd-export-leaks-'));
    const texts: Array<{ text: string; bounds: Set<string> }> = [];
    try {
      const choices = [
        ...periodsOnOffer(extract, s.clock.now).map((o) => o.choice),
        { kind: 'custom' as const, from: '2026-04-01', to: '2026-11-30' },
      ];
      expect(choices.length).toBeGreaterThanOrEqual(4);
      for (const [n, period] of choices.entries()) {
        const report = buildOfficeReport({
          extract,
          period,
          threshold: 3,
          typeLabels,
          now: s.clock.now,
        });
        // A period is whole months: its first and last days may be named, as "1 April".
        const [y, m] = report.period.toMonth.split('-').map(Number) as [number, number];
        const last = new Date(Date.UTC(y, m, 0)); // day 0 of the next month
        const bounds = new Set(
          [`${report.period.fromMonth}-01`, last.toISOString().slice(0, 10)].map(dayMonth),
        );
        const push = (text: string) => texts.push({ text, bounds });
        for (const format of ['csv', 'xlsx', 'pdf'] as const) {
          const file = await exportOfficeReport(report, format);
          // Named with the school and period, never with content.
          expect(file.fileName).toMatch(/^Safeguarding summary - Fernhollow Primary - [^/]+\.\w+$/);
          const path = join(dir, `${n}.${format}`);
          await writeFile(path, file.bytes);
          if (format === 'csv') push(Buffer.from(file.bytes).toString('utf8'));
          // Read back as a spreadsheet program and a screen reader would.
          if (format === 'xlsx') push(await gnumericText(path, join(dir, `${n}-sheets`)));
          if (format === 'pdf') push(execFileSync('pdftotext', [path, '-']).toString('utf8'));
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const people = s.workspace.store.db
      .prepare('SELECT person_id FROM people')
      .pluck()
      .all() as string[];
    for (const { text, bounds } of texts) {
      expect(text).toMatch(/Fernhollow Primary/);
      // The publishing DSL is named only as where the figures come from.
      const flat = text.replace(/\s+/g, ' ');
      expect(flat.split('Ellie Shea').length).toBe(
        flat.split('published by Ellie Shea on 1 December 2026').length,
      );
      const lower = flat.replace(/published by Ellie Shea/g, '').toLowerCase();
      for (const secret of [...NAMES, ...WORDS, ...ROLES_AS_TYPED, ...references]) {
        expect(lower).not.toContain(secret.toLowerCase());
      }
      for (const id of [...caseIds, ...people]) expect(text).not.toContain(id);
      expect(text).not.toMatch(/SG-[0-9A-Z]{4}-[0-9A-Z]{4}/);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
      // No day of a concern; the only days named are the day the figures were produced (from
      // the extract) and the first and last days of the period's months.
      for (const day of [...new Set(concernDates), '2026-11-13']) {
        expect(text).not.toContain(day);
        if (!bounds.has(dayMonth(day))) expect(text).not.toContain(dayMonth(day));
      }
      const months =
        'January|February|March|April|May|June|July|August|September|October|November|December';
      // A day and month, not a figure beside a month's name in a table ("0 October 2026 3").
      const days = new Set(
        text.match(
          new RegExp(
            `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2} (${months})\\b(?! \\d{4}[ ,\\t]*\\d)`,
            'g',
          ),
        ),
      );
      expect(days.has('1 December')).toBe(true); // the day produced, found as a day
      const allowed = new Set([...bounds, '2026-12-01', dayMonth('2026-12-01')]);
      expect([...days].map((d) => d.trim()).filter((d) => !allowed.has(d))).toEqual([]);
    }
  });

  it('is recorded on the lead\u2019s audit chain with its file and row count only', () => {
    const entries = s.workspace.store.audit.all().filter((e) => e.kind === 'extract-published');
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(entries[0]!.detailJson)).toEqual({ file: published.file, rows: 6 });
    expect(verifyRecord(s.workspace.store, s.workspace.verifyKeys).ok).toBe(true);
  });
});
