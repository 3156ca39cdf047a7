/**
 * The order of the day, month and year boxes Chromium draws inside a date input. They live in the
 * input's user-agent shadow tree, which page scripts cannot see; the DevTools protocol can.
 */
import type { Locator, Page } from 'playwright-core';

interface DomNode {
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const attribute = (node: DomNode, name: string): string | undefined => {
  const attrs = node.attributes ?? [];
  for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
};

/** ['day', 'month', 'year'] for dd/mm/yyyy, ['month', 'day', 'year'] for mm/dd/yyyy. */
export async function dateFieldOrder(page: Page, input: Locator): Promise<string[]> {
  const id = await input.getAttribute('id');
  if (id === null) throw new Error('the date input has no id to find it by');
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const order: string[] = [];
    const walk = (node: DomNode, inInput: boolean) => {
      const inside = inInput || attribute(node, 'id') === id;
      const part = /^-webkit-datetime-edit-(day|month|year)-field$/.exec(
        attribute(node, 'pseudo') ?? '',
      );
      if (inside && part !== null) order.push(part[1]!);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        walk(child, inside);
      }
    };
    walk(root, false);
    return order;
  } finally {
    await cdp.detach();
  }
}
