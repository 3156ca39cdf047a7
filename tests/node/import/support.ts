/**
 * Issue requirement 2f: a lead's import of `<share>/concerns/`. Valid files become cases,
 * idempotently; every failing file is quarantined locally with a specific reason and reported; the
 * file on the share is never altered or deleted. Real age, Ed25519, encrypted SQLite and folders.
 *
 * The fixture shared by the tests of tests/node/import/: one school and its lead, unlocked once per
 * test file (`leadFixture()` in a `beforeAll`), and a fresh share and case store per test.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  buildEnvelope,
  fileConcern,
  newReference,
  type ConcernDocument,
} from '../../../src/concerns';
import type { AttachmentContent } from '../../../src/concerns/document';
import { generateSigningKeyPair, sealToRecipients, type SigningKeyPair } from '../../../src/crypto';
import { FormRegistry } from '../../../src/forms';
import {
  importConcerns,
  openCaseStore,
  type CaseStore,
  type ImportResult,
} from '../../../src/casework';
import { unlockLead, type LeadSecrets } from '../../../src/lead';
import type { SchoolProfile } from '../../../src/school';
import { enrol, openStaffStore, type StaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { contactAnswers, makeSchool, PASSPHRASE, type SchoolFixture } from '../support/school';

export const FORM_ID = 'private-online-contact-with-pupil';
export const forms = FormRegistry.builtIn();
/** Share files are back-dated, so any rewrite by the importer shows in their mtime. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

export const REASONS = {
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
export async function folderState(dir: string): Promise<Record<string, FileState>> {
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
export async function putFile(
  dir: string,
  name: string,
  bytes: Uint8Array | string,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  await utimes(path, LONG_AGO, LONG_AGO);
  return name;
}

/** A school with its lead identity unlocked, and a device key that signs crafted concerns. */
export interface LeadFixture {
  school: SchoolFixture;
  secrets: LeadSecrets;
  profileJson: string;
  profile: SchoolProfile;
  leadRecipient: string;
  device: SigningKeyPair;
}

/** Makes a school and unlocks its lead once; call it in a file's `beforeAll`. */
export async function leadFixture(): Promise<LeadFixture> {
  const school = await makeSchool();
  const secrets = await unlockLead(school.dslHome, PASSPHRASE);
  const profileJson = await readFile(join(school.share, 'school.json'), 'utf8');
  const profile = (JSON.parse(profileJson) as { profile: SchoolProfile }).profile;
  const first = profile.recipients[0];
  if (!first) throw new Error('the school profile has no recipient');
  return {
    school,
    secrets,
    profileJson,
    profile,
    leadRecipient: first.ageRecipient,
    device: generateSigningKeyPair(),
  };
}

/**
 * A share of this school and the lead's case store, fresh for one test (same school, same lead
 * identity, unlocked once), plus a staff machine enrolled with it.
 */
export interface Desk {
  lead: LeadFixture;
  share: string;
  concerns: string;
  cases: CaseStore;
  staff: StaffStore;
}

const open: Desk[] = [];

/** Closes the stores of every desk opened since the last call; call it in a file's `afterEach`. */
export function closeDesks(): void {
  for (const desk of open.splice(0)) {
    desk.cases.close();
    desk.staff.close();
  }
}

export async function freshDesk(lead: LeadFixture): Promise<Desk> {
  const { school, secrets, profileJson, profile } = lead;
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
  const desk = { lead, share, concerns, cases, staff };
  open.push(desk);
  return desk;
}

/** What an import says about concern files (its acknowledgement and quarantine totals aside). */
export function core(result: ImportResult) {
  return {
    imported: result.imported,
    alreadyImported: result.alreadyImported,
    quarantined: result.quarantined,
  };
}

export function runImport(desk: Desk, now?: Date): Promise<ImportResult> {
  return importConcerns({
    store: desk.cases,
    forms,
    secrets: desk.lead.secrets,
    ...(now ? { now: () => now } : {}),
  });
}

/** Files a valid concern through the staff machine's real filing path; returns its file name. */
export async function fileValid(
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
export function concernDocument(
  desk: Desk,
  overrides: Partial<ConcernDocument> = {},
): ConcernDocument {
  const { profile, device, secrets } = desk.lead;
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
export async function sealedConcern(
  desk: Desk,
  document: ConcernDocument,
  options: {
    attachments?: AttachmentContent[];
    signWith?: string;
    edit?: (envelope: Record<string, unknown>) => void;
  } = {},
): Promise<Uint8Array> {
  let envelope = buildEnvelope(
    document,
    options.signWith ?? desk.lead.device.privateKey,
    options.attachments ?? [],
  );
  if (options.edit) {
    const json = JSON.parse(Buffer.from(envelope).toString('utf8')) as Record<string, unknown>;
    options.edit(json);
    envelope = Buffer.from(JSON.stringify(json, null, 2), 'utf8');
  }
  return sealToRecipients(envelope, [desk.lead.leadRecipient]);
}

/** Puts a crafted concern on the share under its own id, as a staff machine would. */
export async function putConcern(desk: Desk, document: ConcernDocument, sealed: Uint8Array) {
  return putFile(desk.concerns, `${document.concernId}.age`, sealed);
}

/** Imports and checks the one file failed with `code` and `reason`, leaving the share as it was. */
export async function expectQuarantined(desk: Desk, file: string, code: string, reason: string) {
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
export async function expectPassedOver(desk: Desk) {
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
