/**
 * Issue requirement 2f: a lead's import of `<share>/concerns/`. Valid files become cases,
 * idempotently; every failing file is quarantined locally with a specific reason and reported; the
 * file on the share is never altered or deleted. Real age, Ed25519, encrypted SQLite and folders.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildEnvelope, fileConcern, newReference, type ConcernDocument } from '../../src/concerns';
import type { AttachmentContent } from '../../src/concerns/document';
import {
  generateAgeKeyPair,
  generateSigningKeyPair,
  sealToRecipients,
  type SigningKeyPair,
} from '../../src/crypto';
import { FormRegistry } from '../../src/forms';
import {
  importConcerns,
  openCaseStore,
  type CaseStore,
  type ImportResult,
} from '../../src/casework';
import { unlockLead, type LeadSecrets } from '../../src/lead';
import type { SchoolProfile } from '../../src/school';
import { enrol, openStaffStore, type StaffStore } from '../../src/staff';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { cliJson, runCli } from './support/cli';
import {
  contactAnswers,
  makeSchool,
  PASSPHRASE,
  writeAnswers,
  type SchoolFixture,
} from './support/school';

const FORM_ID = 'private-online-contact-with-pupil';
const forms = FormRegistry.builtIn();
/** Share files are back-dated, so any rewrite by the importer shows in their mtime. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

const REASONS = {
  corruptAge: 'It is not a valid age file (corrupt or truncated).',
  tamperedPayload: 'Its encrypted payload fails its integrity check (tampered or truncated).',
  tamperedHeader: 'Its age header fails its integrity check (tampered).',
  altered: 'Its signature does not verify: the document was altered after signing.',
  otherDevice: 'Its signature is not by the device the document names.',
  notJson: 'It decrypted, but is not a Safeguard Desk concern (not JSON).',
  notEnvelope: 'It decrypted, but is not a Safeguard Desk concern envelope.',
  misnamed: 'Its file name does not match the concern id inside (copied or renamed).',
  wrongSchool: 'It was filed for a different school.',
  attachmentMissing: 'An attachment named in the signed document is missing.',
  attachmentAltered: 'An attachment does not match the SHA-256 the signed document gives.',
} as const;

/** What can be seen of a share file from outside: is it there, its bytes, its mtime. */
interface FileState {
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** Every entry of a concerns folder, so a test can show the import changed none of them. */
async function folderState(dir: string): Promise<Record<string, FileState>> {
  const state: Record<string, FileState> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    state[name] = {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: info.size,
      mtimeMs: info.mtimeMs,
    };
  }
  return state;
}

/** Writes a file into a concerns folder, back-dated. */
async function putFile(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  await utimes(path, LONG_AGO, LONG_AGO);
  return name;
}

/** The index just past the age header (after the `--- MAC` line). */
function headerEnd(sealed: Uint8Array): number {
  const text = Buffer.from(sealed).toString('latin1');
  const macLine = text.indexOf('\n--- ');
  if (macLine < 0) throw new Error('no age header MAC line');
  return text.indexOf('\n', macLine + 1) + 1;
}

