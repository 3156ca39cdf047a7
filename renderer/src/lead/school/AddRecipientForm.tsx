/**
 * Adding someone (the DSL only): a deputy, the headteacher, the chair of governors or an office
 * user, either with a new identity file and one-time passphrase to hand over in person, or by an
 * age key they already have. The new file and passphrase are shown once, then forgotten.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { load } from '../../loadable';
import { CaseForm } from '../case/CaseForm';
import { FormRadios, FormTextInput } from '../form-fields';
import { NewIdentityPanel } from './NewIdentityPanel';
import type { AddableRole, NewIdentity, SchoolView } from './types';
import { addableRoleChoices } from './words';

const addSchema = z
  .object({
    role: z.enum(['deputy', 'headteacher', 'chair', 'office'] satisfies AddableRole[], {
      error: 'Choose their role.',
    }),
    name: z
      .string()
      .trim()
      .min(1, 'Enter their full name.')
      .max(200, 'The name must be at most 200 characters.'),
    how: z.enum(['new', 'existing']),
    ageRecipient: z.string().trim(),
  })
  .refine(({ how, ageRecipient }) => how === 'new' || /^age1[0-9a-z]{20,}$/.test(ageRecipient), {
    path: ['ageRecipient'],
    message: 'Enter their age recipient: it starts with age1.',
  });

type AddValues = z.input<typeof addSchema>;

const blank: AddValues = { role: '' as AddableRole, name: '', how: 'new', ageRecipient: '' };

interface Handed {
  name: string;
  identity: NewIdentity;
}

export function AddRecipientForm({
  changed,
}: {
  changed: (view: SchoolView, words: string) => void;
}) {
  const form = useForm<AddValues, unknown, z.output<typeof addSchema>>({
    resolver: zodResolver(addSchema),
    defaultValues: blank,
    shouldFocusError: false,
  });
  const how = useWatch({ control: form.control, name: 'how' });
  const [handed, setHanded] = useState<Handed | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  return (
    <section className="school__section" aria-labelledby="add-recipient-section">
      <h2 id="add-recipient-section">Add someone</h2>
      {added !== null && handed === null && (
        <div className="notice notice--info">
          <p>{added}</p>
        </div>
      )}
      {handed !== null && (
        <NewIdentityPanel
          name={handed.name}
          message={added ?? ''}
          identity={handed.identity}
          onDone={() => setHanded(null)}
        />
      )}
      <CaseForm
        id="add-recipient"
        title="Add a deputy, the headteacher, the chair of governors or an office user"
        submitLabel="Add to the school"
        form={form}
        focusOnShow={false}
        submit={async (values) => {
          const result = await load((api) =>
            api['school.addRecipient']({
              role: values.role,
              name: values.name,
              ...(values.how === 'existing' ? { ageRecipient: values.ageRecipient } : {}),
            }),
          );
          if (result.state === 'failed') return result.failure;
          if (result.state === 'ready') {
            const { identityFile, message, school, recipient } = result.value;
            setHanded(
              identityFile === null ? null : { name: recipient.name, identity: identityFile },
            );
            setAdded(message);
            changed(school, message);
          }
          return null;
        }}
      >
        <FormRadios
          control={form.control}
          name="role"
          id="add-role"
          label="Their role"
          options={addableRoleChoices}
          required
        />
        <FormTextInput
          control={form.control}
          name="name"
          id="add-name"
          label="Their full name"
          required
        />
        <FormRadios
          control={form.control}
          name="how"
          id="add-how"
          label="Their key"
          options={[
            {
              value: 'new',
              label: 'Make a new identity file for them',
              hint: 'You save the file and give it, with a one-time passphrase, to them in person. They join from their own computer and choose their own passphrase.',
            },
            {
              value: 'existing',
              label: 'They already have an age key',
              hint: 'For an office user who made their own (safeguard-desk office init prints it) or a trust colleague who keeps their own key.',
            },
          ]}
        />
        {how === 'existing' && (
          <FormTextInput
            control={form.control}
            name="ageRecipient"
            id="add-age-recipient"
            label="Their age recipient"
            help="It starts with age1. Ask them for it; never for their secret key."
            required
          />
        )}
      </CaseForm>
    </section>
  );
}
