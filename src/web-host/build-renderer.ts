/**
 * Builds the renderer when its build is missing or older than its sources, with Vite's JS API and
 * the same config Forge uses (vite.renderer.config.ts), so the web host serves what ships.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The repository root (this file is src/web-host/build-renderer.ts). */
export const projectDir = resolve(import.meta.dirname, '../..');
/** Where vite.renderer.config.ts writes the renderer. */
export const rendererBuildDir = join(projectDir, '.vite', 'renderer', 'main_window');

/** What the bundle is made of: the UI, its build config and the core code it imports. */
const sources = ['renderer', 'vite.renderer.config.ts', 'main/csp.ts', 'src/forms', 'forms'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (info === null) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.name !== 'node_modules')
      .map((entry) => newestMtime(join(path, entry.name))),
  );
  return Math.max(info.mtimeMs, ...times);
}

/** True when the built index.html is missing or older than any source of the renderer. */
export async function rendererIsStale(): Promise<boolean> {
  const built = await stat(join(rendererBuildDir, 'index.html')).catch(() => null);
  if (built === null) return true;
  const newest = Math.max(
    ...(await Promise.all(sources.map((s) => newestMtime(join(projectDir, s))))),
  );
  return newest > built.mtimeMs;
}

/** Builds the renderer if stale (or always, with `force`) and returns the build folder. */
export async function ensureRendererBuilt(options: { force?: boolean } = {}): Promise<string> {
  if (options.force === true || (await rendererIsStale())) {
    const { build } = await import('vite');
    // A test runner sets NODE_ENV=test, which would make Vite build React for development (twice
    // the size, slower): the web host serves what ships.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(projectDir, 'vite.renderer.config.ts'),
        logLevel: 'error',
        mode: 'production',
      });
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previous;
    }
  }
  return rendererBuildDir;
}
