/**
 * What the teacher sees (issue 6, points 19–22): the risk question asked first with the 999 alert
 * right under its answer, the alert again on the receipt, search words that find concern types and
 * a plain pointer to "Another concern" when none match, honest words on a resumed draft, and the
 * page in British English. Real UI in Debian's Chromium against the real core.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { openDeskSession, type DeskSession } from './support/desk-page';
import { dateFieldOrder } from './support/date-input';
import { fileThroughUi, fillField, openForm } from './support/fill-form';
import { readForms, sampleSubmission } from './support/form-plan';
import { group, labelled, press, startsWith, textbox, tick } from './support/locate';
import { saveScreenshot, scrollToTop } from './support/screenshots';

const RISK_QUESTION = 'Is a child at immediate risk of harm?';
const ALERT_TEXT = 'If a child is in immediate danger, call 999, then tell the DSL in person.';
const ABOUT_QUESTION = 'Is this concern about one of these people?';
const CATCH_ALL = 'other-online-concern';

const forms = readForms();
const concernForms = forms.filter((form) => form.kind === 'concern');
const byId = (id: string) => concernForms.find((form) => form.id === id);

/** Each word a teacher typed in issue 6, with a concern type it must show. */
const searches: Record<string, string> = {
  photo: 'inappropriate-images-of-staff',
  nude: 'indecent-images-or-illegal-activity',
  sexting: 'indecent-images-or-illegal-activity',
  grooming: 'private-online-contact-with-pupil',
  snapchat: 'private-online-contact-with-pupil',
  instagram: 'private-online-contact-with-pupil',
  abuse: 'indecent-images-or-illegal-activity',
  teacher: 'derogatory-language',
};

/** The element's box against the window: whether all of it is on screen as it is now. */
async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const view = page.viewportSize();
  if (box === null || view === null) return false;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= view.height && box.width <= view.width;
}

/** Whether `first` comes straight before `second` among the inputs of the page's form. */
async function nextControl(page: Page, first: Locator, second: Locator): Promise<boolean> {
  const a = await first.elementHandle();
  const b = await second.elementHandle();
  return page
    .locator('form :is(input, textarea, select)')
    .evaluateAll((controls, [x, y]) => controls.indexOf(y) === controls.indexOf(x) + 1, [a, b]);
}

