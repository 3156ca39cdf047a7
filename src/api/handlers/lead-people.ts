/** Search, people and their chronologies, and "Check the record". */
import type { HandlersOf } from '../contract';
import { verifyRecord } from '../../casework';
import type { FormRegistry } from '../../forms';
import type { LeadSession } from '../../session/lead-session';
import { caseFilters, inboxRow } from './lead-cases';

/** Search, people, chronology, merges and verification over the unlocked workspace. */
export function leadPeopleHandlers(deps: {
  lead: LeadSession;
  forms: FormRegistry;
}): HandlersOf<
  | 'lead.search'
  | 'lead.people'
  | 'lead.chronology'
  | 'lead.mergePeople'
  | 'lead.unmergePeople'
  | 'lead.verify'
> {
  const { lead, forms } = deps;
  return {
    'lead.search': ({ query, filters }) => {
      const workspace = lead.require();
      return Promise.resolve(
        workspace.casework
          .search(query, caseFilters(filters, workspace))
          .map((r) => inboxRow(r, forms, workspace)),
      );
    },
    'lead.people': ({ name }) => Promise.resolve(lead.require().casework.findPeople(name)),
    'lead.chronology': ({ personId }) => {
      const workspace = lead.require();
      const c = workspace.casework.chronology(personId);
      const nameOf = (id: string) =>
        workspace.roster.get(id)?.name ?? 'a lead no longer on the profile';
      return Promise.resolve({
        person: c.person,
        mergedWith: c.mergedWith,
        merges: c.merges,
        lowLevelLast12Months: c.lowLevelLast12Months,
        cases: c.cases.map((r) => inboxRow(r, forms, workspace)),
        entries: c.entries.map((e) => ({
          at: e.at,
          reference: e.reference,
          event:
            e.event === null
              ? null
              : {
                  eventId: e.event.eventId,
                  type: e.event.type,
                  at: e.event.at,
                  author: e.event.author,
                  authorName: nameOf(e.event.author),
                  payload: { ...e.event.payload },
                },
        })),
      });
    },
    'lead.mergePeople': ({ from, into }) =>
      Promise.resolve({ mergeId: lead.require().casework.mergePeople(from, into).event.eventId }),
    'lead.unmergePeople': ({ mergeId, reason }) =>
      Promise.resolve({
        unmergeId: lead.require().casework.unmergePeople(mergeId, reason).event.eventId,
      }),
    'lead.verify': () => {
      const workspace = lead.require();
      const report = verifyRecord(workspace.store, workspace.verifyKeys);
      if (report.ok) workspace.casework.audit('audit-verified', { entries: report.entries });
      return Promise.resolve(report);
    },
  };
}
