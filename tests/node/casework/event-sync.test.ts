/**
 * Issue 10 §1 and §4: three lead homes (the DSL, a deputy, the head) and one share folder, through
 * the real CLI. Each casework command delivers its event to `<share>/events/`, sealed to the
 * case's leads; `lead import` receives the others'. The DSL triages and the deputy records the LADO
 * consultation, and both see the same case; a concern about the deputy reaches the DSL and the
 * head, and the deputy never receives it or its events; two triages at once converge. Tampered,
 * replayed, foreign-signed and wrongly addressed event files are quarantined with their reasons,
 * and import never alters the share.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEvent, type SignedEvent } from '../../../src/casework';
import { packBatch } from '../../../src/casework/sync';
import {
  createSigner,
  generateSigningKeyPair,
  recipientOf,
  sealToRecipients,
} from '../../../src/crypto';
import { unlockLead, type LeadSecrets } from '../../../src/lead';
import { cliJson, runCli } from '../support/cli';
import {
  addJoinedRecipient,
  contactAnswers,
  PASSPHRASE,
  makeSchool,
  type SchoolFixture,
} from '../support/school';
import { fileAndImport } from './support';

interface Lead {
  home: string;
  passphraseFile: string;
  passphrase: string;
}

interface Shown {
  status: string;
  pathway: string | null;
  priority: string | null;
  outcome: string | null;
  lado: unknown;
  actions: Array<{ type: string; doneAt: string | null }>;
  notes: Array<{ text: string }>;
  decisions: unknown[];
  events: Array<{ eventId: string; type: string; author: string }>;
  people: Array<{ name: string; role: string }>;
}

interface Imported {
  imported: number;
  events: {
    received: { files: number; events: number; quarantined: Array<{ file: string; code: string }> };
    delivered: { delivered: number; pending: number; error: string | null };
  };
}

/** Each step runs a dozen or more CLI commands, each unlocking a lead (scrypt, about 1.3 s). */
const CLI_HEAVY = 300_000;

let school: SchoolFixture;
let dsl: Lead;
let deputy: Lead;
let head: Lead;

beforeAll(async () => {
  school = await makeSchool();
  dsl = { home: school.dslHome, passphraseFile: school.passphraseFile, passphrase: PASSPHRASE };
  const d = await addJoinedRecipient(school, 'deputy', 'Dan Deputy');
  deputy = { ...d, passphrase: `${PASSPHRASE} deputy` };
  const h = await addJoinedRecipient(school, 'headteacher', 'Hana Head');
  head = { ...h, passphrase: `${PASSPHRASE} headteacher` };
}, 120_000);
afterAll(async () => school?.cleanup());

const lead = <T = unknown>(who: Lead, ...args: string[]) =>
  cliJson<T>(who.home, ['lead', ...args, '--passphrase-file', who.passphraseFile]);
const importAs = (who: Lead) => lead<Imported>(who, 'import');
const show = (who: Lead, reference: string) => lead<Shown>(who, 'show', reference);

/** What every lead of a case must see alike: its folded state (not when each store imported it,
 *  nor the ids of each store's own person records). */
function sameCase(shown: Shown) {
  const { status, pathway, priority, outcome, lado, actions, notes, decisions, events } = shown;
  return {
    ...{ status, pathway, priority, outcome, lado, actions, notes, decisions, events },
    people: shown.people.map((p) => `${p.name} (${p.role})`).sort(),
  };
}

/** Both leads open the case (an event each), then exchange everything: both hold every event. */
async function openAndSync(a: Lead, b: Lead, reference: string): Promise<[Shown, Shown]> {
  await show(a, reference);
  await show(b, reference);
  await importAs(a);
  await importAs(b);
  return [await show(a, reference), await show(b, reference)];
}

/** Every file in the share's events folder, with its SHA-256. */
async function eventFolder(): Promise<Record<string, string>> {
  const dir = join(school.share, 'events');
  const names = await readdir(dir);
  const entries = await Promise.all(
    names.map(async (n) => [
      n,
      createHash('sha256')
        .update(await readFile(join(dir, n)))
        .digest('hex'),
    ]),
  );
  return Object.fromEntries(entries.sort()) as Record<string, string>;
}

