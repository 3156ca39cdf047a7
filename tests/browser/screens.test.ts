/**
 * The staff screens after home: a filled form, its review step, the receipt and My receipts are
 * free of serious or critical axe violations, and are saved as screenshots for people to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { openDeskSession, type DeskSession } from './support/desk-page';
import { fileThroughUi, fillForm } from './support/fill-form';
import { readForms, sampleSubmission } from './support/form-plan';
import { press } from './support/locate';
import { saveScreenshot, scrollToTop } from './support/screenshots';

const forms = readForms();
const form =
  forms.find((f) => f.id === 'private-online-contact-with-pupil') ??
  forms.find((f) => f.kind === 'concern')!;

describe.skipIf(chromiumMissing !== null)('the staff screens', () => {
  let session: DeskSession;

  beforeAll(async () => {
    session = await openDeskSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('a filled form, its review step and its receipt have no serious axe violation', async () => {
    const { page } = session;
    await session.goHome();
    await fillForm(page, form, sampleSubmission(form));
    await scrollToTop(page);
    await saveScreenshot(page, 'form-filled');
    await saveScreenshot(page, 'form-filled-full', undefined, { fullPage: true });
    await expectNoSeriousViolations(page, 'a filled form');

    await press(page, 'Review');
    await page.getByRole('heading', { name: 'Check your concern' }).waitFor();
    await saveScreenshot(page, 'review');
    await expectNoSeriousViolations(page, 'the review step');

    await press(page, 'Submit');
    await page.getByRole('heading', { name: 'Concern sent' }).waitFor();
    await saveScreenshot(page, 'receipt');
    await expectNoSeriousViolations(page, 'the receipt');
    expect(session.pageErrors).toEqual([]);
  });

  it('My receipts lists a filed concern under Reference, Date, Type and Status', async () => {
    const { page } = session;
    await session.goHome();
    const filed = await fileThroughUi(page, form, sampleSubmission(form));
    await press(page, 'My receipts');
    const table = page.getByRole('table');
    await table.getByRole('cell', { name: filed.reference }).first().waitFor();
    // textContent, not innerText: CSS may show headers in capitals.
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(
      expect.arrayContaining(['Reference', 'Date', 'Type', 'Status']),
    );
    const row = table.getByRole('row').filter({ hasText: filed.reference });
    expect(await row.innerText()).toContain(form.title);
    await saveScreenshot(page, 'my-receipts');
    await expectNoSeriousViolations(page, 'My receipts');
  });
});
