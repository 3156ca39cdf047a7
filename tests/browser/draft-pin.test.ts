/**
 * The draft PIN in the real UI against the real core: chosen in the form's inline panel, needed
 * after Lock before a single answer is shown, a wrong one refused in words, the right one opening
 * every answer; a draft without a PIN offers only Discard after a lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { openDeskSession, type DeskSession } from './support/desk-page';
import { fillField, fillForm, openForm, reviewAndSubmit } from './support/fill-form';
import { readForms, sampleSubmission } from './support/form-plan';
import { press, textbox } from './support/locate';
import { saveScreenshot, scrollToTop } from './support/screenshots';

const forms = readForms();
const derogatory = forms.find((f) => f.id === 'derogatory-language');
const breach = forms.find((f) => f.id === 'breach-of-confidentiality');
const PIN = '4829';

/** The draft of `title` in "Continue a draft" (the concern types list names forms too). */
const draftItem = (session: DeskSession, title: string) =>
  session.page
    .getByRole('region', { name: 'Continue a draft' })
    .getByRole('listitem')
    .filter({ hasText: title });

describe.skipIf(chromiumMissing !== null || !derogatory || !breach)(
  'the draft PIN in the UI',
  () => {
    let session: DeskSession;

    beforeAll(async () => {
      session = await openDeskSession();
    });
    afterAll(async () => session?.close());

    it('after Lock, shows no answer of a protected draft until its PIN is entered, then every one', async () => {
      const { page } = session;
      const form = derogatory!;
      const submission = sampleSubmission(form, {
        whatHappened: 'PIN-GUARDED: a colleague mocked a family in a parents’ group.',
      });
      await session.goHome();
      await fillForm(page, form, submission);
      await page.getByText(/Draft saved/).waitFor();

      const panel = page.getByRole('group', { name: /^Choose a draft PIN so only you/ });
      await panel.waitFor();
      await panel.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'draft-pin-panel');
      await expectNoSeriousViolations(page, 'the form with the draft PIN panel');

      await panel.getByLabel('Draft PIN', { exact: true }).fill(PIN);
      await panel.getByLabel('Type the PIN again').fill('4828');
      await panel.getByRole('button', { name: 'Set draft PIN' }).press('Enter');
      await panel.getByRole('alert').filter({ hasText: 'The two PINs are not the same' }).waitFor();
      // Enter in the panel sets the PIN; it does not take the concern to Review.
      expect(await page.getByRole('heading', { name: 'Check your concern' }).count()).toBe(0);
      await panel.getByLabel('Type the PIN again').fill(PIN);
      await panel.getByLabel('Type the PIN again').press('Enter');
      await page.getByText('Draft PIN set.').waitFor();

      await press(page, 'Lock');
      const lockStatus = page.getByRole('status').filter({ hasText: /draft PIN/ });
      await lockStatus.filter({ hasText: 'enter its draft PIN' }).waitFor();
      await saveScreenshot(page, 'lock-screen-protected-draft');
      await expectNoSeriousViolations(page, 'the lock screen');
      await press(page, 'Unlock');

      const item = draftItem(session, form.title);
      await item.getByText('Locked: you need its draft PIN to continue it.').waitFor();
      await item.getByRole('button', { name: /^Continue draft/ }).press('Enter');
      const pinBox = item.getByLabel('Draft PIN', { exact: true });
      await pinBox.waitFor();
      // Focus goes to the PIN, and nothing of the draft is on the page.
      expect(
        await pinBox.evaluate(
          // Runs in the page; Node's types have no DOM.
          (el: { ownerDocument: { activeElement: unknown } }) =>
            el === el.ownerDocument.activeElement,
        ),
      ).toBe(true);
      const body = () => page.locator('body').innerText();
      expect(await body()).not.toContain('PIN-GUARDED');
      expect(await body()).not.toContain('Alex Example');
      expect(await page.getByRole('heading', { name: form.title }).count()).toBe(0);
      await saveScreenshot(page, 'draft-pin-prompt');
      await expectNoSeriousViolations(page, 'the draft PIN prompt');

      await pinBox.fill('9137');
      await pinBox.press('Enter');
      await item
        .getByRole('alert')
        .filter({ hasText: 'That PIN is not right. 4 more tries before you must wait.' })
        .waitFor();
      expect(await body()).not.toContain('PIN-GUARDED');
      await saveScreenshot(page, 'draft-pin-wrong');

      await pinBox.fill(PIN);
      await item.getByRole('button', { name: 'Open draft' }).press('Enter');
      await page.getByRole('heading', { name: form.title }).waitFor();
      // Reopened with its PIN: no panel asks for one again.
      expect(await page.getByRole('group', { name: /^Choose a draft PIN/ }).count()).toBe(0);
      // The reporter's name and role were forgotten at the lock; every answer is back.
      await (await textbox(page, 'Your name')).fill(submission.reporter.name);
      await (await textbox(page, 'Your role')).fill(submission.reporter.role);
      const filed = await reviewAndSubmit(page, form, submission);
      expect(filed.delivery).toBe('Delivered');
      expect(session.pageErrors).toEqual([]);
    });

    it('after Lock, offers only Discard for a draft without a PIN, and discards it on confirmation', async () => {
      const { page } = session;
      const form = breach!;
      await session.goHome();
      await openForm(page, form);
      await fillField(
        page,
        form.fields.find((f) => f.id === 'whatHappened')!,
        'NO-PIN: a staff member shared a pupil’s report in a group chat.',
      );
      await page.getByText(/Draft saved/).waitFor();
      await page.getByRole('group', { name: /^Choose a draft PIN/ }).waitFor();

      await press(page, 'Lock');
      await page.getByRole('status').filter({ hasText: 'it has no draft PIN' }).waitFor();
      await saveScreenshot(page, 'lock-screen-unprotected-draft');
      await press(page, 'Unlock');

      const item = draftItem(session, form.title);
      await item.getByText('Locked without a draft PIN').waitFor();
      expect(await item.getByRole('button', { name: /^Continue/ }).count()).toBe(0);
      await scrollToTop(page);
      await saveScreenshot(page, 'draft-discard-only');
      await expectNoSeriousViolations(page, 'a draft that can only be discarded');

      await item.getByRole('button', { name: /^Discard draft saved/ }).press('Enter');
      const confirm = item.getByRole('group', { name: /^Discard this draft\?/ });
      await confirm.waitFor();
      await confirm.getByRole('button', { name: 'Discard draft', exact: true }).press('Enter');
      await item.waitFor({ state: 'detached' });
      expect(await page.locator('body').innerText()).not.toContain('NO-PIN');
    });

    it('says "Draft not saved" and why in the status line when this computer already keeps 20 drafts', async () => {
      const { page } = session;
      const form = breach!;
      await session.goHome();
      // 20 drafts through the page's own bridge, as the UI would save them.
      const saved = await page.evaluate(async (formId) => {
        // Runs in the page; Node's types have no window.
        const api = (
          globalThis as unknown as { safeguard: Record<string, (i: unknown) => Promise<unknown>> }
        ).safeguard;
        const list = (await api['drafts.list']!(undefined)) as unknown[];
        for (let i = list.length; i < 20; i += 1) {
          await api['drafts.save']!({ formId, answers: { whatHappened: `filler ${i}` } });
        }
        return ((await api['drafts.list']!(undefined)) as unknown[]).length;
      }, form.id);
      expect(saved).toBe(20);
      await page.reload();
      await session.goHome();
      await openForm(page, form);
      await fillField(
        page,
        form.fields.find((f) => f.id === 'whatHappened')!,
        'one too many',
      );
      await page
        .getByRole('status')
        .filter({
          hasText:
            'Draft not saved: this computer already keeps 20 drafts. Continue or discard one from Home first.',
        })
        .waitFor();
      expect(await page.getByRole('group', { name: /^Choose a draft PIN/ }).count()).toBe(0);
    });
  },
);
