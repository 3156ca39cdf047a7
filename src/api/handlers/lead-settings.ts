/** The school's calendar as the lead sets it: term dates and closure days. */
import type { HandlersOf } from '../contract';
import type { LeadSession } from '../../session/lead-session';

export function leadSettingsHandlers(deps: {
  lead: LeadSession;
}): HandlersOf<'lead.calendar' | 'lead.setCalendar'> {
  const { lead } = deps;
  return {
    'lead.calendar': () => Promise.resolve(lead.require().calendarSettings()),
    'lead.setCalendar': (input) => Promise.resolve(lead.require().setCalendar(input)),
  };
}
