/**
 * The poster in a bundle, as the Electron main process has it: pdfkit loads its standard fonts
 * through its own package.json, which a bundle outside node_modules does not have. Built with Vite
 * and the main config's plugin into a temp folder with no package.json nearby, then run in Node.
 * (The Electron binary is not on this machine; the bundle runs in plain Node instead.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfkitStandardFonts } from '../../vite.main.config';
import { repoRoot } from './support/cli';

const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sgd-poster-bundle-'));
  await writeFile(
    join(dir, 'entry.ts'),
    [
      `import { writeFileSync } from 'node:fs';`,
      `import { posterPdf } from ${JSON.stringify(join(repoRoot, 'src/school/poster.ts'))};`,
      `const pdf = await posterPdf({ schoolName: 'Bundled Primary', safetyCode: 'AAAA-BBBB-CCCC',`,
      `  leads: [{ name: 'Ellie Shea', roleLabel: 'Designated Safeguarding Lead' }] });`,
      `writeFileSync(process.argv[2], pdf);`,
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Bundles the entry with every package inside, as Forge bundles main.js; returns its path. */
async function bundle(name: string, plugins: Plugin[]): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    plugins,
    ssr: { noExternal: true },
    build: {
      ssr: join(dir, 'entry.ts'),
      outDir: join(dir, name),
      target: 'node22',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
    },
  });
  return join(dir, name, 'main.mjs');
}

describe('the poster bundled like the Electron main process', () => {
  it('draws its text with the standard fonts the plugin bundled', async () => {
    const main = await bundle('with-plugin', [pdfkitStandardFonts()]);
    const pdf = join(dir, 'bundled.pdf');
    await run(process.execPath, [main, pdf]);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await run('pdftotext', [pdf, '-'])).stdout;
    expect(text).toContain('Bundled Primary');
    expect(text).toContain('AAAA-BBBB-CCCC');
  });

  it('fails without the plugin: the reason it exists', async () => {
    const main = await bundle('without-plugin', []);
    await expect(run(process.execPath, [main, join(dir, 'unbundled.pdf')])).rejects.toThrow(
      /standard-fonts/,
    );
  });
});
