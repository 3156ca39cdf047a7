/**
 * A real S3-protocol server for tests: s3rver (npm), listening on 127.0.0.1 on a free port, storing
 * objects in a temp folder. It speaks S3's REST API and XML, so the app's S3 client (AWS SDK v3)
 * talks to it exactly as to AWS or MinIO. s3rver ignores `If-None-Match: *`, which AWS, MinIO
 * and Ceph honour; `conditionalWrites` adds it (412 when the object exists), so both kinds of
 * store are tested. Credentials are s3rver's fixed pair, given through the AWS environment
 * variables, as IT's deployment would give real ones.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface S3TestServer {
  /** `s3+http://127.0.0.1:<port>` */
  endpoint: string;
  /** The share location of a school's prefix in `bucket`. */
  location(bucket: string, prefix: string): string;
  createBucket(bucket: string): Promise<void>;
  /** A client with the same credentials, to plant and inspect objects as a share writer could. */
  client: S3Client;
  /** How many PUTs carried If-None-Match: *, and how many of those were refused (412). */
  conditionalWrites(): { sent: number; refused: number };
  close(): Promise<void>;
}

const KEY = 'S3RVER';

/** Gives this process (and the CLI it runs) the test server's credentials. */
export function useTestCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = KEY;
  process.env.AWS_SECRET_ACCESS_KEY = KEY;
  process.env.AWS_REGION = 'eu-west-2';
}

export async function startS3Server(
  options: { conditionalWrites?: boolean } = {},
): Promise<S3TestServer> {
  useTestCredentials();
  const directory = await mkdtemp(join(tmpdir(), 'sgd-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  let refused = 0;
  let sent = 0;
  if (options.conditionalWrites === true) {
    // Runs before s3rver's router: a PUT with If-None-Match: * over an existing object gets 412.
    // (Checked, then written: not atomic as AWS is, which only a race between writers would show.)
    type Ctx = {
      method: string;
      path: string;
      get(h: string): string;
      status: number;
      body: string;
    };
    (server.middleware as Array<(ctx: Ctx, next: () => Promise<void>) => Promise<void>>).unshift(
      async (ctx, next) => {
        if (ctx.method === 'PUT' && ctx.get('if-none-match') === '*') {
          sent += 1;
          const [bucket, ...rest] = ctx.path.replace(/^\//, '').split('/');
          const key = decodeURIComponent(rest.join('/'));
          if (bucket && key && (await server.store.existsObject(bucket, key))) {
            refused += 1;
            ctx.status = 412;
            ctx.body = '<Error><Code>PreconditionFailed</Code></Error>';
            return;
          }
        }
        await next();
      },
    );
  }
  const { port } = (await server.run()) as { port: number };
  const endpoint = `s3+http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    region: 'eu-west-2',
    credentials: { accessKeyId: KEY, secretAccessKey: KEY },
  });
  return {
    endpoint,
    location: (bucket, prefix) => `${endpoint}/${bucket}/${prefix}`,
    createBucket: async (bucket) => {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    },
    client,
    conditionalWrites: () => ({ sent, refused }),
    close: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
