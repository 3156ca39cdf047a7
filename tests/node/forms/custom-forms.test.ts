import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormRegistry } from '../../../src/forms';
import { thrown } from './support';

/** A school's own form, valid as written. */
function schoolForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: './form-definition.schema.json',
    id: 'school-trip-concern',
    version: 1,
    title: 'Concern on a school trip',
    summary: 'Something online worried you on a school trip.',
    kind: 'concern',
    guidance: { now: ['Tell the trip leader and the DSL today.'], avoid: ['Do not investigate.'] },
    defaultPathway: 'lead-decides',
    defaultUrgency: 'normal',
    fields: [
      { id: 'whatHappened', type: 'longtext', label: 'What happened?', required: true },
      { id: 'immediateRisk', type: 'yesno', label: 'Is a child at risk?', required: true },
    ],
    ...overrides,
  };
}

describe('FormRegistry.load with a folder of the school’s own forms', () => {
  let root: string;
  let customDir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'safeguard-forms-'));
    customDir = path.join(root, 'forms');
    await mkdir(customDir);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const write = (name: string, content: unknown) =>
    writeFile(
      path.join(customDir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );

  const loadError = () => thrown(() => FormRegistry.load({ customDir }));

  it('loads a valid custom form beside the built-in ones and lists it', async () => {
    await write('school-trip-concern.v1.json', schoolForm());
    const registry = FormRegistry.load({ customDir });
    expect(registry.get('school-trip-concern', 1)?.title).toBe('Concern on a school trip');
    expect(registry.list()).toContainEqual({
      id: 'school-trip-concern',
      version: 1,
      title: 'Concern on a school trip',
      summary: 'Something online worried you on a school trip.',
      searchWords: [],
      kind: 'concern',
      defaultUrgency: 'normal',
    });
    expect(registry.list()).toHaveLength(FormRegistry.builtIn().list().length + 1);
  });

  it('loads several versions of a custom form and offers the latest', async () => {
    await write('school-trip-concern.v1.json', schoolForm());
    await write('school-trip-concern.v2.json', schoolForm({ version: 2, title: 'Trip concern' }));
    const registry = FormRegistry.load({ customDir });
    expect(registry.latest('school-trip-concern')?.title).toBe('Trip concern');
    expect(registry.get('school-trip-concern', 1)?.title).toBe('Concern on a school trip');
  });

  it('loads only the built-in forms when the folder does not exist', () => {
    const registry = FormRegistry.load({ customDir: path.join(root, 'no-such-folder') });
    expect(registry.list()).toEqual(FormRegistry.builtIn().list());
  });

  it('loads only the built-in forms when no folder is given', () => {
    expect(FormRegistry.load({}).list()).toEqual(FormRegistry.builtIn().list());
  });

  it('ignores files that are not JSON, hidden copies and the JSON Schema itself', async () => {
    await write('README.txt', 'Put your forms here.');
    await write('._school-trip-concern.v1.json', 'binary junk a Mac leaves on a share');
    await write(
      'form-definition.schema.json',
      await readFile(
        new URL('../../../forms/form-definition.schema.json', import.meta.url),
        'utf8',
      ),
    );
    expect(FormRegistry.load({ customDir }).list()).toEqual(FormRegistry.builtIn().list());
  });

  it('accepts a file saved with a byte-order mark, as Windows Notepad saves it', async () => {
    await write('school-trip-concern.v1.json', `\uFEFF${JSON.stringify(schoolForm())}`);
    expect(FormRegistry.load({ customDir }).get('school-trip-concern', 1)).toBeDefined();
  });

  it('refuses a bad form, naming the file by its full path and the problem', async () => {
    await write('school-trip-concern.v1.json', schoolForm({ defaultUrgency: 'soon' }));
    expect(loadError()).toEqual({
      code: 'bad-form',
      message: `${path.join(customDir, 'school-trip-concern.v1.json')}: defaultUrgency: must be one of urgent, normal`,
    });
  });

  it('refuses a form with a field of an unknown type, naming the file and the field', async () => {
    const fields = [{ id: 'age', type: 'number', label: 'Age', required: true }];
    await write('school-trip-concern.v1.json', schoolForm({ fields }));
    expect(loadError().message).toBe(
      `${path.join(customDir, 'school-trip-concern.v1.json')}: fields.0.type: unknown field type; ` +
        'expected one of text, longtext, date, datetime, choice, multichoice, yesno, people, attachments',
    );
  });

  it('refuses a file that is not valid JSON, naming it', async () => {
    await write('school-trip-concern.v1.json', '{ "id": "school-trip-concern", ');
    expect(loadError()).toEqual({
      code: 'bad-form',
      message: `${path.join(customDir, 'school-trip-concern.v1.json')}: not valid JSON`,
    });
  });

  it('refuses a custom form with the id and version of a built-in one', async () => {
    const clash = schoolForm({ id: 'private-online-contact-with-pupil' });
    await write('private-online-contact-with-pupil.v1.json', clash);
    expect(loadError()).toEqual({
      code: 'bad-form',
      message:
        `${path.join(customDir, 'private-online-contact-with-pupil.v1.json')}: the id ` +
        `"private-online-contact-with-pupil" belongs to a built-in form; give the school's form an id of its own`,
    });
  });

  it('refuses a new version of a built-in form, which a later release could clash with', async () => {
    const next = schoolForm({ id: 'other-online-concern', version: 2, title: 'Other (ours)' });
    await write('other-online-concern.v2.json', next);
    expect(loadError()).toEqual({
      code: 'bad-form',
      message:
        `${path.join(customDir, 'other-online-concern.v2.json')}: the id "other-online-concern" ` +
        `belongs to a built-in form; give the school's form an id of its own`,
    });
  });

  it('refuses a file whose name does not match the id inside it', async () => {
    await write('trip.v1.json', schoolForm());
    expect(loadError()).toEqual({
      code: 'bad-form',
      message:
        `${path.join(customDir, 'trip.v1.json')}: the file name must be <id>.v<version>.json, ` +
        'here school-trip-concern.v1.json',
    });
  });

  it('refuses a file whose name does not match the version inside it', async () => {
    await write('school-trip-concern.v1.json', schoolForm({ version: 2 }));
    expect(loadError().message).toBe(
      `${path.join(customDir, 'school-trip-concern.v1.json')}: the file name must be ` +
        '<id>.v<version>.json, here school-trip-concern.v2.json',
    );
  });

  it('refuses the folder when one file is bad, even if the others are good', async () => {
    await write('school-trip-concern.v1.json', schoolForm());
    await write('zz-broken.v1.json', 'not json');
    expect(loadError().message).toBe(
      `${path.join(customDir, 'zz-broken.v1.json')}: not valid JSON`,
    );
  });

  it('refuses a custom-forms path that is a file, not a folder, naming it', async () => {
    const file = path.join(root, 'forms.txt');
    await writeFile(file, 'not a folder');
    expect(thrown(() => FormRegistry.load({ customDir: file }))).toEqual({
      code: 'bad-form',
      message: `${file}: the folder of custom forms cannot be read`,
    });
  });

  it('refuses an entry named like a form that cannot be read as a file, naming it', async () => {
    await mkdir(path.join(customDir, 'school-trip-concern.v1.json'));
    expect(loadError().message).toBe(
      `${path.join(customDir, 'school-trip-concern.v1.json')}: cannot be read`,
    );
  });

  it('names the file by its full path when the folder is given relative to the working folder', async () => {
    await write('school-trip-concern.v1.json', '[');
    const relative = path.relative(process.cwd(), customDir);
    expect(thrown(() => FormRegistry.load({ customDir: relative })).message).toBe(
      `${path.join(customDir, 'school-trip-concern.v1.json')}: not valid JSON`,
    );
  });
});
