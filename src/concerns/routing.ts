/**
 * Who a concern is sealed to. Default: all leads (DSL and deputies). The reporter never chooses
 * recipients; later rules (a concern about a lead or the head) narrow this set.
 */
import { SafeguardError } from '../errors';
import type { Recipient, SchoolProfile } from '../school';

/** The recipients a new concern is sealed to under the profile's routing. */
export function routeConcern(profile: SchoolProfile): Recipient[] {
  const leads = profile.recipients.filter((r) => r.role === 'dsl' || r.role === 'deputy');
  if (leads.length === 0) {
    throw new SafeguardError(
      'no-recipients',
      'The school profile names no safeguarding lead to send concerns to.',
    );
  }
  return leads;
}
