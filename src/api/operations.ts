/**
 * The operation names alone, for the preload script: it must stay tiny and import no schemas.
 * A test checks this list equals the contract's keys.
 */
export const operationNames = [
  'app.status',
  'app.lock',
  'forms.list',
  'forms.get',
  'school.subjects',
  'school.poster',
  'concerns.submit',
  'receipts.list',
  'receipts.status',
  'outbox.deliver',
  'drafts.list',
  'drafts.get',
  'drafts.save',
  'drafts.protect',
  'drafts.delete',
  'lead.status',
  'lead.unlock',
  'lead.lock',
  'lead.changePassphrase',
  'lead.recover',
  'lead.inbox',
  'lead.import',
  'lead.quarantine',
  'lead.recipients',
  'lead.calendar',
  'lead.setCalendar',
  'lead.case',
  'lead.attachment',
  'lead.triage',
  'lead.action',
  'lead.completeAction',
  'lead.note',
  'lead.decide',
  'lead.close',
  'lead.reopen',
  'lead.search',
  'lead.people',
  'lead.chronology',
  'lead.mergePeople',
  'lead.unmergePeople',
  'lead.verify',
  'setup.options',
  'setup.passphraseStrength',
  'setup.pickFolder',
  'setup.createSchool',
  'setup.previewShare',
  'setup.connect',
  'setup.joinAsLead',
] as const;

/** The IPC channel that carries one operation. */
export function channelFor(operation: string): string {
  return `safeguard:${operation}`;
}
