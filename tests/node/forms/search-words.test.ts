import { describe, expect, it } from 'vitest';
import { FormRegistry, parseFormDefinition } from '../../../src/forms';
import { formJson, thrown } from './support';

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
