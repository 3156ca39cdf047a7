/**
 * Issue 7 §3 through the API: two spellings of one adult become two person records; the lead
 * merges them (the chronology then covers both, and names the merge), undoes it with a reason, and
 * is refused in words for the same record, an unknown one, a second undo or a reason left out.
 * Real school, real sealing, a real lead session; calls go through dispatch as the UI's do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type DispatchResult } from '../../src/api/dispatch';
import { openSession, type Session } from '../../src/session';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { cliJson } from './support/cli';
import {
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from './support/school';

interface Person {
  personId: string;
  name: string;
  role: string;
}
interface Chronology {
  person: Person;
  mergedWith: Person[];
  merges: Array<{ mergeId: string; from: Person; into: Person }>;
  cases: Array<{ reference: string }>;
}

describe('merging and unmerging person records through the API', () => {
  let school: SchoolFixture;
  let desk: Session;
  const references: string[] = [];
  let plain: Person;
  let dotted: Person;

  const call = (op: string, input?: unknown): Promise<DispatchResult> =>
    dispatch(desk.handlers, op, input);
  const value = async <T>(op: string, input?: unknown): Promise<T> => {
    const result = await call(op, input);
    if (!result.ok) throw new Error(`${op}: [${result.error.code}] ${result.error.message}`);
    return result.value as T;
  };
  const chronology = (personId: string) => value<Chronology>('lead.chronology', { personId });

  const file = async (name: string) => {
    const answers = await writeAnswers(
      school.root,
      contactAnswers({ peopleInvolved: [{ name, role: 'staff' }] }),
      `answers-${references.length}.json`,
    );
    const { reference } = await cliJson<{ reference: string }>(
      school.staffHome,
      reportArgs(answers),
    );
    references.push(reference);
  };

  beforeAll(async () => {
    school = await makeSchool();
    await file('Mr Example');
    await file('Mr J. Example');
    desk = await openSession({
      home: school.dslHome,
      keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
    });
    await value('lead.unlock', { passphrase: PASSPHRASE });
    await value('lead.import');
    const people = await value<Person[]>('lead.people', { name: 'example' });
    plain = people.find((p) => p.name === 'Mr Example')!;
    dotted = people.find((p) => p.name === 'Mr J. Example')!;
  });

  afterAll(async () => {
    desk?.close();
    await school?.cleanup();
  });

  it('keeps two spellings of one name as two records, each with its own case', async () => {
    expect(plain).toBeDefined();
    expect(dotted).toBeDefined();
    expect((await chronology(plain.personId)).cases.map((c) => c.reference)).toEqual([
      references[0],
    ]);
    expect((await chronology(dotted.personId)).merges).toEqual([]);
  });

  it('merges them: both chronologies cover both cases and name the merge', async () => {
    const { mergeId } = await value<{ mergeId: string }>('lead.mergePeople', {
      from: dotted.personId,
      into: plain.personId,
    });
    for (const id of [plain.personId, dotted.personId]) {
      const c = await chronology(id);
      expect(c.cases.map((r) => r.reference).sort()).toEqual([...references].sort());
      expect(c.merges).toEqual([expect.objectContaining({ mergeId, from: dotted, into: plain })]);
    }
    expect((await chronology(plain.personId)).mergedWith).toEqual([dotted]);
  });

  it('refuses the same record, an unknown one and a second merge of the same pair, in words', async () => {
    expect(await call('lead.mergePeople', { from: plain.personId, into: plain.personId })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Those are the same record.' },
    });
    expect(
      await call('lead.mergePeople', {
        from: '00000000-0000-4000-8000-000000000000',
        into: plain.personId,
      }),
    ).toEqual({
      ok: false,
      error: { code: 'unknown-person', message: 'There is no such person.' },
    });
    expect(await call('lead.mergePeople', { from: plain.personId, into: dotted.personId })).toEqual(
      {
        ok: false,
        error: { code: 'invalid-input', message: 'Those records are already merged.' },
      },
    );
  });

  it('undoes the merge only with a reason, once, and each record has its own case again', async () => {
    const [merge] = (await chronology(plain.personId)).merges;
    const missing = await call('lead.unmergePeople', { mergeId: merge!.mergeId, reason: '  ' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    await value('lead.unmergePeople', {
      mergeId: merge!.mergeId,
      reason: 'Two different teachers: Mr J. Example is the supply teacher.',
    });
    const after = await chronology(plain.personId);
    expect(after.cases.map((c) => c.reference)).toEqual([references[0]]);
    expect(after.mergedWith).toEqual([]);
    expect(after.merges).toEqual([]);

    expect(await call('lead.unmergePeople', { mergeId: merge!.mergeId, reason: 'Again.' })).toEqual(
      {
        ok: false,
        error: { code: 'invalid-input', message: 'That merge is already undone.' },
      },
    );
    expect(
      await call('lead.unmergePeople', {
        mergeId: '00000000-0000-4000-8000-000000000000',
        reason: 'No such merge.',
      }),
    ).toEqual({ ok: false, error: { code: 'unknown-event', message: 'There is no such merge.' } });
  });

  it('answers locked once the lead has locked', async () => {
    await value('lead.lock');
    expect(await call('lead.people', { name: 'example' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });
});
