/**
 * `npm start` (issue 8 §5): without an Electron binary it prints one clear line with the browser
 * alternative and exits 1, quickly and without trying to download Electron; with one it runs
 * `electron-forge start`, passing the arguments and the exit status through.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli';

const script = join(repoRoot, 'scripts', 'start.mjs');
const electronDir = join(repoRoot, 'node_modules', 'electron');

interface StartModule {
  NO_ELECTRON: string;
  electronBinary(env?: NodeJS.ProcessEnv): string | null;
  forgeStart(
    args: readonly string[],
    forgeCli?: string,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let start: StartModule;
let dir: string;
beforeAll(async () => {
  start = (await import(pathToFileURL(script).href)) as StartModule;
  dir = await mkdtemp(join(tmpdir(), 'sgd-start-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `node scripts/start.mjs` as npm start does; never throws on exit status. */
function runStart(env: NodeJS.ProcessEnv): Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}> {
  const began = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script],
      { cwd: repoRoot, env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - began });
      },
    );
  });
}

function envWithout(name: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[name];
  return env;
}

function expectTheOneLine(result: {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}) {
  expect(result.stderr).toBe(`${start.NO_ELECTRON}\n`);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(1);
  // A download would take far longer, and print "Downloading Electron binary..." and a stack.
  expect(result.ms).toBeLessThan(10_000);
}

describe('npm start', () => {
  it('says in one line that there is no Electron binary, and how to use the browser instead', () => {
    expect(start.NO_ELECTRON).toBe(
      'Safeguard Desk: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?). To use the app in a browser instead, run: npm run web-host -- --port 8080',
    );
  });

  it('on this machine, which has no Electron binary, prints that line and exits 1 without downloading', async (ctx) => {
    if (start.electronBinary(envWithout('ELECTRON_OVERRIDE_DIST_PATH')) !== null) {
      ctx.skip('this machine has an Electron binary; the next test covers a machine without one');
    }
    const hadPathFile = existsSync(join(electronDir, 'path.txt'));
    expectTheOneLine(await runStart(envWithout('ELECTRON_OVERRIDE_DIST_PATH')));
    // Nothing was fetched or installed on the way.
    expect(existsSync(join(electronDir, 'dist'))).toBe(false);
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(hadPathFile);
  });

  it('prints the same line when ELECTRON_OVERRIDE_DIST_PATH names a folder without the binary', async () => {
    const empty = await mkdtemp(join(dir, 'empty-dist-'));
    expectTheOneLine(await runStart({ ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty }));
  });

  it('finds a binary where ELECTRON_OVERRIDE_DIST_PATH puts one (a stand-in: this machine has none)', async () => {
    const dist = await mkdtemp(join(dir, 'dist-'));
    await writeFile(join(dist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    expect(start.electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(
      join(dist, 'electron'),
    );
  });

  it('runs electron-forge start with the arguments given, and exits with its status (a stand-in Forge)', async () => {
    const out = join(dir, 'forge-args.json');
    const fakeForge = join(dir, 'fake-forge.mjs');
    await writeFile(
      fakeForge,
      `import { writeFileSync } from 'node:fs';\n` +
        `writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(2)));\n` +
        `process.exit(7);\n`,
    );
    const result = await start.forgeStart(['--inspect-electron'], fakeForge);
    expect(result).toEqual({ code: 7, signal: null });
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(['start', '--inspect-electron']);
  });

  it('is what npm start runs', async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
  });
});
