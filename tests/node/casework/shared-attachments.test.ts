/**
 * Issue 10 §1, a lead added later: a case shared with them carries its attachments as far as they
 * fit in an event file (the smallest first, 2 MiB in all) and travels without the rest. The case
 * view then says which attachments were filed but are not held on this computer, rather than
 * showing "No attachments". Real CLI, real share folder, and the deputy's app session through the
 * dispatcher as the renderer asks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/api/dispatch';
import { openSession, type Session } from '../../../src/session';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  type SchoolFixture,
} from '../support/school';
import { CLI_HEAVY, fileAndImport, leadCommands } from './support';

interface Attachment {
  name: string;
  size: number;
  sha256: string;
}
interface CaseView {
  attachments: Attachment[];
  attachmentsNotHeld: Attachment[];
}

const png = (bytes: number) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(bytes - 8)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let school: SchoolFixture;
let deputy: Session | undefined;
const small = png(4096);
const large = png(Math.round(2.5 * 1024 * 1024));
const refs = { small: '', large: '' };

async function call<T>(session: Session, operation: string, input: unknown): Promise<T> {
  const answer = await dispatch(session.handlers, operation, input);
  if (!answer.ok) throw new Error(`${operation}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

beforeAll(async () => {
  school = await makeSchool();
  await writeFile(join(school.root, 'post.png'), small);
  await writeFile(join(school.root, 'recording.png'), large);
  refs.small = await fileAndImport(school, contactAnswers({ evidence: ['post.png'] }));
  refs.large = await fileAndImport(
    school,
    contactAnswers({ evidence: ['recording.png', 'post.png'] }),
  );
  const joined = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  const dsl = leadCommands(school.dslHome, school.passphraseFile);
  expect((await dsl<{ events: { shared: number } }>('import')).events.shared).toBe(2);
  await leadCommands(joined.home, joined.passphraseFile)('import');
  deputy = await openSession({
    home: joined.home,
    keyProvider: new UnprotectedFileKeyProvider(joined.home),
  });
  await call(deputy, 'lead.unlock', { passphrase: `${PASSPHRASE} deputy` });
}, CLI_HEAVY);
afterAll(async () => {
  deputy?.close();
  await school?.cleanup();
});

describe('attachments of a case shared with a lead added later', () => {
  it('travel with the case when they are small, and show as the reporter filed them', async () => {
    const view = await call<CaseView>(deputy!, 'lead.case', { reference: refs.small });
    expect(view.attachments.map((a) => [a.name, a.size, a.sha256])).toEqual([
      ['post.png', small.length, sha256(small)],
    ]);
    expect(view.attachmentsNotHeld).toEqual([]);
    const shown = await call<{ base64: string }>(deputy!, 'lead.attachment', {
      reference: refs.small,
      sha256: sha256(small),
    });
    expect(Buffer.from(shown.base64, 'base64').equals(small)).toBe(true);
  });

  it('stay behind when too large, the smaller ones still travelling, and the case says which ones this lead does not hold', async () => {
    const view = await call<CaseView>(deputy!, 'lead.case', { reference: refs.large });
    expect(view.attachments.map((a) => [a.name, a.sha256])).toEqual([['post.png', sha256(small)]]);
    expect(view.attachmentsNotHeld.map((a) => [a.name, a.size, a.sha256])).toEqual([
      ['recording.png', large.length, sha256(large)],
    ]);
    const asked = await dispatch(deputy!.handlers, 'lead.attachment', {
      reference: refs.large,
      sha256: sha256(large),
    });
    expect(asked.ok ? null : asked.error.message).toMatch(
      /too large to pass on .* shared with you/,
    );
  });

  it('are all held by the lead the concern was sealed to', async () => {
    const dsl = await openSession({
      home: school.dslHome,
      keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
    });
    try {
      await call(dsl, 'lead.unlock', { passphrase: PASSPHRASE });
      const view = await call<CaseView>(dsl, 'lead.case', { reference: refs.large });
      expect(view.attachments.map((a) => a.sha256)).toEqual([sha256(large), sha256(small)]);
      expect(view.attachmentsNotHeld).toEqual([]);
    } finally {
      dsl.close();
    }
  });
});
