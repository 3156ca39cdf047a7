/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Without it the whole
 * browser project is skipped, and says why.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser binary: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export const chromiumMissing: string | null = existsSync(chromiumPath)
  ? null
  : `browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;

if (chromiumMissing !== null) process.stderr.write(`${chromiumMissing}\n`);

/** Headless Chromium with a fresh profile, nothing fetched in the background. */
export function launchChromium(): Promise<Browser> {
  // Chromium refuses to run as root with its OS sandbox (containers, CI).
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...rootOnly,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      // As the app does (main/main.ts): en-GB, and form controls follow the page's lang="en-GB",
      // so date inputs read dd/mm/yyyy whatever this machine's locale (headless ignores --lang).
      '--lang=en-GB',
      '--enable-blink-features=LangAttributeAwareFormControlUI',
    ],
  });
}
