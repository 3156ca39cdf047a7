import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formSchemaFile, renderFormDefinitionSchema } from '../../scripts/generate-form-schema';
import { isSafeguardError } from '../../src/errors';
import {
  FormRegistry,
  parseFormDefinition,
  validateAnswers,
  type FieldDefinition,
  type FormDefinition,
} from '../../src/forms';

const formsDir = new URL('../../forms/', import.meta.url);
const hashesFile = new URL('./fixtures/published-form-hashes.json', import.meta.url);
const SECRET = 'SECRET-CONTENT-123';

/** Every form version file in forms/ (the JSON Schema is not a form). */
function formFiles(): string[] {
  return readdirSync(formsDir)
    .filter((name) => /\.v\d+\.json$/.test(name))
    .sort();
}

function readForm(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, formsDir), 'utf8'));
}

/** Hash of the text with line endings normalised, so a Windows checkout hashes the same. */
function formFileHash(name: string): string {
  const text = readFileSync(new URL(name, formsDir), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

function recordedHashes(): Record<string, string> {
  const json: unknown = JSON.parse(readFileSync(hashesFile, 'utf8'));
  return z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).parse(json);
}

/** The error a call throws, so a test can check its code and exact message. */
function thrown(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (isSafeguardError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SafeguardError, but nothing was thrown');
}

/** A minimal valid form definition as it would be written in a file. */
function formJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test-form',
    version: 1,
    title: 'Test form',
    summary: 'A form for tests.',
    kind: 'concern',
    guidance: { now: ['Tell the DSL today.'], avoid: ['Do not investigate.'] },
    defaultPathway: 'lead-decides',
    defaultUrgency: 'normal',
    fields: [{ id: 'notes', type: 'text', label: 'Notes', required: true }],
    ...overrides,
  };
}

const options = [
  { value: 'red', label: 'Red' },
  { value: 'blue', label: 'Blue' },
];

/** A form with one field of every type, parsed as the app would parse it. */
function everyTypeForm(): FormDefinition {
  return parseFormDefinition(
    formJson({
      fields: [
        { id: 'summary', type: 'text', label: 'Summary', required: true, maxLength: 20 },
        { id: 'facts', type: 'longtext', label: 'Facts', required: true },
        { id: 'happenedOn', type: 'date', label: 'Happened on', required: true },
        { id: 'noticedAt', type: 'datetime', label: 'Noticed at', required: true },
        { id: 'colour', type: 'choice', label: 'Colour', required: true, options },
        { id: 'colours', type: 'multichoice', label: 'Colours', required: false, options },
        { id: 'atRisk', type: 'yesno', label: 'At risk', required: true },
        { id: 'people', type: 'people', label: 'People', required: true },
        { id: 'files', type: 'attachments', label: 'Files', required: false, maxFiles: 2 },
      ],
    }),
    'test-form.v1.json',
  );
}

function attachment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'post.png',
    mediaType: 'image/png',
    size: 1024,
    sha256: 'ab'.repeat(32),
    ...overrides,
  };
}

/** A complete, valid set of answers to everyTypeForm(). */
function validAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: 'Messages on Snapchat',
    facts: 'I saw messages between a teacher and a pupil.',
    happenedOn: '2026-02-28',
    noticedAt: '2026-03-02T08:15:00Z',
    colour: 'red',
    colours: ['red', 'blue'],
    atRisk: false,
    people: [{ name: 'Sam Jones', role: 'pupil', detail: 'Year 6' }],
    files: [attachment()],
    ...overrides,
  };
}

function without(answers: Record<string, unknown>, ...ids: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.includes(id)));
}

function answerError(answers: unknown): string {
  const error = thrown(() => validateAnswers(everyTypeForm(), answers));
  expect(error.code).toBe('invalid-answers');
  return error.message;
}

