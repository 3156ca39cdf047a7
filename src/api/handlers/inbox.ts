/** The lead's inbox: the cases in the store, urgent first, then newest. */
import type { HandlersOf } from '../contract';
import type { FormRegistry } from '../../forms';
import type { LeadSession } from '../../session/lead-session';

/** `lead.inbox` over the unlocked case store. */
export function inboxHandlers(deps: {
  lead: LeadSession;
  forms: FormRegistry;
}): HandlersOf<'lead.inbox'> {
  const { lead, forms } = deps;
  return {
    'lead.inbox': () => {
      const { store } = lead.require();
      const rows = store.cases.list().map((c) => ({
        reference: c.reference,
        kind: c.kind,
        formId: c.formId,
        formTitle: forms.get(c.formId, c.formVersion)?.title ?? c.formId,
        urgency: c.urgency,
        filedAt: c.filedAt,
        importedAt: c.importedAt,
      }));
      rows.sort(
        (a, b) =>
          Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') ||
          b.filedAt.localeCompare(a.filedAt),
      );
      return Promise.resolve(rows);
    },
  };
}
