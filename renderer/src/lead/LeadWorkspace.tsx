/**
 * The unlocked safeguarding area: its own navigation (inbox, search, check the record, the school
 * calendar, the School screen, change passphrase, lock) and the screen shown, with a "back" history. Every case,
 * search and chronology lives in this component's state only: when the area locks it is
 * unmounted, and all of it goes with it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatClock } from '../format';
import { load } from '../loadable';
import { CalendarScreen } from './calendar/CalendarScreen';
import { CaseScreen } from './case/CaseScreen';
import { noFilters } from './inbox/CaseFilterFields';
import { InboxScreen, type ImportState, type InboxQuery } from './inbox/InboxScreen';
import { ChangePassphraseScreen } from './passphrase/ChangePassphraseScreen';
import { PersonScreen } from './person/PersonScreen';
import { SchoolScreen } from './school/SchoolScreen';
import { emptySearch, SearchScreen, type SearchState } from './search/SearchScreen';
import type { LeadNavigation, LeadScreen, LeadStatus, Recipient } from './types';
import { VerifyScreen } from './VerifyScreen';
import { recipientRoleWord } from './words';

/** "2 new concerns, 1 urgent" — counts only, as the notification says it. */
export function newConcernWords(counts: { imported: number; urgent: number }): string {
  // The import on unlock may already have brought everything in: nothing new since then.
  if (counts.imported === 0) return 'nothing new since the last check';
  const concerns = `${counts.imported} new ${counts.imported === 1 ? 'concern' : 'concerns'}`;
  return counts.urgent > 0 ? `${concerns}, ${counts.urgent} urgent` : concerns;
}

const backWords: Record<LeadScreen['name'], string> = {
  inbox: 'Back to the inbox',
  search: 'Back to search',
  case: 'Back to the case',
  person: 'Back to the chronology',
  verify: 'Back to Check the record',
  calendar: 'Back to the school calendar',
  school: 'Back to School',
  passphrase: 'Back to Change passphrase',
};

type TopScreen = 'inbox' | 'search' | 'verify' | 'calendar' | 'school' | 'passphrase';
const topScreens: Array<{ name: TopScreen; label: string }> = [
  { name: 'inbox', label: 'Inbox' },
  { name: 'search', label: 'Search' },
  { name: 'verify', label: 'Check the record' },
  { name: 'calendar', label: 'School calendar' },
  { name: 'school', label: 'School' },
  { name: 'passphrase', label: 'Change passphrase' },
];

interface LeadWorkspaceProps {
  status: LeadStatus;
  onLock: () => void;
}

export function LeadWorkspace({ status, onLock }: LeadWorkspaceProps) {
  const [screen, setScreen] = useState<LeadScreen>({ name: 'inbox' });
  const [history, setHistory] = useState<LeadScreen[]>([]);
  const [inboxQuery, setInboxQuery] = useState<InboxQuery>({ filters: noFilters, offset: 0 });
  const [search, setSearch] = useState<SearchState>(emptySearch);
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [version, setVersion] = useState(0);
  const [importState, setImportState] = useState<ImportState>({ busy: false, result: null });

  const runImport = useCallback(async () => {
    setImportState({ busy: true, result: null });
    const result = await load((api) => api['lead.import']());
    const at = formatClock(new Date().toISOString());
    setImportState({
      busy: false,
      result:
        result.state === 'ready'
          ? { state: 'ready', value: `Checked at ${at}: ${newConcernWords(result.value)}.` }
          : result,
    });
    setVersion((v) => v + 1);
  }, []);

  const loadRecipients = useCallback(async () => {
    const result = await load((api) => api['lead.recipients']());
    if (result.state === 'ready') setRecipients(result.value);
  }, []);

  useEffect(() => {
    // The core imports on unlock and every minute; this waits for the first one and says so.
    void runImport();
    void loadRecipients();
  }, [runImport, loadRecipients]);

  const go = useCallback(
    (next: LeadScreen) => {
      setHistory((h) => [...h, screen]);
      setScreen(next);
    },
    [screen],
  );

  const nav = useMemo<LeadNavigation>(
    () => ({
      openCase: (reference) => go({ name: 'case', reference }),
      openPerson: (personId) => go({ name: 'person', personId }),
    }),
    [go],
  );

  const previous = history.at(-1);
  const back =
    previous === undefined
      ? null
      : {
          label: backWords[previous.name],
          go: () => {
            setHistory((h) => h.slice(0, -1));
            setScreen(previous);
          },
        };

  const toTop = (name: TopScreen) => {
    setHistory([]);
    setScreen({ name } as LeadScreen);
  };

  return (
    <div className="lead-area">
      <div className="lead-bar">
        <p className="lead-bar__who">
          <span className="lead-bar__area">Safeguarding</span>
          {status.name !== null && (
            <span>
              {status.name}
              {status.role !== null && `, ${recipientRoleWord(status.role)}`}
            </span>
          )}
        </p>
        <nav aria-label="Safeguarding">
          <ul className="lead-bar__list">
            {topScreens.map((item) => (
              <li key={item.name}>
                <button
                  type="button"
                  className="lead-bar__item"
                  aria-current={screen.name === item.name ? 'page' : undefined}
                  onClick={() => toTop(item.name)}
                >
                  {item.label}
                </button>
              </li>
            ))}
            <li>
              <button type="button" className="lead-bar__item lead-bar__lock" onClick={onLock}>
                Lock safeguarding area
              </button>
            </li>
          </ul>
        </nav>
      </div>
      {screen.name === 'inbox' && (
        <InboxScreen
          query={inboxQuery}
          onQuery={setInboxQuery}
          version={version}
          importState={importState}
          onImport={() => void runImport()}
          nav={nav}
        />
      )}
      {screen.name === 'case' && (
        <CaseScreen
          key={screen.reference}
          reference={screen.reference}
          recipients={recipients}
          me={status.recipientId}
          nav={nav}
          back={back}
        />
      )}
      {screen.name === 'person' && (
        <PersonScreen key={screen.personId} personId={screen.personId} nav={nav} back={back} />
      )}
      {screen.name === 'search' && <SearchScreen state={search} onState={setSearch} nav={nav} />}
      {screen.name === 'verify' && <VerifyScreen />}
      {screen.name === 'calendar' && <CalendarScreen />}
      {screen.name === 'school' && (
        <SchoolScreen
          onCalendar={() => toTop('calendar')}
          onChanged={() => void loadRecipients()}
        />
      )}
      {screen.name === 'passphrase' && <ChangePassphraseScreen />}
    </div>
  );
}
