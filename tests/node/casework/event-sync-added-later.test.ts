/**
 * Issue 10 §1: "a lead added later receives the history of the cases routed to them from then on
 * (re-sealed by a lead who holds it)". Through the real CLI with one share folder: a school with
 * only its DSL files and triages a concern; a deputy joins, and the DSL's next import shares the
 * case with them — its concern and every event — while a concern about the deputy stays away from
 * them. A headteacher joins, and the concern about the deputy (which routing now gives the head)
 * is shared with the head, not the everyday one. The deputy then records on the shared case and
 * the DSL receives it: the deputy is one of the case's leads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';
import { CLI_HEAVY, fileAndImport, leadCommands } from './support';

interface Imported {
  events: {
    received: { events: number; quarantined: Array<{ file: string; code: string }> };
    shared: number;
  };
}
interface Shown {
  pathway: string | null;
  notes: Array<{ text: string }>;
  events: Array<{ eventId: string; type: string }>;
}

let school: SchoolFixture;

beforeAll(async () => {
  school = await makeSchool();
}, CLI_HEAVY);
afterAll(async () => school?.cleanup());

const as = leadCommands;

describe('a lead added later', () => {
  it(
    'receives the cases routing now gives them, with their history, and never one about them',
    { timeout: CLI_HEAVY },
    async () => {
      const dsl = as(school.dslHome, school.passphraseFile);
      const everyday = await fileAndImport(school, contactAnswers());
      await dsl('triage', everyday, '--pathway', 'low-level', '--priority', 'high');
      await dsl('note', everyday, '--text', 'Spoke to the reporter before the deputy joined.');

      const deputy: JoinedRecipient<'deputy'> = await addJoinedRecipient(
        school,
        'deputy',
        'Dan Deputy',
      );
      const dep = as(deputy.home, deputy.passphraseFile);
      const sharing = await dsl<Imported>('import');
      expect(sharing.events.shared).toBe(1);
      // Once per profile: the next import shares nothing again.
      expect((await dsl<Imported>('import')).events.shared).toBe(0);
      const aboutDeputy = await fileAndImport(school, contactAnswers(), ['--about', 'Dan Deputy']);

      const atDeputy = await dep<Imported>('import');
      expect(atDeputy.events.received.quarantined).toEqual([]);
      expect(atDeputy.events.received.events).toBeGreaterThanOrEqual(3);
      const seen = await dep<Shown>('show', everyday);
      expect(seen.pathway).toBe('low-level');
      expect(seen.notes.map((n) => n.text)).toEqual([
        'Spoke to the reporter before the deputy joined.',
      ]);
      expect(seen.events.map((e) => e.type)).toContain('case-shared');
      const refused = await runCli(deputy.home, [
        'lead',
        'show',
        aboutDeputy,
        '--passphrase-file',
        deputy.passphraseFile,
      ]);
      expect(refused.code).not.toBe(0);

      // The head joins: routing gives them concerns about a lead, not the everyday one.
      const head: JoinedRecipient<'headteacher'> = await addJoinedRecipient(
        school,
        'headteacher',
        'Hana Head',
      );
      const hd = as(head.home, head.passphraseFile);
      expect((await dsl<Imported>('import')).events.shared).toBe(1);
      await hd('import');
      const headList = await hd<Array<{ reference: string }>>('list');
      expect(headList.map((c) => c.reference)).toEqual([aboutDeputy]);
      const deputyAgain = await dep<Imported>('import');
      expect(deputyAgain.events.received.quarantined).toEqual([]);
      const deputyList = await dep<Array<{ reference: string }>>('list');
      expect(deputyList.map((c) => c.reference)).toEqual([everyday]);

      // The deputy is one of the shared case's leads: what they record reaches the DSL.
      await dep('note', everyday, '--text', 'Deputy followed up with the class teacher.');
      const back = await dsl<Imported>('import');
      expect(back.events.received.quarantined).toEqual([]);
      await dep('import');
      const [mine, theirs] = [
        await dsl<Shown>('show', everyday),
        await dep<Shown>('show', everyday),
      ];
      await dsl('import');
      await dep('import');
      const [mineAfter, theirsAfter] = [
        await dsl<Shown>('show', everyday),
        await dep<Shown>('show', everyday),
      ];
      expect(mine.notes.map((n) => n.text)).toContain('Deputy followed up with the class teacher.');
      expect(theirs.notes).toEqual(mine.notes);
      expect(theirsAfter.events.map((e) => e.eventId)).toEqual(
        mineAfter.events.map((e) => e.eventId),
      );
    },
  );
});
