/**
 * Issue 6 in the staff UI: a concern filed while the share is away says so honestly ("Saved on
 * this computer — waiting to reach the school"), goes by itself once the share is back (nobody
 * presses anything), and a school profile on the share that cannot be trusted is shown on the home
 * screen as "tell the DSL". The real core through the web host, with quick background delivery.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { openDeskSession, type DeskSession } from './support/desk-page';
import { fileThroughUi } from './support/fill-form';
import { readForms, sampleSubmission } from './support/form-plan';
import { press } from './support/locate';
import { saveScreenshot } from './support/screenshots';

const WAITING = 'Saved on this computer — waiting to reach the school';
const form = readForms().find((f) => f.id === 'breach-of-confidentiality');

describe.skipIf(chromiumMissing !== null || form === undefined)(
  'nothing lost, in the staff UI',
  () => {
    let session: DeskSession;

    beforeAll(async () => {
      session = await openDeskSession({
        delivery: { backoffMs: [500, 1_000], recheckMs: 2_000, idleMs: 5_000 },
      });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('says a concern is waiting while the share is away, then shows it sent once the share is back, by itself', async () => {
      const { page, school } = session;
      await session.goHome();
      const away = `${school.share}-away`;
      await rename(school.share, away);
      let plugged = false;
      try {
        const filed = await fileThroughUi(page, form!, sampleSubmission(form!));
        expect(filed.delivery).toBe('Queued');
        await page.getByRole('heading', { name: WAITING }).waitFor();
        expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('queued');
        expect(await page.locator('body').innerText()).not.toContain('Concern sent');
        await expectNoSeriousViolations(page, 'waiting receipt');
        await saveScreenshot(page, 'receipt-waiting');

        await rename(away, school.share);
        plugged = true;

        // No click: background delivery sends it and the receipt follows.
        await page.getByRole('heading', { name: 'Concern sent' }).waitFor({ timeout: 20_000 });
        await page.locator('[data-status="delivered"]').waitFor();
        await saveScreenshot(page, 'receipt-sent-by-itself');
      } finally {
        if (!plugged) await rename(away, school.share);
      }
    });

    it('counts what is waiting on the home screen, and stops once it has gone', async () => {
      const { page, school } = session;
      const away = `${school.share}-away`;
      await session.goHome();
      await rename(school.share, away);
      try {
        await fileThroughUi(page, form!, sampleSubmission(form!));
        await press(page, 'Done');
        await page.getByTestId('waiting-notice').waitFor();
        expect(await page.getByTestId('waiting-notice').innerText()).toContain(
          '1 concern is saved on this computer, waiting to reach the school.',
        );
        await saveScreenshot(page, 'home-waiting');
      } finally {
        await rename(away, school.share);
      }
      await page.getByTestId('waiting-notice').waitFor({ state: 'detached', timeout: 20_000 });
    });

    it('warns on the home screen when the school settings on the share cannot be trusted', async () => {
      const { page, school } = session;
      const profile = join(school.share, 'school.json');
      const good = await readFile(profile, 'utf8');
      await writeFile(profile, good.replace('"Barnsole Primary"', '"Barnsole Primary (moved)"'));
      try {
        await session.goHome();
        const warning = page.getByTestId('profile-warning');
        await warning.waitFor({ timeout: 20_000 });
        expect(await warning.innerText()).toContain(
          "The school's settings on the share cannot be trusted: tell the DSL.",
        );
        await expectNoSeriousViolations(page, 'home with the profile warning');
        await saveScreenshot(page, 'home-profile-warning');
      } finally {
        await writeFile(profile, good);
      }
    });
  },
);
