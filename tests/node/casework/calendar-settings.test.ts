/**
 * Issue 7 §2, two calendars: the lead sets the school's closure days and term dates (`lead
 * calendar`). Closure days are not working days for the LADO's clock, and every open case's clock
 * moves when they change; term dates define the school days an action can be due in. Bad input
 * is refused in words and changes nothing; every change is audited.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSchoolDays,
  endOfLondonDay,
  londonDateOf,
  nextWorkingDay,
  schoolCalendar,
  emptyCalendar,
} from '../../../src/casework';
import { cliJson, runCli } from '../support/cli';
import { caseworkFixture, type CaseworkFixture } from './support';

let fixture: CaseworkFixture;
const lead = (args: string[]) =>
  runCli(fixture.school.dslHome, [...args, '--passphrase-file', fixture.school.passphraseFile]);
const leadJson = <T>(args: string[]) =>
  cliJson<T>(fixture.school.dslHome, [...args, '--passphrase-file', fixture.school.passphraseFile]);

/** A date `days` after `date` (both YYYY-MM-DD). */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  fixture = await caseworkFixture();
});
afterAll(async () => fixture?.school.cleanup());

describe('the school calendar', () => {
  it('starts empty, and refuses bad dates and repeats in words, changing nothing', async () => {
    expect(await leadJson(['lead', 'calendar'])).toEqual({ terms: [], closureDays: [] });

    const bad = await lead(['lead', 'calendar', 'add-closure', '30/11/2026']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'safeguard-desk: The school calendar was not changed: Write dates as YYYY-MM-DD, such as 2026-09-03.\n',
    );
    const file = join(fixture.school.root, 'calendar.json');
    await writeFile(
      file,
      JSON.stringify({
        terms: [
          { start: '2026-09-03', end: '2026-12-18' },
          { start: '2026-12-01', end: '2027-02-12' },
        ],
        closureDays: [],
      }),
    );
    const overlap = await lead(['lead', 'calendar', 'set', '--file', file]);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain(
      'The terms 2026-09-03 to 2026-12-18 and 2026-12-01 to 2027-02-12 overlap.',
    );
    await writeFile(file, '{"terms": [');
    expect((await lead(['lead', 'calendar', 'set', '--file', file])).stderr).toContain(
      'The calendar file is not JSON',
    );
    expect(await leadJson(['lead', 'calendar'])).toEqual({ terms: [], closureDays: [] });
  });

  it('moves an open allegation’s LADO clock past a closure day, and audits the change', async () => {
    const workspace = await fixture.open();
    try {
      const { casework } = workspace;
      casework.record(fixture.caseId, 'triaged', {
        pathway: 'allegation',
        priority: 'urgent',
        assignedTo: null,
        reason: null,
        harmThreshold: { harmed: false, offence: false, risk: true, unsuitable: true },
      });
      const before = casework.state(fixture.caseId).lado?.due ?? '';
      const today = londonDateOf(new Date());
      const dueDay = nextWorkingDay(today, emptyCalendar);
      expect(before).toBe(endOfLondonDay(dueDay));

      workspace.setCalendar({ terms: [], closureDays: [dueDay] });

      const after = casework.state(fixture.caseId).lado?.due;
      const expected = endOfLondonDay(
        nextWorkingDay(dueDay, schoolCalendar({ terms: [], closureDays: [dueDay] })),
      );
      expect(after).toBe(expected);
      expect(after).not.toBe(before);
      expect(workspace.store.audit.all().at(-1)).toMatchObject({
        kind: 'calendar-changed',
        detailJson: JSON.stringify({ closureDays: 1, terms: 0 }),
      });
    } finally {
      workspace.close();
    }
    // The change was stored: another process (the CLI) sees it.
    expect(
      (await leadJson<{ closureDays: string[] }>(['lead', 'calendar'])).closureDays,
    ).toHaveLength(1);
  });

  it('counts an action due in school days by the term dates, and says when there are none', async () => {
    const none = await lead([
      'lead',
      'action',
      fixture.reference,
      '--type',
      'other',
      '--due-in-school-days',
      '5',
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      'safeguard-desk: --due-in-school-days needs the term dates: set them with "lead calendar add-term".\n',
    );

    const today = londonDateOf(new Date());
    const term = { start: plusDays(today, -20), end: plusDays(today, 60) };
    const saved = await leadJson<{ terms: unknown[]; closureDays: string[] }>([
      'lead',
      'calendar',
      'add-term',
      term.start,
      term.end,
    ]);
    expect(saved.terms).toEqual([term]);
    const result = await leadJson<{ actions: Array<{ type: string; due: string }> }>([
      'lead',
      'action',
      fixture.reference,
      '--type',
      'other',
      '--due-in-school-days',
      '5',
    ]);
    const expected = addSchoolDays(
      today,
      5,
      schoolCalendar({ terms: [term], closureDays: saved.closureDays }),
    );
    expect(result.actions.find((a) => a.type === 'other')?.due).toBe(expected);
  });
});
