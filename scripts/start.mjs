// @ts-check
/**
 * `npm start`: runs `electron-forge start` when this machine has an Electron binary; otherwise says
 * so in one line, with how to use the app in a browser instead, and exits 1. Looking for the binary
 * never loads the `electron` package itself, which would start downloading it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const NO_ELECTRON =
  'Safeguard Desk: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?). ' +
  'To use the app in a browser instead, run: npm run web-host -- --port 8080';

/**
 * Where the `electron` package would find its binary (its index.js: ELECTRON_OVERRIDE_DIST_PATH,
 * else dist/ and the name in path.txt), or null when it is not there.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function electronBinary(env = process.env) {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary =
    override !== undefined && override !== ''
      ? join(override, name || 'electron')
      : name !== ''
        ? join(packageDir, 'dist', name)
        : null;
  return binary !== null && existsSync(binary) ? binary : null;
}

/**
 * Runs `electron-forge start ...args` (or `forgeCli` for tests) with this Node; resolves to its
 * exit status, or to the signal that ended it.
 * @param {readonly string[]} args
 * @param {string} [forgeCli]
 * @returns {Promise<{ code: number | null; signal: NodeJS.Signals | null }>}
 */
export function forgeStart(
  args,
  forgeCli = require.resolve('@electron-forge/cli/dist/electron-forge.js'),
) {
  const child = spawn(process.execPath, [forgeCli, 'start', ...args], { stdio: 'inherit' });
  // Ctrl+C reaches Forge and Electron too (same terminal); this script waits for them to finish.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', ignore);
      resolvePromise({ code, signal });
    });
  });
}

async function main() {
  if (electronBinary() === null) {
    process.stderr.write(`${NO_ELECTRON}\n`);
    process.exit(1);
  }
  const { code, signal } = await forgeStart(process.argv.slice(2));
  if (signal !== null) process.kill(process.pid, signal);
  process.exit(code ?? 1);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