describe('casework travels between leads through the share', () => {
  let reference: string;

  it(
    'the DSL triages, the deputy records the LADO consultation, and both see the same case',
    { timeout: CLI_HEAVY },
    async () => {
      reference = await fileAndImport(school, contactAnswers());
      const triaged = await lead<Shown>(
        dsl,
        'triage',
        reference,
        '--pathway',
        'allegation',
        '--priority',
        'high',
      );
      expect(triaged.pathway).toBe('allegation');
      // Delivered as the command ended: one file, named by nothing but chance.
      expect(Object.keys(await eventFolder())).toEqual([
        expect.stringMatching(/^[0-9a-f]{32}\.age$/),
      ]);

      const first = await importAs(deputy);
      expect(first.imported).toBe(1);
      expect(first.events.received).toMatchObject({ files: 1, events: 1 }); // the triage
      expect(first.events.received.quarantined).toEqual([]);
      expect((await show(deputy, reference)).pathway).toBe('allegation');
      await lead(
        deputy,
        'action',
        reference,
        '--type',
        'lado-consultation',
        '--done',
        '--spoke-to',
        'LADO duty officer',
        '--advice',
        'Strategy discussion not needed',
        '--shared',
        'The messages',
        '--why',
        'Allegation against a member of staff',
        '--consent',
        'not-needed',
        '--consent-reason',
        'Statutory consultation',
      );

      const back = await importAs(dsl);
      // Two commands of the deputy's, two files: the opening and the action.
      expect(back.events.received).toMatchObject({ files: 2, events: 2 });
      const atDsl = await show(dsl, reference);
      const lado = atDsl.actions.find((a) => a.type === 'lado-consultation');
      expect(lado?.doneAt).not.toBeNull();
      const author = atDsl.events.find((e) => e.type === 'action-recorded')?.author;
      expect(author).toBe((await secretsOf(deputy)).recipientId);
      // Opening the case (`lead show`) is an event too: once both have exchanged theirs, both hold
      // every event and fold them to the same case.
      const [a, b] = await openAndSync(dsl, deputy, reference);
      expect(sameCase(a)).toEqual(sameCase(b));
      // The deputy opened it first; the DSL, holding that, records no opening of its own.
      const deputyId = (await secretsOf(deputy)).recipientId;
      expect(a.events.map((e) => [e.type, e.author === deputyId ? 'deputy' : 'dsl'])).toEqual([
        ['triaged', 'dsl'],
        ['case-opened', 'deputy'],
        ['action-recorded', 'deputy'],
      ]);
    },
  );

  it(
    'a concern about the deputy reaches the DSL and the head, and never the deputy',
    { timeout: CLI_HEAVY },
    async () => {
      const about = await fileAndImport(school, contactAnswers(), ['--about', 'Dan Deputy']);
      await importAs(head);
      await lead(head, 'triage', about, '--pathway', 'allegation', '--priority', 'high');
      await lead(dsl, 'note', about, '--text', 'Spoke to HR about next steps.');
      await importAs(dsl);
      await importAs(head);
      const [atDsl, atHead] = [await show(dsl, about), await show(head, about)];
      expect(atDsl.pathway).toBe('allegation');
      expect(atHead.notes.map((n) => n.text)).toEqual(['Spoke to HR about next steps.']);
      const [a, b] = await openAndSync(dsl, head, about);
      expect(sameCase(a)).toEqual(sameCase(b));

      // The deputy: nothing received, nothing quarantined, no such case, no file it can open.
      const atDeputy = await importAs(deputy);
      expect(atDeputy.imported).toBe(0);
      expect(atDeputy.events.received.quarantined).toEqual([]);
      const missing = await runCli(deputy.home, [
        'lead',
        'show',
        about,
        '--passphrase-file',
        deputy.passphraseFile,
      ]);
      expect(missing.code).not.toBe(0);
      const deputySecrets = await secretsOf(deputy);
      const { SealedFileOpener } = await import('../../../src/crypto');
      const opener = await SealedFileOpener.create(deputySecrets.ageIdentity);
      const caseId = await caseIdOf(dsl, about);
      for (const name of Object.keys(await eventFolder())) {
        const bytes = await readFile(join(school.share, 'events', name));
        const plain = await opener.open(bytes).catch(() => null);
        if (plain !== null) expect(Buffer.from(plain).toString('utf8')).not.toContain(caseId);
      }
    },
  );

  it(
    'two leads triaging at once converge, both triages kept and the later one shown',
    { timeout: CLI_HEAVY },
    async () => {
      const both = await fileAndImport(school, contactAnswers());
      await importAs(deputy);
      await lead(dsl, 'triage', both, '--pathway', 'low-level', '--priority', 'routine');
      await lead(deputy, 'triage', both, '--pathway', 'allegation', '--priority', 'high');
      const [atDsl, atDeputy] = await openAndSync(dsl, deputy, both);
      expect(sameCase(atDsl)).toEqual(sameCase(atDeputy));
      expect(atDsl.events.filter((e) => e.type === 'triaged')).toHaveLength(2);
      expect(atDsl.pathway).toBe('allegation'); // the deputy's, recorded second
    },
  );

  it(
    'quarantines tampered, replayed, foreign-signed and wrongly addressed files, and leaves the share as it was',
    { timeout: CLI_HEAVY },
    async () => {
      const dslSecrets = await secretsOf(dsl);
      const dslRecipient = await recipientOf(dslSecrets.ageIdentity);
      const deputySecrets = await secretsOf(deputy);
      const headSecrets = await secretsOf(head);
      const profile = JSON.parse(await readFile(join(school.share, 'school.json'), 'utf8')) as {
        profile: { schoolId: string };
      };
      const schoolId = profile.profile.schoolId;
      const dir = join(school.share, 'events');
      const newName = () => `${randomBytes(16).toString('hex')}.age`;
      const planted: Record<string, string> = {};

      // A copy of a file the DSL has received (the deputy's): a replay.
      const ours = await readdir(dir);
      const deputyFile = await firstOpenable(ours, dslSecrets, deputySecrets.recipientId);
      planted.replay = newName();
      await copyFile(join(dir, deputyFile), join(dir, planted.replay));

      // The same file with one byte of its payload changed: tampered.
      const tampered = Buffer.from(await readFile(join(dir, deputyFile)));
      tampered[tampered.length - 20]! ^= 0x01;
      planted.tampered = newName();
      await writeFile(join(dir, planted.tampered), tampered);

      // Events "by the deputy" signed with a key that is nobody's on the profile.
      const stranger = generateSigningKeyPair();
      const caseId = await caseIdOf(dsl, reference);
      const forged = event(caseId, deputySecrets.recipientId, createSigner(stranger.privateKey));
      planted.foreign = newName();
      await writeFile(
        join(dir, planted.foreign),
        await sealToRecipients(
          packBatch(
            { schoolId, packedBy: deputySecrets.recipientId, events: [forged] },
            createSigner(stranger.privateKey),
          ),
          [dslRecipient],
        ),
      );

      // The head's own signed event on a case the concern was never sealed to the head for.
      const headSign = createSigner(headSecrets.signingKey);
      const intruding = event(caseId, headSecrets.recipientId, headSign);
      planted.addressed = newName();
      await writeFile(
        join(dir, planted.addressed),
        await sealToRecipients(
          packBatch({ schoolId, packedBy: headSecrets.recipientId, events: [intruding] }, headSign),
          [dslRecipient],
        ),
      );

      const before = await eventFolder();
      const shownBefore = sameCase(await show(dsl, reference));
      const result = await importAs(dsl);
      expect(await eventFolder()).toEqual(before);
      const codes = Object.fromEntries(
        result.events.received.quarantined.map((q) => [q.file.replace(/^events\//, ''), q.code]),
      );
      // age refuses a changed payload before anything is parsed.
      expect(codes[planted.tampered]).toMatch(/^(damaged|tampered|not-an-event-file|bad-.*)/);
      expect({ ...codes, [planted.tampered]: 'tampered' }).toEqual({
        [planted.replay]: 'event-replay',
        [planted.tampered]: 'tampered',
        [planted.foreign]: 'bad-signature',
        [planted.addressed]: 'not-a-recipient',
      });
      // Nothing of them was applied; the lead sees them with reasons in the quarantine list.
      const after = sameCase(await show(dsl, reference));
      expect(after.events.filter((e) => e.type !== 'case-opened')).toEqual(
        shownBefore.events.filter((e) => e.type !== 'case-opened'),
      );
      const listed = await lead<Array<{ file: string; reason: string }>>(dsl, 'quarantine');
      for (const name of Object.values(planted)) {
        expect(listed.find((q) => q.file === `events/${name}`)?.reason).toMatch(/\w+/);
      }
      // Looked at once: the next import does not open them again.
      const again = await importAs(dsl);
      expect(again.events.received.quarantined).toEqual([]);
    },
  );

  it(
    'rebuilds every case, with every event, on a new computer from the share alone',
    { timeout: CLI_HEAVY },
    async () => {
      const references = (await lead<Array<{ reference: string }>>(dsl, 'list')).map(
        (c) => c.reference,
      );
      expect(references.length).toBe(3);
      const before = new Map<string, ReturnType<typeof sameCase>>();
      for (const ref of references) before.set(ref, sameCase(await show(dsl, ref)));

      // The DSL's laptop is gone: a new home, the recovery key, a new passphrase, one import.
      const keyFile = join(school.root, 'dsl-recovery.key');
      await writeFile(keyFile, `${school.recoveryKey}\n`);
      const fresh: Lead = {
        home: join(school.root, 'dsl-new-laptop'),
        passphraseFile: join(school.root, 'dsl-new-pass.txt'),
        passphrase: `${PASSPHRASE} new laptop`,
      };
      await writeFile(fresh.passphraseFile, `${fresh.passphrase}\n`);
      await cliJson(fresh.home, [
        'lead',
        'recover',
        '--recovery-key-file',
        keyFile,
        '--new-passphrase-file',
        fresh.passphraseFile,
        '--share',
        school.share,
      ]);
      const rebuilt = await importAs(fresh);
      expect(rebuilt.imported).toBe(3);
      expect(rebuilt.events.received.events).toBeGreaterThanOrEqual(8);
      for (const ref of references)
        expect(sameCase(await show(fresh, ref))).toEqual(before.get(ref));
    },
  );
});

async function secretsOf(who: Lead): Promise<LeadSecrets> {
  return unlockLead(who.home, who.passphrase);
}

async function caseIdOf(who: Lead, reference: string): Promise<string> {
  const shown = await lead<{ concernId: string }>(who, 'show', reference);
  return shown.concernId;
}

/** A note on the case, signed as `author` by `sign`. */
function event(caseId: string, author: string, sign: (message: Uint8Array) => string): SignedEvent {
  return signEvent(
    {
      format: 'safeguard-desk/case-event',
      formatVersion: 1,
      eventId: randomUUID(),
      caseId,
      type: 'note-added',
      payload: { text: 'Planted note', kind: 'fact' },
      author,
      at: new Date().toISOString(),
    },
    sign,
  );
}

/** The first file in `names` the DSL can open whose batch was packed by `packedBy`. */
async function firstOpenable(
  names: string[],
  secrets: LeadSecrets,
  packedBy: string,
): Promise<string> {
  const { SealedFileOpener } = await import('../../../src/crypto');
  const opener = await SealedFileOpener.create(secrets.ageIdentity);
  for (const name of names) {
    const plain = await opener
      .open(await readFile(join(school.share, 'events', name)))
      .catch(() => null);
    if (plain === null) continue;
    const batch = JSON.parse(Buffer.from(plain).toString('utf8')) as { packedBy: string };
    if (batch.packedBy === packedBy) return name;
  }
  throw new Error(`no event file packed by ${packedBy} opens for this lead`);
}