/** Replaces one base64 field of the header by the same bytes with one bit flipped. */
function flipBase64(sealed: Uint8Array, start: number, end: number): Buffer {
  const out = Buffer.from(sealed);
  const field = out.subarray(start, end).toString('latin1');
  const bytes = Buffer.from(field, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  const flipped = bytes.toString('base64').replace(/=+$/, '');
  expect(flipped).toHaveLength(field.length);
  out.write(flipped, start, 'latin1');
  return out;
}

function flipHeaderMac(sealed: Uint8Array): Buffer {
  const text = Buffer.from(sealed).toString('latin1');
  const start = text.indexOf('\n--- ') + 5;
  return flipBase64(sealed, start, text.indexOf('\n', start));
}

function flipStanzaBody(sealed: Uint8Array): Buffer {
  const text = Buffer.from(sealed).toString('latin1');
  const start = text.indexOf('\n', text.indexOf('\n-> X25519 ') + 1) + 1;
  return flipBase64(sealed, start, text.indexOf('\n', start));
}

let school: SchoolFixture;
let secrets: LeadSecrets;
let profileJson: string;
let profile: SchoolProfile;
let leadRecipient: string;
const device: SigningKeyPair = generateSigningKeyPair();

beforeAll(async () => {
  school = await makeSchool();
  secrets = await unlockLead(school.dslHome, PASSPHRASE);
  profileJson = await readFile(join(school.share, 'school.json'), 'utf8');
  profile = (JSON.parse(profileJson) as { profile: SchoolProfile }).profile;
  const first = profile.recipients[0];
  if (!first) throw new Error('the school profile has no recipient');
  leadRecipient = first.ageRecipient;
});

afterAll(async () => {
  await school.cleanup();
});

/**
 * A share of this school and the lead's case store, fresh for one test (same school, same lead
 * identity, unlocked once), plus a staff machine enrolled with it.
 */
interface Desk {
  share: string;
  concerns: string;
  cases: CaseStore;
  staff: StaffStore;
}

const open: Desk[] = [];

afterEach(() => {
  for (const desk of open.splice(0)) {
    desk.cases.close();
    desk.staff.close();
  }
});

async function freshDesk(): Promise<Desk> {
  const root = await mkdtemp(join(school.root, 'desk-'));
  const share = join(root, 'share');
  const concerns = join(share, 'concerns');
  await mkdir(concerns, { recursive: true });
  await writeFile(join(share, 'school.json'), profileJson);
  const leadHome = join(root, 'lead');
  const cases = await openCaseStore(leadHome, new UnprotectedFileKeyProvider(leadHome));
  cases.settings.save({
    sharePath: share,
    schoolId: profile.schoolId,
    recipientId: secrets.recipientId,
  });
  const staffHome = join(root, 'staff');
  const staff = await openStaffStore(staffHome, new UnprotectedFileKeyProvider(staffHome));
  await enrol(staff, share, new Date());
  const desk = { share, concerns, cases, staff };
  open.push(desk);
  return desk;
}

/** What an import says about concern files (its acknowledgement and quarantine totals aside). */
function core(result: ImportResult) {
  return {
    imported: result.imported,
    alreadyImported: result.alreadyImported,
    quarantined: result.quarantined,
  };
}

function runImport(desk: Desk, now?: Date): Promise<ImportResult> {
  return importConcerns({
    store: desk.cases,
    forms,
    secrets,
    ...(now ? { now: () => now } : {}),
  });
}

/** Files a valid concern through the staff machine's real filing path; returns its file name. */
async function fileValid(
  desk: Desk,
  answers = contactAnswers(),
): Promise<{ file: string; reference: string }> {
  const receipt = await fileConcern(
    { store: desk.staff, forms },
    { formId: FORM_ID, answers, reporter: { name: 'Sam Teacher', role: 'Class teacher' } },
  );
  expect(receipt.delivered).toBe(true);
  return { file: `${receipt.concernId}.age`, reference: receipt.reference };
}

/** A well-formed concern document of this school, signed by `device`, before any change. */
function concernDocument(overrides: Partial<ConcernDocument> = {}): ConcernDocument {
  return {
    format: 'safeguard-desk/concern',
    formatVersion: 1,
    concernId: randomUUID(),
    reference: newReference(),
    schoolId: profile.schoolId,
    form: { id: FORM_ID, version: 1 },
    answers: contactAnswers(),
    reporter: { name: 'Sam Teacher', role: 'Class teacher' },
    device: { id: 'dev-test', publicKey: device.publicKey },
    times: { writtenAt: new Date().toISOString() },
    sealedTo: [{ id: secrets.recipientId, name: 'Ellie Shea', role: 'dsl' }],
    urgency: 'urgent',
    about: null,
    ...overrides,
  };
}

/** Signs and seals a document to the lead, optionally editing the envelope JSON before sealing. */
async function sealedConcern(
  document: ConcernDocument,
  options: {
    attachments?: AttachmentContent[];
    signWith?: string;
    edit?: (envelope: Record<string, unknown>) => void;
  } = {},
): Promise<Uint8Array> {
  let envelope = buildEnvelope(
    document,
    options.signWith ?? device.privateKey,
    options.attachments ?? [],
  );
  if (options.edit) {
    const json = JSON.parse(Buffer.from(envelope).toString('utf8')) as Record<string, unknown>;
    options.edit(json);
    envelope = Buffer.from(JSON.stringify(json, null, 2), 'utf8');
  }
  return sealToRecipients(envelope, [leadRecipient]);
}

/** Puts a crafted concern on the share under its own id, as a staff machine would. */
async function putConcern(desk: Desk, document: ConcernDocument, sealed: Uint8Array) {
  return putFile(desk.concerns, `${document.concernId}.age`, sealed);
}

/** Imports and checks the one file failed with `code` and `reason`, leaving the share as it was. */
async function expectQuarantined(desk: Desk, file: string, code: string, reason: string) {
  const before = await folderState(desk.concerns);
  expect(Object.keys(before)).toContain(file);
  const result = await runImport(desk);
  expect(core(result)).toEqual({
    imported: 0,
    alreadyImported: 0,
    quarantined: [{ file, code, reason }],
  });
  expect(desk.cases.cases.list()).toEqual([]);
  expect(await folderState(desk.concerns)).toEqual(before);
}

/** The import says nothing of the file: no case, no quarantine, no count, nothing in the result. */
async function expectPassedOver(desk: Desk) {
  const before = await folderState(desk.concerns);
  const result = await runImport(desk);
  expect(result).toEqual({
    imported: 0,
    alreadyImported: 0,
    quarantined: [],
    inQuarantine: 0,
    acknowledgements: { written: 0, owed: 0, error: null },
  });
  expect(desk.cases.cases.list()).toEqual([]);
  expect(desk.cases.quarantine.list()).toEqual([]);
  expect(await folderState(desk.concerns)).toEqual(before);
}

describe('importing concern files from the share', () => {
  it('imports a concern filed by a staff machine as one case, leaving its file untouched', async () => {
    const desk = await freshDesk();
    const { file, reference } = await fileValid(desk);
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 1, alreadyImported: 0, quarantined: [] });
    expect(desk.cases.cases.list().map((c) => c.reference)).toEqual([reference]);
    expect(Object.keys(before)).toEqual([file]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('imports a concern filed with version 1 of a form that has since had a new version', async () => {
    expect(forms.latest(FORM_ID)?.version).toBeGreaterThan(1);
    const desk = await freshDesk();
    const document = concernDocument({ form: { id: FORM_ID, version: 1 } });
    await putConcern(desk, document, await sealedConcern(document));

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 1, alreadyImported: 0, quarantined: [] });
    expect(desk.cases.cases.list()).toMatchObject([
      { reference: document.reference, formId: FORM_ID, formVersion: 1 },
    ]);
  });

  it('imports nothing the second time and leaves the case count unchanged', async () => {
    const desk = await freshDesk();
    await fileValid(desk);
    await fileValid(desk);
    expect((await runImport(desk)).imported).toBe(2);
    const before = await folderState(desk.concerns);

    const again = await runImport(desk);

    expect(core(again)).toEqual({ imported: 0, alreadyImported: 2, quarantined: [] });
    expect(desk.cases.cases.list()).toHaveLength(2);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('imports only the new file when one arrives after an earlier import', async () => {
    const desk = await freshDesk();
    await fileValid(desk);
    await runImport(desk);
    const { reference } = await fileValid(desk);

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 1, alreadyImported: 1, quarantined: [] });
    expect(desk.cases.cases.list().map((c) => c.reference)).toContain(reference);
    expect(desk.cases.cases.list()).toHaveLength(2);
  });

  it('ignores files whose names are not <uuid>.age, without quarantining them', async () => {
    const desk = await freshDesk();
    const sealed = await sealedConcern(concernDocument());
    // A temp file being written right now (an old one of ours would be swept as abandoned).
    await writeFile(join(desk.concerns, '.tmp-0123456789abcdef'), sealed);
    await putFile(desk.concerns, 'notes.txt', 'IT: please do not delete this folder');
    await putFile(desk.concerns, `${randomUUID()}.age.partial`, sealed);
    await putFile(desk.concerns, `${randomUUID()}.txt`, 'not a concern');
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({ imported: 0, alreadyImported: 0, quarantined: [] });
    expect(desk.cases.quarantine.list()).toEqual([]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('keeps importing the good files when one file in the batch fails', async () => {
    const desk = await freshDesk();
    const { reference } = await fileValid(desk);
    const bad = await putFile(desk.concerns, `${randomUUID()}.age`, 'not age at all\n');
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({
      imported: 1,
      alreadyImported: 0,
      quarantined: [{ file: bad, code: 'corrupt', reason: REASONS.corruptAge }],
    });
    expect(desk.cases.cases.list().map((c) => c.reference)).toEqual([reference]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });
});

describe('quarantine: files that are not valid age', () => {
  it('quarantines a file of random bytes as corrupt', async () => {
    const desk = await freshDesk();
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, randomBytes(512));
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });

  it('quarantines an age file truncated inside its header as corrupt', async () => {
    const desk = await freshDesk();
    const document = concernDocument();
    const sealed = await sealedConcern(document);
    const file = await putConcern(desk, document, sealed.subarray(0, 40));
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });

  it('quarantines a text file named <uuid>.age as corrupt', async () => {
    const desk = await freshDesk();
    const file = await putFile(
      desk.concerns,
      `${randomUUID()}.age`,
      'Dear DSL, please see me about this.\n',
    );
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });

  it('quarantines an empty <uuid>.age file as corrupt', async () => {
    const desk = await freshDesk();
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, '');
    await expectQuarantined(desk, file, 'corrupt', REASONS.corruptAge);
  });
});

describe('quarantine: tampered age files', () => {
  it('quarantines a file with one byte flipped in its encrypted payload as tampered', async () => {
    const desk = await freshDesk();
    const document = concernDocument();
    const sealed = Buffer.from(await sealedConcern(document));
    const end = headerEnd(sealed);
    const at = end + Math.floor((sealed.length - end) / 2);
    sealed.writeUInt8(sealed.readUInt8(at) ^ 0x01, at);
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'tampered', REASONS.tamperedPayload);
  });

  it('quarantines a file whose payload was cut short as tampered or truncated', async () => {
    const desk = await freshDesk();
    const document = concernDocument();
    const sealed = await sealedConcern(document);
    const file = await putConcern(desk, document, sealed.subarray(0, sealed.length - 10));
    await expectQuarantined(desk, file, 'tampered', REASONS.tamperedPayload);
  });

  it('quarantines a file whose header MAC was altered as a tampered header', async () => {
    const desk = await freshDesk();
    const document = concernDocument();
    const file = await putConcern(desk, document, flipHeaderMac(await sealedConcern(document)));
    await expectQuarantined(desk, file, 'tampered', REASONS.tamperedHeader);
  });

  it('passes over, in silence, a file whose recipient stanza was altered', async () => {
    // An altered X25519 stanza no longer unwraps with our identity: age cannot tell it from a
    // stanza for someone else, and a concern for someone else is never mentioned.
    const desk = await freshDesk();
    const document = concernDocument();
    await putConcern(desk, document, flipStanzaBody(await sealedConcern(document)));
    await expectPassedOver(desk);
  });
});

describe('quarantine: files that open but are not acceptable concerns', () => {
  it('says nothing of a valid concern sealed only to other recipients, anywhere', async () => {
    const desk = await freshDesk();
    const stranger = await generateAgeKeyPair();
    const document = concernDocument();
    const envelope = buildEnvelope(document, device.privateKey, []);
    await putConcern(desk, document, await sealToRecipients(envelope, [stranger.recipient]));
    await expectPassedOver(desk);
  });

  it('quarantines a concern whose answer was changed after signing as a bad signature', async () => {
    const desk = await freshDesk();
    const document = concernDocument();
    const sealed = await sealedConcern(document, {
      edit: (envelope) => {
        const doc = envelope.document as { answers: Record<string, unknown> };
        doc.answers.whatHappened = 'Nothing happened, please ignore.';
      },
    });
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'bad-signature', REASONS.altered);
  });

  it('quarantines a concern signed by a key other than the device it names as a bad signature', async () => {
    const desk = await freshDesk();
    const other = generateSigningKeyPair();
    const document = concernDocument();
    const sealed = await sealedConcern(document, {
      signWith: other.privateKey,
      edit: (envelope) => {
        (envelope.signature as { publicKey: string }).publicKey = other.publicKey;
      },
    });
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'bad-signature', REASONS.otherDevice);
  });

  it('quarantines a correctly signed concern naming an unknown form', async () => {
    const desk = await freshDesk();
    const document = concernDocument({ form: { id: 'no-such-form', version: 1 } });
    const file = await putConcern(desk, document, await sealedConcern(document));
    await expectQuarantined(
      desk,
      file,
      'unknown-form',
      'It names form "no-such-form" version 1, which this installation does not have.',
    );
  });

  it('quarantines a correctly signed concern naming a version of a real form that is not installed', async () => {
    const desk = await freshDesk();
    const document = concernDocument({ form: { id: FORM_ID, version: 99 } });
    const file = await putConcern(desk, document, await sealedConcern(document));
    await expectQuarantined(
      desk,
      file,
      'unknown-form',
      `It names form "${FORM_ID}" version 99, which this installation does not have.`,
    );
  });

  it('quarantines a signed concern whose answers fail the form version it names', async () => {
    const desk = await freshDesk();
    const answers = contactAnswers();
    delete answers.whatHappened;
    const document = concernDocument({ answers });
    const file = await putConcern(desk, document, await sealedConcern(document));
    await expectQuarantined(
      desk,
      file,
      'invalid-answers',
      '"What did you see or hear? Facts only" (whatHappened): required',
    );
  });

  it('quarantines a copy of a valid concern under another <uuid>.age as misnamed, importing the original', async () => {
    const desk = await freshDesk();
    const { file: original, reference } = await fileValid(desk);
    const copy = `${randomUUID()}.age`;
    await copyFile(join(desk.concerns, original), join(desk.concerns, copy));
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({
      imported: 1,
      alreadyImported: 0,
      quarantined: [{ file: copy, code: 'misnamed', reason: REASONS.misnamed }],
    });
    expect(desk.cases.cases.list().map((c) => c.reference)).toEqual([reference]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('quarantines a correctly signed concern filed for another school as wrong-school', async () => {
    const desk = await freshDesk();
    const document = concernDocument({ schoolId: randomUUID() });
    const file = await putConcern(desk, document, await sealedConcern(document));
    await expectQuarantined(desk, file, 'wrong-school', REASONS.wrongSchool);
  });

  it('quarantines a sealed file that is not JSON as not a concern', async () => {
    const desk = await freshDesk();
    const sealed = await sealToRecipients(Buffer.from('hello, lead\n'), [leadRecipient]);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, sealed);
    await expectQuarantined(desk, file, 'not-a-concern', REASONS.notJson);
  });

  it('quarantines a sealed JSON file that is not a concern envelope as not a concern', async () => {
    const desk = await freshDesk();
    const sealed = await sealToRecipients(Buffer.from('{"hello":"lead"}'), [leadRecipient]);
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, sealed);
    await expectQuarantined(desk, file, 'not-a-concern', REASONS.notEnvelope);
  });

  it('quarantines a concern whose signed answers name an attachment it does not carry', async () => {
    const desk = await freshDesk();
    const sha256 = createHash('sha256').update('the screenshot').digest('hex');
    const document = concernDocument({
      answers: contactAnswers({
        evidence: [{ name: 'chat.png', mediaType: 'image/png', size: 14, sha256 }],
      }),
    });
    const file = await putConcern(desk, document, await sealedConcern(document));
    await expectQuarantined(desk, file, 'bad-attachment', REASONS.attachmentMissing);
  });

  it('quarantines a concern whose attachment bytes were swapped after signing', async () => {
    const desk = await freshDesk();
    const bytes = Buffer.from('the screenshot');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const document = concernDocument({
      answers: contactAnswers({
        evidence: [{ name: 'chat.png', mediaType: 'image/png', size: bytes.length, sha256 }],
      }),
    });
    const sealed = await sealedConcern(document, {
      attachments: [{ sha256, bytes }],
      edit: (envelope) => {
        const [content] = envelope.attachmentContents as Array<{ base64: string }>;
        if (content) content.base64 = Buffer.from('another image').toString('base64');
      },
    });
    const file = await putConcern(desk, document, sealed);
    await expectQuarantined(desk, file, 'bad-attachment', REASONS.attachmentAltered);
  });

  it('quarantines a concern reusing the reference of another case as a duplicate reference', async () => {
    const desk = await freshDesk();
    const { reference } = await fileValid(desk);
    await runImport(desk);
    const document = concernDocument({ reference });
    const file = await putConcern(desk, document, await sealedConcern(document));
    const before = await folderState(desk.concerns);

    const result = await runImport(desk);

    expect(core(result)).toEqual({
      imported: 0,
      alreadyImported: 1,
      quarantined: [
        {
          file,
          code: 'duplicate-reference',
          reason: `Its reference ${reference} is already used by another case.`,
        },
      ],
    });
    expect(desk.cases.cases.list()).toHaveLength(1);
    expect(await folderState(desk.concerns)).toEqual(before);
  });
});

