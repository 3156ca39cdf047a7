/**
 * The school calendar: term dates (which days are school days) and closure days (INSET, snow days:
 * not working days). Each addition or removal sends the whole calendar to the core, which refuses
 * bad settings in words (kept beside what was typed) and, on saving, works out every open case's
 * clocks again.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { BridgeFailure } from '../../bridge';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { formatDayMonthYear } from '../../format';
import { load, type Loadable } from '../../loadable';
import { CaseForm } from '../case/CaseForm';
import { FormTextInput } from '../form-fields';
import type { SchoolCalendar, TermDates } from '../types';

/** Saves a whole calendar; null when saved, else the core's refusal. */
type SaveCalendar = (next: SchoolCalendar, done: string) => Promise<BridgeFailure | null>;

const termWords = (term: TermDates) =>
  `${formatDayMonthYear(term.start)} to ${formatDayMonthYear(term.end)}`;

const byStart = (a: TermDates, b: TermDates) => a.start.localeCompare(b.start);

export function CalendarScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [calendar, setCalendar] = useState<Loadable<SchoolCalendar>>({ state: 'loading' });
  const [said, setSaid] = useState('');

  useEffect(() => {
    let current = true;
    void load((api) => api['lead.calendar']()).then((result) => {
      if (current) setCalendar(result);
    });
    return () => {
      current = false;
    };
  }, []);

  const save = useCallback<SaveCalendar>(async (next, done) => {
    const result = await load((api) => api['lead.setCalendar'](next));
    if (result.state === 'failed') return result.failure;
    setCalendar(result);
    setSaid(`${done} Every open case's clocks have been worked out again.`);
    return null;
  }, []);

  return (
    <div className="calendar narrow">
      <h1 ref={heading} tabIndex={-1}>
        School calendar
      </h1>
      <p className="lead">
        Term dates set which days are school days, such as the 5 school days to pass on a child
        protection file. Closure days, such as INSET and snow days, are not working days: the
        LADO&apos;s one-working-day clock skips them. Each change works out every open case&apos;s
        clocks again.
      </p>
      {calendar.state === 'loading' && (
        <p className="muted" role="status">
          Opening the school calendar&hellip;
        </p>
      )}
      {calendar.state === 'failed' && <FailureNotice failure={calendar.failure} />}
      {calendar.state === 'ready' && <CalendarBody calendar={calendar.value} save={save} />}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}

function CalendarBody({ calendar, save }: { calendar: SchoolCalendar; save: SaveCalendar }) {
  const terms = [...calendar.terms].sort(byStart);
  const closureDays = [...calendar.closureDays].sort();
  return (
    <div className="calendar__lists">
      <CalendarList
        id="terms"
        title="Term dates"
        empty="No term dates yet."
        entries={terms.map((term) => ({
          key: `${term.start}/${term.end}`,
          words: termWords(term),
          removeLabel: `Remove the term ${termWords(term)}`,
          remove: () =>
            save(
              { ...calendar, terms: calendar.terms.filter((t) => t !== term) },
              `Term ${termWords(term)} removed.`,
            ),
        }))}
      >
        <TermForm calendar={calendar} save={save} />
      </CalendarList>
      <CalendarList
        id="closures"
        title="Closure days"
        empty="No closure days yet."
        entries={closureDays.map((day) => ({
          key: day,
          words: formatDayMonthYear(day),
          removeLabel: `Remove the closure day ${formatDayMonthYear(day)}`,
          remove: () =>
            save(
              { ...calendar, closureDays: calendar.closureDays.filter((d) => d !== day) },
              `Closure day ${formatDayMonthYear(day)} removed.`,
            ),
        }))}
      >
        <ClosureForm calendar={calendar} save={save} />
      </CalendarList>
    </div>
  );
}

interface Entry {
  key: string;
  words: string;
  removeLabel: string;
  remove: () => Promise<BridgeFailure | null>;
}

/** One list (terms or closure days), each entry with its Remove button, and its form below. */
function CalendarList({
  id,
  title,
  empty,
  entries,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  entries: Entry[];
  children: ReactNode;
}) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (failure !== null) failureRef.current?.focus();
  }, [failure]);

  const remove = async (entry: Entry) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const refused = await entry.remove();
    setBusy(false);
    if (refused !== null) {
      setFailure(refused);
    } else {
      // The button pressed has gone: focus goes back to the list's heading, not the page's start.
      titleRef.current?.focus();
    }
  };

  return (
    <section className="calendar__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
        {title}
      </h2>
      {failure !== null && (
        <div ref={failureRef} tabIndex={-1} className="case-form__failure">
          <FailureNotice failure={failure} />
        </div>
      )}
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="calendar__list">
          {entries.map((entry) => (
            <li key={entry.key} className="calendar__entry">
              <span>{entry.words}</span>
              <button
                type="button"
                className="button button--secondary button--compact"
                aria-label={entry.removeLabel}
                aria-disabled={busy ? true : undefined}
                onClick={() => void remove(entry)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

const date = (message: string) => z.string().min(1, message);

const termSchema = z
  .object({
    start: date('Enter the first day of the term.'),
    end: date('Enter the last day of the term.'),
  })
  .refine(({ start, end }) => start === '' || end === '' || end >= start, {
    path: ['end'],
    message: 'The last day of the term must be on or after its first day.',
  });

function TermForm({ calendar, save }: { calendar: SchoolCalendar; save: SaveCalendar }) {
  const form = useForm<z.input<typeof termSchema>, unknown, z.output<typeof termSchema>>({
    resolver: zodResolver(termSchema),
    defaultValues: { start: '', end: '' },
    shouldFocusError: false,
  });
  return (
    <CaseForm
      id="add-term"
      title="Add a term"
      submitLabel="Add term"
      form={form}
      focusOnShow={false}
      submit={(term) =>
        save({ ...calendar, terms: [...calendar.terms, term] }, `Term ${termWords(term)} added.`)
      }
    >
      <div className="case-form__row">
        <FormTextInput
          control={form.control}
          name="start"
          id="term-start"
          label="First day of term"
          type="date"
          required
        />
        <FormTextInput
          control={form.control}
          name="end"
          id="term-end"
          label="Last day of term"
          type="date"
          required
        />
      </div>
    </CaseForm>
  );
}

const closureSchema = z.object({ day: date('Enter the day the school is closed.') });

function ClosureForm({ calendar, save }: { calendar: SchoolCalendar; save: SaveCalendar }) {
  const form = useForm<z.input<typeof closureSchema>, unknown, z.output<typeof closureSchema>>({
    resolver: zodResolver(closureSchema),
    defaultValues: { day: '' },
    shouldFocusError: false,
  });
  return (
    <CaseForm
      id="add-closure"
      title="Add a closure day"
      submitLabel="Add closure day"
      form={form}
      focusOnShow={false}
      submit={({ day }) =>
        save(
          { ...calendar, closureDays: [...calendar.closureDays, day] },
          `Closure day ${formatDayMonthYear(day)} added.`,
        )
      }
    >
      <FormTextInput
        control={form.control}
        name="day"
        id="closure-day"
        label="Closure day"
        type="date"
        required
        help="A weekday the school is closed: an INSET day, a snow day."
      />
    </CaseForm>
  );
}
