/**
 * The School screen: who receives concerns (by role, each with a safety fingerprint), the contacts
 * staff are shown, and a way to the school calendar. Every lead can look; only the DSL who holds
 * the school's key can change anything, and the others are told why in a sentence. Each change is
 * a new signed version of the school's settings, which every enrolled computer checks.
 */
import { useCallback, useEffect, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import { useHeadingFocus } from '../../components/useHeadingFocus';
import { load, type Loadable } from '../../loadable';
import { AddRecipientForm } from './AddRecipientForm';
import { ContactsSection } from './ContactsSection';
import { OfficeFiguresSection } from './OfficeFiguresSection';
import { RecipientsSection } from './RecipientsSection';
import type { SchoolView } from './types';
import './school.css';

interface SchoolScreenProps {
  onCalendar: () => void;
  /** Someone was added or removed: the area's list of leads (for assigning) is out of date. */
  onChanged: () => void;
}

export function SchoolScreen({ onCalendar, onChanged }: SchoolScreenProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const [school, setSchool] = useState<Loadable<SchoolView>>({ state: 'loading' });
  const [said, setSaid] = useState('');

  useEffect(() => {
    let current = true;
    void load((api) => api['school.show']()).then((result) => {
      if (current) setSchool(result);
    });
    return () => {
      current = false;
    };
  }, []);

  const changed = useCallback(
    (view: SchoolView, words: string) => {
      setSchool({ state: 'ready', value: view });
      setSaid(words);
      onChanged();
    },
    [onChanged],
  );

  return (
    <div className="school narrow narrow--wide">
      <h1 ref={heading} tabIndex={-1}>
        School
      </h1>
      <p className="lead">
        Who receives concerns from this school&rsquo;s computers, and the contacts staff are shown
        beside every form. Each change is a new version of the school&rsquo;s settings, signed with
        the school&rsquo;s key: every enrolled computer checks that signature before using it.
      </p>
      {school.state === 'loading' && (
        <p className="muted" role="status">
          Opening the school&rsquo;s settings&hellip;
        </p>
      )}
      {school.state === 'failed' && <FailureNotice failure={school.failure} />}
      {school.state === 'ready' && (
        <SchoolBody view={school.value} changed={changed} onCalendar={onCalendar} />
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}

interface SchoolBodyProps {
  view: SchoolView;
  changed: (view: SchoolView, words: string) => void;
  onCalendar: () => void;
}

function SchoolBody({ view, changed, onCalendar }: SchoolBodyProps) {
  return (
    <>
      {view.warning !== null && (
        <div className="notice notice--warn">
          <p className="notice__title">The settings on the share cannot be trusted</p>
          <p>{view.warning}</p>
        </div>
      )}
      {view.readOnlyReason !== null && (
        <div className="notice notice--info">
          <p className="notice__title">You can see these settings but not change them</p>
          <p>{view.readOnlyReason}</p>
        </div>
      )}
      <dl className="safety-code">
        <dt className="safety-code__label">Safety code of {view.schoolName}</dt>
        <dd className="safety-code__value">{view.safetyCode}</dd>
        <dd className="safety-code__help">
          Every computer enrolled with the school shows this code. It belongs on the staff-room
          poster.
        </dd>
      </dl>
      {view.headteacherConcern !== null && (
        <div className="notice notice--warn" id="headteacher-gap">
          <p className="notice__title">A concern about the headteacher has nowhere to go</p>
          <p>{view.headteacherConcern}</p>
          {view.canChange && <p>Add a chair of governors below to close this gap.</p>}
        </div>
      )}
      <RecipientsSection view={view} changed={changed} />
      {view.canChange && <AddRecipientForm changed={changed} />}
      <ContactsSection view={view} changed={changed} />
      <OfficeFiguresSection />
      <section className="school__section" aria-labelledby="school-calendar-title">
        <h2 id="school-calendar-title">Term dates and closure days</h2>
        <p>
          The clocks count school days and working days by the school calendar, which has its own
          screen.
        </p>
        <button type="button" className="button button--secondary" onClick={onCalendar}>
          Open the school calendar
        </button>
      </section>
    </>
  );
}
