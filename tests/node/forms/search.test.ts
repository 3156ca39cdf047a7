/**
 * "Search concern types" on the home screen: the words a teacher in a hurry types find the concern
 * types a DSL would expect. Uses the renderer's own matcher (a pure module) and the shipped forms.
 */
import { describe, expect, it } from 'vitest';
import { matchesSearch, queryWords } from '../../../renderer/src/home/search';
import { FormRegistry } from '../../../src/forms';

const concernTypes = () =>
  FormRegistry.builtIn()
    .list()
    .filter((form) => form.kind === 'concern');

/** The ids of the concern types a search finds. */
const found = (query: string) =>
  concernTypes()
    .filter((form) => matchesSearch(form, query))
    .map((form) => form.id);

/** Each word of issue 6, with the concern types it must find (it may find others too). */
const expected: Record<string, string[]> = {
  photo: ['indecent-images-or-illegal-activity', 'inappropriate-images-of-staff'],
  nude: ['indecent-images-or-illegal-activity'],
  sexting: ['indecent-images-or-illegal-activity'],
  grooming: ['private-online-contact-with-pupil', 'indecent-images-or-illegal-activity'],
  snapchat: ['private-online-contact-with-pupil', 'indecent-images-or-illegal-activity'],
  instagram: ['private-online-contact-with-pupil', 'inappropriate-images-of-staff'],
  abuse: ['indecent-images-or-illegal-activity', 'other-online-concern'],
  teacher: ['private-online-contact-with-pupil', 'derogatory-language'],
};

describe('searching concern types', () => {
  for (const [word, ids] of Object.entries(expected)) {
    it(`"${word}" finds ${ids.join(' and ')}`, () => {
      expect(found(word)).toEqual(expect.arrayContaining(ids));
    });
  }

  it('ignores case, and finds a singular from its plural', () => {
    expect(found('SnapChat')).toEqual(found('snapchat'));
    expect(found('Nudes')).toContain('indecent-images-or-illegal-activity');
    expect(found('photos')).toContain('inappropriate-images-of-staff');
  });

  it('finds only the types that have every word typed', () => {
    expect(found('parent friend request')).toEqual(['contact-from-parent-or-carer']);
    expect(found('teacher snapchat')).toContain('private-online-contact-with-pupil');
    expect(found('teacher snapchat')).not.toContain('unauthorised-school-page-or-group');
  });

  it('finds a type by the words of its title and summary as well', () => {
    expect(found('confidentiality')).toEqual(['breach-of-confidentiality']);
    expect(found('friend request')).toContain('private-online-contact-with-pupil');
  });

  it('finds nothing for a word that means nothing, so the screen points to another concern', () => {
    expect(found('qwxzy')).toEqual([]);
  });

  it('finds every type when nothing is typed', () => {
    expect(queryWords('   ')).toEqual([]);
    expect(found('  ')).toHaveLength(concernTypes().length);
  });
});
