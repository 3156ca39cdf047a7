/**
 * Issue 9 in the real UI against the real core: the DSL adds an office user, staff file concerns,
 * the DSL triages them, records actions and outcomes and publishes the office figures; then the
 * office user's computer, with nothing set up, joins with the identity file the DSL made and is
 * offered the office summaries, never the Safeguarding area. They unlock (after a wrong
 * passphrase), choose a period, read each table's chart, summary and figures, and save CSV, XLSX
 * and PDF, whose bytes parse. Keyboard only; axe on each screen; screenshots at 1280×800 and
 * 1920×1080.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/web-host';
import { makeSchool, type SchoolFixture } from '../node/support/school';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { LARGE_DESKTOP, openBrowserPage, waitUntilHomeIsReady } from './support/desk-page';
import { group, labelled, press, textbox, tick } from './support/locate';
import {
  addOfficeUser,
  fileConcerns,
  OFFICE_NAME,
  workAndPublish,
  type Casework,
  type OfficeHandout,
} from './support/office';
import { saveScreenshot, screenshotDir, scrollToTop } from './support/screenshots';

const OWN = 'saffron 73 kestrel pantry violin';
const CONTACT = 'private-online-contact-with-pupil';
const OTHER = 'other-online-concern';
const LANGUAGE = 'derogatory-language';

const item = (
  form: string,
  pathway: Casework['pathway'],
  actions: Casework['actions'],
  outcome: Casework['outcome'],
): Casework => ({ form, pathway, actions, outcome });

/** Twelve concerns: enough for some figures to be shown, few enough for others to be withheld. */
const PLAN: Casework[] = [
  ...Array.from({ length: 5 }, (_, i) =>
    item(i < 3 ? CONTACT : OTHER, 'early-help', ['early-help'], i < 3 ? 'resolved' : null),
  ),
  ...Array.from({ length: 4 }, (_, i) =>
    item(i < 2 ? CONTACT : LANGUAGE, 'low-level', ['parents-contacted'], 'resolved'),
  ),
  item(CONTACT, 'child-protection', ['social-care-referral'], null),
  item(OTHER, 'child-protection', ['social-care-referral', 'parents-contacted'], null),
  item(OTHER, 'no-further-action', [], 'no-further-action'),
];

