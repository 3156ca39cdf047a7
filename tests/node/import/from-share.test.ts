import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeDesks,
  concernDocument,
  core,
  fileValid,
  folderState,
  FORM_ID,
  forms,
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

describe('importing concern files from the share', () => {
  it('imports a concern filed by a staff machine as one case, leaving its file untouched', async () => {
    const desk = await freshDesk(lead);
    const { file, reference } = await fileValid(desk);
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 1, alreadyImported: 0, quarantined: [] });
    expect(desk.cases.cases.list().map((c) => c.reference)).toEqual([reference]);
    expect(Object.keys(before)).toEqual([file]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('imports a concern filed with version 1 of a form that has since had a new version', async () => {
    expect(forms.latest(FORM_ID)?.version).toBeGreaterThan(1);
    const desk = await freshDesk(lead);
    const document = concernDocument(desk, { form: { id: FORM_ID, version: 1 } });
    await putConcern(desk, document, await sealedConcern(desk, document));

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 1, alreadyImported: 0, quarantined: [] });
    expect(desk.cases.cases.list()).toMatchObject([
      { reference: document.reference, formId: FORM_ID, formVersion: 1 },
    ]);
  });

  it('imports nothing the second time and leaves the case count unchanged', async () => {
    const desk = await freshDesk(lead);
    await fileValid(desk);
    await fileValid(desk);
    expect((await runImport(desk)).imported).toBe(2);
    const before = await folderState(desk.concerns);

    const again = await runImport(desk);

    expect(core(again)).toEqual({ imported: 0, alreadyImported: 2, quarantined: [] });
    expect(desk.cases.cases.list()).toHaveLength(2);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('imports only the new file when one arrives after an earlier import', async () => {
    const desk = await freshDesk(lead);
    await fileValid(desk);
    await runImport(desk);
    const { reference } = await fileValid(desk);

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 1, alreadyImported: 1, quarantined: [] });
    expect(desk.cases.cases.list().map((c) => c.reference)).toContain(reference);
    expect(desk.cases.cases.list()).toHaveLength(2);
  });

  it('ignores files whose names are not <uuid>.age, without quarantining them', async () => {
    const desk = await freshDesk(lead);
    const sealed = await sealedConcern(desk, concernDocument(desk));
    // A temp file being written right now (an old one of ours would be swept as abandoned).
    await writeFile(join(desk.concerns, '.tmp-0123456789abcdef'), sealed);
    await putFile(desk.concerns, 'notes.txt', 'IT: please do not delete this folder');
    await putFile(desk.concerns, `${randomUUID()}.age.partial`, sealed);
    await putFile(desk.concerns, `${randomUUID()}.txt`, 'not a concern');
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 0, alreadyImported: 0, quarantined: [] });
    expect(desk.cases.quarantine.list()).toEqual([]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('keeps importing the good files when one file in the batch fails', async () => {
    const desk = await freshDesk(lead);
    const { reference } = await fileValid(desk);
    const bad = await putFile(desk.concerns, `${randomUUID()}.age`, 'not age at all\n');
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({
      imported: 1,
      alreadyImported: 0,
      quarantined: [{ file: bad, code: 'corrupt', reason: REASONS.corruptAge }],
    });
    expect(desk.cases.cases.list().map((c) => c.reference)).toEqual([reference]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });
});