describe('form definition files', () => {
  it('every form file in forms/ parses and is in the built-in registry', () => {
    const registry = FormRegistry.builtIn();
    expect(formFiles().length).toBeGreaterThan(0);
    for (const name of formFiles()) {
      const form = parseFormDefinition(readForm(name), `forms/${name}`);
      expect(registry.get(form.id, form.version)).toEqual(form);
    }
  });

  it('every form file is named <id>.v<version>.json and points at the JSON Schema', () => {
    for (const name of formFiles()) {
      const json = readForm(name);
      const form = parseFormDefinition(json, `forms/${name}`);
      expect(name).toBe(`${form.id}.v${form.version}.json`);
      expect(json).toMatchObject({ $schema: './form-definition.schema.json' });
    }
  });

  it('the committed JSON Schema matches a fresh generation from formDefinitionSchema', async () => {
    const committed = readFileSync(formSchemaFile, 'utf8');
    expect(committed, 'run: npx tsx scripts/generate-form-schema.ts').toBe(
      await renderFormDefinitionSchema(),
    );
  });

  it('a published form version never changes', () => {
    const recorded = Object.entries(recordedHashes());
    expect(recorded.length).toBeGreaterThan(0);
    for (const [name, hash] of recorded.filter(([name]) => existsSync(new URL(name, formsDir)))) {
      const problem = `forms/${name}: a published form version never changes: make a new version`;
      expect(formFileHash(name), problem).toBe(hash);
    }
  });

  it('a published form version is never removed, since old concerns name it', () => {
    const missing = Object.keys(recordedHashes()).filter(
      (name) => !existsSync(new URL(name, formsDir)),
    );
    expect(missing, 'a published form version is never removed').toEqual([]);
  });

  it('every form file has its SHA-256 recorded as published', () => {
    const recorded = recordedHashes();
    const unrecorded = formFiles().filter((name) => recorded[name] === undefined);
    expect(unrecorded, 'add its hash to tests/node/fixtures/published-form-hashes.json').toEqual(
      [],
    );
  });
});

/** Every form version in forms/, parsed, with its file name. */
function allShippedForms(): Array<{ name: string; form: FormDefinition }> {
  return formFiles().map((name) => ({
    name,
    form: parseFormDefinition(readForm(name), `forms/${name}`),
  }));
}

/** Every version of every concern form. */
function concernForms(): Array<{ name: string; form: FormDefinition }> {
  return allShippedForms().filter(({ form }) => form.kind === 'concern');
}

/** The version of each concern form that staff fill in today: its highest. */
function latestConcernForms(): Array<{ name: string; form: FormDefinition }> {
  const latest = new Map<string, { name: string; form: FormDefinition }>();
  for (const entry of concernForms()) {
    const seen = latest.get(entry.form.id);
    if (seen === undefined || seen.form.version < entry.form.version) {
      latest.set(entry.form.id, entry);
    }
  }
  return [...latest.values()];
}

function fieldOf(form: FormDefinition, id: string): FieldDefinition | undefined {
  return form.fields.find((field) => field.id === id);
}

/** The first published concern form: the wording every other concern form copies. */
const REFERENCE_FORM = 'private-online-contact-with-pupil.v1.json';

/** Fields every concern form shares, by id, and whether each must be on every one. */
const sharedFields = {
  whatHappened: 'always',
  yourView: 'always',
  whenHappened: 'always',
  whenNoticed: 'always',
  platform: 'always',
  linkOrHandle: 'where-present',
  peopleInvolved: 'always',
  childsWords: 'where-present',
  immediateRisk: 'always',
  actionsTaken: 'always',
  evidence: 'where-present',
} as const;

/**
 * Form 1 v1 was published asking "Where did the contact happen?", which only fits contact. Every
 * later concern form asks the question that fits them all; a published version cannot change. Its
 * v2 only moved the risk question first and added search words, so it keeps the v1 wording.
 */
const PLATFORM_LABEL = 'Which app or website?';
const platformLabelExceptions: Record<string, string> = {
  [REFERENCE_FORM]: 'Where did the contact happen?',
  'private-online-contact-with-pupil.v2.json': 'Where did the contact happen?',
};

