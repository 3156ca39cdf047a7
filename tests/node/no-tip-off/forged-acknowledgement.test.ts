/**
 * Issue 6 B9: "acknowledged" means a lead the concern was sealed to has it. An acknowledgement
 * signed by another recipient (the office user, or a lead the concern was routed around) is
 * ignored, and junk planted where an acknowledgement might go cannot stop the real one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAcknowledgement } from '../../../src/concerns';
import { unlockLead } from '../../../src/lead';
import { unlockOffice } from '../../../src/office/identity';
import { cliJson } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  leadOpens,
  makeSchool,
  PASSPHRASE,
  reportArgs,
  writeAnswers,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';

let school: SchoolFixture;
let deputy: JoinedRecipient;
let office: JoinedRecipient;
let answers: string;

beforeAll(async () => {
  school = await makeSchool();
  deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  await addJoinedRecipient(school, 'headteacher', 'Hana Head');
  office = await addJoinedRecipient(school, 'office', 'Olu Office');
  answers = await writeAnswers(school.root, contactAnswers());
});
afterAll(async () => school.cleanup());

const acks = () => join(school.share, 'acks');

/** Files a concern (optionally about someone); returns its reference and concern id. */
async function file(about?: string): Promise<{ reference: string; concernId: string }> {
  const before = new Set(await readdir(join(school.share, 'concerns')));
  const args = about ? [...reportArgs(answers), '--about', about] : reportArgs(answers);
  const { reference } = await cliJson<{ reference: string }>(school.staffHome, args);
  const added = (await readdir(join(school.share, 'concerns'))).find((n) => !before.has(n)) ?? '';
  return { reference, concernId: added.replace(/\.age$/, '') };
}

async function plantAcknowledgement(home: string, passphrase: string, concernId: string) {
  const secrets = await unlockLead(home, passphrase);
  await plantSigned(secrets.recipientId, secrets.signingKey, concernId);
}

/** The office user's file from the DSL has a signing key too: it signs nothing the desk believes. */
async function plantOfficeAcknowledgement(home: string, passphrase: string, concernId: string) {
  const secrets = await unlockOffice(home, passphrase);
  if (secrets.recipientId === null || secrets.signingKey === null) {
    throw new Error('the office identity the DSL made has a recipient id and a signing key');
  }
  await plantSigned(secrets.recipientId, secrets.signingKey, concernId);
}

async function plantSigned(recipientId: string, signingKey: string, concernId: string) {
  const json = signAcknowledgement({ concernId, recipientId, signingKey, at: new Date() });
  await mkdir(acks(), { recursive: true });
  await writeFile(join(acks(), `${concernId}.${randomBytes(8).toString('hex')}.json`), json);
}

async function acknowledged(reference: string): Promise<boolean> {
  const outbox = await cliJson<Array<{ reference: string; acknowledged: boolean }>>(
    school.staffHome,
    ['outbox'],
  );
  return outbox.find((r) => r.reference === reference)?.acknowledged ?? false;
}

describe('acknowledgements the staff machine believes', () => {
  it('ignores one signed by the office user, a recipient who never receives concerns', async () => {
    const { reference, concernId } = await file();
    await plantOfficeAcknowledgement(office.home, `${PASSPHRASE} office`, concernId);
    expect(await acknowledged(reference)).toBe(false);
  });

  it('ignores one signed by the DSL for a concern about the DSL, and takes the deputy’s', async () => {
    const { reference, concernId } = await file('Ellie Shea');
    await plantAcknowledgement(school.dslHome, PASSPHRASE, concernId);
    expect(await acknowledged(reference)).toBe(false);

    await cliJson(deputy.home, ['lead', 'import', '--passphrase-file', deputy.passphraseFile]);
    await leadOpens(deputy, reference);

    expect(await acknowledged(reference)).toBe(true);
  });

  it('cannot be stopped by junk planted under the names an acknowledgement might take', async () => {
    const { reference, concernId } = await file();
    await mkdir(acks(), { recursive: true });
    await writeFile(join(acks(), `${concernId}.json`), 'junk');
    await writeFile(join(acks(), `${concernId}.0000000000000000.json`), '{"not": "signed"}');

    await cliJson(school.dslHome, ['lead', 'import', '--passphrase-file', school.passphraseFile]);
    await leadOpens({ home: school.dslHome, passphraseFile: school.passphraseFile }, reference);

    expect(await acknowledged(reference)).toBe(true);
  });
});
