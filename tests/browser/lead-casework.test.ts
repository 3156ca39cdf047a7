/**
 * Issue 7 §5 and §7: a lead works a case from start to end in the real UI against the real core —
 * unlock (a wrong passphrase first), the inbox (urgent at the top, marked), the concern as filed
 * (and the teacher's receipt turning to "acknowledged" only then), an allegation against a member
 * of staff triaged with the harm-threshold checklist and a reason, the LADO clock, the LADO
 * consultation with what was shared, an action with a due date, a note, a decision, the outcome,
 * reopening; then the case found again by a word of its text, the adult's chronology, and "Check
 * the record". Screenshots and axe on each screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactAnswers } from '../node/support/school';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { dateFieldOrder } from './support/date-input';
import { LARGE_DESKTOP } from './support/desk-page';
import { openLeadSession, samplePng, type LeadSession } from './support/lead-page';
import { group, labelled, press, select, textbox, tick } from './support/locate';
import { saveScreenshot, scrollToTop } from './support/screenshots';

const ALLEGATION_TEXT =
  'Saw Snapchat messages between Mr Example and a Year 6 pupil about the trampoline club, sent after midnight.';

describe.skipIf(chromiumMissing !== null)('a lead works a case through the app', () => {
  let lead: LeadSession;
  let allegation: string;
  let lowLevel: string;

  beforeAll(async () => {
    lead = await openLeadSession();
    // The urgent one is filed first: it must still head the inbox, above the newer one.
    allegation = await lead.file({
      answers: contactAnswers({ whatHappened: ALLEGATION_TEXT }),
      attachments: { 'screenshot.png': samplePng() },
    });
    lowLevel = await lead.file({
      form: 'derogatory-language',
      answers: contactAnswers({
        whatHappened: 'Mr Example called a family "scroungers" in a local Facebook group.',
        platform: 'facebook',
        peopleInvolved: [
          { name: 'Mr Example', role: 'staff' },
          { name: 'Jo Parent', role: 'parent' },
        ],
      }),
    });
  });

  afterAll(async () => {
    await lead?.close();
  });

  it('refuses a wrong passphrase in words, showing nothing else, then unlocks with the right one', async () => {
    const { page } = lead;
    await lead.openArea();
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await press(page, 'Unlock safeguarding area');
    const alert = page.getByRole('alert');
    await alert
      .getByText(/The passphrase is wrong\. After 4 more wrong tries, each try will have to wait\./)
      .waitFor();
    expect(await page.getByLabel('Passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Safeguarding' }).count()).toBe(0);
    expect(await page.getByText(allegation).count()).toBe(0);
    // The error is in words beside the field, and the field keeps focus for the next try.
    expect(
      await page
        .getByLabel('Passphrase')
        .evaluate(
          (el: { ownerDocument: { activeElement: unknown } }) =>
            el === el.ownerDocument.activeElement,
        ),
    ).toBe(true);

    await lead.unlock();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('lists the urgent, untriaged concern first, marked, with every column', async () => {
    const { page } = lead;
    // The core imports on unlock; the area waits for that import and says when it checked.
    await page
      .getByRole('status')
      .getByText(/^Checked at \d\d:\d\d: /)
      .waitFor();
    const table = page.getByRole('table');
    await table.getByRole('button', { name: lowLevel }).waitFor();
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    expect(headers).toEqual([
      'Reference',
      'Type',
      'Received',
      'Urgency',
      'Status',
      'Pathway',
      'Assigned lead',
      'People named',
      'Due',
    ]);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const first = rows.first();
    expect(await first.getByRole('button').first().textContent()).toBe(allegation);
    expect(await first.textContent()).toContain('Urgent · not triaged');
    expect(await first.textContent()).toContain('Mr Example, Pupil A');
    expect(await rows.nth(1).textContent()).toContain('Normal');
    await page.getByText('2 cases.').waitFor();
    // Dates read day/month/year, as everywhere in a UK school.
    expect(await dateFieldOrder(page, await labelled(page, 'Received from'))).toEqual([
      'day',
      'month',
      'year',
    ]);
    await page.getByRole('heading', { name: 'Files that could not be imported: 0' }).waitFor();

    await saveScreenshot(page, 'lead-inbox');
    await saveScreenshot(page, 'lead-inbox-1920', LARGE_DESKTOP);
    await expectNoSeriousViolations(page, 'the inbox');

    // Filters: dates the wrong way round are said in words; a filter narrows; clearing restores.
    const filters = page.getByRole('form', { name: 'Filter the inbox' });
    await (await labelled(filters, 'Received from')).fill('2020-01-02');
    await (await labelled(filters, 'Received to')).fill('2020-01-01');
    await press(filters, 'Apply filters');
    await filters
      .getByText('The "Received from" date must be on or before the "Received to" date.')
      .waitFor();
    await (await labelled(filters, 'Received from')).fill('');
    await press(filters, 'Apply filters');
    await page.getByText('No cases match these filters.').waitFor();
    await press(filters, 'Clear filters');
    await page.getByText('2 cases.').waitFor();
  });

  it("shows the concern as filed, and only then does the teacher's receipt say acknowledged", async () => {
    const { page } = lead;
    // Imported and listed is not acknowledged: no lead has opened it yet.
    expect(await lead.receiptStatus(allegation)).toBe('Delivered');
    await page.getByRole('table').getByRole('button', { name: allegation }).press('Enter');
    await page.getByRole('heading', { name: `Case ${allegation}`, level: 1 }).waitFor();
    const filed = page.getByRole('region', { name: 'The concern as filed' });
    await filed.getByText(ALLEGATION_TEXT).waitFor();
    // A choice in its form's words, not its stored value.
    await filed.getByText('Snapchat', { exact: true }).waitFor();
    await filed.getByText(/^SHA-256 [0-9a-f]{64}$/).waitFor();

    // The image is shown inside the app, from a data: URL; there is no link to download it.
    await press(filed, 'Show image screenshot.png');
    const image = filed.getByRole('img', { name: 'Attachment screenshot.png' });
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(await page.locator('a[download], a[href]:not([href^="#"])').count()).toBe(0);

    expect(await lead.receiptStatus(allegation)).toBe(
      'Acknowledged: a safeguarding lead has opened it',
    );
    expect(await lead.receiptStatus(lowLevel)).toBe('Delivered');
  });

  it('triages the allegation against a member of staff with the harm-threshold checklist and a reason', async () => {
    const { page } = lead;
    const triage = page.getByRole('form', { name: 'Triage' });
    const harm = await group(triage, 'Harm threshold (KCSIE Part 4)');
    await harm.getByText(/suggest a low-level concern/).waitFor();
    await tick(
      harm.getByRole('checkbox', { name: /may pose a risk of harm/ }),
      'the risk-of-harm statement',
    );
    await harm.getByText(/suggest an allegation: the harm threshold is met/).waitFor();

    // Choosing otherwise than the answers suggest needs a reason.
    await (await select(triage, 'Pathway')).selectOption({ label: 'Low-level concern' });
    await press(triage, 'Save triage');
    await triage
      .getByText(
        'The harm-threshold answers suggest allegation: say why you chose low-level concern.',
      )
      .first()
      .waitFor();
    expect(
      await (
        await textbox(triage, 'Reason')
      ).evaluate(
        (el: { ownerDocument: { activeElement: unknown } }) =>
          el === el.ownerDocument.activeElement,
      ),
    ).toBe(true);

    await (await select(triage, 'Pathway')).selectOption({ label: 'Allegation' });
    await (await group(triage, 'Priority')).getByRole('radio', { name: 'Urgent' }).check();
    await (
      await textbox(triage, 'Reason')
    ).fill('Private messages with a pupil after midnight: the harm threshold is met.');
    await press(triage, 'Save triage');

    const clock = page.getByRole('region', { name: 'LADO clock' });
    await clock.waitFor();
    expect(await clock.textContent()).toMatch(/Due by \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d/);
    await clock.getByText('Do not investigate before the LADO has given advice.').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/triaged it: Allegation, urgent priority at \d\d:\d\d/).waitFor();
    const details = await timeline.locator('.timeline__details').last().innerText();
    expect(details).toMatch(/Risk of harm\s+Yes/);
    expect(details).toMatch(/Harmed a child\s+No/);
    await timeline
      .getByText('Private messages with a pupil after midnight: the harm threshold is met.')
      .waitFor();
  });

  it('records the LADO consultation with what was shared, why and consent, and the clock is met', async () => {
    const { page } = lead;
    const record = page.getByRole('region', { name: 'Record' });
    await press(record, 'Action');
    const action = page.getByRole('form', { name: 'Record an action' });
    expect(await (await select(action, 'Action')).inputValue()).toBe('lado-consultation');
    await tick(action.getByRole('checkbox', { name: 'Done now' }), 'Done now');
    // Done and external: what was shared is required.
    await press(action, 'Save action');
    await action.getByText('Say what was shared (required once it is done).').waitFor();

    await (await textbox(action, 'Spoke to')).fill('Pat Lado, LADO, Barnsole Council');
    await (
      await textbox(action, 'Advice received')
    ).fill('Threshold met. Do not speak to Mr Example yet; strategy meeting tomorrow.');
    await (await textbox(action, 'Agreed next steps')).fill('Headteacher to attend the meeting.');
    await (
      await textbox(action, 'What was shared')
    ).fill('The concern as filed and the screenshot.');
    await (await textbox(action, 'Why it was shared')).fill('The harm threshold is met.');
    await (await group(action, 'Consent')).getByRole('radio', { name: 'Not needed' }).check();
    await (
      await textbox(action, 'Consent reasoning')
    ).fill('A statutory referral about an adult; seeking consent could alert the member of staff.');
    await press(action, 'Save action');

    const clock = page.getByRole('region', { name: 'LADO clock' });
    await clock.getByText('Met: a LADO consultation is recorded as done.').waitFor();
    expect(
      await clock.getByText('Do not investigate before the LADO has given advice.').count(),
    ).toBe(0);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline
      .getByText(/Ellie Shea recorded a LADO consultation \(done\) at \d\d:\d\d/)
      .waitFor();
    await timeline.getByText('The concern as filed and the screenshot.').waitFor();
  });

  it('records an action with a due date, listed as still to do', async () => {
    const { page } = lead;
    await press(page.getByRole('region', { name: 'Record' }), 'Action');
    const action = page.getByRole('form', { name: 'Record an action' });
    await (await select(action, 'Action')).selectOption({ label: 'HR action' });
    await (await labelled(action, 'Due by')).fill('2031-03-14');
    await (await textbox(action, 'Agreed next steps')).fill('HR to review the club rota.');
    await press(action, 'Save action');
    const actions = page.getByRole('region', { name: 'Actions' });
    const item = actions.getByRole('listitem').filter({ hasText: 'HR action' });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Due by [^·]*14 Mar(ch)? 2031/);
    expect(await item.getByRole('button', { name: 'Mark HR action as done' }).count()).toBe(1);
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(/Ellie Shea recorded an HR action at \d\d:\d\d/)
      .waitFor();
  });

  it('adds a note of fact and records a decision with its reason', async () => {
    const { page } = lead;
    const record = page.getByRole('region', { name: 'Record' });
    await press(record, 'Note');
    const note = page.getByRole('form', { name: 'Add a note' });
    await (await group(note, 'This note is')).getByRole('radio', { name: 'Fact' }).check();
    await (await textbox(note, 'Note')).fill('Mr Example was on a course all week.');
    await press(note, 'Save note');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/Ellie Shea added a note of fact at \d\d:\d\d/).waitFor();

    await press(record, 'Decision');
    const decision = page.getByRole('form', { name: 'Record a decision' });
    await (await textbox(decision, 'Decision')).fill('No referral to the police.');
    await (
      await textbox(decision, 'Reason')
    ).fill('The LADO advised that no offence is suggested.');
    await press(decision, 'Save decision');
    await timeline.getByText(/Ellie Shea recorded a decision at \d\d:\d\d/).waitFor();
    await timeline.getByText('No referral to the police.').waitFor();
  });

  it('closes the allegation with an outcome', async () => {
    const { page } = lead;
    const record = page.getByRole('region', { name: 'Record' });
    await press(record, 'Outcome and close');
    const close = page.getByRole('form', { name: 'Close the case' });
    const outcomes = await group(close, 'Outcome');
    const names = await outcomes
      .locator('label')
      .evaluateAll((labels: Array<{ firstChild: { textContent: string | null } | null }>) =>
        labels.map((label) => label.firstChild?.textContent),
      );
    expect(names).toEqual(['Substantiated', 'False', 'Malicious', 'Unsubstantiated', 'Unfounded']);
    await outcomes.getByRole('radio', { name: /^Unfounded/ }).check();
    await (
      await textbox(close, 'Summary of how it was resolved')
    ).fill('The messages were from the club account, run by the coach.');
    await press(close, 'Close case');
    await page.getByRole('form', { name: 'Reopen the case' }).waitFor();
    const facts = page.locator('.case__facts');
    expect(await facts.textContent()).toContain('Closed Unfounded');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/Ellie Shea closed the case: unfounded at \d\d:\d\d/).waitFor();

    await scrollToTop(page);
    await saveScreenshot(page, 'lead-case');
    await saveScreenshot(page, 'lead-case-full', undefined, { fullPage: true });
    await expectNoSeriousViolations(page, 'a case');
  });

  it('reopens the case only with a reason, and its record stays as it was', async () => {
    const { page } = lead;
    const reopen = page.getByRole('form', { name: 'Reopen the case' });
    await press(reopen, 'Reopen case');
    await reopen.getByText('Give the reason for reopening.').waitFor();
    await (
      await textbox(reopen, 'Reason for reopening')
    ).fill('The coach says he never ran the club account.');
    await press(reopen, 'Reopen case');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/Ellie Shea reopened the case at \d\d:\d\d/).waitFor();
    await timeline.getByText('The coach says he never ran the club account.').waitFor();
    expect(await page.locator('.case__facts').textContent()).toContain('Open');
    // Everything recorded before is still there, in order.
    await timeline.getByText(/closed the case: unfounded/).waitFor();
    await page.getByRole('form', { name: 'Record an action' }).waitFor();
  });

  it('triages the other concern about the same adult as a low-level concern', async () => {
    const { page } = lead;
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Inbox');
    await page.getByRole('table').getByRole('button', { name: lowLevel }).press('Enter');
    await page.getByRole('heading', { name: `Case ${lowLevel}`, level: 1 }).waitFor();
    const triage = page.getByRole('form', { name: 'Triage' });
    await triage.getByText(/suggest a low-level concern/).waitFor();
    await (await select(triage, 'Pathway')).selectOption({ label: 'Low-level concern' });
    // Left for whichever lead picks it up.
    await (await select(triage, 'Assigned lead')).selectOption({ label: 'Not assigned' });
    await press(triage, 'Save triage');
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(/triaged it: Low-level concern/)
      .waitFor();
    expect(await page.getByRole('region', { name: 'LADO clock' }).count()).toBe(0);
    expect(
      await page.getByRole('term').filter({ hasText: 'Assigned lead' }).locator('+ dd').innerText(),
    ).toBe('Not assigned');
  });

  it('filters the inbox by who a case is assigned to: me, another lead, nobody yet', async () => {
    const { page } = lead;
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Inbox');
    const filters = page.getByRole('form', { name: 'Filter the inbox' });
    const table = page.getByRole('table');
    const shown = async (choice: string) => {
      await (await select(filters, 'Assigned')).selectOption({ label: choice });
      await press(filters, 'Apply filters');
    };
    await shown('To me');
    await page.getByText('1 case matches these filters.').waitFor();
    await table.getByRole('button', { name: allegation }).waitFor();
    expect(await table.getByRole('button', { name: lowLevel }).count()).toBe(0);
    await shown('To nobody yet');
    await page.getByText('1 case matches these filters.').waitFor();
    await table.getByRole('button', { name: lowLevel }).waitFor();
    await saveScreenshot(page, 'lead-inbox-assigned');
    await shown('To another lead');
    await page.getByText('No cases match these filters.').waitFor();
    await press(filters, 'Clear filters');
    await page.getByText('2 cases.').waitFor();
  });

  it('finds the allegation again by a word from its text', async () => {
    const { page } = lead;
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Search');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    await (await labelled(page, 'Words to find')).fill('trampoline');
    await press(page, 'Search cases');
    await page.getByRole('status').getByText('1 case found for “trampoline”.').waitFor();
    const results = page.getByRole('table');
    await results.getByRole('button', { name: allegation }).waitFor();
    expect(await results.textContent()).toContain('Allegation');
    expect(await results.textContent()).not.toContain(lowLevel);

    await saveScreenshot(page, 'lead-search');
    await expectNoSeriousViolations(page, 'search');
  });

  it("opens the adult's chronology, with the low-level concerns of the last 12 months first", async () => {
    const { page } = lead;
    await (await labelled(page, 'Name')).fill('example');
    await press(page, 'Find people');
    await page.getByRole('status').getByText('1 person found named “example”.').waitFor();
    await press(page.getByRole('region', { name: 'People named “example”' }), 'Mr Example');
    await page.getByRole('heading', { name: 'Chronology: Mr Example', level: 1 }).waitFor();
    await page.getByText('Low-level concerns in the last 12 months: 1').waitFor();
    const entries = page.locator('.chronology__entry');
    const texts = await entries.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(8);
    expect(texts[0]).toContain(`${allegation} concern filed`);
    expect(texts.some((t) => /recorded a LADO consultation \(done\)/.test(t))).toBe(true);
    expect(texts.at(-1)).toContain('triaged it: Low-level concern');

    await scrollToTop(page);
    await saveScreenshot(page, 'lead-chronology');
    await expectNoSeriousViolations(page, 'a chronology');

    // The same page is reached from the people a case names.
    await press(page.getByRole('table'), allegation);
    await page.getByRole('heading', { name: `Case ${allegation}`, level: 1 }).waitFor();
    await press(page.getByRole('region', { name: 'The concern as filed' }), 'Mr Example');
    await page.getByRole('heading', { name: 'Chronology: Mr Example', level: 1 }).waitFor();
  });

  it('checks the record and says in words that it checks out', async () => {
    const { page } = lead;
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Check the record');
    await page.getByRole('heading', { name: 'Check the record', level: 1 }).waitFor();
    await press(page, 'Check the record now');
    await page.getByRole('status').getByText('The record checks out.').waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(
      /\d+ audit entries and \d+ events: every link and every signature is intact\./,
    );
    expect(lead.pageErrors).toEqual([]);
  });
});
