/**
 * Where the school share is, as IT writes it (machine.json, `--share`, the set-up screen): a full
 * folder path, or a bucket on an S3-compatible store (docs/s3-share.md):
 *
 *   s3://<bucket>/<prefix>                   AWS S3 (region and credentials from the AWS chain)
 *   s3+https://<host>[:port]/<bucket>/<prefix>   any S3-compatible store (MinIO, Ceph, Wasabi…)
 *   s3+http://127.0.0.1:<port>/<bucket>/<prefix> the same without TLS (a test server, a lab)
 *
 * A trust keeps one bucket with a prefix per school. The location is shown in messages and stored
 * in each user's settings, so it may name no secret: credentials are refused in it and come from
 * the AWS credential chain IT deploys (docs/s3-share.md).
 */
import { isAbsolute, resolve } from 'node:path';
import { SafeguardError } from '../errors';

export interface BucketLocation {
  /** The location as given, normalised (shown in messages). */
  readonly text: string;
  readonly bucket: string;
  /** The school's key prefix without slashes at either end; '' for a bucket of its own. */
  readonly prefix: string;
  /** The S3-compatible endpoint (path-style addressing), or null for AWS itself. */
  readonly endpoint: string | null;
}

const BUCKET = /^(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const SCHEME = /^s3(\+https?)?:\/\//i;

/** True when the text names a bucket rather than a folder (it may still be malformed). */
export function isBucketLocation(text: string): boolean {
  return SCHEME.test(text.trim());
}

/** A bucket location checked and split, or a clear refusal naming what is wrong with it. */
export function parseBucketLocation(text: string): BucketLocation {
  const trimmed = text.trim();
  const refuse = (why: string): never => {
    throw new SafeguardError(
      'share-bad-location',
      `The share location is not a usable bucket address: ${why}. Write it as s3://bucket/school or s3+https://host/bucket/school.`,
    );
  };
  // URL parsing would quietly resolve "..": a location that climbs out of its prefix is refused.
  if (/\/\.{1,2}(\/|$)/.test(trimmed.replace(/%2e/gi, '.'))) {
    return refuse('the prefix may not have "." or ".." parts');
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse('it cannot be read as an address');
  }
  const scheme = url.protocol.toLowerCase();
  if (scheme !== 's3:' && scheme !== 's3+http:' && scheme !== 's3+https:') {
    return refuse('it does not start with s3://, s3+https:// or s3+http://');
  }
  if (url.username !== '' || url.password !== '') {
    return refuse('it holds credentials, which must never be written in it');
  }
  if (url.search !== '' || url.hash !== '') return refuse('it has a query or a fragment');
  const parts = decodeURIComponent(url.pathname)
    .split('/')
    .filter((part) => part !== '');
  let bucket: string | undefined;
  let endpoint: string | null = null;
  if (scheme === 's3:') {
    bucket = url.hostname;
  } else {
    endpoint = `${scheme === 's3+https:' ? 'https' : 'http'}://${url.host}`;
    bucket = parts.shift();
  }
  if (bucket === undefined || !BUCKET.test(bucket)) {
    return refuse('the bucket name must be 3–63 lower-case letters, digits, dots or hyphens');
  }
  if (parts.some((part) => !SEGMENT.test(part) || part === '..')) {
    return refuse('each part of the prefix must be letters, digits, dots, hyphens or underscores');
  }
  const prefix = parts.join('/');
  const text_ =
    endpoint === null
      ? `s3://${bucket}${prefix === '' ? '' : `/${prefix}`}`
      : `${scheme}//${url.host}/${bucket}${prefix === '' ? '' : `/${prefix}`}`;
  return { text: text_, bucket, prefix, endpoint };
}

/**
 * A share location as typed on a command line: a bucket location checked and normalised, or a
 * folder path made absolute (relative to the working directory).
 */
export function shareLocation(text: string): string {
  return isBucketLocation(text) ? parseBucketLocation(text).text : resolve(text);
}

/** True for a location every computer can use: a full folder path or a well-formed bucket. */
export function isUsableShareLocation(text: string): boolean {
  if (!isBucketLocation(text)) return isAbsolute(text.trim());
  try {
    parseBucketLocation(text);
    return true;
  } catch {
    return false;
  }
}
