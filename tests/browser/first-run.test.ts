/**
 * Issue 8 §1 and §6: the first ten minutes, in the real UI against the real core, from computers
 * with nothing set up. The DSL sets the school up with the default local share and sees the safety
 * code and the recovery key (a weak passphrase refused first, with the reason); a second computer
 * connects to that share, sees the same code, answers Yes and files a concern; a third answers No
 * and is enrolled with nothing; a deputy joins from a fourth with the identity file and one-time
 * passphrase, and reads the concern. Screenshots and axe on every step.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/web-host';
import { PASSPHRASE } from '../node/support/school';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { openBrowserPage, waitUntilHomeIsReady } from './support/desk-page';
import { fileThroughUi } from './support/fill-form';
import { readForms, sampleSubmission } from './support/form-plan';
import { eventually, group, labelled, press, textbox, tick } from './support/locate';
import { saveScreenshot, scrollToTop } from './support/screenshots';

const SCHOOL = 'Hillside Primary School';
const DEPUTY_OWN = 'quiet mango lighthouse parade';
const concernForm = readForms().find((form) => form.kind === 'concern')!;

type Named = { textContent: string | null };

/** Whether the control has the keyboard focus. */
function hasFocus(control: Locator): Promise<boolean> {
  return control.evaluate(
    (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
  );
}

/** One computer: an empty home served by its own web host, and a page on it. */
interface Computer {
  home: string;
  host: WebHost;
  page: Page;
}

describe.skipIf(chromiumMissing !== null)(
  'first run: a school and its computers set up in the app',
  () => {
    let root: string;
    const hosts: WebHost[] = [];
    let browser: Awaited<ReturnType<typeof openBrowserPage>>['browser'];
    let context: Awaited<ReturnType<typeof openBrowserPage>>['context'];
    let pageErrors: string[];
    let dsl: Computer;
    let safetyCode = '';
    let sharePath = '';
    let staff: Computer;

    /** A new computer with nothing set up, its app open at the welcome screen. */
    async function newComputer(name: string): Promise<Computer> {
      const home = join(root, name);
      const host = await startWebHost({ home, port: 0 });
      hosts.push(host);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
      });
      await page.goto(host.url);
      await page.getByRole('heading', { name: 'Welcome to Safeguard Desk', level: 1 }).waitFor();
      return { home, host, page };
    }

    /** The step heading of a guided sequence, once shown. */
    async function atStep(page: Page, title: string): Promise<void> {
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    }

    /** Screenshot and axe of the step on screen. */
    async function record(page: Page, name: string, where: string): Promise<void> {
      await scrollToTop(page);
      await saveScreenshot(page, name, undefined, { fullPage: true });
      await expectNoSeriousViolations(page, where);
    }

    /** The app's own status, asked through the web host as the page would. */
    async function appStatus(computer: Computer): Promise<Record<string, unknown>> {
      const reply = await fetch(`${computer.host.url}api/app.status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '',
      });
      const result = (await reply.json()) as { ok: boolean; value: Record<string, unknown> };
      expect(result.ok).toBe(true);
      return result.value;
    }

    /** The strength meter's words as they are now. */
    async function meter(page: Page): Promise<string> {
      return (await page.locator('.strength__words').innerText()).trim();
    }

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'sgd-first-run-'));
      ({ browser, context, pageErrors } = await openBrowserPage());
      dsl = await newComputer('dsl');
    });

    afterAll(async () => {
      await browser?.close();
      for (const host of hosts) await host.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    });

    it('offers three paths in plain words on a computer with nothing set up', async () => {
      const { page } = dsl;
      for (const name of [
        'Set up Safeguard Desk for my school',
        'Connect this computer to my school',
        'Join as a lead or office user',
      ]) {
        await page.getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
      }
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      expect(await page.getByText('999').count()).toBe(1);
      await record(page, 'first-run-welcome', 'the welcome screen');
    });

    it('refuses a weak passphrase with the reason, in the meter and at the step', async () => {
      const { page } = dsl;
      await page
        .getByRole('button', { name: /^Set up Safeguard Desk for my school/ })
        .press('Enter');
      await atStep(page, 'Your school');
      await (await textbox(page, 'School name')).fill(SCHOOL);
      await (await textbox(page, 'Your name')).fill('Ellie Shea');
      await record(page, 'first-run-school-1-school', 'set-up step 1');
      await press(page, 'Continue');

      await atStep(page, 'Your passphrase');
      const first = await labelled(page, 'Passphrase');
      await first.fill('Hillside Primary 2026');
      await eventually('the meter rates it', async () => (await meter(page)).includes('Strength'));
      const reason =
        "This passphrase would be too easy to guess: it uses the school's name or your own, which many people know. Try four or five unrelated words.";
      expect(await meter(page)).toMatch(/^Strength: (Very easy|Easy|Still too easy) to guess\n/);
      expect(await meter(page)).toContain(reason);
      await (await labelled(page, 'Type the passphrase again')).fill('Hillside Primary 2026');
      await record(page, 'first-run-school-2-weak', 'the passphrase step, weak');
      await press(page, 'Continue');
      await page.locator('.field__error').getByText(reason).waitFor();
      await atStep(page, 'Your passphrase');
      expect(await first.getAttribute('aria-invalid')).toBe('true');
      expect(await hasFocus(first)).toBe(true);
    });

    it('sets the school up in the local folder, showing the safety code, the poster and the recovery key', async () => {
      const { page } = dsl;
      await (await labelled(page, 'Passphrase')).fill(PASSPHRASE);
      await (await labelled(page, 'Type the passphrase again')).fill('correct horse battery');
      await eventually('the meter says very strong', async () =>
        (await meter(page)).includes('Very strong'),
      );
      await record(page, 'first-run-school-2-strong', 'the passphrase step, strong');
      await press(page, 'Continue');
      await page
        .getByText('The two passphrases are not the same. Type the same passphrase in both boxes.')
        .waitFor();
      await (await labelled(page, 'Type the passphrase again')).fill(PASSPHRASE);
      await press(page, 'Continue');

      await atStep(page, 'Where reports are kept');
      const local = page.getByRole('radio', { name: /^Only this computer/ });
      expect(await local.isChecked()).toBe(true);
      expect(await page.getByText(join(dsl.home, 'local-share')).count()).toBe(1);
      await record(page, 'first-run-school-3-where', 'the share step');
      // A network folder that is not there is refused, never made.
      await tick(page.getByRole('radio', { name: /^A network folder/ }), 'A network folder');
      const missing = join(root, 'no-such-folder');
      await (await textbox(page, 'Folder path')).fill(missing);
      await record(page, 'first-run-school-3-folder', 'the share step with a folder path');
      await press(page, 'Continue');
      await atStep(page, 'Check and set up');
      await press(page, 'Set up Safeguard Desk');
      await page
        .getByText(
          `The school share cannot be reached at ${missing} (missing, not mounted, or not a folder).`,
        )
        .waitFor();
      await atStep(page, 'Where reports are kept');
      await tick(local, 'Only this computer');
      await press(page, 'Continue');

      await atStep(page, 'Check and set up');
      await page.getByText('without both, they are lost for good').waitFor();
      await record(page, 'first-run-school-4-check', 'the check step');
      await press(page, 'Set up Safeguard Desk');

      await atStep(page, 'Your school is set up');
      safetyCode = (await page.locator('.reference-box__value').innerText()).trim();
      expect(safetyCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const recoveryKey = (await page.locator('.recovery__key').innerText())
        .replace('Recovery key:', '')
        .trim();
      expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
      await record(page, 'first-run-school-5-done', 'the end of set-up');

      const download = page.waitForEvent('download');
      await press(page, 'Download the poster (PDF)');
      expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

      // The recovery key must be kept before going on.
      await press(page, 'Go to Safeguard Desk');
      const confirm = page.getByRole('checkbox', {
        name: 'I have written down or printed the recovery key and put it somewhere safe',
      });
      await page
        .locator('.field__error')
        .getByText(/Tick the box/)
        .waitFor();
      expect(await hasFocus(confirm)).toBe(true);
      await tick(confirm, 'the recovery key is kept');
      await press(page, 'Go to Safeguard Desk');

      // No restart: home, with the safeguarding area of a lead, and the same code.
      await waitUntilHomeIsReady(page);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('button', { name: 'Safeguarding', exact: true }).waitFor();
      expect(await page.locator('body').innerText()).toContain(safetyCode);
      const status = await appStatus(dsl);
      expect(status).toMatchObject({
        setUp: 'lead',
        enrolled: true,
        schoolName: SCHOOL,
        safetyCode,
      });
      sharePath = String(status.sharePath);
      expect(sharePath).toBe(join(dsl.home, 'local-share'));
    });

    it('connects a second computer that sees the same code, answers Yes, and files a concern', async () => {
      staff = await newComputer('staff');
      const { page } = staff;
      await page
        .getByRole('button', { name: /^Connect this computer to my school/ })
        .press('Enter');
      await atStep(page, 'The school’s folder');
      await record(page, 'first-run-connect-1-folder', 'the connect folder step');
      await (await textbox(page, 'Folder path')).fill(sharePath);
      await press(page, 'Continue');

      await atStep(page, 'Check the safety code');
      expect((await page.locator('.reference-box__value').innerText()).trim()).toBe(safetyCode);
      await page.getByText(`This folder belongs to ${SCHOOL}.`).waitFor();
      await page
        .getByRole('group', { name: 'Does this match the code on the staff-room poster?' })
        .waitFor();
      await record(page, 'first-run-connect-2-code', 'the safety code question');
      await press(page, 'Yes, it matches');

      await atStep(page, 'This computer is connected');
      await record(page, 'first-run-connect-3-done', 'connected');
      await press(page, 'Go to Safeguard Desk');
      await waitUntilHomeIsReady(page);
      expect(await page.locator('body').innerText()).toContain(safetyCode);
      expect(await appStatus(staff)).toMatchObject({ setUp: 'staff', enrolled: true, safetyCode });

      const filed = await fileThroughUi(page, concernForm, sampleSubmission(concernForm));
      expect(filed.delivery).toBe('Delivered');
    });

    it('enrols nothing on a third computer whose user answers No, and says to tell the lead', async () => {
      const third = await newComputer('third');
      const { page } = third;
      // By keyboard alone: Tab to the choice, Enter; type; Enter; Tab to "No"; Enter.
      const focusedName = () =>
        page.evaluate(() => {
          // Runs in the page; Node's types have no document.
          const doc = (globalThis as unknown as { document: { activeElement: Named | null } })
            .document;
          return (doc.activeElement?.textContent ?? '').trim();
        });
      for (let presses = 0; !(await focusedName()).startsWith('Connect this computer'); presses++) {
        if (presses > 20) throw new Error('Tab never reached "Connect this computer to my school"');
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await atStep(page, 'The school’s folder');
      await (await textbox(page, 'Folder path')).focus();
      await page.keyboard.type(sharePath);
      await page.keyboard.press('Enter');
      await atStep(page, 'Check the safety code');
      for (let presses = 0; (await focusedName()) !== 'No, it is different'; presses++) {
        if (presses > 20) throw new Error('Tab never reached "No, it is different"');
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');

      await page
        .getByRole('heading', { name: 'Do not use this computer to report yet', level: 1 })
        .waitFor();
      await page.getByText('Tell your safeguarding lead: the code did not match.').waitFor();
      await record(page, 'first-run-connect-no', 'the code did not match');
      expect(await appStatus(third)).toMatchObject({ setUp: 'nothing', enrolled: false });
      await page.reload();
      await page.getByRole('heading', { name: 'Welcome to Safeguard Desk', level: 1 }).waitFor();
    });

    it('lets a deputy join with the identity file and one-time passphrase, and read a concern filed after', async () => {
      // The DSL adds the deputy in the School screen of the app, on the DSL's own computer, and
      // saves the identity file it offers; the one-time passphrase is read off the screen.
      const handout = join(root, 'handout');
      await mkdir(handout);
      const dslPage = dsl.page;
      await dslPage.goto(dsl.host.url);
      await press(dslPage.getByRole('navigation', { name: 'Main' }), 'Safeguarding');
      await (await labelled(dslPage, 'Passphrase')).fill(PASSPHRASE);
      await press(dslPage, 'Unlock safeguarding area');
      await dslPage.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await press(dslPage.getByRole('navigation', { name: 'Safeguarding' }), 'School');
      await dslPage.getByRole('heading', { name: 'School', level: 1 }).waitFor();
      const addForm = dslPage.getByRole('form', { name: /^Add a deputy/ });
      await (await group(addForm, 'Their role')).getByRole('radio', { name: /^Deputy/ }).check();
      await (await textbox(addForm, 'Their full name')).fill('Dev Deputy');
      await press(addForm, 'Add to the school');
      const handover = dslPage.getByRole('region', {
        name: /^Give Dev Deputy their identity file/,
      });
      await handover.waitFor();
      const oneTime = (await handover.locator('dd code').innerText()).trim();
      const [download] = await Promise.all([
        dslPage.waitForEvent('download'),
        press(handover, 'Save the identity file'),
      ]);
      const identityFile = join(handout, 'deputy.identity.age');
      await download.saveAs(identityFile);

      const deputy = await newComputer('deputy');
      const { page } = deputy;
      await page.getByRole('button', { name: /^Join as a lead or office user/ }).press('Enter');
      await atStep(page, 'Your identity file');
      await (await labelled(page, 'Identity file')).setInputFiles(identityFile);
      await (await labelled(page, 'One-time passphrase')).fill(oneTime);
      await page.getByText('Chosen: deputy.identity.age.').waitFor();
      await record(page, 'first-run-join-1-identity', 'the identity file step');
      await press(page, 'Continue');

      await atStep(page, 'The school’s folder');
      await (await textbox(page, 'Folder path')).fill(sharePath);
      await press(page, 'Continue');

      await atStep(page, 'Your own passphrase');
      await (await labelled(page, 'Passphrase')).fill(DEPUTY_OWN);
      await (await labelled(page, 'Type the passphrase again')).fill(DEPUTY_OWN);
      await eventually('the meter rates it strong', async () =>
        /Strength: (Strong|Very strong)/.test(await meter(page)),
      );
      await record(page, 'first-run-join-3-passphrase', 'the own-passphrase step');
      await press(page, `Join ${SCHOOL}`);

      await atStep(page, 'You have joined your school');
      await page.getByText(/as Deputy Safeguarding Lead/).waitFor();
      expect((await page.locator('.reference-box__value').innerText()).trim()).toBe(safetyCode);
      await page.locator('.recovery__key').waitFor();
      await record(page, 'first-run-join-4-done', 'joined');
      await tick(
        page.getByRole('checkbox', {
          name: 'I have written down or printed the recovery key and put it somewhere safe',
        }),
        'the recovery key is kept',
      );
      await press(page, 'Go to Safeguard Desk');

      await waitUntilHomeIsReady(page);

      // A concern filed now is sealed to the deputy too (the staff computer takes the new profile).

      await staff.page.goto(staff.host.url);

      await waitUntilHomeIsReady(staff.page);

      const filed = await fileThroughUi(staff.page, concernForm, sampleSubmission(concernForm));

      expect(filed.delivery).toBe('Delivered');

      const nav = page.getByRole('navigation', { name: 'Main' });

      await press(nav, 'Safeguarding');
      await page.getByLabel('Passphrase').fill(DEPUTY_OWN);
      await press(page, 'Unlock safeguarding area');
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
      await page.getByRole('table').getByRole('button', { name: filed.reference }).waitFor();
      expect(pageErrors).toEqual([]);
    });
  },
);