/** The ten concern types of SAFEGUARDING.md, by form id, with their default pathway and urgency. */
const concernTypes = {
  'private-online-contact-with-pupil': ['allegation', 'urgent', 'concern'],
  'indecent-images-or-illegal-activity': ['allegation', 'urgent', 'concern'],
  'breach-of-confidentiality': ['low-level-concern', 'normal', 'concern'],
  'derogatory-language': ['low-level-concern', 'normal', 'concern'],
  'inappropriate-images-of-staff': ['low-level-concern', 'normal', 'concern'],
  'posts-about-staff-by-others': ['support-for-colleague', 'normal', 'concern'],
  'contact-from-parent-or-carer': ['advice', 'normal', 'concern'],
  'unauthorised-school-page-or-group': ['code-of-conduct', 'normal', 'concern'],
  'professional-online-contact-log': ['log', 'normal', 'contact-log'],
  'other-online-concern': ['lead-decides', 'normal', 'concern'],
} as const;

/** A plausible answer of the right type, to show a form can be filed with its required fields. */
function sampleAnswer(field: FieldDefinition): unknown {
  switch (field.type) {
    case 'text':
    case 'longtext':
      return 'Seen in the staff room at break.';
    case 'date':
      return '2026-03-01';
    case 'datetime':
      return '2026-03-02T08:15:00Z';
    case 'choice':
      return field.options.at(-1)?.value;
    case 'multichoice':
      return field.options.slice(0, 1).map((option) => option.value);
    case 'yesno':
      return false;
    case 'people':
      return [{ name: 'Alex Smith', role: 'staff' }];
    case 'attachments':
      return [attachment()];
  }
}

describe('the shipped forms', () => {
  it('are exactly ten, one for each concern type: nine concern forms and one contact log', () => {
    const listed = FormRegistry.builtIn().list();
    expect(listed.map((form) => form.id).sort()).toEqual(Object.keys(concernTypes).sort());
    expect(listed.filter((form) => form.kind === 'concern')).toHaveLength(9);
    expect(listed.filter((form) => form.kind === 'contact-log')).toHaveLength(1);
  });

  it('each has the default pathway, urgency and kind of its concern type', () => {
    const registry = FormRegistry.builtIn();
    for (const [id, [pathway, urgency, kind]] of Object.entries(concernTypes)) {
      const form = registry.latest(id);
      expect(form, id).toBeDefined();
      expect(form && [form.defaultPathway, form.defaultUrgency, form.kind], id).toEqual([
        pathway,
        urgency,
        kind,
      ]);
    }
  });

  it('each has guidance with at least one line of what to do now and one of what not to do', () => {
    for (const { name, form } of allShippedForms()) {
      expect(form.guidance.now.length, name).toBeGreaterThan(0);
      expect(form.guidance.avoid.length, name).toBeGreaterThan(0);
    }
  });

  it('every concern form asks whether a child is at immediate risk, as a required yes or no', () => {
    expect(latestConcernForms()).toHaveLength(9);
    for (const { name, form } of concernForms()) {
      expect(fieldOf(form, 'immediateRisk'), name).toMatchObject({
        type: 'yesno',
        required: true,
        label: 'Is a child at immediate risk of harm?',
      });
    }
  });

  it('every concern form asks whether a child is at immediate risk first, in the version filled today', () => {
    expect(latestConcernForms()).toHaveLength(9);
    for (const { name, form } of latestConcernForms()) {
      expect(form.fields[0]?.id, name).toBe('immediateRisk');
    }
  });

  it('the latest version of a concern form asks the questions of version 1, only reordered', () => {
    const registry = FormRegistry.builtIn();
    // Everything but the version, the order of the questions and the search words.
    const content = (form: FormDefinition) => ({
      ...form,
      version: 0,
      fields: [...form.fields].sort((a, b) => a.id.localeCompare(b.id)),
      searchWords: [],
    });
    for (const { name, form } of latestConcernForms()) {
      const first = registry.get(form.id, 1);
      expect(first, `${form.id} v1`).toBeDefined();
      expect(content(form), name).toEqual(content(first as FormDefinition));
    }
  });

  it('every concern form has search words in the version filled today', () => {
    for (const { name, form } of latestConcernForms()) {
      expect(form.searchWords?.length ?? 0, name).toBeGreaterThanOrEqual(10);
    }
  });

  it('every concern form has the shared fields, worded as on the first published form', () => {
    const reference = parseFormDefinition(readForm(REFERENCE_FORM), REFERENCE_FORM);
    for (const { name, form } of concernForms()) {
      for (const [id, presence] of Object.entries(sharedFields)) {
        const field = fieldOf(form, id);
        if (presence === 'where-present' && field === undefined) continue;
        const expected = fieldOf(reference, id);
        const label =
          id === 'platform' ? (platformLabelExceptions[name] ?? PLATFORM_LABEL) : undefined;
        expect(field, `${name}: ${id}`).toMatchObject({
          type: expected?.type,
          required: expected?.required,
          label: label ?? expected?.label,
        });
      }
    }
  });

  it('every concern form offers the same platforms, with the same labels', () => {
    const reference = parseFormDefinition(readForm(REFERENCE_FORM), REFERENCE_FORM);
    const platforms = fieldOf(reference, 'platform');
    expect(platforms).toMatchObject({
      options: [
        { value: 'instagram', label: 'Instagram' },
        { value: 'x-twitter', label: 'X (Twitter)' },
        { value: 'snapchat', label: 'Snapchat' },
        { value: 'facebook', label: 'Facebook' },
        { value: 'tiktok', label: 'TikTok' },
        { value: 'whatsapp', label: 'WhatsApp' },
        { value: 'other', label: 'Other' },
      ],
    });
    for (const { name, form } of concernForms()) {
      expect(fieldOf(form, 'platform'), name).toMatchObject({
        options: platforms?.type === 'choice' ? platforms.options : [],
      });
    }
  });

  it("asks for a child's own words only on forms where a child may have spoken", () => {
    const withChildsWords = latestConcernForms()
      .filter(({ form }) => fieldOf(form, 'childsWords') !== undefined)
      .map(({ form }) => form.id)
      .sort();
    expect(withChildsWords).toEqual([
      'breach-of-confidentiality',
      'derogatory-language',
      'indecent-images-or-illegal-activity',
      'other-online-concern',
      'private-online-contact-with-pupil',
    ]);
  });

  it('every concern form except the indecent-images form takes screenshots and a link', () => {
    for (const { name, form } of concernForms()) {
      if (form.id === 'indecent-images-or-illegal-activity') continue;
      expect(fieldOf(form, 'evidence')?.type, name).toBe('attachments');
      expect(fieldOf(form, 'linkOrHandle')?.type, name).toBe('text');
    }
  });

  it('every form can be filed with answers to its required fields only', () => {
    for (const { name, form } of allShippedForms()) {
      const required = form.fields.filter((field) => field.required);
      const answers = Object.fromEntries(required.map((field) => [field.id, sampleAnswer(field)]));
      expect(validateAnswers(form, answers), name).toEqual(answers);
    }
  });
});

