/**
 * The school's contacts (LADO, social care front door, police, CEOP, IWF, NSPCC lines) and the day
 * they were last checked: a form for the DSL, a table for everyone else. Staff see them beside
 * every concern form. The core checks every change again (lengths, one line each, a real date).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDayMonthYear } from '../../format';
import { load } from '../../loadable';
import { CaseForm } from '../case/CaseForm';
import { FormTextInput } from '../form-fields';
import type { SchoolContacts, SchoolView } from './types';
import { contactRows } from './words';

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} must be at most ${max} characters.`);
const contact = z.object({
  name: text(200, 'The name'),
  phone: text(50, 'The telephone number'),
  web: text(500, 'The web address'),
});
const contactsForm = z.object({
  lastChecked: z.string(),
  lado: contact,
  socialCareFrontDoor: contact,
  policeEmergency: contact,
  policeNonEmergency: contact,
  ceop: contact,
  iwf: contact,
  nspccHelpline: contact,
  nspccWhistleblowing: contact,
});
type ContactsValues = z.input<typeof contactsForm>;

const toValues = (contacts: SchoolContacts): ContactsValues => ({
  ...contacts,
  lastChecked: contacts.lastChecked ?? '',
});

interface ContactsSectionProps {
  view: SchoolView;
  changed: (view: SchoolView, words: string) => void;
}

export function ContactsSection({ view, changed }: ContactsSectionProps) {
  const checked = view.contacts.lastChecked;
  return (
    <section className="school__section" aria-labelledby="contacts-title">
      <h2 id="contacts-title">Contacts</h2>
      <p>
        Staff see these beside every concern form.{' '}
        {view.contactsAreDefaults
          ? 'These are the national numbers: the local ones (the LADO, the social care front door) are not recorded yet.'
          : checked === null
            ? 'They have not been checked yet.'
            : `Last checked on ${formatDayMonthYear(checked)}.`}
      </p>
      {view.canChange ? (
        <ContactsForm contacts={view.contacts} changed={changed} />
      ) : (
        <ContactsTable contacts={view.contacts} />
      )}
    </section>
  );
}

function ContactsTable({ contacts }: { contacts: SchoolContacts }) {
  return (
    <div className="table-wrap">
      <table className="case-table school__contacts">
        <thead>
          <tr>
            <th scope="col">Contact</th>
            <th scope="col">Name</th>
            <th scope="col">Telephone</th>
            <th scope="col">Web address</th>
          </tr>
        </thead>
        <tbody>
          {contactRows.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{contacts[key].name || '—'}</td>
              <td>{contacts[key].phone || '—'}</td>
              <td className="school__web">{contacts[key].web || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContactsForm({
  contacts,
  changed,
}: {
  contacts: SchoolContacts;
  changed: (view: SchoolView, words: string) => void;
}) {
  const form = useForm<ContactsValues, unknown, z.output<typeof contactsForm>>({
    resolver: zodResolver(contactsForm),
    defaultValues: toValues(contacts),
    shouldFocusError: false,
  });
  return (
    <CaseForm
      id="contacts-form"
      title="Change the contacts"
      submitLabel="Save contacts"
      form={form}
      focusOnShow={false}
      onSaved={() => undefined}
      submit={async (values) => {
        const result = await load((api) =>
          api['school.setContacts']({
            ...values,
            lastChecked: values.lastChecked === '' ? null : values.lastChecked,
          }),
        );
        if (result.state === 'failed') return result.failure;
        if (result.state === 'ready') {
          form.reset(toValues(result.value.contacts));
          changed(result.value, 'Contacts saved. Every computer shows them from its next look.');
        }
        return null;
      }}
    >
      <FormTextInput
        control={form.control}
        name="lastChecked"
        id="contacts-last-checked"
        label="Last checked"
        type="date"
        help="The day you last checked that these names and numbers are right."
      />
      {contactRows.map(({ key, label }) => (
        <fieldset className="school__contact" key={key}>
          <legend>{label}</legend>
          <div className="case-form__row">
            <FormTextInput
              control={form.control}
              name={`${key}.name`}
              id={`contact-${key}-name`}
              label="Name"
            />
            <FormTextInput
              control={form.control}
              name={`${key}.phone`}
              id={`contact-${key}-phone`}
              label="Telephone"
            />
            <FormTextInput
              control={form.control}
              name={`${key}.web`}
              id={`contact-${key}-web`}
              label="Web address"
            />
          </div>
        </fieldset>
      ))}
    </CaseForm>
  );
}
