/**
 * Issue 7: who may write to a case, and unlocking. An event signed by a lead the concern was not
 * sealed to, or by a key not on the profile, is refused; a wrong passphrase opens nothing and,
 * after five tries, each try waits longer (kept across restarts); "acknowledged" means a lead
 * opened the case, not merely that the app imported it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, signEvent } from '../../../src/casework';
import { createSigner, generateSigningKeyPair } from '../../../src/crypto';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';
import { fileAndImport } from './support';

let school: SchoolFixture;
let deputy: JoinedRecipient;

beforeAll(async () => {
  school = await makeSchool();
  deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  await addJoinedRecipient(school, 'headteacher', 'Hana Head');
});
afterAll(async () => school?.cleanup());

const dslWorkspace = (passphrase = PASSPHRASE) =>
  openWorkspace({
    home: school.dslHome,
    keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
    passphrase,
  });
const deputyWorkspace = () =>
  openWorkspace({
    home: deputy.home,
    keyProvider: new UnprotectedFileKeyProvider(deputy.home),
    passphrase: `${PASSPHRASE} deputy`,
  });

describe('who may write to a case', () => {
  it('refuses an event signed by a lead the concern was not sealed to', async () => {
    // About the DSL: sealed to the deputy and the head, never to the DSL.
    await fileAndImport(school, contactAnswers(), ['--about', 'Ellie Shea']);
    await cliJson(deputy.home, ['lead', 'import', '--passphrase-file', deputy.passphraseFile]);
    const dsl = await dslWorkspace();
    const mine = await deputyWorkspace();
    try {
      const [row] = mine.store.cases.list();
      const caseId = row?.concernId ?? '';
      const forged = signEvent(
        {
          format: 'safeguard-desk/case-event',
          formatVersion: 1,
          eventId: randomUUID(),
          caseId,
          type: 'note-added',
          payload: { text: 'Nothing to see here', kind: 'fact' },
          author: dsl.secrets.recipientId,
          at: new Date().toISOString(),
        },
        createSigner(dsl.secrets.signingKey),
      );
      expect(() => mine.casework.receive(forged)).toThrow(
        'Only a lead this concern was sealed to, or shared with, can record anything on its case.',
      );
      const stranger = generateSigningKeyPair();
      const byStranger = signEvent(
        { ...forged.event, eventId: randomUUID() },
        createSigner(stranger.privateKey),
      );
      expect(() => mine.casework.receive(byStranger)).toThrow(
        'Its signature is not by a lead of this school.',
      );
      expect(mine.store.events.forCase(caseId)).toEqual([]);
    } finally {
      dsl.close();
      mine.close();
    }
  });
});

describe('acknowledged means opened', () => {
  it('tells the reporter only once a lead has opened the case, not when it was imported', async () => {
    const answers = await writeAnswers(school.root, contactAnswers(), 'ack.json');
    const { reference } = await cliJson<{ reference: string }>(
      school.staffHome,
      reportArgs(answers),
    );
    const acknowledged = async () =>
      (
        await cliJson<Array<{ reference: string; acknowledged: boolean }>>(school.staffHome, [
          'outbox',
        ])
      ).find((r) => r.reference === reference)?.acknowledged;
    await cliJson(deputy.home, ['lead', 'import', '--passphrase-file', deputy.passphraseFile]);
    expect(await acknowledged()).toBe(false);

    await cliJson(deputy.home, [
      'lead',
      'show',
      reference,
      '--passphrase-file',
      deputy.passphraseFile,
    ]);

    expect(await acknowledged()).toBe(true);
  });
});

describe('unlocking', () => {
  it('opens nothing with a wrong passphrase, counts down five tries, then makes each try wait longer, across restarts', async () => {
    const messages: string[] = [];
    for (let i = 0; i < 6; i++) {
      await dslWorkspace('not the passphrase').then(
        (w) => {
          w.close();
          throw new Error('opened with a wrong passphrase');
        },
        (e: { code: string; message: string }) => messages.push(`${e.code}: ${e.message}`),
      );
    }
    expect(messages.slice(0, 4)).toEqual([
      'wrong-passphrase: The passphrase is wrong. After 4 more wrong tries, each try will have to wait.',
      'wrong-passphrase: The passphrase is wrong. After 3 more wrong tries, each try will have to wait.',
      'wrong-passphrase: The passphrase is wrong. After 2 more wrong tries, each try will have to wait.',
      'wrong-passphrase: The passphrase is wrong. After 1 more wrong try, each try will have to wait.',
    ]);
    expect(messages[4]).toMatch(/^wrong-passphrase: The passphrase is wrong\. Wait 30 seconds/);
    // Even the right passphrase must wait now (the count was kept in the store).
    expect(messages[5]).toMatch(/^unlock-wait: Too many wrong passphrases: wait \d+ seconds/);
    await expect(dslWorkspace()).rejects.toMatchObject({ code: 'unlock-wait' });
  });
});
