/**
 * The school calendar in the real UI against the real core: a lead adds a term and a closure day,
 * is refused an overlapping term in words (what was typed kept, nothing added), removes the
 * closure day, and finds the settings kept after locking and unlocking (and in the CLI). Then a
 * closure day on an allegation's LADO due date moves that clock to a later day. Axe and a
 * screenshot of the screen.
 */
import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson } from '../node/support/cli';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { dateFieldOrder } from './support/date-input';
import { DESKTOP } from './support/desk-page';
import { openLeadSession, type LeadSession } from './support/lead-page';
import { group, labelled, press, select, textbox, tick } from './support/locate';
import { scrollToTop } from './support/screenshots';

const SHOTS = '/tmp/lead-shots';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The LADO clock's "Due by 1 Dec 2026, 23:59" as 2026-12-01. */
async function ladoDueDate(page: Page): Promise<string> {
  const clock = page.getByRole('region', { name: 'LADO clock' });
  const text = (await clock.getByText(/^(Due by|Was due by) /).textContent()) ?? '';
  const match = /by (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}),/.exec(text);
  if (match === null) throw new Error(`no due date in the LADO clock: "${text}"`);
  const month = MONTHS.indexOf(match[2]!) + 1;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** Whether `target` is the focused element (the page's DOM types are not in this project). */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate(
    (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
  );
}

function items(list: Locator): Promise<string[]> {
  return list
    .getByRole('listitem')
    .allTextContents()
    .then((all) => all.map((text) => text.replace(/Remove$/, '').trim()));
}

