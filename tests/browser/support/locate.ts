/**
 * Finding controls the way a keyboard or screen-reader user does: by role and accessible name.
 * An accessible name must be the label, perhaps followed by "(required)"; when nothing matches
 * that exactly, a name that merely contains the label is accepted if it is the only one.
 */
import type { Locator, Page } from 'playwright-core';

type Scope = Page | Locator;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The accessible name of a control labelled `label`. */
export function labelPattern(label: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(label)}\\s*(\\(required\\)\\s*)?$`);
}

/** A name that starts with `text` (a concern type's button starts with the form title). */
export function startsWith(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}`);
}

/** The one element `strict` finds, else the one `loose` finds; fails clearly on none or several. */
async function theOne(what: string, strict: Locator, loose: Locator): Promise<Locator> {
  await strict
    .or(loose)
    .first()
    .waitFor({ state: 'attached' })
    .catch(() => undefined);
  const exact = await strict.count();
  if (exact === 1) return strict;
  const partial = await loose.count();
  if (exact === 0 && partial === 1) return loose;
  throw new Error(`${what}: ${exact} exact and ${partial} partial matches (want exactly one)`);
}

/** A text box (input or textarea) named by `label`. */
export function textbox(scope: Scope, label: string): Promise<Locator> {
  return theOne(
    `text box "${label}"`,
    scope.getByRole('textbox', { name: labelPattern(label) }),
    scope.getByRole('textbox', { name: label }),
  );
}

/** Any control labelled `label` (date, datetime-local and file inputs have no textbox role). */
export function labelled(scope: Scope, label: string): Promise<Locator> {
  return theOne(
    `control labelled "${label}"`,
    scope.getByLabel(labelPattern(label)),
    scope.getByLabel(label),
  );
}

/** A fieldset (role group, or radiogroup) named by its legend. */
export function group(scope: Scope, label: string): Promise<Locator> {
  const named = (name: string | RegExp) =>
    scope.getByRole('group', { name }).or(scope.getByRole('radiogroup', { name }));
  return theOne(`group "${label}"`, named(labelPattern(label)), named(label));
}

/** A select named by `label`. */
export function select(scope: Scope, label: string): Promise<Locator> {
  return theOne(
    `select "${label}"`,
    scope.getByRole('combobox', { name: labelPattern(label) }),
    scope.getByRole('combobox', { name: label }),
  );
}

/** Presses the button (or link) named exactly `name` with the keyboard. */
export async function press(scope: Scope, name: string): Promise<void> {
  const target = await theOne(
    `button "${name}"`,
    scope.getByRole('button', { name, exact: true }),
    scope.getByRole('link', { name, exact: true }),
  );
  await target.press('Enter');
}

/** Waits until `condition` holds, polling; fails with `what` after `timeout` ms. */
export async function eventually(
  what: string,
  condition: () => Promise<boolean>,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Ticks a radio or checkbox from the keyboard (focus, Space) and checks that it took. */
export async function tick(control: Locator, what: string): Promise<void> {
  if (!(await control.isChecked())) await control.press('Space');
  await eventually(`${what} is checked`, () => control.isChecked());
}

/** The tag name (and an input's type) of an element, to check it is the kind the convention says. */
export async function kindOf(control: Locator): Promise<string> {
  // The page's DOM types are not in this Node project's lib: the element is typed by what is read.
  return control.evaluate((el: { tagName: string; type?: unknown }) => {
    const tag = el.tagName.toLowerCase();
    // An input's `type` property reads "text" when the attribute is absent.
    return tag === 'input' ? `input[type=${String(el.type)}]` : tag;
  });
}
