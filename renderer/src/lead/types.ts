/** The lead's data as the contract gives it (types only: the renderer imports no core code). */
import type { OperationInput, OperationOutput } from '../../../src/api/contract';

export type LeadStatus = OperationOutput<'lead.status'>;
export type Inbox = OperationOutput<'lead.inbox'>;
export type InboxRow = Inbox['rows'][number];
export type CaseFilters = NonNullable<OperationInput<'lead.inbox'>['filters']>;
export type CaseView = OperationOutput<'lead.case'>;
export type CaseEvent = CaseView['timeline'][number];
export type CaseAnswer = CaseView['answers'][number];
export type CaseAttachment = CaseView['attachments'][number];
export type Recipient = OperationOutput<'lead.recipients'>[number];
export type Quarantined = OperationOutput<'lead.quarantine'>[number];
export type Chronology = OperationOutput<'lead.chronology'>;
export type Person = OperationOutput<'lead.people'>[number];
export type AuditReport = OperationOutput<'lead.verify'>;
export type SchoolCalendar = OperationOutput<'lead.calendar'>;
export type TermDates = SchoolCalendar['terms'][number];

export type Pathway = OperationInput<'lead.triage'>['pathway'];
export type Priority = OperationInput<'lead.triage'>['priority'];
export type HarmThreshold = NonNullable<OperationInput<'lead.triage'>['harmThreshold']>;
export type ActionType = OperationInput<'lead.action'>['type'];
export type Consent = NonNullable<OperationInput<'lead.action'>['share']>['consent'];
export type Outcome = OperationInput<'lead.close'>['outcome'];
export type CaseStatus = InboxRow['status'];

/** Where the lead is in the safeguarding area. */
export type LeadScreen =
  | { name: 'inbox' }
  | { name: 'case'; reference: string }
  | { name: 'person'; personId: string }
  | { name: 'search' }
  | { name: 'verify' }
  | { name: 'calendar' }
  | { name: 'school' }
  | { name: 'passphrase' };

/** How a screen asks to go elsewhere in the area. */
export interface LeadNavigation {
  openCase: (reference: string) => void;
  openPerson: (personId: string) => void;
}
