/**
 * The governors' report PDF in a bundle, as the Electron main process has it: echarts (ESM),
 * svg-to-pdfkit (CommonJS) and pdfkit with its standard fonts all bundled by Vite with the main
 * config's font plugin into a temp folder with no package.json nearby, then run in Node. (The
 * Electron binary is not on this machine; the bundle runs in plain Node instead.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfkitStandardFonts } from '../../../vite.main.config';
import { repoRoot } from '../support/cli';

const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sgd-report-bundle-'));
  await writeFile(
    join(dir, 'entry.ts'),
    [
      `import { writeFileSync } from 'node:fs';`,
      `import { exportReport } from ${JSON.stringify(join(repoRoot, 'src/office/export/index.ts'))};`,
      `import { sampleReport } from ${JSON.stringify(join(repoRoot, 'tests/node/office/support/export-fixtures.ts'))};`,
      `for (const format of ['pdf', 'xlsx', 'csv'] as const) {`,
      `  const file = await exportReport(sampleReport(), format);`,
      `  writeFileSync(process.argv[2] + '.' + format, file.bytes);`,
      `}`,
    ].join('\n'),
  );
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    plugins: [pdfkitStandardFonts()],
    ssr: { noExternal: true },
    build: {
      ssr: join(dir, 'entry.ts'),
      outDir: join(dir, 'out'),
      target: 'node22',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
    },
  });
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the exports bundled like the Electron main process', () => {
  it('write the PDF with its charts and text, and the XLSX and CSV', async () => {
    const out = join(dir, 'report');
    await run(process.execPath, [join(dir, 'out', 'main.mjs'), out]);
    const text = (await run('pdftotext', [`${out}.pdf`, '-'])).stdout;
    expect(text).toContain('Confidential: for the closed part of the meeting');
    expect(text).toContain('Concerns by type');
    // A chart's axis name, in no table: the SVG's text reached the PDF through svg-to-pdfkit.
    expect(text).toContain('Number');
    expect((await readFile(`${out}.xlsx`)).subarray(0, 2).toString()).toBe('PK');
    expect((await readFile(`${out}.csv`)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