describe.skipIf(chromiumMissing !== null)('what the teacher sees', () => {
  let session: DeskSession;

  beforeAll(async () => {
    session = await openDeskSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('every concern form asks the risk question right after "Your name" and "Your role"', async () => {
    const { page } = session;
    expect(concernForms).toHaveLength(9);
    for (const form of concernForms) {
      await session.goHome();
      await openForm(page, form);
      const role = await textbox(page, 'Your role');
      const risk = await group(page, RISK_QUESTION);
      const yes = risk.getByRole('radio', { name: 'Yes', exact: true });
      expect(await nextControl(page, role, yes), form.id).toBe(true);
      // And before "who is it about".
      const about = (await group(page, ABOUT_QUESTION)).getByRole('radio').first();
      expect(await nextControl(page, risk.getByRole('radio').last(), about), form.id).toBe(true);
    }
  });

  it('answering Yes shows the 999 alert under the answer, on screen, announced as an alert', async () => {
    const { page } = session;
    for (const form of concernForms) {
      await session.goHome();
      await openForm(page, form);
      const risk = await group(page, RISK_QUESTION);
      // The alert region is there before the answer, so a screen reader announces what fills it.
      const region = risk.getByRole('alert');
      expect(await region.count(), form.id).toBe(1);
      expect((await region.innerText()).trim(), form.id).toBe('');

      const yes = risk.getByRole('radio', { name: 'Yes', exact: true });
      await tick(yes, `${form.id}: Yes`);
      const alert = page.getByRole('alert').filter({ hasText: ALERT_TEXT });
      await alert.waitFor({ state: 'visible' });
      expect(await alert.count(), `${form.id}: one alert, under the answer`).toBe(1);
      expect(await risk.getByRole('alert').innerText(), form.id).toContain(ALERT_TEXT);
      expect(await onScreen(page, alert), `${form.id}: the alert is on screen`).toBe(true);
      expect(await onScreen(page, yes), `${form.id}: the answer is on screen`).toBe(true);
      const yesBox = (await yes.boundingBox())!;
      const alertBox = (await alert.boundingBox())!;
      expect(alertBox.y - (yesBox.y + yesBox.height), `${form.id}: right under Yes`).toBeLessThan(
        40,
      );
      if (
        form.id === 'private-online-contact-with-pupil' ||
        form.id === 'indecent-images-or-illegal-activity'
      ) {
        await saveScreenshot(page, `risk-alert-${form.id}`);
        await expectNoSeriousViolations(page, `${form.id} with the 999 alert`);
      }

      await tick(risk.getByRole('radio', { name: 'No', exact: true }), `${form.id}: No`);
      await alert.waitFor({ state: 'detached' });
    }
  });

  it('the receipt of a concern with a child at risk shows the 999 alert and "Now tell the DSL in person"', async () => {
    const { page } = session;
    // A form that is not urgent by default: the answer alone makes it urgent.
    const form = byId('derogatory-language')!;
    await session.goHome();
    await fileThroughUi(page, form, sampleSubmission(form, { immediateRisk: true }));
    await page.getByRole('alert').filter({ hasText: ALERT_TEXT }).waitFor({ state: 'visible' });
    await page.getByText('Now tell the DSL in person.').waitFor({ state: 'visible' });
    await scrollToTop(page);
    await saveScreenshot(page, 'receipt-immediate-risk');
  });

  it('"Search concern types" finds a type for each word teachers tried', async () => {
    const { page } = session;
    await session.goHome();
    const search = page.getByRole('searchbox', { name: 'Search concern types' });
    const types = page.getByRole('list', { name: 'What is it about?' }).getByRole('button');
    for (const [word, id] of Object.entries(searches)) {
      await search.fill(word);
      const expected = types.filter({ hasText: startsWith(byId(id)!.title) });
      await expected.first().waitFor({ state: 'visible' });
      expect(await types.count(), word).toBeGreaterThanOrEqual(1);
      expect(await page.getByText(/Nothing matches/).count(), word).toBe(0);
    }
  });

  it('a search that finds nothing points to "Another concern" and its button opens that form', async () => {
    const { page } = session;
    const other = byId(CATCH_ALL)!;
    await session.goHome();
    await page.getByRole('searchbox', { name: 'Search concern types' }).fill('qwxzy');
    const pointer = page.getByText(/Nothing matches “qwxzy”\. If you are not sure, choose/);
    await pointer.waitFor({ state: 'visible' });
    expect(await pointer.innerText()).toContain(other.title);
    expect(
      await page.getByRole('list', { name: 'What is it about?' }).getByRole('button').count(),
    ).toBe(0);
    await saveScreenshot(page, 'search-no-match');
    await expectNoSeriousViolations(page, 'the home screen when no concern type matches');
    await page.getByRole('button', { name: startsWith(other.title) }).press('Enter');
    await page.getByRole('heading', { name: other.title }).waitFor();
  });

  it('the page is British English, and a date question reads day/month/year', async () => {
    const { page } = session;
    const form = byId('private-online-contact-with-pupil')!;
    await session.goHome();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    await openForm(page, form);
    const dateField = form.fields.find((field) => field.type === 'date')!;
    const input = await labelled(page, dateField.label);
    await input.fill('2026-06-20');
    await input.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'date-input-en-gb');
    expect(await dateFieldOrder(page, input)).toEqual(['day', 'month', 'year']);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().locale)).toBe('en-GB');
  });

  it('a resumed draft keeps who the concern is about, and says so', async () => {
    const { page } = session;
    const form = byId('breach-of-confidentiality')!;
    const what = form.fields.find((field) => field.id === 'whatHappened')!;
    await session.goHome();
    await openForm(page, form);
    // A new concern: no word about a draft.
    const fresh = await group(page, ABOUT_QUESTION);
    expect(await fresh.innerText()).not.toMatch(/draft/i);
    await (await textbox(page, 'Your name')).fill('Sam Teacher');
    await (await textbox(page, 'Your role')).fill('Class teacher');
    await fresh.getByRole('radio', { name: /^Ellie Shea/ }).check();
    await fillField(page, what, 'DRAFT: a colleague named a pupil in a parents’ group chat.');
    await page.getByText(/Draft saved/).waitFor();

    await press(page, 'Home');
    const draft = page
      .getByRole('region', { name: 'Continue a draft' })
      .getByRole('listitem')
      .filter({ hasText: form.title });
    await draft.getByRole('button', { name: /^Continue/ }).press('Enter');
    await page.getByRole('heading', { name: form.title }).waitFor();
    const about = await group(page, ABOUT_QUESTION);
    expect(await about.getByRole('radio', { name: /^Ellie Shea/ }).isChecked()).toBe(true);
    const words = await about.innerText();
    expect(words).toContain('Your draft kept this answer');
    expect(words).not.toMatch(/does not keep|choose again/i);
    await about.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'resumed-draft-subject');

    // Leave no draft behind for other tests of this session.
    await press(page, 'Home');
    await draft.getByRole('button', { name: /^Discard draft saved/ }).press('Enter');
    await draft
      .getByRole('group', { name: /^Discard this draft\?/ })
      .getByRole('button', { name: 'Discard draft', exact: true })
      .press('Enter');
    await draft.waitFor({ state: 'detached' });
  });
});
