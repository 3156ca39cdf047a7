/**
 * The app's screens — Home, a form being filed, My receipts, Safeguarding (on a lead's computer),
 * Office summaries (on an office user's), Lock — and the lock itself, which locks the safeguarding
 * area and the office summaries too.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { AppHeader, type Place } from './components/AppHeader';
import type { DraftFlush, FlushDraft } from './drafts/useDraftAutosave';
import { HomeScreen } from './home/HomeScreen';
import type { AppStatus } from './home/SchoolStatus';
import { load, type Loadable } from './loadable';
import { LockScreen } from './lock/LockScreen';
import { useIdleLock } from './lock/useIdleLock';
import { ReceiptsScreen } from './receipts/ReceiptsScreen';
import type { ReporterMemory } from './report/ReportSession';

// The report flow (zod, react-hook-form, the fields) loads on first use, so the home screen a
// teacher sees first parses as little script as possible.
const ReportFlow = lazy(() =>
  import('./report/ReportFlow').then((module) => ({ default: module.ReportFlow })),
);
// The safeguarding area loads only on a lead's computer, when opened.
const LeadArea = lazy(() =>
  import('./lead/LeadArea').then((module) => ({ default: module.LeadArea })),
);
// The office summaries (and ECharts) load only on an office user's computer, when opened.
const OfficeArea = lazy(() =>
  import('./office/OfficeArea').then((module) => ({ default: module.OfficeArea })),
);
// The welcome screen loads only on a computer with nothing set up.
const WelcomeScreen = lazy(() =>
  import('./welcome/WelcomeScreen').then((module) => ({ default: module.WelcomeScreen })),
);

type View =
  | { name: 'home' }
  | { name: 'receipts' }
  | { name: 'lead' }
  | { name: 'office' }
  | { name: 'report'; formId: string; draftId: string | undefined; opened: number }
  | { name: 'locked'; draft: Promise<DraftFlush> };

const NO_DRAFT: DraftFlush = { saved: null, protected: false };

/** The core forgets every draft key it holds: a draft then opens only with its PIN. */
async function lockDrafts(): Promise<void> {
  await load((api) => api['app.lock']());
}

/**
 * The core forgets the lead's unlocked identity and closes the case store; the answer says whether
 * this user is a lead at all (so the Safeguarding area is offered). False if it cannot be told.
 */
async function lockLead(): Promise<boolean> {
  const status = await load((api) => api['lead.lock']());
  return status.state === 'ready' && status.value.isLead;
}

/** The core forgets the office identity; the answer says whether this user is office staff. */
async function lockOffice(): Promise<boolean> {
  const status = await load((api) => api['office.lock']());
  return status.state === 'ready' && status.value.isOffice;
}