describe('the indecent-images form', () => {
  const form = () => FormRegistry.builtIn().latest('indecent-images-or-illegal-activity');

  it('has no field of type attachments, in any version', () => {
    const versions = allShippedForms().filter(
      ({ form: def }) => def.id === 'indecent-images-or-illegal-activity',
    );
    expect(versions.length).toBeGreaterThan(0);
    for (const { name, form: def } of versions) {
      expect(
        def.fields.filter((field) => field.type === 'attachments'),
        name,
      ).toEqual([]);
    }
  });

  it('refuses an attempt to attach a file to it', () => {
    const def = form() as FormDefinition;
    const answers = Object.fromEntries(
      def.fields.filter((field) => field.required).map((field) => [field.id, sampleAnswer(field)]),
    );
    expect(validateAnswers(def, answers)).toEqual(answers);
    expect(thrown(() => validateAnswers(def, { ...answers, evidence: [attachment()] }))).toEqual({
      code: 'invalid-answers',
      message: 'unknown fields: evidence',
    });
  });

  it('records the image by description, place, holder, who has seen it and the device', () => {
    // After the risk question, which every concern form asks first.
    expect(form()?.fields[0]?.id).toBe('immediateRisk');
    expect(form()?.fields.slice(1, 6)).toMatchObject([
      {
        id: 'description',
        type: 'longtext',
        required: true,
        label: 'Describe what you saw or were told — do not look again',
      },
      {
        id: 'imageLocation',
        type: 'longtext',
        required: true,
        label:
          'Where is the image? (website address, app, device, account — do not visit it again)',
      },
      { id: 'deviceHolder', type: 'text', required: true, label: 'Who has the device now?' },
      {
        id: 'deviceSecured',
        type: 'choice',
        required: true,
        options: [
          { value: 'secured-not-examined' },
          { value: 'not-secured' },
          { value: 'not-applicable' },
        ],
      },
      {
        id: 'whoHasSeen',
        type: 'longtext',
        required: true,
        label: 'Who else has seen it or been sent it?',
      },
    ]);
  });

  it('asks for the place of the image instead of a link to visit', () => {
    expect(fieldOf(form() as FormDefinition, 'linkOrHandle')).toBeUndefined();
  });

  it('tells the reporter not to touch the image or the device, and to tell the DSL in person now', () => {
    const guidance = form()?.guidance;
    expect(guidance?.avoid).toContain(
      'Do not view, copy, screenshot, print, share or forward the image.',
    );
    expect(guidance?.avoid).toContain(
      'Do not delete the image, and do not ask anyone else to delete it.',
    );
    expect(guidance?.now).toContain(
      'Tell the DSL in person now. If they are not in, tell a deputy DSL or the headteacher.',
    );
    expect(guidance?.now).toContain(
      'Leave any phone, tablet or computer where it is, and switched on or off just as it is.',
    );
    expect(guidance?.now).toContain(
      'If an adult is involved, the DSL contacts the police and the LADO. Leave that to them.',
    );
  });
});

