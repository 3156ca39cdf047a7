/**
 * Issue 9 §1: the office refuses an extract it cannot verify or parse, each with its plain reason,
 * and leaves the share exactly as it was: a tampered file, one signed by the office's own key, by a
 * lead of another school or with a forged signature, for another school, not JSON, in an unknown
 * format version, unpacking too large, too large on the share, a FIFO, a symlink (even to a good
 * extract), a folder, and one not sealed to this identity. With no office user, nothing is
 * published. Of two leads' extracts the office uses the one covering more concerns.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/casework';
import {
  canonicalJson,
  createSigner,
  generateSigningKeyPair,
  sealToRecipients,
} from '../../../src/crypto';
import {
  packExtract,
  publishExtract,
  readExtracts,
  type ExtractBody,
  type ExtractsOnShare,
} from '../../../src/office/extract';
import { importConcerns } from '../../../src/casework';
import { FormRegistry } from '../../../src/forms';
import { currentProfile } from '../../../src/school/changes';
import { openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { addJoinedRecipient } from '../support/school';
import { snapshot } from '../support/share-snapshot';
import { answers, extractSchool, type ExtractSchool } from './support';

describe('extracts the office refuses', () => {
  let s: ExtractSchool;
  let officeIdentity: string;
  let officeRecipient: string;
  let officeId: string;
  let noOffice: unknown;
  let good: string;
  let reading: ExtractsOnShare;
  let before: Record<string, string>;
  const expected = new Map<string, { code: string; reason: RegExp }>();

  /** An extract body like the lead's, with `change` applied. */
  const bodyWith = (change: Partial<Record<keyof ExtractBody, unknown>> = {}) => ({
    format: 'safeguard-desk/statistical-extract',
    formatVersion: 1,
    producedAt: '2026-11-30T10:00:00.000Z',
    publishedBy: s.workspace.secrets.recipientId,
    rows: [],
    schoolId: s.workspace.store.settings.get()!.schoolId,
    schoolName: 'Hollybank School',
    terms: [],
    ...change,
  });

  /** Signs `body` as `by` with `key`, gzips and seals it, and puts it in extracts/. */
  const plant = async (
    expect: { code: string; reason: RegExp },
    opts: { body?: unknown; bytes?: Buffer; by?: string; key?: string; to?: string[] },
  ) => {
    const bytes = opts.bytes ?? Buffer.from(canonicalJson(opts.body ?? bodyWith()));
    const packed = packExtract(bytes, {
      recipientId: opts.by ?? s.workspace.secrets.recipientId,
      sign: createSigner(opts.key ?? s.workspace.secrets.signingKey),
    });
    const name = await s.share.writeExtractFile(
      await sealToRecipients(packed, opts.to ?? [officeRecipient]),
    );
    expected.set(name, expect);
    return name;
  };
  const extracts = () => join(s.school.share, 'extracts');
  const hexName = () => `${randomBytes(16).toString('hex')}.age`;

  beforeAll(async () => {
    s = await extractSchool('Hollybank School');
    await s.file({
      formId: 'other-online-concern',
      at: '2026-11-20T10:00:00Z',
      reporter: { name: 'Sam Teacher', role: 'Teacher' },
      answers: answers('Something online.', [{ name: 'Pupil A', role: 'pupil' }]),
    });
    noOffice = await publishExtract({ lead: s.workspace, profile: await s.profile() }).catch(
      (error: unknown) => error,
    );
    const office = await s.addOffice();
    officeIdentity = office.key.identity;
    officeRecipient = office.key.recipient;
    const profile = await s.profile();
    officeId = profile.recipients.find((r) => r.role === 'office')!.id;
    const dslRecipient = profile.recipients.find((r) => r.role === 'dsl')!.ageRecipient;
    good = (await publishExtract({ lead: s.workspace, profile })).file;
    const goodBytes = await readFile(join(extracts(), good));

    // Tampered: one byte of the encrypted payload changed.
    const tampered = Buffer.from(goodBytes);
    tampered[tampered.length - 20]! ^= 0x01;
    const tamperedName = await s.share.writeExtractFile(tampered);
    expected.set(tamperedName, { code: 'tampered', reason: /integrity check/ });

    const notALead = { code: 'not-signed-by-a-lead', reason: /not signed by a safeguarding lead/ };
    const stranger = generateSigningKeyPair().privateKey;
    await plant(notALead, { by: officeId, key: stranger });
    await plant(notALead, { by: randomUUID(), key: stranger });
    await plant(
      { code: 'bad-signature', reason: /altered after it was signed/ },
      { key: stranger },
    );
    await plant(
      { code: 'not-signed-by-a-lead', reason: /says another published it/ },
      { body: bodyWith({ publishedBy: officeId }) },
    );
    await plant(
      { code: 'wrong-school', reason: /another school/ },
      { body: bodyWith({ schoolId: randomUUID() }) },
    );
    await plant(
      { code: 'not-an-extract', reason: /body is not JSON/ },
      { bytes: Buffer.from('{"format": "safeguard-desk/statistical-extract", rows: [') },
    );
    await plant(
      { code: 'not-an-extract', reason: /does not follow the format \(at rows\.0\.month\)/ },
      {
        body: bodyWith({
          rows: [
            {
              academicYear: '2026-27',
              clocksMet: null,
              concernType: 'other-online-concern',
              month: '2026-13',
              outcome: null,
              pathway: null,
              recordKey: 1,
              referrals: [],
              reporterGroup: 'teaching',
              status: 'new',
              term: 'autumn',
              urgency: 'normal',
              workingDaysToClose: null,
              workingDaysToFirstAction: null,
            },
          ],
        }),
      },
    );
    const unknownVersion = { code: 'extract-unknown-version', reason: /format version/ };
    await plant(unknownVersion, { body: bodyWith({ formatVersion: 2 }) });
    // A signature line of a later envelope version.
    const laterLine = `${canonicalJson({ format: 'safeguard-desk/signed-extract', formatVersion: 2 })}\n{}`;
    const laterName = await s.share.writeExtractFile(
      await sealToRecipients(await gzipped(Buffer.from(laterLine)), [officeRecipient]),
    );
    expected.set(laterName, unknownVersion);
    // Sealed, but not gzipped.
    const plainName = await s.share.writeExtractFile(
      await sealToRecipients(Buffer.from(canonicalJson(bodyWith())), [officeRecipient]),
    );
    expected.set(plainName, { code: 'not-an-extract', reason: /not gzip-compressed/ });
    // A gzip bomb: 300 MB of zeros in a few hundred KB.
    const bombName = await s.share.writeExtractFile(
      await sealToRecipients(await gzipped(null, 300 * 1024 * 1024), [officeRecipient]),
    );
    expected.set(bombName, { code: 'too-large', reason: /unpacks to more than/ });
    // Sealed to the DSL alone.
    await plant({ code: 'not-addressed', reason: /not sealed to you/ }, { to: [dslRecipient] });

    // Not files, or too large to read.
    const notAFile = { code: 'not-a-file', reason: /not a regular file/ };
    const big = hexName();
    execFileSync('truncate', ['-s', `${65 * 1024 * 1024}`, join(extracts(), big)]);
    expected.set(big, { code: 'too-large', reason: /larger \(68157440 bytes\)/ });
    const fifo = hexName();
    execFileSync('mkfifo', [join(extracts(), fifo)]);
    expected.set(fifo, notAFile);
    const link = hexName();
    await symlink(join(extracts(), good), join(extracts(), link));
    expected.set(link, notAFile);
    const folder = hexName();
    await mkdir(join(extracts(), folder));
    expected.set(folder, notAFile);
    // Strangers with names no extract has are not looked at.
    await writeFile(join(extracts(), 'notes.txt'), 'hello');

    before = await snapshot(s.school.share);
    reading = await readExtracts({ identity: officeIdentity, share: s.share, profile });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('publishes nothing while the school has no office user, and says so', () => {
    expect(noOffice).toMatchObject({
      code: 'no-office-recipient',
      message: expect.stringMatching(/^No office user is on the school profile yet/) as string,
    });
  });

  it('uses the lead\u2019s good extract', () => {
    expect(reading.extracts.map((e) => e.file)).toEqual([good]);
    expect(reading.chosen).toMatchObject({
      file: good,
      publisher: { id: s.workspace.secrets.recipientId, name: 'Ellie Shea', role: 'dsl' },
    });
    expect(reading.chosen!.body.rows).toHaveLength(1);
    expect(reading.notRead).toBe(0);
  });

  it('refuses every other file with its own reason', () => {
    const refused = new Map(reading.refusals.map((r) => [r.file, r]));
    expect([...refused.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, { code, reason }] of expected) {
      expect(refused.get(file), file).toMatchObject({ code });
      expect(refused.get(file)!.reason, code).toMatch(reason);
    }
  });

  it('leaves the share exactly as it was', async () => {
    expect(await snapshot(s.school.share)).toEqual(before);
  });
});