describe('the local quarantine', () => {
  it('records a failed file with its code, reason and when it was seen', async () => {
    const desk = await freshDesk();
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, 'garbage');

    await runImport(desk, new Date('2026-03-01T09:00:00.000Z'));

    expect(desk.cases.quarantine.list()).toEqual([
      {
        file,
        code: 'corrupt',
        reason: REASONS.corruptAge,
        firstSeen: '2026-03-01T09:00:00.000Z',
        lastSeen: '2026-03-01T09:00:00.000Z',
      },
    ]);
  });

  it('does not read a quarantined file again while its size and time are unchanged', async () => {
    const desk = await freshDesk();
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, 'garbage');
    await runImport(desk, new Date('2026-03-01T09:00:00.000Z'));
    const before = await folderState(desk.concerns);

    const again = await runImport(desk, new Date('2026-03-02T09:00:00.000Z'));

    expect(again.quarantined).toEqual([]);
    expect(again.inQuarantine).toBe(1);
    expect(desk.cases.quarantine.list()).toEqual([
      expect.objectContaining({
        file,
        firstSeen: '2026-03-01T09:00:00.000Z',
        lastSeen: '2026-03-01T09:00:00.000Z',
      }),
    ]);
    expect(await folderState(desk.concerns)).toEqual(before);
  });

  it('looks again at a quarantined file once it changes, keeping its first sighting', async () => {
    const desk = await freshDesk();
    const file = await putFile(desk.concerns, `${randomUUID()}.age`, 'garbage');
    await runImport(desk, new Date('2026-03-01T09:00:00.000Z'));
    await putFile(desk.concerns, file, 'other garbage, longer');

    const again = await runImport(desk, new Date('2026-03-02T09:00:00.000Z'));

    expect(again.quarantined).toEqual([{ file, code: 'corrupt', reason: REASONS.corruptAge }]);
    expect(desk.cases.quarantine.list()).toEqual([
      expect.objectContaining({
        file,
        firstSeen: '2026-03-01T09:00:00.000Z',
        lastSeen: '2026-03-02T09:00:00.000Z',
      }),
    ]);
  });
});

