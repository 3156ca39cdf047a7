/** The DSL changes the school's contacts: checked, then a signed profile update like any other. */
import type { z } from 'zod';
import { SafeguardError } from '../errors';
import type { PassphraseInput } from '../lead/passphrase';
import type { KeyProvider } from '../storage/key-provider';
import { publishProfileChange, withRootHolder, type RootHolder } from './changes';
import { contactsOf, contactsSchema } from './contacts';
import type { SchoolProfile } from './profile';

/**
 * How much of the contacts `input` holds: all of them (the School screen sends the whole set), or
 * only some (a file for `school set-contacts`), the rest kept as they are.
 */
export type ContactsChange = 'whole' | 'some';

const someContacts = contactsSchema.partial();

/** Re-signs the profile with these contacts (`input` is checked here: it comes from outside). */
export async function setContactsWith(
  holder: RootHolder,
  input: unknown,
  now: Date,
  change: ContactsChange = 'whole',
): Promise<SchoolProfile> {
  const given = parseContacts(input, change);
  return publishProfileChange(
    holder,
    (current) => ({ contacts: contactsSchema.parse({ ...contactsOf(current), ...given }) }),
    now,
  );
}

/** Sets the contacts with the DSL's passphrase (the command line). */
export async function setContacts(input: {
  home: string;
  keyProvider: KeyProvider;
  passphrase: PassphraseInput;
  contacts: unknown;
  change?: ContactsChange;
  now?: Date;
}): Promise<SchoolProfile> {
  const now = input.now ?? new Date();
  const change = input.change ?? 'whole';
  // Checked before the passphrase is tried, so a typo in the file costs no unlock.
  parseContacts(input.contacts, change);
  return withRootHolder(input, (holder) => setContactsWith(holder, input.contacts, now, change));
}

function parseContacts(input: unknown, change: ContactsChange): z.infer<typeof someContacts> {
  const parsed = (change === 'whole' ? contactsSchema : someContacts).safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  throw new SafeguardError(
    'invalid-input',
    `The contacts were not changed: ${where === '' ? '' : `${where}: `}${issue?.message ?? 'they are not valid'}.`,
  );
}