describe('parseFormDefinition', () => {
  it('fills in the default limits of text and attachment fields', () => {
    const form = parseFormDefinition(
      formJson({
        fields: [
          { id: 'short', type: 'text', label: 'Short', required: true },
          { id: 'long', type: 'longtext', label: 'Long', required: true },
          { id: 'files', type: 'attachments', label: 'Files', required: false },
        ],
      }),
      'forms/test-form.v1.json',
    );
    expect(form.fields).toMatchObject([
      { maxLength: 500 },
      { maxLength: 20_000 },
      { maxFiles: 5, maxBytesEach: 10 * 1024 * 1024 },
    ]);
  });

  it('refuses a duplicate field id, naming it', () => {
    const json = formJson({
      fields: [
        { id: 'notes', type: 'text', label: 'Notes', required: true },
        { id: 'notes', type: 'yesno', label: 'More notes', required: false },
      ],
    });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json'))).toEqual({
      code: 'bad-form',
      message: 'forms/x.v1.json: fields.1.id: duplicate field id "notes"',
    });
  });

  it('refuses an unknown field type', () => {
    const json = formJson({
      fields: [
        { id: 'notes', type: 'text', label: 'Notes', required: true },
        { id: 'age', type: 'number', label: 'Age', required: true },
      ],
    });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: fields.1.type: unknown field type; expected one of text, longtext, date, ' +
        'datetime, choice, multichoice, yesno, people, attachments',
    );
  });

  it('refuses an unknown property on a field, so a typo fails loudly', () => {
    const json = formJson({
      fields: [{ id: 'notes', type: 'text', lable: 'Notes', label: 'Notes', required: true }],
    });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: fields.0.lable: unknown property',
    );
  });

  it('refuses an unknown property on the form itself', () => {
    const json = formJson({ colour: 'blue' });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: colour: unknown property',
    );
  });

  it('refuses guidance without a line of what to do now', () => {
    const json = formJson({ guidance: { now: [], avoid: ['Do not investigate.'] } });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: guidance.now: needs at least one line',
    );
  });

  it('refuses guidance without a line of what not to do', () => {
    const json = formJson({ guidance: { now: ['Tell the DSL today.'], avoid: [] } });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: guidance.avoid: needs at least one line',
    );
  });

  it('refuses a choice field without options', () => {
    const json = formJson({
      fields: [{ id: 'platform', type: 'choice', label: 'Platform', required: true }],
    });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: fields.0.options: a choice needs options',
    );
  });

  it('refuses a choice field with an empty list of options', () => {
    const json = formJson({
      fields: [{ id: 'platform', type: 'choice', label: 'Platform', required: true, options: [] }],
    });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: fields.0.options: a choice needs at least one option',
    );
  });

  it('refuses a choice field whose option values repeat', () => {
    const repeated = [...options, { value: 'red', label: 'Scarlet' }];
    const json = formJson({
      fields: [
        { id: 'colour', type: 'choice', label: 'Colour', required: true, options: repeated },
      ],
    });
    expect(thrown(() => parseFormDefinition(json, 'forms/x.v1.json')).message).toBe(
      'forms/x.v1.json: fields.0.options.2.value: duplicate option value "red"',
    );
  });
});

