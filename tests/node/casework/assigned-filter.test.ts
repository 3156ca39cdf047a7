/**
 * Issue 10 §2: the inbox and search show cases assigned to me, to another lead, or to nobody
 * yet — through the session's dispatcher (as the app asks) and on the command line — with the
 * real core and a real case store. "Me" is whoever unlocked.
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
  type SchoolFixture,
} from '../support/school';
import { fileAndImport } from './support';

let school: SchoolFixture;
let dsl: Session;
const refs = { mine: '', theirs: '', nobodys: '' };

async function call<T>(operation: string, input: unknown): Promise<T> {
  const answer = await dispatch(dsl.handlers, operation, input);
  if (!answer.ok) throw new Error(`${operation}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

beforeAll(async () => {
  school = await makeSchool();
  const deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
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
    dsl.close();
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
});