describe('choosing among leads\u2019 extracts', () => {
  let s: ExtractSchool;
  let reading: ExtractsOnShare;
  let deputyId: string;

  beforeAll(async () => {
    s = await extractSchool('Kingsmere Academy');
    const office = await s.addOffice();
    const file = (at: string) =>
      s.file({
        formId: 'other-online-concern',
        at,
        reporter: { name: 'Sam Teacher', role: 'Teacher' },
        answers: answers('Something online.', [{ name: 'Pupil A', role: 'pupil' }]),
      });
    await file('2026-11-02T10:00:00Z');
    const deputy = await addJoinedRecipient(s.school, 'deputy', 'Dan Deputy');
    s.workspace.profileChanged(await s.profile());
    await file('2026-11-03T10:00:00Z');
    await file('2026-11-04T10:00:00Z');
    // The DSL holds all three concerns; the deputy the two filed after they joined.
    const keys = new UnprotectedFileKeyProvider(deputy.home);
    const passphrase = (await readFile(deputy.passphraseFile, 'utf8')).trim();
    const deputyDesk = await openWorkspace({ home: deputy.home, keyProvider: keys, passphrase });
    try {
      deputyId = deputyDesk.secrets.recipientId;
      await importConcerns({
        store: deputyDesk.store,
        forms: FormRegistry.builtIn(),
        secrets: deputyDesk.secrets,
      });
      const staff = await openStaffStore(deputy.home, keys);
      const profile = await currentProfile(staff, new Date()).finally(() => staff.close());
      await publishExtract({ lead: deputyDesk, profile });
    } finally {
      deputyDesk.close();
    }
    await publishExtract({ lead: s.workspace, profile: await s.profile() });
    // An older extract of the DSL's, put back on the share afterwards: superseded all the same.
    const profile = await s.profile();
    const older = {
      format: 'safeguard-desk/statistical-extract',
      formatVersion: 1,
      producedAt: '2026-01-05T09:00:00.000Z',
      publishedBy: s.workspace.secrets.recipientId,
      rows: [],
      schoolId: profile.schoolId,
      schoolName: profile.schoolName,
      terms: [],
    };
    const packed = packExtract(Buffer.from(canonicalJson(older)), {
      recipientId: s.workspace.secrets.recipientId,
      sign: createSigner(s.workspace.secrets.signingKey),
    });
    await s.share.writeExtractFile(await sealToRecipients(packed, [office.key.recipient]));
    reading = await readExtracts({
      identity: office.key.identity,
      share: s.share,
      profile: await s.profile(),
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('returns each lead\u2019s newest and uses the one covering the most concerns', () => {
    expect(reading.refusals).toEqual([]);
    expect(
      reading.extracts.map((e) => [e.publisher.role, e.body.rows.length, e.publisher.id]),
    ).toEqual([
      ['dsl', 3, s.workspace.secrets.recipientId],
      ['deputy', 2, deputyId],
    ]);
    expect(reading.chosen?.publisher.name).toBe('Ellie Shea');
    expect(reading.chosen?.body.producedAt).not.toBe('2026-01-05T09:00:00.000Z');
    expect(reading.superseded).toBe(1);
  });
});

/** gzip of `bytes`, or of `zeros` zero bytes written in pieces (without holding them). */
async function gzipped(bytes: Buffer | null, zeros = 0): Promise<Buffer> {
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  if (bytes !== null) gzip.write(bytes);
  const zero = Buffer.alloc(1024 * 1024);
  for (let left = zeros; left > 0; left -= zero.length) {
    if (!gzip.write(zero)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}
