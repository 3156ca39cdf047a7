import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import {
  closeDesks,
  concernDocument,
  expectQuarantined,
  freshDesk,
  leadFixture,
  putConcern,
  putFile,
  REASONS,
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

describe('quarantine: files that are not valid age', () => {
  it('quarantines a file of random bytes as corrupt', async () => {
    const desk = await freshDesk(lead);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, randomBytes(512));
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });

  it('quarantines an age file truncated inside its header as corrupt', async () => {
    const desk = await freshDesk(lead);
    const document = concernDocument(desk);
    const sealed = await sealedConcern(desk, document);
    const file = await putConcern(desk, document, sealed.subarray(0, 40));
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });

  it('quarantines a text file named <uuid>.age as corrupt', async () => {
    const desk = await freshDesk(lead);
    const file = await putFile(
      desk.concerns,
      `${randomUUID()}.age`,
      'Dear DSL, please see me about this.\n',
    );
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });

  it('quarantines an empty <uuid>.age file as corrupt', async () => {
    const desk = await freshDesk(lead);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, '');
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });
});
