/** Accessibility checks with axe-core: WCAG 2.0/2.1 A and AA and WCAG 2.2 AA rules. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails, listing each rule and its targets, when axe finds a serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n` +
      v.nodes.map((n) => `    at ${JSON.stringify(n.target)}`).join('\n'),
  );
  throw new Error(
    `axe found ${serious.length} serious/critical violation(s) on ${where}:\n${lines.join('\n')}`,
  );
}
