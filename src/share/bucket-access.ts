/**
 * What every operation of a bucket share needs: an S3 client for the location, the school's key
 * prefix, a time limit per operation (the request is aborted when it passes), bounded reads, and
 * writes that never replace an object. Failures are named by cause (unreachable, no such bucket,
 * permission, timeout) and never quote the server's own message.
 */
import { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { SafeguardError } from '../errors';
import { RefusedFile, type BoundedRead } from '../files';
import { SHARE_LIMITS } from './limits';
import type { BucketLocation } from './location';

/** A folder of the share, as a key prefix. */
export type BucketFolder = 'concerns' | 'acks' | 'events' | 'extracts' | 'recovery';

export interface ObjectInfo {
  size: number;
  mtimeMs: number;
}

type S3 = typeof S3Sdk;
let sdk: Promise<S3> | null = null;

/**
 * The AWS SDK, loaded when a bucket share is first used: loaded with the rest, it was a quarter of
 * a second of every command's and the app's start, on the many schools whose share is a folder.
 */
function loadSdk(): Promise<S3> {
  sdk ??= import('@aws-sdk/client-s3');
  return sdk;
}

export class BucketAccess {
  private connection: Promise<{ s3: S3; client: S3Client }> | null = null;

  constructor(
    readonly location: BucketLocation,
    private readonly timeoutMs: number,
  ) {}

  /** The SDK and this location's client, made on first use. */
  private connect(): Promise<{ s3: S3; client: S3Client }> {
    const location = this.location;
    this.connection ??= loadSdk().then((s3) => ({
      s3,
      client: new s3.S3Client({
        // A custom endpoint (MinIO, Ceph, a test server) is addressed path-style; AWS by region.
        ...(location.endpoint === null
          ? { followRegionRedirects: true }
          : { endpoint: location.endpoint, forcePathStyle: true }),
        region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-2',
        maxAttempts: 2,
      }),
    }));
    return this.connection;
  }

  get root(): string {
    return this.location.text;
  }

  key(folder: BucketFolder | null, name: string): string {
    const inFolder = folder === null ? name : `${folder}/${name}`;
    return this.location.prefix === '' ? inFolder : `${this.location.prefix}/${inFolder}`;
  }

  /** Runs one operation within its time limit (aborting its request), naming any failure. */
  async timed<T>(kind: string, work: (signal: AbortSignal) => Promise<T>, bytes = 0): Promise<T> {
    // Loading the SDK is this computer's time, not the share's: it is not counted in the limit.
    await this.connect();
    const ms = this.timeoutMs + Math.ceil(bytes / (1024 * 1024)) * SHARE_LIMITS.timeoutMsPerMiB;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new SafeguardError(
            'share-timeout',
            `The school share at ${this.root} did not answer within ${Math.round(ms / 1000)} seconds (${kind}).`,
          ),
        );
      }, ms);
      timer.unref();
    });
    const running = work(controller.signal);
    try {
      return await Promise.race([running, expired]);
    } catch (error) {
      throw this.named(error);
    } finally {
      clearTimeout(timer);
      running.catch(() => undefined);
    }
  }

  /** Lists the names directly in a folder that pass `accept`, sorted. */
  async list(folder: BucketFolder, accept: (name: string) => boolean, signal: AbortSignal) {
    const { s3, client } = await this.connect();
    const prefix = this.key(folder, '');
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new s3.ListObjectsV2Command({
          Bucket: this.location.bucket,
          Prefix: prefix,
          Delimiter: '/',
          ContinuationToken: token,
        }),
        { abortSignal: signal },
      );
      for (const item of page.Contents ?? []) {
        const name = item.Key?.slice(prefix.length);
        if (name !== undefined && accept(name)) names.push(name);
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return names.sort();
  }

  /** An object's size and time, or null when there is none. */
  async stat(key: string, signal: AbortSignal): Promise<ObjectInfo | null> {
    const { s3, client } = await this.connect();
    try {
      const head = await client.send(
        new s3.HeadObjectCommand({ Bucket: this.location.bucket, Key: key }),
        { abortSignal: signal },
      );
      return { size: head.ContentLength ?? 0, mtimeMs: head.LastModified?.getTime() ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * An object's bytes (or its first `headBytes`), refused unread when it is larger than
   * `maxBytes`; 'share-file-missing' when it is not there.
   */
  async read(
    key: string,
    options: { maxBytes: number; headBytes?: number },
    signal: AbortSignal,
  ): Promise<BoundedRead> {
    const { s3, client } = await this.connect();
    let object;
    try {
      object = await client.send(
        new s3.GetObjectCommand({ Bucket: this.location.bucket, Key: key }),
        { abortSignal: signal },
      );
    } catch (error) {
      if (isNotFound(error)) throw fileMissing();
      throw error;
    }
    const body = object.Body;
    const size = object.ContentLength ?? 0;
    const stop = () => {
      if (body instanceof Readable) body.destroy();
    };
    if (size > options.maxBytes) {
      stop();
      throw new RefusedFile(
        'too-large',
        `It is larger (${size} bytes) than the ${options.maxBytes} bytes allowed.`,
      );
    }
    const want = Math.min(size, options.headBytes ?? size);
    const bytes = Buffer.allocUnsafe(want);
    let filled = 0;
    if (body instanceof Readable) {
      // Exactly what the length promised, no more: a server sending more is cut there.
      for await (const chunk of body as AsyncIterable<Buffer>) {
        const take = Math.min(chunk.length, want - filled);
        chunk.copy(bytes, filled, 0, take);
        filled += take;
        if (filled >= want) break;
      }
      stop();
    }
    return {
      bytes: bytes.subarray(0, filled),
      size,
      mtimeMs: object.LastModified?.getTime() ?? 0,
      complete: filled === size,
    };
  }

  /** Writes an object, replacing any (the profile, an acknowledgement under a fresh name). */
  async put(key: string, bytes: Uint8Array, signal: AbortSignal): Promise<void> {
    const { s3, client } = await this.connect();
    await client.send(
      new s3.PutObjectCommand({ Bucket: this.location.bucket, Key: key, Body: bytes }),
      { abortSignal: signal },
    );
  }

  /**
   * Writes an object only when none is there: 'exists' otherwise. `If-None-Match: *` makes this
   * atomic on stores that support it (AWS, MinIO, Ceph); the HEAD before it keeps stores that
   * ignore the header (s3rver) from replacing an object, leaving only a race between two writers
   * of one name, which random and keyed-hash names make a planted name's problem, not ours.
   */
  async putNew(key: string, bytes: Uint8Array, signal: AbortSignal): Promise<'written' | 'exists'> {
    const { s3, client } = await this.connect();
    if ((await this.stat(key, signal)) !== null) return 'exists';
    try {
      await client.send(
        new s3.PutObjectCommand({
          Bucket: this.location.bucket,
          Key: key,
          Body: bytes,
          IfNoneMatch: '*',
        }),
        { abortSignal: signal },
      );
      return 'written';
    } catch (error) {
      const status = httpStatus(error);
      if (status === 412 || status === 409) return 'exists';
      throw error;
    }
  }

  /** Removes an object; false when it was not there. */
  async remove(key: string, signal: AbortSignal): Promise<boolean> {
    const { s3, client } = await this.connect();
    if ((await this.stat(key, signal)) === null) return false;
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.location.bucket, Key: key }), {
      abortSignal: signal,
    });
    return true;
  }

  /** Throws unless the bucket answers and lets us list the school's prefix. */
  async check(signal: AbortSignal): Promise<void> {
    const { s3, client } = await this.connect();
    await client.send(
      new s3.ListObjectsV2Command({
        Bucket: this.location.bucket,
        Prefix: this.key(null, ''),
        MaxKeys: 1,
      }),
      { abortSignal: signal },
    );
  }

  /** A failure by its cause, in words for a person; never the server's own message. */
  named(error: unknown): SafeguardError {
    if (error instanceof SafeguardError) return error;
    const name = (error as { name?: unknown }).name;
    const status = httpStatus(error);
    if (name === 'NoSuchBucket') {
      return new SafeguardError(
        'share-unreachable',
        `The bucket of the school share at ${this.root} does not exist. Tell IT.`,
      );
    }
    if (status === 403 || name === 'AccessDenied' || name === 'InvalidAccessKeyId') {
      return new SafeguardError(
        'share-permission',
        `This computer's credentials are not allowed to use the school share at ${this.root}. Tell IT.`,
      );
    }
    if (name === 'CredentialsProviderError') {
      return new SafeguardError(
        'share-permission',
        `This computer has no credentials for the school share at ${this.root}. Tell IT.`,
      );
    }
    if (status === 507 || name === 'QuotaExceeded') {
      return new SafeguardError('share-full', `The school share at ${this.root} is full. Tell IT.`);
    }
    return new SafeguardError(
      'share-unreachable',
      `The school share cannot be reached at ${this.root} (the server did not answer, or refused).`,
    );
  }
}

function httpStatus(error: unknown): number | undefined {
  // The SDK's S3ServiceException, and its other errors that carry the response's metadata.
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: unknown }).name;
  if (name === 'NoSuchBucket') return false;
  return name === 'NotFound' || name === 'NoSuchKey' || httpStatus(error) === 404;
}

function fileMissing(): SafeguardError {
  return new SafeguardError('share-file-missing', 'The file is no longer on the share.');
}