describe.skipIf(chromiumMissing !== null)('the school calendar, in the app', () => {
  let lead: LeadSession;
  let allegation: string;

  beforeAll(async () => {
    lead = await openLeadSession();
    allegation = await lead.file();
  });

  afterAll(async () => {
    await lead?.close();
  });

  const openCalendar = async (page: Page) => {
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'School calendar');
    await page.getByRole('heading', { name: 'School calendar', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Term dates' }).getByRole('heading').first().waitFor();
  };

  it('adds a term and a closure day, refuses an overlapping term in words, removes a day', async () => {
    const { page } = lead;
    await lead.openArea();
    await lead.unlock();
    await openCalendar(page);
    const terms = page.getByRole('region', { name: 'Term dates' });
    const closures = page.getByRole('region', { name: 'Closure days' });
    await terms.getByText('No term dates yet.').waitFor();
    await closures.getByText('No closure days yet.').waitFor();
    await page
      .getByText(/are not working days: the LADO's one-working-day clock skips them/)
      .waitFor();

    const addTerm = page.getByRole('form', { name: 'Add a term' });
    const start = await labelled(addTerm, 'First day of term');
    expect(await start.getAttribute('lang')).toBe('en-GB');
    expect(await dateFieldOrder(page, start)).toEqual(['day', 'month', 'year']);
    await start.fill('2026-09-03');
    await (await labelled(addTerm, 'Last day of term')).fill('2026-12-18');
    await press(addTerm, 'Add term');
    await terms.getByText('3 September 2026 to 18 December 2026').waitFor();
    // The form empties once saved.
    expect(await start.inputValue()).toBe('');

    const addClosure = page.getByRole('form', { name: 'Add a closure day' });
    await (await labelled(addClosure, 'Closure day')).fill('2026-10-23');
    await press(addClosure, 'Add closure day');
    await closures.getByText('23 October 2026').waitFor();
    await page
      .getByRole('status')
      .getByText(/Closure day 23 October 2026 added\./)
      .waitFor();

    // An overlapping term: the core's refusal, in words, and what was typed is kept.
    await start.fill('2026-12-01');
    await (await labelled(addTerm, 'Last day of term')).fill('2027-02-12');
    await press(addTerm, 'Add term');
    const alert = addTerm.getByRole('alert');
    await alert
      .getByText(
        'The school calendar was not changed: The terms 2026-09-03 to 2026-12-18 and 2026-12-01 to 2027-02-12 overlap.',
      )
      .waitFor();
    // Focus moves to the refusal (its wrapper), so a screen reader hears it.
    expect(await hasFocus(alert.locator('..'))).toBe(true);
    expect(await start.inputValue()).toBe('2026-12-01');
    expect(await (await labelled(addTerm, 'Last day of term')).inputValue()).toBe('2027-02-12');
    expect(await items(terms.getByRole('list'))).toEqual(['3 September 2026 to 18 December 2026']);

    await scrollToTop(page);
    await mkdir(SHOTS, { recursive: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SHOTS}/lead-calendar.png`, animations: 'disabled' });
    await page.screenshot({
      path: `${SHOTS}/lead-calendar-full.png`,
      animations: 'disabled',
      fullPage: true,
    });
    await expectNoSeriousViolations(page, 'the school calendar');

    // A client-side check too: the end before the start, said beside the field.
    await (await labelled(addTerm, 'Last day of term')).fill('2026-11-01');
    await press(addTerm, 'Add term');
    await addTerm
      .getByText('The last day of the term must be on or after its first day.')
      .waitFor();

    // Remove, by a button named for its date; focus returns to the list's heading.
    await closures
      .getByRole('button', { name: 'Remove the closure day 23 October 2026' })
      .press('Enter');
    await closures.getByText('No closure days yet.').waitFor();
    expect(await hasFocus(closures.getByRole('heading', { name: 'Closure days' }))).toBe(true);
  });

  it('keeps the settings after locking and unlocking, as the core reads them', async () => {
    const { page } = lead;
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Lock safeguarding area');
    await page.getByLabel('Passphrase').waitFor();
    const stored = await cliJson<{ terms: unknown[]; closureDays: unknown[] }>(
      lead.school.dslHome,
      ['lead', 'calendar', '--passphrase-file', lead.school.passphraseFile],
    );
    expect(stored).toEqual({
      terms: [{ start: '2026-09-03', end: '2026-12-18' }],
      closureDays: [],
    });

    await lead.unlock();
    await openCalendar(page);
    const terms = page.getByRole('region', { name: 'Term dates' });
    expect(await items(terms.getByRole('list'))).toEqual(['3 September 2026 to 18 December 2026']);
    await page
      .getByRole('region', { name: 'Closure days' })
      .getByText('No closure days yet.')
      .waitFor();
  });

  it("moves an allegation's LADO due date when that day becomes a closure day", async () => {
    const { page } = lead;
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Inbox');
    await page.getByRole('table').getByRole('button', { name: allegation }).press('Enter');
    await page.getByRole('heading', { name: `Case ${allegation}`, level: 1 }).waitFor();

    const triage = page.getByRole('form', { name: 'Triage' });
    const harm = await group(triage, 'Harm threshold (KCSIE Part 4)');
    await tick(
      harm.getByRole('checkbox', { name: /may pose a risk of harm/ }),
      'the risk-of-harm statement',
    );
    await (await select(triage, 'Pathway')).selectOption({ label: 'Allegation' });
    await (await textbox(triage, 'Reason')).fill('Messages with a pupil after midnight.');
    await press(triage, 'Save triage');
    await page.getByRole('region', { name: 'LADO clock' }).waitFor();
    const due = await ladoDueDate(page);

    await openCalendar(page);
    const addClosure = page.getByRole('form', { name: 'Add a closure day' });
    await (await labelled(addClosure, 'Closure day')).fill(due);
    await press(addClosure, 'Add closure day');
    await page
      .getByRole('region', { name: 'Closure days' })
      .getByRole('button', { name: /^Remove the closure day / })
      .waitFor();

    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Inbox');
    await page.getByRole('table').getByRole('button', { name: allegation }).press('Enter');
    await page.getByRole('region', { name: 'LADO clock' }).waitFor();
    const moved = await ladoDueDate(page);
    expect(moved > due, `the LADO due date ${moved} should be after ${due}`).toBe(true);
    expect(lead.pageErrors).toEqual([]);
  });
});
