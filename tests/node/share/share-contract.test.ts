/**
 * Issue 10 §3: one set of share tests, run against every implementation of `Share`: a folder,
 * and a bucket on a real S3-protocol server (s3rver on 127.0.0.1) both as s3rver is (it ignores
 * If-None-Match) and with conditional writes honoured as AWS, MinIO and Ceph do. Each kind of
 * file is written, listed, statted and read back; nothing is ever replaced; names that are not
 * ours are ignored; planted oversized files are refused unread; bad names, a missing bucket, a
 * server that is not there and one that never answers get their own clear errors.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeguardError } from '../../../src/errors';
import { openShare, SHARE_LIMITS, type Share } from '../../../src/share';
import { startS3Server, type S3TestServer } from '../support/s3-server';

/** A share and a way to plant or read raw files in it, as anyone with access could. */
interface Subject {
  share: Share;
  plant(folder: string, name: string, bytes: Uint8Array): Promise<void>;
  raw(folder: string, name: string): Promise<Buffer>;
}

const ID = 'a3c1d9a2-5b1e-4c8e-9f00-0123456789ab';
const OTHER_ID = 'b4d2eab3-6c2f-4d9f-8a11-123456789abc';

let s3: S3TestServer;
let s3Conditional: S3TestServer;
let folderRoot: string;
beforeAll(async () => {
  s3 = await startS3Server();
  s3Conditional = await startS3Server({ conditionalWrites: true });
  folderRoot = await mkdtemp(join(tmpdir(), 'sgd-share-contract-'));
});
afterAll(async () => {
  await s3?.close();
  await s3Conditional?.close();
  await rm(folderRoot, { recursive: true, force: true });
});

let counter = 0;
async function folderSubject(): Promise<Subject> {
  const root = join(folderRoot, `school-${++counter}`);
  await mkdir(root);
  const share = openShare(root);
  await share.prepare();
  return {
    share,
    plant: (folder, name, bytes) => writeFile(join(root, folder, name), bytes),
    raw: (folder, name) => readFile(join(root, folder, name)),
  };
}

async function bucketSubject(server: S3TestServer): Promise<Subject> {
  const bucket = `trust-${++counter}`;
  await server.createBucket(bucket);
  const prefix = `schools/school-${counter}`;
  const share = openShare(server.location(bucket, prefix));
  await share.prepare();
  const key = (folder: string, name: string) => `${prefix}/${folder}/${name}`;
  return {
    share,
    plant: async (folder, name, bytes) => {
      await server.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key(folder, name), Body: bytes }),
      );
    },
    raw: async (folder, name) => {
      const got = await server.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key(folder, name) }),
      );
      return Buffer.from(await got.Body!.transformToByteArray());
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<SafeguardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SafeguardError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const kinds: Array<[string, () => Promise<Subject>]> = [
  ['a folder', folderSubject],
  ['a bucket on s3rver (If-None-Match ignored)', () => bucketSubject(s3)],
  ['a bucket honouring If-None-Match', () => bucketSubject(s3Conditional)],
];