describe('lead import through the CLI', () => {
  let fixture: SchoolFixture | undefined;

  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  async function reportViaCli(s: SchoolFixture, answers: unknown = contactAnswers()) {
    const file = await writeAnswers(s.root, answers);
    return cliJson<{ reference: string; delivered: boolean }>(s.staffHome, [
      'report',
      '--form',
      FORM_ID,
      '--answers',
      file,
      '--reporter',
      'Sam Teacher',
      '--reporter-role',
      'Class teacher',
    ]);
  }

  function leadCli<T>(s: SchoolFixture, args: string[]): Promise<T> {
    return cliJson<T>(s.dslHome, ['lead', ...args, '--passphrase-file', s.passphraseFile]);
  }

  it('reports {"imported": n, "quarantined": [{file, code, reason}]} with --json and leaves the share as it was', async () => {
    const s = (fixture = await makeSchool());
    expect((await reportViaCli(s)).delivered).toBe(true);
    const concerns = join(s.share, 'concerns');
    const corrupt = await putFile(concerns, `${randomUUID()}.age`, 'not age\n');
    const stranger = await generateAgeKeyPair();
    const elsewhere = await putFile(
      concerns,
      `${randomUUID()}.age`,
      await sealToRecipients(Buffer.from('{}'), [stranger.recipient]),
    );
    await putFile(concerns, 'notes.txt', 'ignored');
    const before = await folderState(concerns);

    const result = await leadCli<ImportResult>(s, ['import']);

    expect(result).toEqual({
      imported: 1,
      alreadyImported: 0,
      quarantined: [{ file: corrupt, code: 'corrupt', reason: REASONS.corruptAge }],
      inQuarantine: 1,
      acknowledgements: { written: 1, owed: 0, error: null },
    });
    expect(JSON.stringify(result)).not.toContain(elsewhere);
    expect(await folderState(concerns)).toEqual(before);
  });

  it('prints each quarantined file and its reason without --json', async () => {
    const s = (fixture = await makeSchool());
    const file = await putFile(join(s.share, 'concerns'), `${randomUUID()}.age`, 'not age\n');

    const result = await runCli(s.dslHome, [
      'lead',
      'import',
      '--passphrase-file',
      s.passphraseFile,
    ]);

    expect(result).toEqual({
      code: 0,
      stdout: `Imported 0 new concern(s); 0 already imported.\nQuarantined ${file}: ${REASONS.corruptAge}\n1 file(s) are in quarantine in all: "lead quarantine" lists them.\n`,
      stderr: '',
    });
  });

  it('imports nothing new when lead import runs twice, and the case list keeps one case', async () => {
    const s = (fixture = await makeSchool());
    const { reference } = await reportViaCli(s);
    await leadCli(s, ['import']);

    const again = await leadCli<ImportResult>(s, ['import']);

    expect(core(again)).toEqual({ imported: 0, alreadyImported: 1, quarantined: [] });
    const cases = await leadCli<Array<{ reference: string }>>(s, ['list']);
    expect(cases.map((c) => c.reference)).toEqual([reference]);
  });

  it("shows every answer of an imported concern and its attachments' SHA-256 with lead show --json", async () => {
    const s = (fixture = await makeSchool());
    const screenshot = Buffer.from('89504e470d0a1a0a-not-really-a-png', 'utf8');
    await writeFile(join(s.root, 'chat.png'), screenshot);
    const sha256 = createHash('sha256').update(screenshot).digest('hex');
    const answers = contactAnswers({
      yourView: 'It felt secretive.',
      linkOrHandle: '@mr_example',
      evidence: ['chat.png'],
    });
    const { reference } = await reportViaCli(s, answers);
    await leadCli(s, ['import']);

    const shown = await leadCli<{
      reference: string;
      formId: string;
      formVersion: number;
      reporterName: string;
      reporterRole: string;
      answers: Record<string, unknown>;
      attachments: unknown[];
    }>(s, ['show', reference]);

    const meta = { name: 'chat.png', mediaType: 'image/png', size: screenshot.length, sha256 };
    expect(shown).toMatchObject({
      reference,
      formId: FORM_ID,
      formVersion: forms.latest(FORM_ID)?.version,
      reporterName: 'Sam Teacher',
      reporterRole: 'Class teacher',
    });
    expect(shown.answers).toEqual({ ...answers, evidence: [meta] });
    expect(shown.attachments).toEqual([{ fieldId: 'evidence', ...meta }]);
  });
});
