/** Drafts: saved as the reporter types, sealed with a key held only while the app is unlocked. */
import type { HandlersOf } from '../contract';
import type { FormRegistry } from '../../forms';
import {
  deleteDraft,
  getDraft,
  listDrafts,
  protectDraft,
  saveDraft,
  type DraftKeyRing,
  type StaffStore,
} from '../../staff';
import { requireForm } from './forms';

/** The drafts operations over the staff store and this session's draft keys. */
export function draftsHandlers(deps: {
  store: StaffStore;
  forms: FormRegistry;
  draftKeys: DraftKeyRing;
}): HandlersOf<'drafts.list' | 'drafts.get' | 'drafts.save' | 'drafts.protect' | 'drafts.delete'> {
  const { forms } = deps;
  const drafts = { store: deps.store, keys: deps.draftKeys };
  const titleOf = (formId: string) => forms.latest(formId)?.title ?? formId;
  return {
    'drafts.list': () =>
      Promise.resolve(
        listDrafts(drafts, new Date()).map((d) => ({ ...d, formTitle: titleOf(d.formId) })),
      ),
    'drafts.get': ({ draftId, pin }) => getDraft(drafts, draftId, pin, new Date()),
    'drafts.save': (input) => {
      requireForm(forms, input.formId);
      return Promise.resolve(saveDraft(drafts, input, new Date()));
    },
    'drafts.protect': async ({ draftId, pin }) => {
      await protectDraft(drafts, draftId, pin);
      return { protected: true as const };
    },
    'drafts.delete': ({ draftId }) => Promise.resolve({ deleted: deleteDraft(drafts, draftId) }),
  };
}
