/**
 * Issue 8 §2 in the real UI against the real core: the DSL opens the School screen (recipients by
 * role with fingerprints, the safety code, the no-chair warning), adds a deputy and saves the
 * identity file the screen offers (the deputy joins with it and the one-time passphrase), edits a
 * contact with its "last checked" date, and removes the deputy after confirming, told plainly what
 * removal does. Then a teacher's form says, before anything is written, that a concern about the
 * headteacher has nowhere to go in school, with the LADO's and the NSPCC's numbers. Keyboard only
 * for every press; axe on each screen.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/web-host';
import { cliJson } from '../node/support/cli';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { waitUntilHomeIsReady } from './support/desk-page';
import { openForm } from './support/fill-form';
import { readForms } from './support/form-plan';
import { openLeadSession, type LeadSession } from './support/lead-page';
import { group, labelled, press, textbox } from './support/locate';
import { saveScreenshot } from './support/screenshots';

const NO_CHAIR = 'No chair of governors is named yet';
const REMOVAL =
  'Dan Deputy was removed. Nothing new will be sealed to Dan Deputy. What they already received stays readable to them.';
const contactForm = readForms().find((f) => f.id === 'private-online-contact-with-pupil');

describe.skipIf(chromiumMissing !== null || !contactForm)('the DSL manages the school', () => {
  let lead: LeadSession;
  let page: Page;

  const focused = () => page.locator('*:focus');
  const focusedText = async () => ((await focused().first().textContent()) ?? '').trim();

  beforeAll(async () => {
    lead = await openLeadSession();
    page = lead.page;
    await lead.openArea();
    await lead.unlock();
  });
  afterAll(async () => {
    await lead?.close();
  });

  it('shows recipients by role with fingerprints, the safety code and the no-chair warning', async () => {
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'School');
    await page.getByRole('heading', { name: 'School', level: 1 }).waitFor();
    expect(await focusedText()).toBe('School');
    await page.getByText(lead.school.safetyCode).waitFor();
    const gap = page.locator('#headteacher-gap');
    expect(await gap.innerText()).toContain(NO_CHAIR);
    expect(await gap.innerText()).toContain('0800 028 0285');
    const dsl = page.getByRole('list', { name: 'Designated safeguarding lead' });
    expect(await dsl.innerText()).toMatch(
      /Ellie Shea \(you\)\s+Safety fingerprint [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/,
    );
    // The DSL cannot remove themself: no Remove beside their own name.
    expect(await dsl.getByRole('button').count()).toBe(0);
    await page.getByText('None named.').first().waitFor();
    await saveScreenshot(page, 'lead-school');
    await expectNoSeriousViolations(page, 'the School screen');
  });

  it('adds a deputy and offers their identity file to save, with a one-time passphrase', async () => {
    const form = page.getByRole('form', { name: /^Add a deputy/ });
    await (await group(form, 'Their role')).getByRole('radio', { name: /^Deputy/ }).check();
    await (await textbox(form, 'Their full name')).fill('Dan Deputy');
    await press(form, 'Add to the school');

    const handover = page.getByRole('region', { name: /^Give Dan Deputy their identity file/ });
    await handover.waitFor();
    expect(await focusedText()).toMatch(/^Give Dan Deputy their identity file/);
    const passphrase = (await handover.locator('dd code').innerText()).trim();
    expect(passphrase).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      press(handover, 'Save the identity file'),
    ]);
    expect(download.suggestedFilename()).toBe('safeguard-desk-deputy-identity.age');
    const file = join(lead.school.root, 'saved-deputy.age');
    await download.saveAs(file);
    expect((await readFile(file)).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    await expectNoSeriousViolations(page, 'the new identity panel');
    await saveScreenshot(page, 'lead-school-handover');

    // The file and passphrase really let Dan join, on his own computer.
    const passFile = join(lead.school.root, 'dan-one-time.txt');
    await writeFile(passFile, `${passphrase}\n`);
    const ownFile = join(lead.school.root, 'dan-own.txt');
    await writeFile(ownFile, 'hedgehog lantern quarry violet\n');
    const joined = await cliJson<{ role: string }>(join(lead.school.root, 'dan-home'), [
      'lead',
      'join',
      '--identity',
      file,
      '--share',
      lead.school.share,
      '--passphrase-file',
      passFile,
      '--new-passphrase-file',
      ownFile,
    ]);
    expect(joined.role).toBe('deputy');

    const deputies = page.getByRole('list', { name: 'Deputy safeguarding leads' });
    expect(await deputies.innerText()).toMatch(/Dan Deputy\s+Safety fingerprint /);
    await press(handover, 'Done: I have saved the file and noted the passphrase');
    expect(await handover.count()).toBe(0);
  });

  it('edits the LADO contact with the day it was checked; staff computers get it', async () => {
    const form = page.getByRole('form', { name: 'Change the contacts' });
    const ladoBox = await group(form, 'LADO (Local Authority Designated Officer)');
    await (await textbox(ladoBox, 'Name')).fill('Jo Bloggs');
    await (await textbox(ladoBox, 'Telephone')).fill('01632 960000');
    await (await labelled(form, 'Last checked')).fill('2026-09-01');
    await press(form, 'Save contacts');
    await page.getByText('Last checked on 1 September 2026.').waitFor();

    const staffSees = await cliJson<{ contacts: { lado: { phone: string } } }>(
      lead.school.staffHome,
      ['school', 'show'],
    );
    expect(staffSees.contacts.lado.phone).toBe('01632 960000');
    expect(await page.locator('#headteacher-gap').innerText()).toContain(
      'contact the LADO on 01632 960000',
    );
  });

  it('removes the deputy only after confirming, saying what removal does and does not do', async () => {
    const deputies = page.getByRole('list', { name: 'Deputy safeguarding leads' });
    await press(deputies, 'Remove Dan Deputy');
    const confirm = page.getByRole('group', { name: 'Remove Dan Deputy?' });
    await confirm.waitFor();
    expect(await focusedText()).toBe('Remove Dan Deputy?');
    expect(await confirm.innerText()).toContain(
      'Nothing new will be sealed to Dan Deputy. What they already received stays readable to them.',
    );
    await expectNoSeriousViolations(page, 'the removal question');
    // Escape cancels, and focus goes back to the button that asked.
    await page.keyboard.press('Escape');
    expect(await confirm.count()).toBe(0);
    expect(await focused().getAttribute('aria-label')).toBe('Remove Dan Deputy');
    expect(await deputies.innerText()).toContain('Dan Deputy');

    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await press(confirm, 'Remove Dan Deputy');
    await page.getByRole('region', { name: 'Who receives concerns' }).getByText(REMOVAL).waitFor();
    expect(await focusedText()).toBe('Who receives concerns');
    expect(await page.getByRole('list', { name: 'Deputy safeguarding leads' }).count()).toBe(0);
    const shown = await cliJson<{ recipients: Array<{ name: string }> }>(lead.school.dslHome, [
      'school',
      'show',
    ]);
    expect(shown.recipients.map((r) => r.name)).toEqual(['Ellie Shea']);
  });

  it("publishes the office's figures only once an office user can read them", async () => {
    const figures = page.getByRole('region', { name: 'Figures for the office' });
    await press(figures, 'Publish the figures now');
    await figures.getByText(/^No office user is on the school profile yet/).waitFor();

    const form = page.getByRole('form', { name: /^Add a deputy/ });
    await (await group(form, 'Their role')).getByRole('radio', { name: /^Office/ }).check();
    await (await textbox(form, 'Their full name')).fill('Olu Office');
    await (
      await group(form, 'Their key')
    )
      .getByRole('radio', { name: /^They already have an age key/ })
      .check();
    await (
      await textbox(form, 'Their age recipient')
    ).fill('age1zafc0gk3epcwxml22dnwejn7er2v06jrdh2dej74e6vfjaallcmsyx7kk8');
    await press(form, 'Add to the school');
    await page.getByRole('list', { name: 'Office' }).getByText('Olu Office').waitFor();

    await press(figures, 'Publish the figures now');
    await figures
      .getByText(
        /^Published: figures from \d+ concerns?, readable by 1 office user and the leads\.$/,
      )
      .waitFor();
    await figures.getByText(/^Last published .+, with \d+ concerns?\./).waitFor();
    await expectNoSeriousViolations(page, 'the School screen after publishing');
  });

  it('adds the headteacher by an existing age key, and links to the school calendar', async () => {
    const form = page.getByRole('form', { name: /^Add a deputy/ });
    await (await group(form, 'Their role')).getByRole('radio', { name: /^Headteacher/ }).check();
    await (await textbox(form, 'Their full name')).fill('Hana Head');
    await (
      await group(form, 'Their key')
    )
      .getByRole('radio', { name: /^They already have an age key/ })
      .check();
    await (await textbox(form, 'Their age recipient')).fill('not a key');
    await press(form, 'Add to the school');
    await form.getByText('Enter their age recipient: it starts with age1.').waitFor();
    await (
      await textbox(form, 'Their age recipient')
    ).fill('age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p');
    await press(form, 'Add to the school');
    await page.getByRole('list', { name: 'Headteacher' }).getByText('Hana Head').waitFor();
    await page
      .getByRole('region', { name: 'Add someone' })
      .getByText(
        'Hana Head was added as Headteacher: they will receive concerns about a safeguarding lead.',
      )
      .waitFor();
    expect(await page.getByRole('region', { name: /^Give Hana Head/ }).count()).toBe(0);

    await press(page, 'Open the school calendar');
    await page.getByRole('heading', { name: 'School calendar', level: 1 }).waitFor();
  });
});

describe.skipIf(chromiumMissing !== null || !contactForm)(
  'a teacher on a school with no chair',
  () => {
    let lead: LeadSession;
    let staffHost: WebHost;
    let page: Page;

    beforeAll(async () => {
      lead = await openLeadSession();
      const { school } = lead;
      await cliJson(school.dslHome, [
        'school',
        'add-recipient',
        '--role',
        'headteacher',
        '--name',
        'Hana Head',
        '--recipient',
        'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
        '--passphrase-file',
        school.passphraseFile,
      ]);
      const contacts = join(school.root, 'contacts.json');
      await writeFile(
        contacts,
        JSON.stringify({ lado: { name: 'Jo Bloggs', phone: '01632 960000', web: '' } }),
      );
      await cliJson(school.dslHome, [
        'school',
        'set-contacts',
        '--file',
        contacts,
        '--passphrase-file',
        school.passphraseFile,
      ]);
      staffHost = await startWebHost({ home: school.staffHome, port: 0 });
      page = await lead.context.newPage();
    });
    afterAll(async () => {
      await staffHost?.close();
      await lead?.close();
    });

    it('is told before writing anything, and again on choosing the head, with the numbers', async () => {
      await page.goto(staffHost.url);
      await waitUntilHomeIsReady(page);
      await openForm(page, contactForm!);
      const gap = page.locator('#headteacher-gap');
      expect(await gap.innerText()).toContain(NO_CHAIR);
      expect(await gap.innerText()).toContain('01632 960000');
      expect(await gap.innerText()).toContain('0800 028 0285');
      // It comes before the first question.
      const gapBox = await gap.boundingBox();
      const nameBox = await (await textbox(page, 'Your name')).boundingBox();
      expect(gapBox?.y ?? Infinity).toBeLessThan(nameBox?.y ?? -Infinity);

      const about = await group(page, 'Is this concern about one of these people?');
      const head = about.getByRole('radio', { name: /^Hana Head/ });
      await head.focus();
      await page.keyboard.press('Space');
      const alert = about.getByRole('alert');
      await alert.getByText('This concern cannot be sent to anyone in school').waitFor();
      expect(await alert.innerText()).toContain('0800 028 0285');
      const what = contactForm!.fields.find((f) => f.id === 'whatHappened')!;
      expect(await (await textbox(page, what.label)).inputValue()).toBe('');

      const guidance = page.getByRole('complementary', { name: 'What to do' });
      const whoToCall = guidance.getByRole('region', { name: 'Who to call' });
      expect(await whoToCall.innerText()).toMatch(
        /LADO \(Local Authority Designated Officer\)\s+Jo Bloggs\s+01632 960000/,
      );
      expect(await whoToCall.innerText()).toContain('0800 028 0285');
      await saveScreenshot(page, 'staff-form-no-chair');
      await expectNoSeriousViolations(page, 'the staff form with the no-chair warning');
    });
  },
);
