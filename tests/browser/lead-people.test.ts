/**
 * Issue 7 §3 and §5 in the real UI against the real core: two concerns spell one teacher's name
 * two ways and make two person records; the lead merges them from a chronology (after a
 * confirmation that says what will happen) and undoes the merge with a reason. Then the lock after
 * 5 minutes without input, and one path from unlock to a saved triage with the keyboard alone.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactAnswers, PASSPHRASE } from '../node/support/school';
import { expectNoSeriousViolations } from './support/axe';
import { chromiumMissing } from './support/chromium';
import { openLeadSession, type LeadSession } from './support/lead-page';
import { eventually, group, labelled, press, select, textbox } from './support/locate';

/** Whether `target` is the focused element (the page's DOM types are not in this project). */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate(
    (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
  );
}

/** A word found only in the first concern: if it is anywhere in the page, a case is still there. */
const DISTINCTIVE = 'Quillon';

describe.skipIf(chromiumMissing !== null)('the records of one person, in the app', () => {
  let lead: LeadSession;
  let plain: string;
  let initialled: string;

  beforeAll(async () => {
    lead = await openLeadSession();
    plain = await lead.file({
      answers: contactAnswers({
        whatHappened: `Mr Example messaged a pupil about the ${DISTINCTIVE} trip after midnight.`,
        peopleInvolved: [{ name: 'Mr Example', role: 'staff' }],
      }),
    });
    initialled = await lead.file({
      form: 'derogatory-language',
      answers: contactAnswers({
        whatHappened: 'Mr J. Example posted about a family in a local Facebook group.',
        platform: 'facebook',
        peopleInvolved: [{ name: 'Mr J. Example', role: 'staff' }],
      }),
    });
  });

  afterAll(async () => {
    await lead?.close();
  });

  it('keeps two spellings of one name as two records, each with its own case', async () => {
    const { page } = lead;
    await lead.openArea();
    await lead.unlock();
    await press(page.getByRole('navigation', { name: 'Safeguarding' }), 'Search');
    await (await labelled(page, 'Name')).fill('example');
    await press(page, 'Find people');
    await page.getByRole('status').getByText('2 people found named “example”.').waitFor();
    await press(page.getByRole('region', { name: 'People named “example”' }), 'Mr Example');
    await page.getByRole('heading', { name: 'Chronology: Mr Example', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '1 case naming Mr Example' }).waitFor();
    expect(await page.getByRole('table').textContent()).not.toContain(initialled);
  });

  it('merges the other record into this one after saying what will happen', async () => {
    const { page } = lead;
    const merge = page.getByRole('region', { name: 'Another record of Mr Example?' });
    await (await labelled(merge, 'Name of the other record')).fill('example');
    await press(merge, 'Find records');
    await merge.getByRole('status').getByText('2 records found named “example”.').waitFor();
    // This record is listed but cannot be merged into itself.
    const found = merge.getByRole('list', { name: 'Records named “example”' });
    await found.getByText('this record', { exact: true }).waitFor();
    expect(await found.getByRole('button').count()).toBe(1);
    await press(found, 'Merge Mr J. Example into this record…');

    const confirm = page.getByRole('region', {
      name: 'Merge Mr J. Example (Member of staff) into Mr Example (Member of staff)?',
    });
    await confirm.waitFor();
    // The question has focus, so it is read first.
    expect(await hasFocus(confirm.getByRole('heading'))).toBe(true);
    expect(await confirm.textContent()).toContain(
      'This chronology will list the cases of both, and say Mr Example is also recorded as Mr J. Example.',
    );
    await expectNoSeriousViolations(page, 'the merge confirmation');
    await press(confirm, 'Merge the records');

    await page
      .getByRole('status')
      .getByText('Merged: Mr J. Example is now recorded as the same person.')
      .waitFor();
    await page.getByRole('heading', { name: '2 cases naming Mr Example' }).waitFor();
    const cases = page.getByRole('table');
    await cases.getByRole('button', { name: plain }).waitFor();
    await cases.getByRole('button', { name: initialled }).waitFor();
    await page.getByText('Also recorded as Mr J. Example (Member of staff)').waitFor();
    const entries = await page.locator('.chronology__entry').allTextContents();
    expect(entries.filter((t) => t.includes('concern filed'))).toHaveLength(2);
    await expectNoSeriousViolations(page, 'a chronology with a merge');
  });

  it('undoes the merge only with a reason, and shows one case again', async () => {
    const { page } = lead;
    const merged = page.getByRole('region', { name: 'Merged records' });
    await merged.getByText(/Mr J\. Example \(Member of staff\) merged into Mr Example/).waitFor();
    await press(merged, 'Undo this merge of Mr J. Example into Mr Example');
    const undo = page.getByRole('form', {
      name: 'Undo the merge of Mr J. Example into Mr Example',
    });
    await press(undo, 'Undo merge');
    await undo.getByText('Give the reason for undoing the merge.').waitFor();
    await (
      await textbox(undo, 'Reason for undoing the merge')
    ).fill('Two people: Mr J. Example is the supply teacher, not Mr Example.');
    await press(undo, 'Undo merge');

    await page
      .getByRole('status')
      .getByText('Merge undone: Mr J. Example and Mr Example are separate records again.')
      .waitFor();
    await page.getByRole('heading', { name: '1 case naming Mr Example' }).waitFor();
    expect(await page.getByRole('table').textContent()).not.toContain(initialled);
    expect(await page.getByRole('region', { name: 'Merged records' }).count()).toBe(0);
    expect(await page.getByText(/Also recorded as/).count()).toBe(0);
    expect(lead.pageErrors).toEqual([]);
  });

  it('locks after 5 minutes without input: no case on the screen or in memory, and the core is locked', async () => {
    const { page } = lead;
    // Playwright's fake clock: installed before the page loads, time then runs as normal until
    // the test jumps it forward. Nothing in the app is shortened for the test.
    await page.clock.install();
    await lead.openArea();
    await lead.unlock();
    await page.getByRole('table').getByRole('button', { name: plain }).press('Enter');
    await page.getByRole('heading', { name: `Case ${plain}`, level: 1 }).waitFor();
    await page.getByText(DISTINCTIVE, { exact: false }).first().waitFor();
    // The memory check can fail: with the case open, its words are in the page's heap.
    expect(await heapHolds(lead, DISTINCTIVE)).toBe(true);

    await page.clock.fastForward('04:50');
    expect(await page.content()).toContain(DISTINCTIVE);
    await page.clock.fastForward('00:11');

    await page.getByRole('heading', { name: 'Safeguard Desk is locked', level: 1 }).waitFor();
    await page.getByText('The safeguarding area is locked too').waitFor();
    expect(await page.content()).not.toContain(DISTINCTIVE);
    expect(await page.content()).not.toContain(plain);
    await eventually('the core says the lead is locked', async () => {
      const status = await page.evaluate(() =>
        (globalThis as unknown as SafeguardWindow).safeguard['lead.status'](),
      );
      return status.isLead && !status.unlocked;
    });
    const refused = await page.evaluate(() =>
      (globalThis as unknown as SafeguardWindow).safeguard['lead.inbox']({}).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    expect(refused).toMatch(/^(Error: )?\[locked\] /);
    expect(await heapHolds(lead, DISTINCTIVE)).toBe(false);

    // Unlocking the app does not unlock the safeguarding area: its passphrase is asked again.
    await press(page, 'Unlock');
    await press(page.getByRole('navigation', { name: 'Main' }), 'Safeguarding');
    await page.getByLabel('Passphrase').waitFor();
    expect(await page.content()).not.toContain(DISTINCTIVE);
  });

  it('works with the keyboard alone: unlock, the first inbox row, the case, triage saved', async () => {
    const { page } = lead;
    const keys = new KeyboardOnly(page);
    await page.goto(lead.host.url);
    const area = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Safeguarding', exact: true });
    await area.waitFor();
    await keys.tabTo(area);
    await keys.press('Enter');
    await page.getByRole('heading', { name: 'Safeguarding area', level: 1 }).waitFor();
    await keys.tabTo(page.getByLabel('Passphrase'));
    await page.keyboard.type(PASSPHRASE);
    await keys.press('Enter');
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();

    const firstRow = page.getByRole('table').locator('tbody tr').first();
    await firstRow.getByRole('button', { name: plain }).waitFor();
    await keys.tabTo(firstRow.getByRole('button').first());
    await keys.press('Enter');
    const heading = page.getByRole('heading', { name: `Case ${plain}`, level: 1 });
    await heading.waitFor();
    // Opening a case puts focus on its heading, where reading starts.
    expect(await hasFocus(heading)).toBe(true);

    const triage = page.getByRole('form', { name: 'Triage' });
    await keys.tabTo(triage.getByRole('checkbox', { name: /have harmed a child/ }));
    await keys.press('Space');
    await triage.getByText(/suggest an allegation/).waitFor();
    const pathway = await select(triage, 'Pathway');
    await keys.tabTo(pathway);
    for (let i = 0; i < 6 && (await pathway.inputValue()) !== 'allegation'; i += 1) {
      await keys.press('ArrowDown');
    }
    expect(await pathway.inputValue()).toBe('allegation');
    const priority = await group(triage, 'Priority');
    await keys.tabTo(priority.getByRole('radio', { name: 'Urgent' }));
    await keys.press('ArrowLeft');
    expect(await priority.getByRole('radio', { name: 'High' }).isChecked()).toBe(true);
    const save = triage.getByRole('button', { name: 'Save triage' });
    await keys.tabTo(save);
    // Back one control and forward again: nothing traps the focus.
    await keys.press('Shift+Tab');
    expect(await hasFocus(await textbox(triage, 'Reason'))).toBe(true);
    await keys.press('Tab');
    expect(await hasFocus(save)).toBe(true);
    await keys.press('Enter');

    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(/triaged it: Allegation, high priority/)
      .waitFor();
    expect(keys.unoutlined).toEqual([]);
    expect(lead.pageErrors).toEqual([]);
  });
});

/**
 * Drives the page with keys only. Each Tab stop is checked for a visible focus indicator (an
 * outline or a box shadow); those without one are listed in `unoutlined`. Two stops are the
 * browser's own: the body, as Tab leaves the end of the page for the browser's controls, and a
 * date input's calendar button after its day, month and year, ringed by Chromium where no
 * page style reaches.
 */
class KeyboardOnly {
  readonly unoutlined: string[] = [];
  private previous = '';

  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Presses Tab until `target` has focus; fails after `max` presses (unreachable, or trapped). */
  async tabTo(target: Locator, max = 80): Promise<void> {
    await target.waitFor({ state: 'attached' });
    for (let i = 0; i < max; i += 1) {
      await this.page.keyboard.press('Tab');
      const stop = await this.page.evaluate(focusedStop);
      const browsers = stop.what.startsWith('body') || (stop.date && stop.what === this.previous);
      if (!stop.visible && !browsers) this.unoutlined.push(stop.what);
      this.previous = stop.what;
      if (await hasFocus(target)) return;
    }
    throw new Error(`${String(target)} was not reached in ${max} presses of Tab`);
  }
}

/** The focused element, and whether its focus is visible (runs in the page). */
function focusedStop(): { what: string; visible: boolean; date: boolean } {
  // The page's DOM types are not in this Node project's lib: what is read is typed here.
  interface El {
    tagName: string;
    id: string;
    type?: string;
    textContent: string | null;
  }
  const page = globalThis as unknown as {
    document: { activeElement: El | null };
    getComputedStyle(el: El): { outlineStyle: string; outlineWidth: string; boxShadow: string };
  };
  const el = page.document.activeElement;
  if (el === null) return { what: 'nothing', visible: false, date: false };
  const style = page.getComputedStyle(el);
  const outlined = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  const shadowed = style.boxShadow !== 'none';
  const what = `${el.tagName.toLowerCase()}#${el.id} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  const date = el.type === 'date' || el.type === 'datetime-local';
  return { what, visible: outlined || shadowed, date };
}

interface SafeguardWindow {
  safeguard: {
    'lead.status'(): Promise<{ isLead: boolean; unlocked: boolean }>;
    'lead.inbox'(input: object): Promise<unknown>;
  };
}

/**
 * Whether `text` is anywhere in the page's JavaScript heap, after a garbage collection: a heap
 * snapshot holds only what is still reachable.
 */
async function heapHolds(lead: LeadSession, text: string): Promise<boolean> {
  const cdp = await lead.context.newCDPSession(lead.page);
  try {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return chunks.join('').includes(text);
  } finally {
    await cdp.detach();
  }
}
