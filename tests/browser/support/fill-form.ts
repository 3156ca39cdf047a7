/**
 * A generic driver that files ANY form of forms/ through the UI from its JSON definition, finding
 * every control by its accessible label and working it from the keyboard, to the UI conventions
 * of the staff screens (home, form, review, receipt).
 */
import type { Locator, Page } from 'playwright-core';
import type {
  FileAnswer,
  FormField,
  FormJson,
  PersonAnswer,
  Submission,
  UiAnswer,
} from './form-plan';
import { sha256 } from './form-plan';
import {
  eventually,
  group,
  kindOf,
  labelPattern,
  labelled,
  press,
  select,
  startsWith,
  textbox,
  tick,
} from './locate';

export interface FiledConcern {
  reference: string;
  delivery: 'Delivered' | 'Queued';
}

const noneOfThem = 'No, none of them';
const aboutQuestion = 'Is this concern about one of these people?';

async function expectKind(control: Locator, kind: string, label: string): Promise<void> {
  const actual = await kindOf(control);
  if (actual !== kind) throw new Error(`"${label}" should be ${kind}, is ${actual}`);
}

/** From the home screen to the form's own page (heading = form title). */
export async function openForm(page: Page, form: FormJson): Promise<void> {
  if (form.kind === 'contact-log') {
    await press(page, 'Log professional contact');
  } else {
    const type = page.getByRole('button', { name: startsWith(form.title) });
    const shown = await type
      .first()
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) await press(page, 'Report a concern');
    await type.first().waitFor({ state: 'visible' });
    const count = await type.count();
    if (count !== 1) throw new Error(`${count} concern types start with "${form.title}"`);
    await type.press('Enter');
  }
  await page.getByRole('heading', { name: labelPattern(form.title) }).waitFor();
}

async function fillPeople(page: Page, field: FormField, people: PersonAnswer[]): Promise<void> {
  const box = await group(page, field.label);
  for (const [index, person] of people.entries()) {
    const n = index + 1;
    if (index > 0) {
      const inGroup =
        (await box.getByRole('button', { name: 'Add person', exact: true }).count()) > 0;
      await press(inGroup ? box : page, 'Add person');
    }
    await (await textbox(box, `Person ${n} name`)).fill(person.name);
    await (await select(box, `Person ${n} role`)).selectOption(person.role);
    await (await textbox(box, `Person ${n} details`)).fill(person.detail);
  }
}

async function attachFiles(page: Page, field: FormField, files: FileAnswer[]): Promise<void> {
  const input = await labelled(page, field.label);
  await expectKind(input, 'input[type=file]', field.label);
  await input.setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: f.buffer })),
  );
  for (const file of files) {
    // The UI shows each file's name and SHA-256 so the reporter can see what will be sealed.
    await page.getByText(file.name).first().waitFor({ state: 'visible' });
    await page.getByText(sha256(file.buffer)).first().waitFor({ state: 'visible' });
  }
}

/** Answers one field the way its type's convention says. */
export async function fillField(page: Page, field: FormField, answer: UiAnswer): Promise<void> {
  const options = field.options ?? [];
  const optionLabel = (value: string) => {
    const option = options.find((o) => o.value === value);
    if (option === undefined) throw new Error(`${field.id}: no option "${value}"`);
    return option.label;
  };
  switch (field.type) {
    case 'text':
    case 'longtext': {
      const box = await textbox(page, field.label);
      await expectKind(box, field.type === 'text' ? 'input[type=text]' : 'textarea', field.label);
      await box.fill(answer as string);
      return;
    }
    case 'date':
    case 'datetime': {
      const input = await labelled(page, field.label);
      await expectKind(
        input,
        field.type === 'date' ? 'input[type=date]' : 'input[type=datetime-local]',
        field.label,
      );
      await input.fill(answer as string);
      return;
    }
    case 'choice':
    case 'yesno': {
      const radios = await group(page, field.label);
      const name =
        field.type === 'yesno' ? (answer === true ? 'Yes' : 'No') : optionLabel(answer as string);
      await tick(radios.getByRole('radio', { name, exact: true }), `${field.id}: ${name}`);
      return;
    }
    case 'multichoice': {
      const boxes = await group(page, field.label);
      for (const value of answer as string[]) {
        const name = optionLabel(value);
        await tick(boxes.getByRole('checkbox', { name, exact: true }), `${field.id}: ${name}`);
      }
      return;
    }
    case 'people':
      return fillPeople(page, field, answer as PersonAnswer[]);
    case 'attachments':
      return attachFiles(page, field, answer as FileAnswer[]);
  }
}

