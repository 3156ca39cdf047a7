import { describe, expect, it } from 'vitest';
import { FormRegistry, parseFormDefinition } from '../../../src/forms';
import { formJson, thrown } from './support';

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
