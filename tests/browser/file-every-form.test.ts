/**
 * Every form in forms/ filed through the real UI (found by label, worked from the keyboard), then
 * imported by the DSL with the real CLI: each answer given must be in the case, exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium';
import { openDeskSession, PAGE_TIME_ZONE, type DeskSession } from './support/desk-page';
import { fileThroughUi } from './support/fill-form';
import { answerMismatch, readForms, sampleSubmission } from './support/form-plan';
import { importAndShow } from './support/lead';

const forms = readForms();

describe.skipIf(chromiumMissing !== null)('filing every form through the UI', () => {
  let session: DeskSession;

  beforeAll(async () => {
    session = await openDeskSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each(forms.map((form) => [form.title, form] as const))(
    'files "%s" and the lead imports every answer exactly as given',
    async (_title, form) => {
      await session.goHome();
      const submission = sampleSubmission(form);
      const filed = await fileThroughUi(session.page, form, submission);
      // The share is a local folder: delivery happens at once.
      expect(filed.delivery).toBe('Delivered');

      const imported = await importAndShow(session.school, filed.reference);
      expect(imported.reference).toBe(filed.reference);
      expect([imported.formId, imported.formVersion]).toEqual([form.id, form.version]);
      expect([imported.reporterName, imported.reporterRole]).toEqual([
        submission.reporter.name,
        submission.reporter.role,
      ]);
      expect(Object.keys(imported.answers).sort()).toEqual(form.fields.map((f) => f.id).sort());
      const mismatches = form.fields
        .map((field) =>
          answerMismatch(
            field,
            submission.answers[field.id]!,
            imported.answers[field.id],
            PAGE_TIME_ZONE,
          ),
        )
        .filter((problem) => problem !== null);
      expect(mismatches).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    },
  );
});
