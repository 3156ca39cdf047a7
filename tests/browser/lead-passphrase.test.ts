/**
 * Issue 8 §3 and §6 in the real UI against the real core: the DSL changes the passphrase in the
 * Safeguarding area and unlocks with the new one (the old is refused); then, having "forgotten"
 * it, uses the recovery key `school init --json` printed to set another, and unlocks with that.
 * Errors in words beside their fields, keyboard only where it matters, axe on each screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecoveryKey } from '../../src/lead';
import { PASSPHRASE } from '../node/support/school';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { openLeadSession, type LeadSession } from './support/lead-page';
import { labelled, press } from './support/locate';
import { saveScreenshot } from './support/screenshots';

const CHANGED = 'kestrel velvet 4821 harbour quince';
const RECOVERED = 'lantern 77 orchard pebble mosaic';

describe.skipIf(chromiumMissing !== null)('passphrases and the recovery key in the app', () => {
  let lead: LeadSession;

  beforeAll(async () => {
    lead = await openLeadSession();
  });
  afterAll(async () => {
    await lead?.close();
  });

  /** Whether the element has the page's focus. */
  const focused = (locator: Awaited<ReturnType<typeof labelled>>) =>
    locator.evaluate(
      (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
    );

  /** Tries a passphrase at the unlock screen and returns the refusal shown. */
  async function refusedAtUnlock(passphrase: string): Promise<string> {
    const { page } = lead;
    await page.getByLabel('Passphrase').fill(passphrase);
    await press(page, 'Unlock safeguarding area');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  it('changes the passphrase in the Safeguarding area, refusing a wrong current one in words', async () => {
    const { page } = lead;
    await lead.openArea();
    await lead.unlock();
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Change passphrase');
    await page.getByRole('heading', { name: 'Change passphrase', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Change passphrase' });
    await expectNoSeriousViolations(page, 'Change passphrase');

    // Nothing typed: the first field says so, and has the focus.
    await press(form, 'Change passphrase');
    await form.getByText('Enter the passphrase you unlock with now.').waitFor();
    const current = await labelled(form, 'Current passphrase');
    await expect.poll(() => focused(current)).toBe(true);
    expect(await current.getAttribute('aria-invalid')).toBe('true');

    // The new passphrase typed differently twice is caught before the core is asked.
    await current.fill('not the passphrase');
    await (await labelled(form, 'New passphrase')).fill(CHANGED);
    await (await labelled(form, 'New passphrase again')).fill(`${CHANGED}!`);
    await press(form, 'Change passphrase');
    await form.getByText('The two new passphrases are not the same: type them again.').waitFor();

    // A wrong current passphrase: the core's sentence, counted as a wrong try at unlocking.
    await (await labelled(form, 'New passphrase again')).fill(CHANGED);
    await press(form, 'Change passphrase');
    await form
      .getByText('The passphrase is wrong. After 4 more wrong tries, each try will have to wait.')
      .waitFor();
    await expect.poll(() => focused(current)).toBe(true);
    await expectNoSeriousViolations(page, 'Change passphrase with a refusal');

    await current.fill(PASSPHRASE);
    await press(form, 'Change passphrase');
    await page.getByText('Your passphrase has been changed.').waitFor();
    expect(await current.inputValue()).toBe('');
    await saveScreenshot(page, 'lead-change-passphrase');
    await expectNoSeriousViolations(page, 'Change passphrase, done');
  });

  it('refuses the old passphrase after the change, and unlocks with the new one', async () => {
    const { page } = lead;
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Lock safeguarding area');
    await page.getByRole('heading', { name: 'Safeguarding area', level: 1 }).waitFor();
    expect(await refusedAtUnlock(PASSPHRASE)).toContain('The passphrase is wrong.');
    await lead.unlock(CHANGED);
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Lock safeguarding area');
  });

  it('recovers a forgotten passphrase with the recovery key from `school init --json`', async () => {
    const { page, school } = lead;
    await page.getByRole('heading', { name: 'Safeguarding area', level: 1 }).waitFor();
    await press(page, 'Forgotten your passphrase? Use your recovery key');
    const heading = page.getByRole('heading', { name: 'Use your recovery key', level: 1 });
    await heading.waitFor();
    await expectNoSeriousViolations(page, 'Use your recovery key');
    const form = page.getByRole('form', { name: 'Use your recovery key' });

    // A key that is well made but not this lead's: one sentence, beside the key.
    await (await labelled(form, 'Recovery key')).fill(generateRecoveryKey());
    await (await labelled(form, 'New passphrase')).fill(RECOVERED);
    await (await labelled(form, 'New passphrase again')).fill(RECOVERED);
    await press(form, 'Set new passphrase');
    await form
      .getByText(
        /That recovery key does not open your recovery file on the share at .*: check it for a typing mistake\. Nothing was changed\./,
      )
      .waitFor({ timeout: 60_000 });
    const keyField = await labelled(form, 'Recovery key');
    expect(await keyField.getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'lead-recover-refused');
    await expectNoSeriousViolations(page, 'Use your recovery key with a refusal');

    // The real key, as a person might copy it by hand, typed with the keyboard alone.
    for (const label of ['Recovery key', 'New passphrase', 'New passphrase again']) {
      await (await labelled(form, label)).fill('');
    }
    await keyField.focus();
    await page.keyboard.type(school.recoveryKey.toLowerCase().replaceAll('-', ' '));
    await page.keyboard.press('Tab');
    await page.keyboard.type(RECOVERED);
    await page.keyboard.press('Tab');
    await page.keyboard.type(RECOVERED);
    await page.keyboard.press('Enter');
    await page
      .getByText(
        'Your new passphrase is set. Unlock with it now; your recovery key stays the same.',
      )
      .waitFor({ timeout: 60_000 });
    await expectNoSeriousViolations(page, 'the unlock screen after recovery');
  });

  it('unlocks with the recovered passphrase, and no longer with the forgotten one', async () => {
    expect(await refusedAtUnlock(CHANGED)).toContain('The passphrase is wrong.');
    await lead.unlock(RECOVERED);
    expect(lead.pageErrors).toEqual([]);
  });
});
