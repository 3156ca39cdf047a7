/** The forms this installation has: the home screen's list, and one form to fill in. */
import type { HandlersOf } from '../contract';
import { SafeguardError } from '../../errors';
import type { FormDefinition, FormRegistry } from '../../forms';

/** The latest version of a form, or a clear error. */
export function requireForm(forms: FormRegistry, id: string): FormDefinition {
  const form = forms.latest(id);
  if (!form) throw new SafeguardError('unknown-form', `There is no form called "${id}".`);
  return form;
}

/** `forms.list` and `forms.get` over the registry. */
export function formsHandlers(deps: {
  forms: FormRegistry;
}): HandlersOf<'forms.list' | 'forms.get'> {
  const { forms } = deps;
  return {
    'forms.list': () =>
      Promise.resolve(
        forms.list().map((f) => ({
          id: f.id,
          version: f.version,
          title: f.title,
          summary: f.summary,
          searchWords: f.searchWords,
          kind: f.kind,
          defaultUrgency: requireForm(forms, f.id).defaultUrgency,
        })),
      ),
    'forms.get': ({ id }) => Promise.resolve(requireForm(forms, id)),
  };
}
