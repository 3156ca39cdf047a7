/** The home screen in real Chromium against the real core: it loads, talks to the core, and is clean. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { LARGE_DESKTOP, openDeskSession, type DeskSession } from './support/desk-page';
import { readForms } from './support/form-plan';
import { startsWith } from './support/locate';
import { saveScreenshot } from './support/screenshots';

const concernForms = readForms().filter((form) => form.kind === 'concern');

describe.skipIf(chromiumMissing !== null)('the home screen', () => {
  let session: DeskSession;

  beforeAll(async () => {
    session = await openDeskSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('loads through the web host and offers "Report a concern" with no page error', async () => {
    await session.goHome();
    expect(await session.page.title()).toBe('Safeguard Desk');
    expect(session.pageErrors).toEqual([]);
  });

  it('shows the school name and the safety code from the core', async () => {
    await session.goHome();
    const text = await session.page.locator('body').innerText();
    expect(text).toContain('Barnsole Primary');
    expect(text).toContain(session.school.safetyCode);
  });

  it('reaches "Report a concern" from the keyboard alone', async () => {
    const { page } = session;
    await session.goHome();
    const focused = page.locator('*:focus');
    const focusedText = async () =>
      (await focused.count()) === 0 ? '' : ((await focused.first().textContent()) ?? '').trim();
    let presses = 0;
    while ((await focusedText()) !== 'Report a concern') {
      presses += 1;
      if (presses > 30) throw new Error('30 presses of Tab never reached "Report a concern"');
      await page.keyboard.press('Tab');
    }
  });

  it('offers every concern type as a button, a search over them and the contact log', async () => {
    const { page } = session;
    await session.goHome();
    const typeButton = (title: string) => page.getByRole('button', { name: startsWith(title) });
    for (const form of concernForms) {
      await typeButton(form.title).waitFor({ state: 'visible' });
    }
    await page.getByRole('button', { name: 'Log professional contact', exact: true }).waitFor();

    const wanted = concernForms[0]!;
    await page.getByRole('searchbox', { name: 'Search concern types' }).fill(wanted.title);
    await typeButton(wanted.title).waitFor({ state: 'visible' });
    let shown = 0;
    for (const form of concernForms) shown += await typeButton(form.title).count();
    expect(shown).toBeLessThan(concernForms.length);
  });

  it('has no serious or critical axe violation', async () => {
    await session.goHome();
    await expectNoSeriousViolations(session.page, 'the home screen');
  });

  it('is saved as screenshots at 1280×800 and 1920×1080', async () => {
    await session.goHome();
    await saveScreenshot(session.page, 'home');
    await saveScreenshot(session.page, 'home-1920', LARGE_DESKTOP);
  });
});
