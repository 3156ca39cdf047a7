/**
 * The bucket share in a bundle, as the Electron main process has it: the AWS SDK's S3 client and
 * the share code bundled by Vite (ESM, everything in but the native SQLite addon, as the main
 * config does), then run in Node against the test S3 server. The bundle is written under `.vite/`
 * so the one external, better-sqlite3, resolves as it does beside a packaged main.js. (The
 * Electron binary is not on this machine; the bundle runs in plain Node instead.)
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli';
import { startS3Server, type S3TestServer } from '../support/s3-server';

const run = promisify(execFile);

let dir: string;
let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server({ conditionalWrites: true });
  await s3.createBucket('bundled-trust');
  await mkdir(join(repoRoot, '.vite'), { recursive: true });
  dir = await mkdtemp(join(repoRoot, '.vite', 'test-bucket-bundle-'));
  await writeFile(
    join(dir, 'entry.ts'),
    [
      `import { openShare } from ${JSON.stringify(join(repoRoot, 'src/share/index.ts'))};`,
      `const share = openShare(process.argv[2]!);`,
      `await share.checkWritable();`,
      `const id = '0b0e7f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';`,
      `const first = await share.writeConcern(id, new Uint8Array([1, 2, 3]));`,
      `const again = await share.writeConcern(id, new Uint8Array([1, 2, 3]));`,
      `const read = await share.readConcernFile(id + '.age');`,
      `console.log(JSON.stringify({ first, again, files: await share.listConcernFiles(), bytes: [...read.bytes] }));`,
    ].join('\n'),
  );
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    ssr: { noExternal: true },
    build: {
      ssr: join(dir, 'entry.ts'),
      outDir: join(dir, 'out'),
      target: 'node22',
      minify: false,
      rollupOptions: {
        external: ['better-sqlite3-multiple-ciphers'],
        output: { format: 'es', entryFileNames: 'main.mjs' },
      },
    },
  });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await s3?.close();
});

describe('the bucket share bundled like the Electron main process', () => {
  it('writes, finds and reads a concern in the bucket, the AWS SDK inside the bundle', async () => {
    const bundle = await readFile(join(dir, 'out', 'main.mjs'), 'utf8');
    expect(bundle).not.toMatch(/from\s*["']@aws-sdk|from\s*["']@smithy/);
    expect(bundle).toContain('PutObjectCommand');
    const { stdout } = await run(process.execPath, [
      join(dir, 'out', 'main.mjs'),
      s3.location('bundled-trust', 'school'),
    ]);
    expect(JSON.parse(stdout)).toEqual({
      first: 'written',
      again: 'already-there',
      files: ['0b0e7f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b.age'],
      bytes: [1, 2, 3],
    });
  });
});
