/**
 * Vitest global set-up for the node tests: bundles the real CLI (src/cli/main.ts, our code only;
 * packages stay imports from node_modules) once per run, so each of the hundreds of CLI runs in the
 * tests starts in a fraction of the time tsx needs to compile it again. Same source, same Node.
 */
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const bundledCli = fileURLToPath(
  new URL('../../../test-artifacts/cli/main.mjs', import.meta.url),
);

export default async function setup(): Promise<void> {
  // Written under a temp name and renamed: the node and browser projects may both build it.
  const result = await build({
    write: false,
    entryPoints: [fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url))],
    outdir: dirname(bundledCli),
    outExtension: { '.js': '.mjs' },
    // What the source loads lazily (the XLSX and PDF writers) stays in chunks loaded on first use,
    // as under tsx, instead of being hoisted into every command's start.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const entry = result.outputFiles.find((file) => file.path === bundledCli);
  if (entry === undefined) throw new Error('esbuild produced no CLI bundle');
  await mkdir(dirname(bundledCli), { recursive: true });
  // Chunks first (named by their content, so both projects write the same files), the entry last.
  const chunks = result.outputFiles.filter((file) => file !== entry);
  for (const file of [...chunks, entry]) {
    const temp = `${file.path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(temp, file.contents);
    await rename(temp, file.path);
  }
}
