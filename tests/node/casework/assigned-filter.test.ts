/**
 * Issue 10 §2, what leads see of each other: the inbox and search show cases assigned to me, to
 * another lead, or to nobody yet — through the session's dispatcher (as the app asks) and on the
 * command line — with the real core and a real case store ("me" is whoever unlocked). And in the
 * app, the deputy's triage arriving through the share replaces the DSL's and is marked as
 * changed by the other lead, both kept in the timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/api/dispatch';
import { openSession, type Session } from '../../../src/session';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { unlockLead } from '../../../src/lead';
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

let school: SchoolFixture;
let dsl: Session;
let deputy: JoinedRecipient;
const refs = { mine: '', theirs: '', nobodys: '' };

async function call<T>(operation: string, input: unknown): Promise<T> {
  const answer = await dispatch(dsl.handlers, operation, input);
  if (!answer.ok) throw new Error(`${operation}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

beforeAll(async () => {
  school = await makeSchool();
  deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  const deputyId = (await unlockLead(deputy.home, `${PASSPHRASE} deputy`)).recipientId;
  refs.mine = await fileAndImport(school, contactAnswers());
  refs.theirs = await fileAndImport(school, contactAnswers());
  refs.nobodys = await fileAndImport(school, contactAnswers());
  dsl = await openSession({
    home: school.dslHome,
    keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
  });
  await call('lead.unlock', { passphrase: PASSPHRASE });
  const me = (await call<{ recipientId: string }>('lead.status', undefined)).recipientId;
  const triage = (reference: string, assignedTo: string) =>
    call('lead.triage', {
      reference,
      pathway: 'low-level',
      priority: 'routine',
      assignedTo,
      reason: null,
      harmThreshold: null,
    });
  await triage(refs.mine, me);
  await triage(refs.theirs, deputyId);
}, 180_000);
afterAll(async () => {
  dsl?.close();
  await school?.cleanup();
});

const references = (rows: Array<{ reference: string }>) => rows.map((r) => r.reference);

describe('whose cases', () => {
  it('the inbox shows mine, another lead\u2019s, or nobody\u2019s', async () => {
    const inbox = async (assigned?: string) =>
      references(
        (
          await call<{ rows: Array<{ reference: string }> }>('lead.inbox', {
            filters: assigned === undefined ? {} : { assigned },
          })
        ).rows,
      );
    expect(await inbox('me')).toEqual([refs.mine]);
    expect(await inbox('others')).toEqual([refs.theirs]);
    expect(await inbox('unassigned')).toEqual([refs.nobodys]);
    expect((await inbox()).sort()).toEqual(Object.values(refs).sort());
    const wrong = await dispatch(dsl.handlers, 'lead.inbox', { filters: { assigned: 'mine' } });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('invalid-input');
  });

  it('search narrows the same way, in the app and on the command line', async () => {
    const found = await call<Array<{ reference: string }>>('lead.search', {
      query: 'messages',
      filters: { assigned: 'others' },
    });
    expect(references(found)).toEqual([refs.theirs]);
    const cli = await cliJson<Array<{ reference: string }>>(school.dslHome, [
      'lead',
      'search',
      'messages',
      '--assigned',
      'unassigned',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(references(cli)).toEqual([refs.nobodys]);
  });

  it('marks a triage another lead\u2019s replaced, once it arrives through the share', async () => {
    const args = ['--passphrase-file', deputy.passphraseFile];
    await cliJson(deputy.home, ['lead', 'import', ...args]);
    await cliJson(deputy.home, [
      'lead',
      'triage',
      refs.mine,
      '--pathway',
      'allegation',
      '--priority',
      'high',
      ...args,
    ]);
    const before = await call<{ state: { triageChanged: unknown } }>('lead.case', {
      reference: refs.mine,
    });
    expect(before.state.triageChanged).toBeNull();
    await call('lead.import', undefined); // the app's import also receives events
    const after = await call<{
      state: { pathway: string; triageChanged: { byName: string; previousByName: string } };
      timeline: Array<{ type: string; authorName: string }>;
    }>('lead.case', { reference: refs.mine });
    expect(after.state.pathway).toBe('allegation');
    expect(after.state.triageChanged).toMatchObject({
      byName: 'Dan Deputy',
      previousByName: 'Ellie Shea',
    });
    expect(after.timeline.filter((e) => e.type === 'triaged').map((e) => e.authorName)).toEqual([
      'Ellie Shea',
      'Dan Deputy',
    ]);
  });
});
