import { describe, expect, it } from 'vitest';
import {
  FormRegistry,
  parseFormDefinition,
  validateAnswers,
  type FormDefinition,
} from '../../../src/forms';
import { allShippedForms, fieldOf, readForm, sampleAnswer } from './support';

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
