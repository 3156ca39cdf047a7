import { createHash, randomUUID } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildEnvelope } from '../../../src/concerns';
import { generateAgeKeyPair, generateSigningKeyPair, sealToRecipients } from '../../../src/crypto';
import { contactAnswers } from '../support/school';
import {
  closeDesks,
  concernDocument,
  core,
  expectPassedOver,
  expectQuarantined,
  fileValid,
  folderState,
  FORM_ID,
  freshDesk,
  leadFixture,
  putConcern,
  putFile,
  REASONS,
  runImport,
  sealedConcern,
  type LeadFixture,
} from './support';

let lead: LeadFixture;

beforeAll(async () => {
  lead = await leadFixture();
});

afterAll(async () => {
  await lead.school.cleanup();
});

afterEach(closeDesks);

describe('quarantine: files that open but are not acceptable concerns', () => {
  it('says nothing of a valid concern sealed only to other recipients, anywhere', async () => {
    const desk = await freshDesk(lead);
    const stranger = await generateAgeKeyPair();
    const document = concernDocument(desk);
    const envelope = buildEnvelope(document, lead.device.privateKey, []);
    await putConcern(desk, document, await sealToRecipients(envelope, [stranger.recipient]));
    await expectPassedOver(desk);
  });

  it('quarantines a concern whose answer was changed after signing as a bad signature', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk);
    const sealed = await sealedConcern(desk, document, {
      edit: (envelope) => {
        const doc = envelope.document as { answers: Record<string, unknown> };
        doc.answers.whatHappened = 'Nothing happened, please ignore.';
      },
    });
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'bad-signature', REASONS.altered);
  });

  it('quarantines a concern signed by a key other than the device it names as a bad signature', async () => {
    const desk = await freshDesk(lead);
    const other = generateSigningKeyPair();
    const document = concernDocument(desk);
    const sealed = await sealedConcern(desk, document, {
      signWith: other.privateKey,
      edit: (envelope) => {
        (envelope.signature as { publicKey: string }).publicKey = other.publicKey;
      },
    });
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'bad-signature', REASONS.otherDevice);
  });

  it('quarantines a correctly signed concern naming an unknown form', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk, { form: { id: 'no-such-form', version: 1 } });
    const file = await putConcern(desk, document, await sealedConcern(desk, document));
    await expectQuarantined(
      desk,
      file,
      'unknown-form',
      'It names form "no-such-form" version 1, which this installation does not have.',
    );
  });

  it('quarantines a correctly signed concern naming a version of a real form that is not installed', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk, { form: { id: FORM_ID, version: 99 } });
    const file = await putConcern(desk, document, await sealedConcern(desk, document));
    await expectQuarantined(
      desk,
      file,
      'unknown-form',
      `It names form "${FORM_ID}" version 99, which this installation does not have.`,
    );
  });

  it('quarantines a signed concern whose answers fail the form version it names', async () => {
    const desk = await freshDesk(lead);
    const answers = contactAnswers();
    delete answers.whatHappened;
    const document = concernDocument(desk, { answers });
    const file = await putConcern(desk, document, await sealedConcern(desk, document));
    await expectQuarantined(
      desk,
      file,
      'invalid-answers',
      '"What did you see or hear? Facts only" (whatHappened): required',
    );
  });

  it('quarantines a copy of a valid concern under another <uuid>.age as misnamed, importing the original', async () => {
    const desk = await freshDesk(lead);
    const { file: original, reference } = await fileValid(desk);
    const copy = `${randomUUID()}.age`;
    await copyFile(join(desk.concerns, original), join(desk.concerns, copy));
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({
      imported: 1,
      alreadyImported: 0,
      quarantined: [{ file: copy, code: 'misnamed', reason: REASONS.misnamed }],
    });
    expect(desk.cases.cases.list().map((c) => c.reference)).toEqual([reference]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('quarantines a correctly signed concern filed for another school as wrong-school', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk, { schoolId: randomUUID() });
    const file = await putConcern(desk, document, await sealedConcern(desk, document));
    await expectQuarantined(desk, file, 'wrong-school', REASONS.wrongSchool);
  });

  it('quarantines a sealed file that is not JSON as not a concern', async () => {
    const desk = await freshDesk(lead);
    const sealed = await sealToRecipients(Buffer.from('hello, lead\n'), [lead.leadRecipient]);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, sealed);
    await expectQuarantined(desk, file, 'not-a-concern', REASONS.notJson);
  });

  it('quarantines a sealed JSON file that is not a concern envelope as not a concern', async () => {
    const desk = await freshDesk(lead);
    const sealed = await sealToRecipients(Buffer.from('{"hello":"lead"}'), [lead.leadRecipient]);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, sealed);
    await expectQuarantined(desk, file, 'not-a-concern', REASONS.notEnvelope);
  });

  it('quarantines a concern whose signed answers name an attachment it does not carry', async () => {
    const desk = await freshDesk(lead);
    const sha256 = createHash('sha256').update('the screenshot').digest('hex');
    const document = concernDocument(desk, {
      answers: contactAnswers({
        evidence: [{ name: 'chat.png', mediaType: 'image/png', size: 14, sha256 }],
      }),
    });
    const file = await putConcern(desk, document, await sealedConcern(desk, document));
    await expectQuarantined(desk, file, 'bad-attachment', REASONS.attachmentMissing);
  });

  it('quarantines a concern whose attachment bytes were swapped after signing', async () => {
    const desk = await freshDesk(lead);
    const bytes = Buffer.from('the screenshot');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const document = concernDocument(desk, {
      answers: contactAnswers({
        evidence: [{ name: 'chat.png', mediaType: 'image/png', size: bytes.length, sha256 }],
      }),
    });
    const sealed = await sealedConcern(desk, document, {
      attachments: [{ sha256, bytes }],
      edit: (envelope) => {
        const [content] = envelope.attachmentContents as Array<{ base64: string }>;
        if (content) content.base64 = Buffer.from('another image').toString('base64');
      },
    });
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'bad-attachment', REASONS.attachmentAltered);
  });

  it('quarantines a concern reusing the reference of another case as a duplicate reference', async () => {
    const desk = await freshDesk(lead);
    const { reference } = await fileValid(desk);
    await runImport(desk);
    const document = concernDocument(desk, { reference });
    const file = await putConcern(desk, document, await sealedConcern(desk, document));
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({
      imported: 0,
      alreadyImported: 1,
      quarantined: [
        {
          file,
          code: 'duplicate-reference',
          reason: `Its reference ${reference} is already used by another case.`,
        },
      ],
    });
    expect(desk.cases.cases.list()).toHaveLength(1);
    expect(await folderState(desk.concerns)).toEqual(before);
  });
});