describe.skipIf(chromiumMissing !== null)('the office user in the app', () => {
  let school: SchoolFixture;
  let handout: OfficeHandout;
  let host: WebHost;
  let page: Page;
  let pageErrors: string[];
  let closeBrowser: () => Promise<void>;

  const focusedText = async () =>
    ((await page.locator('*:focus').first().textContent()) ?? '').trim();

  async function record(name: string, where: string): Promise<void> {
    await scrollToTop(page);
    await saveScreenshot(page, name, undefined, { fullPage: true });
    await expectNoSeriousViolations(page, where);
  }

  beforeAll(async () => {
    school = await makeSchool();
    handout = await addOfficeUser(school);
    await workAndPublish(school, PLAN, await fileConcerns(school, PLAN));
    host = await startWebHost({ home: join(school.root, 'office-home'), port: 0 });
    const opened = await openBrowserPage();
    ({ page, pageErrors } = opened);
    closeBrowser = () => opened.browser.close();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Welcome to Safeguard Desk', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await closeBrowser?.().catch(() => undefined);
    await host?.close().catch(() => undefined);
    await school?.cleanup();
  });

  it('joins with the identity file the DSL made, as office staff, with no recovery key to keep', async () => {
    await page.getByRole('button', { name: /^Join as a lead or office user/ }).press('Enter');
    await page.getByRole('heading', { name: 'Your identity file', level: 1 }).waitFor();
    await (await labelled(page, 'Identity file')).setInputFiles(handout.identityFile);
    await (await labelled(page, 'One-time passphrase')).fill(handout.oneTimePassphrase);
    await press(page, 'Continue');
    await (await textbox(page, 'Folder path')).fill(school.share);
    await press(page, 'Continue');
    await (await labelled(page, 'Passphrase')).fill(OWN);
    await (await labelled(page, 'Type the passphrase again')).fill(OWN);
    await press(page, 'Join Barnsole Primary');
    await page.getByRole('heading', { name: 'You have joined your school', level: 1 }).waitFor();
    const done = await page.locator('main').innerText();
    expect(done).toContain(`${OFFICE_NAME}, you have joined Barnsole Primary as Office`);
    expect(done).toContain('anonymised statistical summaries, never concerns');
    expect(await page.locator('.recovery__key').count()).toBe(0);
    await record('office-join-done', 'the office user has joined');
    await press(page, 'Go to Safeguard Desk');
    await waitUntilHomeIsReady(page);
  });

  it('offers the office summaries, and never the Safeguarding area', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Office summaries', exact: true }).waitFor();
    expect(await nav.getByRole('button', { name: 'Safeguarding', exact: true }).count()).toBe(0);
    // Filing a concern stays open to them, like any member of staff.
    await page.getByRole('button', { name: 'Report a concern', exact: true }).waitFor();
  });

  it('refuses a wrong passphrase, saying how many tries are left, with focus back on the field', async () => {
    await press(page.getByRole('navigation', { name: 'Main' }), 'Office summaries');
    await page.getByRole('heading', { name: 'Office summaries', level: 1 }).waitFor();
    expect(await focusedText()).toBe('Office summaries');
    await (await labelled(page, 'Passphrase')).fill('not the passphrase at all');
    await press(page, 'Unlock office summaries');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      'The passphrase is wrong. After 4 more wrong tries, each try will have to wait.',
    );
    expect(await page.locator('#office-passphrase:focus').count()).toBe(1);
    await record('office-unlock-wrong', 'the office unlock screen after a wrong passphrase');
  });

  it('unlocks, says where the figures come from, and offers the periods', async () => {
    await (await labelled(page, 'Passphrase')).fill(OWN);
    await press(page, 'Unlock office summaries');
    const source = page.locator('.office-source');
    await source.waitFor();
    expect(await source.innerText()).toMatch(
      /^Figures from the extract published by Ellie Shea on \d{1,2} [A-Z][a-z]{2} \d{4} at \d{2}:\d{2}\.$/,
    );
    const period = await group(page, 'Period');
    for (const name of [/^Autumn term 2026/, /^Summer term 2026/, /^Academic year 2026-27/]) {
      await period.getByRole('radio', { name }).waitFor();
    }
    await record('office-choose', 'the office summaries before figures are shown');
  });

  it('shows each table with its chart, text summary and figures for the academic year', async () => {
    const period = await group(page, 'Period');
    await tick(period.getByRole('radio', { name: /^Academic year 2026-27/ }), 'the year');
    await (await labelled(page, 'Smallest figure shown')).fill('3');
    await press(page, 'Show the figures');
    const heading = page.getByRole('heading', { name: /^Academic year 2026-27/, level: 2 });
    await heading.waitFor();
    expect(await focusedText()).toMatch(/^Academic year 2026-27/);
    const sections = page.locator('.office-table');
    expect(await sections.count()).toBeGreaterThanOrEqual(6);
    for (const section of await sections.all()) {
      const chart = section.getByRole('img', { name: /^Chart of / });
      expect(await chart.getAttribute('aria-label')).toMatch(/^Chart of .+: .+/);
      await chart.locator('svg').first().waitFor();
      expect((await section.locator('.office-table__summary').innerText()).length).toBeGreaterThan(
        10,
      );
      await section.getByRole('table').waitFor();
    }
    // Nothing from a concern: no reference, no name, no free text.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/SG-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    for (const word of ['Mr Example', 'Pupil A', 'Year 6', 'direct messages']) {
      expect(text).not.toContain(word);
    }
    await page.getByRole('heading', { name: 'About these figures', level: 3 }).waitFor();
    await record('office-figures', 'the figures for the academic year');
    // One table close up, as a person reads it: its chart, summary and figures side by side.
    await sections.nth(2).screenshot({ path: join(screenshotDir, 'office-table-pathways.png') });
    await saveScreenshot(page, 'office-figures-large', LARGE_DESKTOP, { fullPage: true });
  });

  it('shows figures for dates of one’s own, whole months counted', async () => {
    const period = await group(page, 'Period');
    await tick(period.getByRole('radio', { name: /^Dates of your own/ }), 'own dates');
    // Without dates: each missing one is said beside its field, and focus goes to the first.
    await press(page, 'Show the figures');
    await page.getByText('Enter the first day.').waitFor();
    expect(await page.locator('#office-from:focus').count()).toBe(1);
    await expectNoSeriousViolations(page, 'the dates of one’s own, with their errors');
    await (await labelled(page, 'First day')).fill('2026-09-01');
    await (await labelled(page, 'Last day')).fill('2026-11-30');
    await press(page, 'Show the figures');
    await page
      .getByRole('heading', { name: /September to November 2026|Sep.*Nov.* 2026/, level: 2 })
      .waitFor();
    await scrollToTop(page);
    await saveScreenshot(page, 'office-own-dates');
  });

  async function save(format: 'CSV' | 'XLSX' | 'PDF'): Promise<{ name: string; bytes: Buffer }> {
    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download'),
      press(page, `Download ${format}`),
    ]);
    const file = join(school.root, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(`Saved ${download.suggestedFilename()}.`).waitFor();
    return { name: download.suggestedFilename(), bytes: await readFile(file) };
  }

  it('saves a CSV named with the school and period, which parses as RFC 4180 with a BOM', async () => {
    const { name, bytes } = await save('CSV');
    expect(name).toMatch(/^Safeguarding summary - Barnsole Primary - .+\.csv$/);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(bytes, { bom: true, relax_column_count: true });
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r[0])).toContain('Pathways');
    expect(bytes.toString('utf8')).not.toContain('Mr Example');
  });

  it('saves an XLSX with a sheet per table, which exceljs opens', async () => {
    const { name, bytes } = await save('XLSX');
    expect(name).toMatch(/^Safeguarding summary - Barnsole Primary - .+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(6);
  });

  it('saves a PDF governors’ report that renders', async () => {
    const { name, bytes } = await save('PDF');
    expect(name).toMatch(/^Safeguarding summary - Barnsole Primary - .+\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(school.root, name);
    if (existsSync('/usr/bin/pdftoppm')) {
      // The first page as an image beside the screenshots, to be looked at.
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        file,
        join(screenshotDir, 'office-pdf'),
      ]);
    }
    if (existsSync('/usr/bin/pdfinfo')) {
      const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1];
      expect(Number(pages)).toBeGreaterThan(1);
    }
    await expectNoSeriousViolations(page, 'the figures after saving');
  });

  it('locks with the app, and says the office summaries are locked too', async () => {
    await press(page.getByRole('navigation', { name: 'Main' }), 'Lock');
    await page.getByText('The office summaries are locked too').waitFor();
    expect(await page.locator('.office-table').count()).toBe(0);
  });

  it('raised no page error and no Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
