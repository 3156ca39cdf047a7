/**
 * Who a case's leads are: the leads its concern was sealed to (the signed document's `sealedTo`),
 * and any lead a lead of the case shared it with later (`case-shared` events), because they joined
 * the school after it was filed. Only they may record on the case, and its events are sealed to
 * those of them still on the school profile.
 */
import type { CaseStore } from './store';

/** The recipient ids a case's concern was sealed to (from the signed document). */
export function sealedToOf(store: CaseStore, caseId: string): string[] {
  const signed = store.cases.signedDocument(caseId);
  if (signed === null) return [];
  const document = JSON.parse(signed) as { sealedTo?: Array<{ id?: unknown }> };
  return (document.sealedTo ?? []).flatMap((r) => (typeof r.id === 'string' ? [r.id] : []));
}

/** The recipient ids of a case's leads: sealed to at filing, or shared with since. */
export function caseLeadIds(store: CaseStore, caseId: string): string[] {
  return [...new Set([...sealedToOf(store, caseId), ...store.events.sharedWith(caseId)])];
}
