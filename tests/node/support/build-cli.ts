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
    outfile: bundledCli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no CLI bundle');
  await mkdir(dirname(bundledCli), { recursive: true });
  const temp = `${bundledCli}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, output.contents);
  await rename(temp, bundledCli);
}