describe.each(kinds)('the share as %s', (_kind, make) => {
  let subject: Subject;
  let share: Share;
  beforeAll(async () => {
    subject = await make();
    share = subject.share;
  });

  it('answers its checks and holds a profile, which is replaced when written again', async () => {
    await share.checkReadable();
    await share.checkWritable();
    expect(await share.readProfile()).toBeNull();
    await share.writeProfile('{"v":1}');
    expect(await share.readProfile()).toBe('{"v":1}');
    await share.writeProfile('{"v":2}');
    expect(await share.readProfile()).toBe('{"v":2}');
  });

  it('delivers a concern once, never replacing it, and reads it back whole or in part', async () => {
    const sealed = randomBytes(5_000);
    expect(await share.hasConcern(ID)).toBe(false);
    expect(await share.writeConcern(ID, sealed)).toBe('written');
    expect(await share.writeConcern(ID, sealed)).toBe('already-there');
    const conflict = await failure(share.writeConcern(ID, randomBytes(5_000)));
    expect(conflict.code).toBe('share-conflict');
    expect(Buffer.compare(await subject.raw('concerns', `${ID}.age`), sealed)).toBe(0);
    expect(await share.hasConcern(ID)).toBe(true);

    await subject.plant('concerns', 'notes.txt', Buffer.from('not ours'));
    await subject.plant('concerns', `${OTHER_ID}.age`, randomBytes(10));
    expect(await share.listConcernFiles()).toEqual([`${ID}.age`, `${OTHER_ID}.age`]);
    expect((await share.statConcernFile(`${ID}.age`)).size).toBe(5_000);

    const whole = await share.readConcernFile(`${ID}.age`);
    expect(whole.complete).toBe(true);
    expect(Buffer.compare(whole.bytes, sealed)).toBe(0);
    const head = await share.readConcernFile(`${ID}.age`, { headBytes: 100 });
    expect(head).toMatchObject({ size: 5_000, complete: false });
    expect(Buffer.compare(head.bytes, sealed.subarray(0, 100))).toBe(0);
    expect(head.mtimeMs).toBeGreaterThan(Date.now() - 600_000);
  });

  it('refuses names that are not ours before touching the share', async () => {
    for (const attempt of [
      share.readConcernFile('../school.json'),
      share.readEventFile('../concerns/x.age'),
      share.writeConcern('../../etc', Buffer.from('x')),
      share.readExtractFile('ABC.age'),
      share.readRecoveryFile('school.json'),
    ]) {
      expect((await failure(attempt)).code).toBe('bad-id');
    }
    const missing = await failure(share.readConcernFile(`${OTHER_ID.replace('b', 'c')}.age`));
    expect(missing.code).toBe('share-file-missing');
  });

  it('writes acknowledgements under their names and reads them bounded', async () => {
    const names = [`${ID}.0123456789abcdef.json`, `${OTHER_ID}.fedcba9876543210.json`];
    const result = await share.writeAckFiles(
      names.map((name) => ({ name, json: `{"n":"${name}"}` })),
    );
    expect(result.error).toBeNull();
    expect([...result.written].sort()).toEqual([...names].sort());
    expect((await share.listAckFiles()).sort()).toEqual(names.sort());
    expect(await share.readAckFile(names[0]!)).toBe(`{"n":"${names[0]}"}`);
    await subject.plant(
      'acks',
      `${ID}.1111111111111111.json`,
      randomBytes(SHARE_LIMITS.acknowledgementBytes + 1),
    );
    expect((await failure(share.readAckFile(`${ID}.1111111111111111.json`))).code).toBe(
      'too-large',
    );
  });

  it('keeps a recovery file and gives a second one for the same lead a new name', async () => {
    const first = randomBytes(300);
    const second = randomBytes(300);
    expect(await share.writeRecoveryFile(ID, first)).toBe(`${ID}.age`);
    const other = await share.writeRecoveryFile(ID, second);
    expect(other).toMatch(new RegExp(`^${ID}\\.[0-9a-f]{16}\\.age$`));
    expect((await share.listRecoveryFiles()).sort()).toEqual([`${ID}.age`, other].sort());
    expect(Buffer.compare(await share.readRecoveryFile(`${ID}.age`), first)).toBe(0);
    expect(Buffer.compare(await share.readRecoveryFile(other), second)).toBe(0);
  });

  it('writes extracts under fresh names, reads them, and removes only what is there', async () => {
    const sealed = randomBytes(2_000);
    const name = await share.writeExtractFile(sealed);
    expect(name).toMatch(/^[0-9a-f]{32}\.age$/);
    expect(await share.writeExtractFile(sealed)).not.toBe(name);
    expect(await share.listExtractFiles()).toContain(name);
    expect((await share.statExtractFile(name)).size).toBe(2_000);
    expect(Buffer.compare((await share.readExtractFile(name)).bytes, sealed)).toBe(0);
    expect(await share.removeExtractFile(name)).toBe(true);
    expect(await share.removeExtractFile(name)).toBe(false);
    expect(await share.listExtractFiles()).not.toContain(name);
  });

  it('writes an event file once: a file already under its name is kept, never replaced', async () => {
    const name = `${'ab'.repeat(16)}.age`;
    const sealed = randomBytes(1_000);
    expect(await share.writeEventFile(name, sealed)).toBe('written');
    expect(await share.writeEventFile(name, randomBytes(1_000))).toBe('already-there');
    expect(Buffer.compare(await subject.raw('events', name), sealed)).toBe(0);

    const planted = `${'cd'.repeat(16)}.age`;
    const plantedBytes = randomBytes(64);
    await subject.plant('events', planted, plantedBytes);
    expect(await share.writeEventFile(planted, randomBytes(64))).toBe('already-there');
    expect(Buffer.compare(await subject.raw('events', planted), plantedBytes)).toBe(0);

    await subject.plant('events', 'README.txt', Buffer.from('not ours'));
    expect(await share.listEventFiles()).toEqual([name, planted]);
    expect(Buffer.compare((await share.readEventFile(name)).bytes, sealed)).toBe(0);
    expect((await share.statEventFile(name)).size).toBe(1_000);

    const tooBig = await failure(
      share.writeEventFile(`${'ef'.repeat(16)}.age`, randomBytes(SHARE_LIMITS.eventBytes + 1)),
    );
    expect(tooBig.code).toBe('too-large');
  });

  it('refuses a planted event file over the limit unread', async () => {
    const name = `${'0f'.repeat(16)}.age`;
    await subject.plant('events', name, Buffer.alloc(SHARE_LIMITS.eventBytes + 1));
    const refused = await failure(share.readEventFile(name));
    expect(refused.code).toBe('too-large');
    expect(refused.message).toContain(`${SHARE_LIMITS.eventBytes} bytes allowed`);
  });

  it('marks a file by its size and time, to know it unchanged later, and never throws', async () => {
    const name = `${'1a'.repeat(16)}.age`;
    await subject.plant('events', name, randomBytes(700));
    const mark = await share.lookAt('events', name);
    expect(mark.size).toBe(700);
    expect(mark.mtimeMs).toEqual(expect.any(Number));
    expect(
      (await share.lookAt('concerns', 'c5e3fbc4-7d30-4eaa-9b22-23456789abcd.age')).size,
    ).toBeNull();
    expect(await share.lookAt('events', '../school.json')).toEqual({ size: null, mtimeMs: null });
  });

  it('has no temp files to leave behind after its writes', async () => {
    expect(await share.sweepTemps()).toBe(0);
  });
});

