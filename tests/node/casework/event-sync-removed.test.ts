/**
 * Issue 10 §1: "a lead removed receives nothing new". The DSL removes a deputy who held a case:
 * what the DSL records afterwards is sealed to the case's remaining leads only (Debian's age
 * cannot open it with the deputy's identity, and the deputy's import receives nothing), and what
 * the deputy recorded offline before the removal, arriving after it, is quarantined by the DSL
 * with its reason and never applied: the profile no longer vouches for their key.
 */
import { execFileSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAge } from '../support/age';
import { cliJson, runCli } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  unplugShare,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';
import { CLI_HEAVY, fileAndImport, leadCommands } from './support';

interface Imported {
  events: {
    received: { events: number; quarantined: Array<{ file: string; code: string }> };
    delivered: { delivered: number; pending: number };
  };
}
interface Shown {
  notes: Array<{ text: string }>;
  events: Array<{ eventId: string }>;
}

let school: SchoolFixture;
let deputy: JoinedRecipient<'deputy'>;
let deputyKey: string;

beforeAll(async () => {
  school = await makeSchool();
  deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  const exported = await runCli(deputy.home, [
    'lead',
    'export-identity',
    '--passphrase-file',
    deputy.passphraseFile,
  ]);
  deputyKey = join(school.root, 'deputy.key');
  await writeFile(deputyKey, exported.stdout, { mode: 0o600 });
}, CLI_HEAVY);
afterAll(async () => school?.cleanup());

const as = leadCommands;

describe.skipIf(!hasAge)('a lead removed from the school', () => {
  it(
    'receives nothing new, and what they recorded before, arriving after, is refused',
    { timeout: CLI_HEAVY },
    async () => {
      const dsl = as(school.dslHome, school.passphraseFile);
      const dep = as(deputy.home, deputy.passphraseFile);
      const reference = await fileAndImport(school, contactAnswers());
      await dsl('triage', reference, '--pathway', 'low-level', '--priority', 'routine');
      expect((await dep<Imported>('import')).events.received.events).toBeGreaterThanOrEqual(1);

      // The deputy records a note with the share away: it waits in their outbox.
      const replug = await unplugShare(school);
      await dep('note', reference, '--text', 'Deputy spoke to the class teacher.');
      await replug();

      const { recipients } = await cliJson<{ recipients: Array<{ id: string; role: string }> }>(
        school.dslHome,
        ['school', 'show'],
      );
      const deputyId = recipients.find((r) => r.role === 'deputy')?.id ?? '';
      await cliJson(school.dslHome, [
        'school',
        'remove-recipient',
        deputyId,
        '--passphrase-file',
        school.passphraseFile,
      ]);

      const before = new Set(await readdir(join(school.share, 'events')));
      await dsl('note', reference, '--text', 'DSL note after the deputy left.');
      const added = (await readdir(join(school.share, 'events'))).filter((f) => !before.has(f));
      expect(added).toHaveLength(1);
      const file = join(school.share, 'events', added[0] ?? '');
      expect(() => execFileSync('age', ['-d', '-i', deputyKey, file], { stdio: 'pipe' })).toThrow();

      // The deputy's next import: nothing new for them; their waiting note goes out.
      const atDeputy = await dep<Imported>('import');
      expect(atDeputy.events.received).toMatchObject({ events: 0, quarantined: [] });
      expect(atDeputy.events.delivered).toMatchObject({ delivered: 1, pending: 0 });
      const deputySees = await dep<Shown>('show', reference);
      expect(deputySees.notes.map((n) => n.text)).not.toContain('DSL note after the deputy left.');

      // The DSL refuses the late note, with its reason, and the case stays as the DSL has it.
      const imported = await dsl<Imported>('import');
      // Two files: the note, and the deputy's opening of the case since (`lead show`).
      const { quarantined } = imported.events.received;
      expect(quarantined).toHaveLength(2);
      for (const q of quarantined) {
        expect(q.file).toMatch(/^events\/[0-9a-f]{32}\.age$/);
        expect(q.code).toBe('event-packer-not-on-profile');
      }
      const shown = await dsl<Shown>('show', reference);
      expect(shown.notes.map((n) => n.text)).toEqual(['DSL note after the deputy left.']);
    },
  );
});
