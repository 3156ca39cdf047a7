/**
 * Issue 10 §3: a school whose share is a bucket on an S3-protocol server (s3rver on 127.0.0.1,
 * honouring If-None-Match), through the real CLI: the DSL sets the school up on it, a staff
 * machine enrols and files, the DSL imports, a deputy joins, and casework travels between them
 * as event files in the bucket. A second school of the same trust, under its own prefix in the
 * same bucket, sees nothing of the first.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAndImport } from '../casework/support';
import { cliJson, runCli } from '../support/cli';
import { startS3Server, type S3TestServer } from '../support/s3-server';
import {
  addJoinedRecipient,
  contactAnswers,
  makeSchool,
  type JoinedRecipient,
  type SchoolFixture,
} from '../support/school';

const CLI_HEAVY = 300_000;

let s3: S3TestServer;
let school: SchoolFixture;
let other: SchoolFixture;
let deputy: JoinedRecipient<'deputy'>;

beforeAll(async () => {
  s3 = await startS3Server({ conditionalWrites: true });
  await s3.createBucket('northern-trust');
  school = await makeSchool('Barnsole Primary', {
    share: s3.location('northern-trust', 'schools/barnsole'),
  });
  other = await makeSchool('Cheriton Juniors', {
    share: s3.location('northern-trust', 'schools/cheriton'),
  });
  deputy = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
}, CLI_HEAVY);
afterAll(async () => {
  await school?.cleanup();
  await other?.cleanup();
  await s3?.close();
});

async function keys(prefix: string): Promise<string[]> {
  const listed = await s3.client.send(
    new ListObjectsV2Command({ Bucket: 'northern-trust', Prefix: prefix }),
  );
  return (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
}

interface Shown {
  pathway: string | null;
  priority: string | null;
  events: Array<{ eventId: string; type: string }>;
}

describe('a school whose share is a bucket', () => {
  it(
    'takes a concern from a staff machine to the DSL, and the DSL’s triage to the deputy',
    { timeout: CLI_HEAVY },
    async () => {
      const reference = await fileAndImport(school, contactAnswers());
      const barnsole = await keys('schools/barnsole/');
      expect(barnsole).toContain('school.json');
      expect(barnsole.filter((k) => k.startsWith('concerns/'))).toEqual([
        expect.stringMatching(/^concerns\/[0-9a-f-]{36}\.age$/),
      ]);
      expect(barnsole.filter((k) => k.startsWith('recovery/'))).toHaveLength(2);

      const dsl = (...args: string[]) =>
        cliJson<Shown>(school.dslHome, [
          'lead',
          ...args,
          '--passphrase-file',
          school.passphraseFile,
        ]);
      const dep = (...args: string[]) =>
        cliJson<Shown & { events: { received: { events: number } } }>(deputy.home, [
          'lead',
          ...args,
          '--passphrase-file',
          deputy.passphraseFile,
        ]);
      await dsl('triage', reference, '--pathway', 'low-level', '--priority', 'high');
      expect((await keys('schools/barnsole/events/')).length).toBeGreaterThanOrEqual(1);

      const imported = await dep('import');
      expect(imported.events.received.events).toBeGreaterThanOrEqual(1);
      const seen = await dep('show', reference);
      expect(seen).toMatchObject({ pathway: 'low-level', priority: 'high' });
      await dsl('import');
      const mine = await dsl('show', reference);
      expect(mine.events.map((e) => e.eventId)).toEqual(seen.events.map((e) => e.eventId));
    },
  );

  it(
    'keeps the other school of the trust apart, under its own prefix',
    { timeout: CLI_HEAVY },
    async () => {
      const imported = await cliJson<{ imported: number }>(other.dslHome, [
        'lead',
        'import',
        '--passphrase-file',
        other.passphraseFile,
      ]);
      expect(imported.imported).toBe(0);
      const cheriton = await keys('schools/cheriton/');
      expect(cheriton.filter((k) => k.startsWith('concerns/') || k.startsWith('events/'))).toEqual(
        [],
      );
      expect(cheriton).toContain('school.json');
    },
  );

  it(
    'enrols a staff computer from IT’s machine file naming the bucket, checking the safety code',
    { timeout: CLI_HEAVY },
    async () => {
      const machines = await mkdtemp(join(school.root, 'machines-'));
      const file = join(machines, 'machine.json');
      const location = s3.location('northern-trust', 'schools/barnsole');
      await writeFile(file, JSON.stringify({ share: location, safetyCode: school.safetyCode }));
      const result = await runCli(join(machines, 'home'), ['enroll'], {
        SAFEGUARD_DESK_MACHINE_FILE: file,
      });
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('Enrolled with Barnsole Primary.');

      await writeFile(
        file,
        JSON.stringify({ share: 's3://Not_A_Bucket/x', safetyCode: school.safetyCode }),
      );
      const refused = await runCli(join(machines, 'home-2'), ['enroll'], {
        SAFEGUARD_DESK_MACHINE_FILE: file,
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('or a bucket location such as s3://bucket/school');
    },
  );
});
