/** Screenshots for people to look at: test-artifacts/screenshots/<name>.png (git-ignored). */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP } from './desk-page';

export const screenshotDir = resolve(import.meta.dirname, '../../../test-artifacts/screenshots');

/**
 * Saves the viewport at `size` (1280×800 by default; the whole page with `fullPage`), then
 * restores the page's own size.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  size: { width: number; height: number } = DESKTOP,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  const previous = page.viewportSize();
  await page.setViewportSize(size);
  try {
    await page.screenshot({
      path: file,
      animations: 'disabled',
      fullPage: options.fullPage ?? false,
    });
  } finally {
    if (previous !== null) await page.setViewportSize(previous);
  }
  return file;
}

/** Scrolls the page back to its top, so a screenshot starts at the heading. */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    // Runs in the page; Node's types have no window.
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0);
  });
}
