/** The School screen's data as the contract gives it (types only). */
import type { OperationInput, OperationOutput } from '../../../../src/api/contract';

export type SchoolView = OperationOutput<'school.show'>;
export type SchoolRecipient = SchoolView['recipients'][number];
export type SchoolContacts = SchoolView['contacts'];
export type ContactKey = Exclude<keyof SchoolContacts, 'lastChecked'>;
export type AddableRole = OperationInput<'school.addRecipient'>['role'];
export type AddedRecipient = OperationOutput<'school.addRecipient'>;
export type NewIdentity = NonNullable<AddedRecipient['identityFile']>;

/** What the screen says after a change, for the status region and the notice beside the list. */
export type Said = (words: string) => void;