/** Opens the form from home and fills the reporter and every answer given. */
export async function fillForm(page: Page, form: FormJson, submission: Submission): Promise<void> {
  await openForm(page, form);
  await (await textbox(page, 'Your name')).fill(submission.reporter.name);
  await (await textbox(page, 'Your role')).fill(submission.reporter.role);
  if (form.kind === 'concern') {
    const about = await group(page, aboutQuestion);
    const none = about.getByRole('radio', { name: noneOfThem, exact: true });
    const firstIsNone = await about
      .getByRole('radio')
      .first()
      .evaluate((el, other) => el === other, await none.elementHandle());
    if (!firstIsNone)
      throw new Error(`"${noneOfThem}" must be the first option of "${aboutQuestion}"`);
    if (!(await none.isChecked())) throw new Error(`"${noneOfThem}" must be chosen by default`);
  }
  for (const field of form.fields) {
    const answer = submission.answers[field.id];
    if (answer !== undefined) await fillField(page, field, answer);
  }
}

/** What the review step must show for an answer (dates are left to the UI's own format). */
function shownFor(field: FormField, answer: UiAnswer): string[] {
  switch (field.type) {
    case 'text':
    case 'longtext':
      return (answer as string).split('\n');
    case 'choice':
      return [field.options?.find((o) => o.value === answer)?.label ?? (answer as string)];
    case 'multichoice':
      return (answer as string[]).map((v) => field.options?.find((o) => o.value === v)?.label ?? v);
    case 'yesno':
      return [answer === true ? 'Yes' : 'No'];
    case 'people':
      return (answer as PersonAnswer[]).flatMap((p) => [p.name, p.detail]);
    case 'attachments':
      return (answer as FileAnswer[]).map((f) => f.name);
    case 'date':
    case 'datetime':
      return [];
  }
}

/** Review step: checks every answer is shown, submits, and reads the receipt. */
export async function reviewAndSubmit(
  page: Page,
  form: FormJson,
  submission: Submission,
): Promise<FiledConcern> {
  const log = form.kind === 'contact-log';
  await press(page, 'Review');
  await page
    .getByRole('heading', { name: log ? 'Check your log entry' : 'Check your concern' })
    .waitFor();
  const shown = await page.locator('body').innerText();
  const missing = [submission.reporter.name, submission.reporter.role]
    .concat(
      form.fields.flatMap((f) =>
        submission.answers[f.id] === undefined ? [] : shownFor(f, submission.answers[f.id]!),
      ),
    )
    .filter((text) => !shown.includes(text));
  if (missing.length > 0)
    throw new Error(`the review step does not show: ${JSON.stringify(missing)}`);

  await press(page, 'Submit');
  // Sent, or kept on this computer while the share is away (issue 6: never "sent" when it is not).
  await page
    .getByRole('heading', {
      name: new RegExp(
        `^(${log ? 'Log entry sent' : 'Concern sent'}|Saved on this computer — waiting to reach the school)$`,
      ),
    })
    .waitFor();
  const reference = ((await page.locator('[data-reference]').first().textContent()) ?? '').trim();
  if (!/^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(reference))
    throw new Error(`receipt reference "${reference}"`);
  let delivery: FiledConcern['delivery'] | null = null;
  await eventually('the receipt says Delivered or Queued', async () => {
    const text = await page.locator('body').innerText();
    delivery = /\bDelivered\b/.test(text)
      ? 'Delivered'
      : /\bWaiting to reach the school\b/.test(text)
        ? 'Queued'
        : null;
    return delivery !== null;
  });
  return { reference, delivery: delivery ?? 'Queued' };
}

/** Files one submission of `form` from the home screen to its receipt. */
export async function fileThroughUi(
  page: Page,
  form: FormJson,
  submission: Submission,
): Promise<FiledConcern> {
  await fillForm(page, form, submission);
  return reviewAndSubmit(page, form, submission);
}
