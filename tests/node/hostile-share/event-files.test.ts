/**
 * `<share>/events/` is writable by anyone in the school: every file there is untrusted. Receiving
 * reads each bounded — a regular file, at most SHARE_LIMITS.eventBytes — and refuses, each with
 * its own reason and nothing applied: a file too large, a FIFO (without hanging), a symlink, a
 * folder, bytes that are not age, a sealed file that is not JSON, a batch in an unknown version, a
 * batch for another school, an event about no case, a case "shared" that is not shared with this
 * lead, tampered, or not this lead's to receive. A file sealed to other leads is passed over in
 * silence. Receiving never alters the share, and no planted case is taken in.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEvent } from '../../../src/casework';
import {
  deliverEvents,
  packBatch,
  receiveEvents,
  type ReceiveResult,
} from '../../../src/casework/sync';
import {
  canonicalJson,
  createSigner,
  generateAgeKeyPair,
  recipientOf,
  sealToRecipients,
} from '../../../src/crypto';
import { SHARE_LIMITS } from '../../../src/share';
import { answers, extractSchool, type ExtractSchool } from '../office/support';
import { snapshot } from '../support/share-snapshot';

let s: ExtractSchool;
let result: ReceiveResult;
let before: Record<string, string>;
const expected = new Map<string, { code: string; reason: RegExp }>();
const silent: string[] = [];

const events = () => join(s.school.share, 'events');
const hexName = () => `${randomBytes(16).toString('hex')}.age`;

beforeAll(async () => {
  s = await extractSchool('Quarry Bank Primary');
  const { workspace } = s;
  const filed = await s.file({
    formId: 'private-online-contact-with-pupil',
    at: '2026-11-25T10:00:00Z',
    reporter: { name: 'Sam Teacher', role: 'Class teacher' },
    answers: answers('Messages late at night.', [{ name: 'Pupil A', role: 'pupil' }]),
  });
  s.clock.now = new Date('2026-11-25T11:00:00Z');
  workspace.casework.record(filed.caseId, 'note-added', {
    text: 'Called the parent.',
    kind: 'fact',
  });
  const delivered = await deliverEvents({
    store: workspace.store,
    secrets: workspace.secrets,
    profile: await s.profile(),
  });
  expect(delivered).toMatchObject({ delivered: 1, files: 1, pending: 0, error: null });

  const sign = createSigner(workspace.secrets.signingKey);
  const me = await recipientOf(workspace.secrets.ageIdentity);
  const schoolId = workspace.store.settings.get()!.schoolId;
  const plant = async (bytes: Uint8Array, outcome: { code: string; reason: RegExp } | null) => {
    const name = hexName();
    await writeFile(join(events(), name), bytes);
    if (outcome === null) silent.push(name);
    else expected.set(name, outcome);
  };
  const note = (caseId: string | null) =>
    signEvent(
      {
        format: 'safeguard-desk/case-event',
        formatVersion: 1,
        eventId: randomUUID(),
        caseId,
        type: caseId === null ? 'people-merged' : 'note-added',
        payload:
          caseId === null
            ? { from: randomUUID(), into: randomUUID() }
            : { text: 'Planted', kind: 'fact' },
        author: workspace.secrets.recipientId,
        at: '2026-11-25T12:00:00Z',
      } as Parameters<typeof signEvent>[0],
      sign,
    );

  // Sealed to this lead, but wrong inside.
  await plant(await sealToRecipients(Buffer.from('not json at all'), [me]), {
    code: 'not-an-event-file',
    reason: /is not JSON/,
  });
  const batch = JSON.parse(
    packBatch(
      { schoolId, packedBy: workspace.secrets.recipientId, events: [note(filed.caseId)] },
      sign,
    ).toString(),
  ) as Record<string, unknown>;
  await plant(
    await sealToRecipients(Buffer.from(JSON.stringify({ ...batch, formatVersion: 2 })), [me]),
    { code: 'event-unknown-version', reason: /update Safeguard Desk/ },
  );
  await plant(
    await sealToRecipients(
      packBatch(
        {
          schoolId: randomUUID(),
          packedBy: workspace.secrets.recipientId,
          events: [note(filed.caseId)],
        },
        sign,
      ),
      [me],
    ),
    { code: 'wrong-school', reason: /different school/ },
  );
  await plant(
    await sealToRecipients(
      packBatch({ schoolId, packedBy: workspace.secrets.recipientId, events: [note(null)] }, sign),
      [me],
    ),
    { code: 'event-wrong-case', reason: /belongs to no case/ },
  );
  // A batch whose signature no longer matches what it says.
  const altered = { ...batch, schoolId, events: [note(filed.caseId)] };
  await plant(await sealToRecipients(Buffer.from(JSON.stringify(altered)), [me]), {
    code: 'bad-signature',
    reason: /not signed by a lead of this school/,
  });
  // Cases "shared" with this lead: not with it, tampered, or forged by a lead not among its leads.
  const heldDocument = JSON.parse(workspace.store.cases.signedDocument(filed.caseId)!) as Record<
    string,
    unknown
  >;
  const forgedCase = (sealedTo: unknown[]) => {
    const caseId = randomUUID();
    const document = {
      ...heldDocument,
      concernId: caseId,
      reference: `SG-${randomBytes(2).toString('hex').toUpperCase()}-0000`,
      sealedTo,
    };
    return { caseId, document };
  };
  const shareWith = (caseId: string, recipientId: string) =>
    signEvent(
      {
        format: 'safeguard-desk/case-event',
        formatVersion: 1,
        eventId: randomUUID(),
        caseId,
        type: 'case-shared',
        payload: { recipientId, name: 'Someone', role: 'deputy' },
        author: workspace.secrets.recipientId,
        at: '2026-11-25T12:00:00Z',
      },
      sign,
    );
  const sharing = async (
    caseId: string,
    signedDocument: string,
    sharedWith: string,
    outcome: { code: string; reason: RegExp },
  ) =>
    plant(
      await sealToRecipients(
        packBatch(
          {
            schoolId,
            packedBy: workspace.secrets.recipientId,
            events: [shareWith(caseId, sharedWith)],
            concerns: [
              {
                caseId,
                kind: 'concern',
                signedDocument,
                attachments: [],
                attachmentsWithheld: false,
              },
            ],
          },
          sign,
        ),
        [me],
      ),
      outcome,
    );
  const mine = heldDocument.sealedTo as unknown[];
  const notMine = forgedCase(mine);
  await sharing(notMine.caseId, canonicalJson(notMine.document), randomUUID(), {
    code: 'not-a-recipient',
    reason: /not shared with this lead/,
  });
  const tampered = forgedCase(mine);
  await sharing(
    tampered.caseId,
    JSON.stringify(tampered.document, null, 1),
    workspace.secrets.recipientId,
    { code: 'not-an-event-file', reason: /not an intact concern/ },
  );
  const forged = forgedCase([{ id: randomUUID(), name: 'Other Lead', role: 'deputy' }]);
  await sharing(forged.caseId, canonicalJson(forged.document), workspace.secrets.recipientId, {
    code: 'not-a-recipient',
    reason: /./,
  });

  // Not age at all.
  await plant(randomBytes(300), { code: expect.any(String) as unknown as string, reason: /./ });
  // Sealed to someone else: passed over in silence.
  const other = await generateAgeKeyPair();
  await plant(await sealToRecipients(Buffer.from('{}'), [other.recipient]), null);

  // Not files, or too large to read.
  const notAFile = { code: 'not-a-file', reason: /not a regular file/ };
  const big = hexName();
  execFileSync('truncate', ['-s', `${SHARE_LIMITS.eventBytes + 1}`, join(events(), big)]);
  expected.set(big, { code: 'too-large', reason: /larger/ });
  const fifo = hexName();
  execFileSync('mkfifo', [join(events(), fifo)]);
  expected.set(fifo, notAFile);
  const link = hexName();
  await symlink('/etc/passwd', join(events(), link));
  expected.set(link, notAFile);
  const folder = hexName();
  await mkdir(join(events(), folder));
  expected.set(folder, notAFile);
  // Names no event file has are not looked at.
  await writeFile(join(events(), 'notes.txt'), 'hello');

  before = await snapshot(s.school.share);
  const started = Date.now();
  result = await receiveEvents({ lead: workspace });
  expect(Date.now() - started).toBeLessThan(30_000);
}, 120_000);
afterAll(async () => s?.close());

describe('receiving from a share anyone can write to', () => {
  it('refuses every planted file with its own reason, and applies nothing', () => {
    const refused = new Map(result.quarantined.map((q) => [q.file.replace(/^events\//, ''), q]));
    expect([...refused.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, { code, reason }] of expected) {
      expect(refused.get(file), file).toMatchObject({ code });
      expect(refused.get(file)!.reason, code).toMatch(reason);
    }
    expect(result.events).toBe(0);
    expect(s.workspace.store.cases.list()).toHaveLength(1);
    const notes = s.workspace.store.events.all().filter((e) => e.type === 'note-added');
    expect(notes).toHaveLength(1);
  });

  it('passes over a file sealed to others without a word, and its own file too', () => {
    const listed = s.workspace.store.quarantine.list().map((q) => q.file);
    for (const name of silent) expect(listed).not.toContain(`events/${name}`);
    expect(s.workspace.store.sync.knownFiles().size).toBe(2); // its own, and the stranger's
  });

  it('leaves the share exactly as it was, and does not open the refused files again', async () => {
    expect(await snapshot(s.school.share)).toEqual(before);
    const again = await receiveEvents({ lead: s.workspace });
    expect(again.quarantined).toEqual([]);
  });
});
