/**
 * `npm run demo -- --port N` (issue 8 §5): a throwaway school with about thirty fictional concerns
 * across every form, in several states, served by the web host as the DSL's computer; the lead
 * unlocks with the printed passphrase and sees them; Ctrl+C deletes the temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormRegistry } from '../../src/forms';
import { repoRoot } from './support/cli';

interface InboxRow {
  formId: string;
  status: 'new' | 'open' | 'closed';
  overdue: boolean;
  outcome: string | null;
  untriagedUrgent: boolean;
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let demo: ChildProcess;
let output = '';
let port: number;
let url: string;
let passphrase: string;
let folder: string;
let staffHome: string;

/** Resolves with the output once `pattern` appears in it; fails if the demo exits first. */
function waitFor(pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output);
      if (match) {
        demo.stdout?.off('data', check);
        demo.off('exit', exited);
        resolve(match);
      }
    };
    const exited = (code: number | null) =>
      reject(new Error(`the demo exited (${code}) before printing ${pattern}:\n${output}`));
    demo.stdout?.on('data', check);
    demo.once('exit', exited);
    check();
  });
}

async function api<T>(operation: string, input?: unknown): Promise<T> {
  const reply = await fetch(`${url}api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  expect(reply.status).toBe(200);
  const body = (await reply.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${operation}: ${body.error?.message ?? 'failed'}`);
  return body.value;
}

beforeAll(async () => {
  port = await freePort();
  demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--port', String(port)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout?.setEncoding('utf8');
  demo.stderr?.setEncoding('utf8');
  demo.stdout?.on('data', (chunk: string) => (output += chunk));
  demo.stderr?.on('data', (chunk: string) => (output += chunk));
  [, folder = ''] = (await waitFor(/building a throwaway school in (\S+)\n/)) as string[];
  [, url = ''] = (await waitFor(/Open (http:\/\/127\.0\.0\.1:\d+\/)\n/)) as string[];
  [, passphrase = ''] = (await waitFor(/with the demo passphrase: (.+)\n/)) as string[];
  [, staffHome = ''] = (await waitFor(/The staff computer's home: (\S+)\n/)) as string[];
  await waitFor(/Ctrl\+C stops the demo/);
}, 300_000);

afterAll(() => {
  if (demo.exitCode === null && demo.signalCode === null) demo.kill('SIGKILL');
});

describe('npm run demo', () => {
  it('shows its progress, then the URL on the port asked for and the passphrase', () => {
    expect(output).toContain('Setting up Fernhollow Academy (fictional)');
    expect(output).toContain('Filing 30 fictional concerns on every form');
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(passphrase.split(' ')).toHaveLength(4);
    expect(existsSync(folder)).toBe(true);
    expect(staffHome.startsWith(folder)).toBe(true);
    expect(existsSync(staffHome)).toBe(true);
  });

  it('serves the app', async () => {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(await api('app.status')).toMatchObject({
      enrolled: true,
      schoolName: 'Fernhollow Academy',
    });
  });

  it('lets the DSL unlock with the printed passphrase and see about 30 cases from every form in several states', async () => {
    expect(await api('lead.unlock', { passphrase })).toMatchObject({
      unlocked: true,
      name: 'Ellie Shea',
      role: 'dsl',
    });
    const inbox = await api<{ rows: InboxRow[]; total: number; quarantined: number }>(
      'lead.inbox',
      { limit: 200 },
    );
    expect(inbox.total).toBeGreaterThanOrEqual(25);
    expect(inbox.total).toBeLessThanOrEqual(35);
    expect(inbox.quarantined).toBe(0);
    const everyForm = FormRegistry.builtIn()
      .list()
      .map((form) => form.id)
      .sort();
    expect([...new Set(inbox.rows.map((row) => row.formId))].sort()).toEqual(everyForm);
    const count = (test: (row: InboxRow) => boolean) => inbox.rows.filter(test).length;
    expect(count((row) => row.status === 'new')).toBeGreaterThanOrEqual(3);
    expect(count((row) => row.status === 'open')).toBeGreaterThanOrEqual(5);
    expect(count((row) => row.status === 'closed')).toBeGreaterThanOrEqual(5);
    expect(count((row) => row.overdue)).toBeGreaterThanOrEqual(3);
    expect(count((row) => row.untriagedUrgent)).toBeGreaterThanOrEqual(1);
    expect(new Set(inbox.rows.map((row) => row.outcome)).size).toBeGreaterThanOrEqual(3);
  });

  it('stops on Ctrl+C and deletes its temporary folder', async () => {
    const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
    demo.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(folder)).toBe(false);
  });
});
