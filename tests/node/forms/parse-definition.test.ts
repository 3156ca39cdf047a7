import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../../../src/forms';
import { formJson, options, thrown } from './support';

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