describe('FormRegistry', () => {
  const version = (id: string, v: number, title: string) =>
    parseFormDefinition(formJson({ id, version: v, title }), `forms/${id}.v${v}.json`);

  it('refuses the same form id and version twice', () => {
    const error = thrown(() =>
      FormRegistry.fromDefinitions([version('a', 1, 'A'), version('a', 1, 'A again')]),
    );
    expect(error).toEqual({
      code: 'bad-form',
      message: 'Form a version 1 is defined more than once.',
    });
  });

  it('finds an exact version and the latest version of a form', () => {
    const registry = FormRegistry.fromDefinitions([version('a', 2, 'A2'), version('a', 1, 'A1')]);
    expect(registry.get('a', 1)?.title).toBe('A1');
    expect(registry.latest('a')?.version).toBe(2);
    expect(registry.get('a', 3)).toBeUndefined();
    expect(registry.latest('b')).toBeUndefined();
  });

  it('lists the latest version of each form, sorted by title', () => {
    const registry = FormRegistry.fromDefinitions([
      version('zeta', 1, 'Zeta old'),
      version('zeta', 2, 'Alpha now'),
      version('beta', 1, 'Beta'),
    ]);
    const listed = {
      summary: 'A form for tests.',
      searchWords: [],
      kind: 'concern',
      defaultUrgency: 'normal',
    };
    expect(registry.list()).toEqual([
      { id: 'zeta', version: 2, title: 'Alpha now', ...listed },
      { id: 'beta', version: 1, title: 'Beta', ...listed },
    ]);
  });
});

describe('search words', () => {
  it('are listed with each form, so the home screen can search them', () => {
    const registry = FormRegistry.fromDefinitions([
      parseFormDefinition(formJson({ searchWords: ['nudes', 'Snapchat'] }), 'x.v1.json'),
    ]);
    expect(registry.list()[0]?.searchWords).toEqual(['nudes', 'Snapchat']);
  });

  it('refuses an empty search word, or one on two lines', () => {
    expect(
      thrown(() => parseFormDefinition(formJson({ searchWords: ['photo', ''] }), 'x.v1.json')),
    ).toEqual({
      code: 'bad-form',
      message: 'x.v1.json: searchWords.1: a search word must not be empty',
    });
    expect(
      thrown(() => parseFormDefinition(formJson({ searchWords: ['a\nb'] }), 'x.v1.json')).message,
    ).toBe('x.v1.json: searchWords.0: a search word must fit on one line');
  });
});

