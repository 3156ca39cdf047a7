/** src/web-host: the loopback HTTP transport of the API contract, against a real (unenrolled) core. */
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../main/csp';
import { operationNames } from '../../src/api/operations';
import { startWebHost, webHostContentSecurityPolicy, type WebHost } from '../../src/web-host';

const INDEX_HTML = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'" />
<script type="module" crossorigin src="./assets/app.js"></script>
</head><body><div id="root"></div></body></html>`;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let host: WebHost;
let port: number;

/** One raw HTTP request: the path is sent as written (no URL normalising), headers as given. */
function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'Content-Type': 'application/json' };
const post = (op: string, body: string, headers: Record<string, string> = json) =>
  send('POST', `/api/${op}`, { headers, body });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sgd-web-host-'));
  const build = join(root, 'build');
  await mkdir(join(build, 'assets'), { recursive: true });
  await writeFile(join(build, 'index.html'), INDEX_HTML);
  await writeFile(join(build, 'assets', 'app.js'), 'export {};\n');
  await writeFile(join(root, 'secret.txt'), 'outside the build folder');
  host = await startWebHost({ home: join(root, 'home'), port: 0, rendererDir: build });
  port = Number(new URL(host.url).port);
});

afterAll(async () => {
  await host?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the web host', () => {
  it('refuses to listen on an address that is not loopback', async () => {
    await expect(
      startWebHost({ home: join(root, 'other'), port: 0, host: '0.0.0.0', rendererDir: root }),
    ).rejects.toThrow(/only on 127\.0\.0\.1, ::1 or localhost/);
  });

  it('exits 2 with a one-line error when started with a non-loopback --host', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/web-host/main.ts', '--port', '0', '--host', '192.168.1.20'],
        { env: { ...process.env, SAFEGUARD_DESK_HOME: join(root, 'cli-home') } },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('refusing --host 192.168.1.20');
  });

  it('answers an operation with the dispatch result of the real core', async () => {
    const reply = await post('app.status', '');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { enrolled: false } });
  });

  it('answers an unknown operation with 404 and the dispatch error', async () => {
    const reply = await post('lead.everything', '{}');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'unknown-operation', message: 'Unknown operation.' },
    });
  });

  it('answers malformed JSON with 400', async () => {
    const reply = await post('forms.get', '{"id": ');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'malformed-json' } });
  });

  it('answers a body that is not declared as JSON with 415', async () => {
    const reply = await post('forms.get', '{"id":"x"}', { 'Content-Type': 'text/plain' });
    expect(reply.status).toBe(415);
  });

  it('answers a body over 40 MB with 413', async () => {
    const reply = await post('forms.get', Buffer.alloc(40 * 1024 * 1024 + 1, 0x20).toString());
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('refuses a request from a foreign Origin', async () => {
    const reply = await post('app.status', '', { ...json, Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('"ok"');
  });

  it('accepts a request from its own origin', async () => {
    const reply = await post('app.status', '', { ...json, Origin: `http://127.0.0.1:${port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses a Host header that is not its loopback address (DNS rebinding)', async () => {
    const reply = await send('GET', '/', { headers: { Host: `evil.example:${port}` } });
    expect(reply.status).toBe(403);
  });

  it.each([
    ['dot segments', '/../secret.txt'],
    ['encoded dot segments', '/%2e%2e/secret.txt'],
    ['an encoded slash', '/..%2fsecret.txt'],
    ['a backslash', '/..%5csecret.txt'],
    ['a NUL byte', '/index.html%00.js'],
    ['a malformed escape', '/%E0%A4%A'],
  ])('refuses path traversal by %s', async (_what, path) => {
    const reply = await send('GET', path);
    expect([403, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('outside the build folder');
  });

  it('serves built files with the CSP (connect-src self) and nosniff', async () => {
    const reply = await send('GET', '/assets/app.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toBe(webHostContentSecurityPolicy);
  });

  it("uses Electron's CSP except for connect-src 'self'", () => {
    expect(webHostContentSecurityPolicy).toBe(
      contentSecurityPolicy.replace("connect-src 'none'", "connect-src 'self'"),
    );
  });

  it('puts the bridge script before the module script and lets the page connect to itself', async () => {
    const reply = await send('GET', '/');
    expect(reply.status).toBe(200);
    const bridgeAt = reply.body.indexOf('<script src="/web-bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(-1);
    expect(bridgeAt).toBeLessThan(reply.body.indexOf('<script type="module"'));
    expect(reply.body).toContain("connect-src 'self'");
    expect(reply.body).not.toContain("connect-src 'none'");
  });

  it('serves a bridge script that defines exactly the operations of operationNames', async () => {
    const reply = await send('GET', '/web-bridge.js');
    expect(reply.status).toBe(200);
    const window: { safeguard?: Record<string, unknown> } = {};
    runInNewContext(reply.body, { window, fetch: () => Promise.reject(new Error('offline')) });
    expect(Object.keys(window.safeguard ?? {})).toEqual([...operationNames]);
  });

  it('makes the bridge reject with "[code] message" like the preload', async () => {
    const reply = await send('GET', '/web-bridge.js');
    const window: { safeguard?: Record<string, (input?: unknown) => Promise<unknown>> } = {};
    const fetch = () =>
      Promise.resolve({
        json: () => Promise.resolve({ ok: false, error: { code: 'unknown-form', message: 'No.' } }),
      });
    runInNewContext(reply.body, { window, fetch });
    await expect(window.safeguard?.['forms.get']?.({ id: 'x' })).rejects.toThrow(
      '[unknown-form] No.',
    );
  });
});
