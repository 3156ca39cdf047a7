/**
 * The real app in a real Electron (Playwright `_electron`): runs only where an Electron binary
 * exists (ELECTRON_EXECUTABLE, or node_modules/electron/dist), and says so when it is skipped.
 * It builds .vite/ as `electron-forge package` does, then starts Electron on the project folder,
 * so package.json "main" (.vite/build/main.js) is what runs. No fuses apply unpackaged, which is
 * what lets Playwright attach.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../main/csp';
import { operationNames } from '../../src/api/operations';
import { buildApp } from './build-app';

const projectDir = resolve(import.meta.dirname, '../..');

/** ELECTRON_EXECUTABLE, else the electron package's binary; never triggers its download. */
function findElectron(): string | null {
  const fromEnv = process.env.ELECTRON_EXECUTABLE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const executablePath = findElectron();
if (executablePath === null) {
  process.stderr.write(
    'electron smoke test skipped: no Electron binary (set ELECTRON_EXECUTABLE)\n',
  );
}

describe.skipIf(executablePath === null)('Safeguard Desk in Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let home: string | undefined;

  beforeAll(async () => {
    await buildApp(projectDir);
    home = mkdtempSync(join(tmpdir(), 'safeguard-desk-electron-'));
    // Chromium refuses to run as root with its OS sandbox (containers, CI).
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await _electron.launch({
      executablePath: executablePath ?? '',
      args: [...rootOnly, projectDir],
      cwd: projectDir,
      env: { ...process.env, SAFEGUARD_DESK_HOME: home },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('opens a window titled Safeguard Desk, served from the app scheme', async () => {
    expect(await page.title()).toBe('Safeguard Desk');
    expect(page.url()).toBe('safeguard-desk://app/index.html');
  });

  it('shows the welcome screen on a computer with nothing set up, with its three paths', async () => {
    await page.getByRole('heading', { name: 'Welcome to Safeguard Desk', level: 1 }).waitFor();
    for (const name of [
      /^Set up Safeguard Desk for my school/,
      /^Connect this computer to my school/,
      /^Join as a lead or office user/,
    ]) {
      expect(await page.getByRole('button', { name }).count()).toBe(1);
    }
  });

  it('offers a folder dialog at set-up: setup.options says it can pick a folder', async () => {
    const options = await page.evaluate("window.safeguard['setup.options']()");
    expect(options).toMatchObject({ canPickFolder: true });
  });

  it('gives the page no Node: window.require and process are undefined', async () => {
    expect(await page.evaluate('[typeof window.require, typeof process]')).toEqual([
      'undefined',
      'undefined',
    ]);
  });

  it('exposes on window.safeguard exactly the operations of the contract, as functions', async () => {
    const exposed = await page.evaluate(
      'Object.entries(window.safeguard).map(([name, f]) => name + ":" + typeof f).sort()',
    );
    expect(exposed).toEqual(operationNames.map((name) => `${name}:function`).sort());
  });

  it('serves every app file with the strict CSP and refuses paths outside the renderer', async () => {
    const electronApp = app;
    if (electronApp === undefined) throw new Error('Electron did not start.');
    const probe = async (url: string) =>
      electronApp.evaluate(async ({ net }, target) => {
        const response = await net.fetch(target);
        return { status: response.status, csp: response.headers.get('content-security-policy') };
      }, url);
    expect(await probe('safeguard-desk://app/index.html')).toEqual({
      status: 200,
      csp: contentSecurityPolicy,
    });
    expect((await probe('safeguard-desk://app/..%2F..%2Fpackage.json')).status).toBe(403);
    expect((await probe('safeguard-desk://elsewhere/index.html')).status).toBe(403);
  });
});
