/**
 * The browser fixture: a real school (share, DSL home, enrolled staff home, all through the CLI),
 * the web host serving the staff home on a free loopback port, and a Chromium page on it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../src/web-host';
import { makeSchool, type SchoolFixture } from '../../node/support/school';
import { launchChromium } from './chromium';

/** The time zone the page runs in: BST in summer, so a datetime's offset is not zero. */
export const PAGE_TIME_ZONE = 'Europe/London';
export const DESKTOP = { width: 1280, height: 800 } as const;
export const LARGE_DESKTOP = { width: 1920, height: 1080 } as const;

export interface DeskSession {
  school: SchoolFixture;
  host: WebHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (CSP violations land here), for assertions. */
  pageErrors: string[];
  /** Loads the home screen and waits until "Report a concern" can be used. */
  goHome(): Promise<void>;
  close(): Promise<void>;
}

/** Sets up a school and opens its staff machine's UI in Chromium. */
export async function openDeskSession(
  options: { delivery?: WebHostOptions['delivery'] } = {},
): Promise<DeskSession> {
  const school = await makeSchool();
  const cleanups: Array<() => Promise<unknown>> = [() => school.cleanup()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const host = await startWebHost({
      home: school.staffHome,
      port: 0,
      ...(options.delivery ? { delivery: options.delivery } : {}),
    });
    cleanups.push(() => host.close());
    const { browser, context, page, pageErrors } = await openBrowserPage();
    cleanups.push(() => browser.close());
    const goHome = async () => {
      await page.goto(host.url);
      await waitUntilHomeIsReady(page);
    };
    return { school, host, browser, context, page, pageErrors, goHome, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Chromium with one en-GB page at 1280×800 in London time, collecting the page's errors. */
export async function openBrowserPage(): Promise<{
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
}> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: DESKTOP,
      timezoneId: PAGE_TIME_ZONE,
      locale: 'en-GB',
    });
    // Fail a missing control in seconds, not Playwright's default 30.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
    return { browser, context, page, pageErrors };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Waits until the home screen's "Report a concern" button is visible and enabled. */
export async function waitUntilHomeIsReady(page: Page, timeout = 30_000): Promise<void> {
  const button = page.getByRole('button', { name: 'Report a concern', exact: true });
  await button.waitFor({ state: 'visible', timeout });
  const deadline = Date.now() + timeout;
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) throw new Error('"Report a concern" never became enabled.');
    await page.waitForTimeout(10);
  }
}
