/**
 * The form's guidance: "Do now" and "Do not", beside the form (or "Do not" first, for images), and
 * the school's contacts (the LADO, police, CEOP, IWF, NSPCC lines) with when they were checked.
 */
import { formatDayMonthYear } from '../format';
import type { FormDefinition } from './definition';
import type { StaffContacts } from './loadReport';

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ul className="guidance__list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The side panel. `withoutAvoid` when the "Do not" list is already shown at the top. */
export function Guidance({
  form,
  withoutAvoid,
  contacts,
}: {
  form: FormDefinition;
  withoutAvoid: boolean;
  contacts: StaffContacts | null;
}) {
  const { now, avoid } = form.guidance;
  return (
    <aside className="guidance" aria-labelledby="guidance-title">
      <h2 id="guidance-title" className="guidance__title">
        What to do
      </h2>
      {now.length > 0 && (
        <section className="guidance__section guidance__section--now" aria-labelledby="do-now">
          <h3 id="do-now">Do now</h3>
          <Lines lines={now} />
        </section>
      )}
      {!withoutAvoid && avoid.length > 0 && (
        <section className="guidance__section guidance__section--avoid" aria-labelledby="do-not">
          <h3 id="do-not">Do not</h3>
          <Lines lines={avoid} />
        </section>
      )}
      {contacts !== null && contacts.contacts.length > 0 && <Contacts contacts={contacts} />}
    </aside>
  );
}

/** "Do not" at the top of the indecent-images form: never view, copy, share or screenshot. */
export function DoNotFirst({ lines }: { lines: readonly string[] }) {
  return (
    <section className="do-not-first" aria-labelledby="do-not-first-title">
      <h2 id="do-not-first-title">Do not</h2>
      <Lines lines={lines} />
    </section>
  );
}

/** Who to call: each contact with what is recorded for it, the label first. */
function Contacts({ contacts }: { contacts: StaffContacts }) {
  return (
    <section
      className="guidance__section guidance__section--contacts"
      aria-labelledby="guidance-contacts"
    >
      <h3 id="guidance-contacts">Who to call</h3>
      <ul className="guidance__list guidance__contacts">
        {contacts.contacts.map((c) => {
          // "Police: emergency" needs no "Police" after it; a LADO's own name does.
          const name = c.name !== '' && !c.label.includes(c.name) ? c.name : '';
          return (
            <li key={c.key}>
              <strong>{c.label}</strong>
              {[name, c.phone, c.web]
                .filter((part) => part !== '')
                .map((part) => (
                  <span key={part} className="guidance__contact-part">
                    {part}
                  </span>
                ))}
            </li>
          );
        })}
      </ul>
      {contacts.lastChecked !== null && (
        <p className="guidance__checked">
          Checked by the DSL on {formatDayMonthYear(contacts.lastChecked)}.
        </p>
      )}
    </section>
  );
}