it('asks the store not to replace: every new concern, recovery, extract and event file is put with If-None-Match', () => {
  // New objects written above on the conditional server: 1 concern, 2 recovery files, 2 extracts
  // and 1 event file (the second event write and the planted name found theirs there first).
  expect(s3Conditional.conditionalWrites().sent).toBe(6);
});

describe('a bucket share', () => {
  it('keeps each school of a trust under its own prefix', async () => {
    await s3.createBucket('one-trust');
    const a = openShare(s3.location('one-trust', 'north-school'));
    const b = openShare(s3.location('one-trust', 'south-school'));
    await a.writeConcern(ID, randomBytes(50));
    await b.writeProfile('{"b":true}');
    expect(await a.listConcernFiles()).toEqual([`${ID}.age`]);
    expect(await b.listConcernFiles()).toEqual([]);
    expect(await a.readProfile()).toBeNull();
    expect(await b.hasConcern(ID)).toBe(false);
  });

  it('names a missing bucket, a server that is not there and one that never answers', async () => {
    const noBucket = await failure(openShare(s3.location('no-such-bucket', 'x')).checkReadable());
    expect(noBucket.code).toBe('share-unreachable');
    expect(noBucket.message).toMatch(/bucket .* does not exist/);

    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const away = await failure(
      openShare(`s3+http://127.0.0.1:${port}/trust/school`).listConcernFiles(),
    );
    expect(away.code).toBe('share-unreachable');
    expect(away.message).toContain(`127.0.0.1:${port}`);

    const silent: Server = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const silentPort = (silent.address() as { port: number }).port;
    const started = Date.now();
    const late = await failure(
      openShare(`s3+http://127.0.0.1:${silentPort}/trust/school`, { timeoutMs: 500 }).readProfile(),
    );
    expect(late.code).toBe('share-timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    silent.close();
  });

  it('refuses malformed locations, and any with credentials in them, saying why', async () => {
    const { parseBucketLocation, shareLocation } = await import('../../../src/share');
    expect(parseBucketLocation('s3://trust-bucket/schools/north')).toMatchObject({
      bucket: 'trust-bucket',
      prefix: 'schools/north',
      endpoint: null,
    });
    expect(parseBucketLocation(' S3+HTTPS://minio.trust.local:9000/trust/north/ ')).toMatchObject({
      text: 's3+https://minio.trust.local:9000/trust/north',
      endpoint: 'https://minio.trust.local:9000',
    });
    for (const [bad, why] of [
      ['s3://AKIA:secret@trust/north', /credentials/],
      ['s3://Trust_Bucket/north', /bucket name/],
      ['s3+http://host/trust/../other', /prefix/],
      ['s3://trust/north?x=1', /query/],
      ['s3+ftp://host/trust', /address|start with/],
    ] as const) {
      const error = await failure(Promise.resolve().then(() => parseBucketLocation(bad)));
      expect(error.code).toBe('share-bad-location');
      expect(error.message).toMatch(why);
      expect(error.message).not.toContain('secret');
    }
    expect(shareLocation('relative/share')).toBe(join(process.cwd(), 'relative/share'));
  });
});
