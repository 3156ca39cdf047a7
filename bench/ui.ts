/**
 * The UI part of `npm run bench`: the renderer's gzipped bundle size, and the median time from
 * navigation to an interactive home screen ("Report a concern" visible and enabled) in Debian's
 * Chromium against the web host, over a real enrolled school in a temp folder.
 *
 * Targets (issue): bundle < 400 KB gzipped (all .js and .css); home interactive, median of 10
 * loads, < 600 ms. Each load opens a new tab in a warm browser; the host sends no-store, so every
 * file is fetched again.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ensureRendererBuilt, startWebHost } from '../src/web-host';
import { chromiumMissing, launchChromium } from '../tests/browser/support/chromium';
import { waitUntilHomeIsReady } from '../tests/browser/support/desk-page';
import { benchSchool } from './school';

const BUNDLE_TARGET_KB = 400;
const HOME_TARGET_MS = 600;
const WARMUP_LOADS = 2;
const MEASURED_LOADS = 10;

/** The table printer and helpers of bench/run.ts, so both parts print alike. */
export interface BenchReport {
  table: (header: string[], rows: Array<Array<string | number>>) => void;
  verdict: (pass: boolean) => string;
  median: (samples: readonly number[]) => number;
}

interface LoadTimes {
  /** Runner: from page.goto until the button is visible and enabled. */
  runner: number[];
  /** Page: performance.now() (ms since navigation start) once the home was interactive. */
  inPage: number[];
  /** Page: DOMContentLoaded end, from the navigation timing entry. */
  domContentLoaded: number[];
}

async function bundleBytes(dir: string): Promise<{ files: number; raw: number; gzip: number }> {
  const assets = join(dir, 'assets');
  const names = (await readdir(assets)).filter((n) => n.endsWith('.js') || n.endsWith('.css'));
  let raw = 0;
  let gzip = 0;
  for (const name of names) {
    const bytes = await readFile(join(assets, name));
    raw += bytes.byteLength;
    gzip += gzipSync(bytes).byteLength;
  }
  return { files: names.length, raw, gzip };
}

/** An enrolled staff home in `root` (the bench's school). */
async function enrolledStaffHome(root: string): Promise<string> {
  const { staff, staffHome } = await benchSchool(root);
  staff.close();
  return staffHome;
}

async function measureLoads(url: string): Promise<LoadTimes> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const times: LoadTimes = { runner: [], inPage: [], domContentLoaded: [] };
    for (let i = 0; i < WARMUP_LOADS + MEASURED_LOADS; i++) {
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await waitUntilHomeIsReady(page);
      const runner = performance.now() - t0;
      const [inPage, domContentLoaded] = await page.evaluate(() => {
        // Runs in the page, whose Performance (with navigation entries) Node's types do not know.
        const timing = performance as unknown as {
          now(): number;
          getEntriesByType(type: string): Array<{ domContentLoadedEventEnd: number }>;
        };
        const [nav] = timing.getEntriesByType('navigation');
        return [timing.now(), nav?.domContentLoadedEventEnd ?? Number.NaN];
      });
      await page.close();
      if (i < WARMUP_LOADS) continue;
      times.runner.push(runner);
      times.inPage.push(inPage);
      times.domContentLoaded.push(domContentLoaded);
    }
    return times;
  } finally {
    await browser.close();
  }
}

/** Measures and prints the UI figures; returns false when a target was missed. */
export async function benchUi(report: BenchReport): Promise<boolean> {
  const { table, verdict, median } = report;
  const dir = await ensureRendererBuilt();
  const bundle = await bundleBytes(dir);
  const bundleKb = bundle.gzip / 1024;
  const bundlePass = bundleKb < BUNDLE_TARGET_KB;
  const targets: Array<Array<string | number>> = [
    [
      'renderer bundle (gzip, .js + .css)',
      `${bundleKb.toFixed(1)} KB`,
      `< ${BUNDLE_TARGET_KB} KB`,
      verdict(bundlePass),
    ],
  ];
  console.log(
    `\nUI: renderer bundle ${bundle.files} files, ${(bundle.raw / 1024).toFixed(1)} KB raw, ` +
      `${bundleKb.toFixed(1)} KB gzipped (node:zlib, default level).`,
  );

  let homePass = true;
  if (chromiumMissing !== null) {
    console.log(`Home load not measured: ${chromiumMissing}`);
  } else {
    const root = await mkdtemp(join(tmpdir(), 'sgd-bench-ui-'));
    try {
      const host = await startWebHost({ home: await enrolledStaffHome(root), port: 0 });
      try {
        const times = await measureLoads(host.url);
        const homeMs = median(times.runner);
        homePass = homeMs < HOME_TARGET_MS;
        console.log(
          `\nHome screen loads (headless Chromium, new tab each, after ${WARMUP_LOADS} warm-up):`,
        );
        const row = (name: string, s: number[]) => [
          name,
          s.length,
          median(s).toFixed(0),
          Math.min(...s).toFixed(0),
          Math.max(...s).toFixed(0),
        ];
        table(
          ['measure', 'n', 'median ms', 'min ms', 'max ms'],
          [
            row('runner: goto → "Report a concern" enabled', times.runner),
            row('page: navigation start → interactive (+ 1 round trip)', times.inPage),
            row('page: DOMContentLoaded end', times.domContentLoaded),
          ],
        );
        targets.push([
          `home interactive (median of ${MEASURED_LOADS})`,
          `${homeMs.toFixed(0)} ms`,
          `< ${HOME_TARGET_MS} ms`,
          verdict(homePass),
        ]);
      } finally {
        await host.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  console.log('\nUI targets:');
  table(['target', 'measured', 'limit', 'result'], targets);
  if (!bundlePass || !homePass) console.log('\n*** FAIL: a UI target was missed (see above). ***');
  return bundlePass && homePass;
}
