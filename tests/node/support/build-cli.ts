/**
 * Vitest global set-up for the node tests: bundles the real CLI (src/cli/main.ts, our code only;
 * packages stay imports from node_modules) once per run, so each of the hundreds of CLI runs in the
 * tests starts in a fraction of the time tsx needs to compile it again. Same source, same Node.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const bundledCli = fileURLToPath(
  new URL('../../../test-artifacts/cli/main.mjs', import.meta.url),
);

export default async function setup(): Promise<void> {
  await build({
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
}
