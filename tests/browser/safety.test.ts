/**
 * Safety rules the UI must keep: the 999 alert on immediate risk, no way to attach a file to the
 * indecent-images form, and a lock that hides the desk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium';
import { openDeskSession, type DeskSession } from './support/desk-page';
import { fillField, openForm } from './support/fill-form';
import { readForms } from './support/form-plan';
import { press, textbox } from './support/locate';

const forms = readForms();
const withRisk = forms.find((f) => f.fields.some((field) => field.id === 'immediateRisk'));
const indecentImages = forms.find((f) => f.id === 'indecent-images-or-illegal-activity');
const alertText = 'If a child is in immediate danger, call 999, then tell the DSL in person.';
if (indecentImages === undefined) {
  process.stderr.write('indecent-images test skipped: forms/ has no indecent-images form yet\n');
}

describe.skipIf(chromiumMissing !== null)('safety in the staff UI', () => {
  let session: DeskSession;

  beforeAll(async () => {
    session = await openDeskSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it.skipIf(withRisk === undefined)(
    'answering Yes to immediate risk shows the 999 alert',
    async () => {
      const { page } = session;
      const form = withRisk!;
      const field = form.fields.find((f) => f.id === 'immediateRisk')!;
      await session.goHome();
      await openForm(page, form);
      const alert = page.getByRole('alert').filter({ hasText: alertText });
      expect(await alert.count()).toBe(0);
      await fillField(page, field, true);
      await alert.waitFor({ state: 'visible' });
      await fillField(page, field, false);
      await alert.waitFor({ state: 'detached' });
    },
  );

  it.skipIf(indecentImages === undefined)(
    'the indecent-images form offers no file input',
    async () => {
      const { page } = session;
      await session.goHome();
      await openForm(page, indecentImages!);
      // The form is really there (not an empty page), and nowhere on it can a file be chosen.
      await textbox(page, 'Your name');
      await textbox(page, indecentImages!.fields.find((f) => f.type === 'longtext')!.label);
      expect(await page.locator('input[type=file]').count()).toBe(0);
    },
  );

  it('Lock hides the desk behind an Unlock button', async () => {
    const { page } = session;
    await session.goHome();
    await press(page, 'Lock');
    await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Report a concern' }).count()).toBe(0);
  });
});