export function App() {
  const [status, setStatus] = useState<Loadable<AppStatus>>({ state: 'loading' });
  const [view, setView] = useState<View>({ name: 'home' });
  // A page (re)loaded is a new session: drafts opened before stay locked. Nothing is shown until
  // the core has forgotten their keys. Should the call fail, the bridge itself is down, and no
  // draft can be opened through it either.
  const [sessionLocked, setSessionLocked] = useState(false);
  // This user holds a lead identity here: the Safeguarding area is offered.
  const [isLead, setIsLead] = useState(false);
  // This user holds an office identity here: the Office summaries are offered (never Safeguarding).
  const [isOffice, setIsOffice] = useState(false);
  // In memory only, for this session: never written to storage, emptied on lock.
  const reporter = useRef<ReporterMemory>({ name: '', role: '' });
  const flushDraft = useRef<FlushDraft | null>(null);
  // Bumped when first-run set-up finishes, to read the computer's new state.
  const [statusVersion, setStatusVersion] = useState(0);

  useEffect(() => {
    void lockDrafts().then(() => setSessionLocked(true));
    // A new page is a new session for the lead too: the safeguarding area starts locked.
    void lockLead().then(setIsLead);
    void lockOffice().then(setIsOffice);
  }, []);

  useEffect(() => {
    let current = true;
    void load((api) => api['app.status']()).then((result) => {
      if (current) setStatus(result);
    });
    return () => {
      current = false;
    };
  }, [statusVersion]);

  // Set up without a restart: the core mounted what it set up; the app reads it and goes home.
  const setUpDone = useCallback(() => {
    void Promise.all([
      load((api) => api['lead.status']()),
      load((api) => api['office.status']()),
    ]).then(([lead, office]) => {
      setIsLead(lead.state === 'ready' && lead.value.isLead);
      setIsOffice(office.state === 'ready' && office.value.isOffice);
      setStatusVersion((n) => n + 1);
      setView({ name: 'home' });
    });
  }, []);

  const go = useCallback((next: View) => setView(next), []);

  const registerFlush = useCallback((flush: FlushDraft | null) => {
    flushDraft.current = flush;
  }, []);

  const lock = useCallback(() => {
    // The draft's answers are taken now, before the form unmounts; the save finishes after, and
    // only then does the core forget the draft keys (a save after that would be refused).
    const flushing = flushDraft.current?.() ?? Promise.resolve(NO_DRAFT);
    const draft = flushing
      .catch((): DraftFlush => ({ saved: false, protected: false }))
      .then(async (flushed) => {
        await lockDrafts();
        return flushed;
      });
    reporter.current = { name: '', role: '' };
    // The safeguarding area unmounts with the view change (its cases leave the page at once);
    // the core then forgets the lead's identity.
    if (isLead) void lockLead();
    if (isOffice) void lockOffice();
    go({ name: 'locked', draft });
  }, [go, isLead, isOffice]);

  const locked = view.name === 'locked';
  // Nothing set up: the welcome screen, with no navigation, and no idle lock to lose its steps.
  const welcome = status.state === 'ready' && status.value.setUp === 'nothing';
  useIdleLock(!locked && !welcome, lock);

  // Said only once known: a failed status must not read as "not enrolled".
  let school: string | null = null;
  if (status.state === 'ready') {
    school = status.value.enrolled ? status.value.schoolName : 'Not enrolled yet';
  }
  const place: Place | null = locked || welcome ? null : view.name;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader
        school={school}
        place={place}
        onHome={() => go({ name: 'home' })}
        onReceipts={() => go({ name: 'receipts' })}
        onLead={isLead ? () => go({ name: 'lead' }) : null}
        onOffice={isOffice ? () => go({ name: 'office' }) : null}
        onLock={lock}
      />
      <main className="main" id="main" tabIndex={-1}>
        {welcome && (
          <Suspense fallback={<p className="muted">Opening Safeguard Desk…</p>}>
            <WelcomeScreen
              onSetUp={setUpDone}
              notice={status.state === 'ready' ? status.value.machineSetting : null}
            />
          </Suspense>
        )}
        {!welcome && view.name === 'home' && sessionLocked && (
          <HomeScreen
            status={status}
            onStart={(formId, draftId) =>
              go({ name: 'report', formId, draftId, opened: Date.now() })
            }
          />
        )}
        {!welcome && view.name === 'report' && (
          <Suspense fallback={<p className="muted">Opening the form…</p>}>
            <ReportFlow
              key={view.opened}
              formId={view.formId}
              draftId={view.draftId}
              reporter={reporter.current}
              registerFlush={registerFlush}
              onDone={() => go({ name: 'home' })}
            />
          </Suspense>
        )}
        {view.name === 'receipts' && <ReceiptsScreen />}
        {!welcome && view.name === 'lead' && (
          <Suspense fallback={<p className="muted">Opening the safeguarding area…</p>}>
            <LeadArea />
          </Suspense>
        )}
        {!welcome && view.name === 'office' && (
          <Suspense fallback={<p className="muted">Opening the office summaries…</p>}>
            <OfficeArea />
          </Suspense>
        )}
        {!welcome && view.name === 'locked' && (
          <LockScreen
            draft={view.draft}
            leadLocked={isLead}
            officeLocked={isOffice}
            // Home lists the drafts only once the core has forgotten their keys.
            onUnlock={() => void view.draft.then(() => go({ name: 'home' }))}
          />
        )}
      </main>
    </div>
  );
}