describe('validateAnswers', () => {
  it('accepts a complete set of answers and trims text', () => {
    const parsed = validateAnswers(everyTypeForm(), validAnswers({ summary: '  Messages  ' }));
    expect(parsed).toEqual(validAnswers({ summary: 'Messages' }));
  });

  it('accepts answers with optional fields absent', () => {
    const required = without(validAnswers(), 'colours', 'files');
    expect(validateAnswers(everyTypeForm(), required)).toEqual(required);
  });

  it('accepts a realistic concern on the built-in private-contact form', () => {
    const form = FormRegistry.builtIn().latest('private-online-contact-with-pupil');
    expect(form).toBeDefined();
    const answers = {
      whatHappened: 'A pupil showed me direct messages from a teacher on Snapchat.',
      whenNoticed: '2026-03-02T08:15:00+00:00',
      platform: 'snapchat',
      peopleInvolved: [
        { name: 'Sam Jones', role: 'pupil' },
        { name: 'Alex Smith', role: 'staff' },
      ],
      immediateRisk: false,
    };
    expect(validateAnswers(form as FormDefinition, answers)).toEqual(answers);
  });

  it('refuses answers that are not an object', () => {
    expect(answerError(['not', 'an', 'object'])).toBe(
      'The answers must be an object keyed by field id.',
    );
  });

  it('refuses a missing required answer, naming the field', () => {
    expect(answerError(without(validAnswers(), 'facts'))).toBe('"Facts" (facts): required');
  });

  it('refuses an answer to a field the form does not have, naming it', () => {
    expect(answerError(validAnswers({ extraNotes: 'x' }))).toBe('unknown fields: extraNotes');
  });

  it('refuses a date that is not on the calendar', () => {
    expect(answerError(validAnswers({ happenedOn: '2026-02-30' }))).toBe(
      '"Happened on" (happenedOn): must be a real date written YYYY-MM-DD',
    );
  });

  it('refuses a date and time without a time zone', () => {
    expect(answerError(validAnswers({ noticedAt: '2026-03-02T08:15:00' }))).toBe(
      '"Noticed at" (noticedAt): must be a real date and time with its time zone, ' +
        'e.g. 2026-03-01T14:30:00Z',
    );
  });

  it('accepts a date and time with an offset and minute precision', () => {
    const answers = validAnswers({ noticedAt: '2026-03-02T08:15+01:00' });
    expect(validateAnswers(everyTypeForm(), answers)).toEqual(answers);
  });

  it('refuses a choice that is not one of the options', () => {
    expect(answerError(validAnswers({ colour: 'green' }))).toBe(
      '"Colour" (colour): must be one of the options',
    );
  });

  it('refuses a multiple choice that picks the same option twice', () => {
    expect(answerError(validAnswers({ colours: ['red', 'red'] }))).toBe(
      '"Colours" (colours): must not choose the same option twice',
    );
  });

  it('refuses a person whose role is not one of the roles', () => {
    const people = [
      { name: 'Sam Jones', role: 'pupil' },
      { name: 'Alex Smith', role: 'teacher' },
    ];
    expect(answerError(validAnswers({ people }))).toBe(
      '"People" (people): person 2, role: must be one of pupil, staff, parent, volunteer, other',
    );
  });

  it('refuses more attachments than the field allows', () => {
    const files = [attachment(), attachment(), attachment()];
    expect(answerError(validAnswers({ files }))).toBe('"Files" (files): must be at most 2 files');
  });

  it('refuses an attachment larger than the field allows for each file', () => {
    const files = [attachment({ size: 10 * 1024 * 1024 + 1 })];
    expect(answerError(validAnswers({ files }))).toBe(
      '"Files" (files): file 1, size: must be at most 10 MiB',
    );
  });

  it('refuses required text that is only whitespace', () => {
    expect(answerError(validAnswers({ facts: ' \n\t ' }))).toBe('"Facts" (facts): required');
  });

  it('refuses text longer than the field allows', () => {
    expect(answerError(validAnswers({ summary: 'x'.repeat(21) }))).toBe(
      '"Summary" (summary): must be at most 20 characters',
    );
  });

  it('refuses a yes or no answer that is not a boolean', () => {
    expect(answerError(validAnswers({ atRisk: 'yes' }))).toBe(
      '"At risk" (atRisk): must be yes or no',
    );
  });

  it('lists at most five problems and counts the rest', () => {
    expect(answerError({})).toBe(
      '"Summary" (summary): required; "Facts" (facts): required; ' +
        '"Happened on" (happenedOn): required; "Noticed at" (noticedAt): required; ' +
        '"Colour" (colour): required; and 2 more',
    );
  });

  it('never puts a submitted value in the error message', () => {
    const badAnswers = [
      { summary: SECRET.repeat(2) },
      { happenedOn: SECRET },
      { noticedAt: SECRET },
      { colour: SECRET },
      { colours: [SECRET] },
      { atRisk: SECRET },
      { people: [{ name: 'Sam', role: SECRET }] },
      { people: [{ name: 'Sam', role: 'pupil', [SECRET]: SECRET }] },
      { people: [{ name: SECRET.repeat(20), role: 'pupil' }] },
      { files: [attachment({ mediaType: SECRET, sha256: SECRET })] },
    ];
    for (const overrides of badAnswers) {
      const message = answerError(validAnswers(overrides));
      expect(message).not.toContain('SECRET');
    }
  });
});
