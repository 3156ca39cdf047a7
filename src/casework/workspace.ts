/**
 * The lead's workspace, opened with their passphrase: the identity (secrets in memory), the case
 * store, and casework over them, with the school roster (from the profile this computer trusts) to
 * check signatures. Wrong passphrases are counted; after five each try waits longer. Every unlock
 * is audited. Used by the app's session and by every `lead` command alike.
 */
import { createSigner, publicKeyOf, type ScryptDerive } from '../crypto';
import { SafeguardError } from '../errors';
import { unlockLead, type LeadSecrets, type PassphraseInput } from '../lead';
import { verifyProfile, type SchoolProfile } from '../school/profile';
import { openStaffStore } from '../staff';
import type { KeyProvider } from '../storage/key-provider';
import {
  calendarSettingsSchema,
  emptyCalendar,
  schoolCalendar,
  type CalendarSettings,
  type SchoolCalendar,
} from './calendar';
import type { VerifyKeys } from './audit-verify';
import { FIGURE_EVENT_TYPES } from './figures';
import { foldCase, type CaseState } from './fold';
import { Casework, type Roster } from './service';
import { openCaseStore, type CaseStore } from './store';
import type { UnlockAttemptsTable } from './store/unlock-attempts';

export interface Workspace {
  secrets: LeadSecrets;
  store: CaseStore;
  casework: Casework;
  roster: Roster;
  /** The school's calendar as the clocks use it: weekends, bank holidays, and what the lead set. */
  readonly calendar: SchoolCalendar;
  /** The calendar as the lead set it (term dates and closure days). */
  calendarSettings(): CalendarSettings;
  /**
   * Replaces the school's term dates and closure days: checked, stored, audited, and every case
   * not yet closed has its clocks worked out again. A refusal says what to change.
   */
  setCalendar(input: unknown): CalendarSettings;
  /** Verify keys of the school's leads, this lead's own included. */
  verifyKeys: VerifyKeys;
  /**
   * The profile changed in this session (the DSL added or removed someone): the roster follows it.
   * Verify keys are kept, so events a removed lead signed still check.
   */
  profileChanged(profile: SchoolProfile): void;
  close(): void;
}

/** Opens the workspace, or says why not (wrong passphrase and tries left, or the wait). */
export async function openWorkspace(input: {
  home: string;
  keyProvider: KeyProvider;
  passphrase: PassphraseInput;
  /** scrypt for the identity file: a warm worker's (the app's unlock screen), else Node's. */
  derive?: ScryptDerive;
  now?: () => Date;
}): Promise<Workspace> {
  const now = input.now ?? (() => new Date());
  const store = await openCaseStore(input.home, input.keyProvider);
  try {
    checkUnlockWait(store, now());
    let secrets: LeadSecrets;
    try {
      secrets = await unlockLead(input.home, input.passphrase, input.derive);
    } catch (error) {
      if (error instanceof SafeguardError && error.code === 'wrong-passphrase') {
        throw countWrongPassphrase(store, now());
      }
      throw error;
    }
    store.unlockAttempts.succeeded();
    const roster = new Map(await readRoster(input.home, input.keyProvider));
    const sign = createSigner(secrets.signingKey);
    // A stored calendar that no longer parses must not lock the lead out of every case: the clocks
    // then count bank holidays and weekends only (earlier due dates, never later), and the
    // calendar screen says what is wrong when opened.
    let calendar = (() => {
      try {
        return schoolCalendar(store.settings.calendar());
      } catch {
        return emptyCalendar;
      }
    })();
    const casework = new Casework(
      store,
      { recipientId: secrets.recipientId, sign },
      roster,
      () => calendar,
      now,
    );
    const verifyKeys = new Map<string, string>();
    for (const [id, r] of roster) if (r.verifyKey) verifyKeys.set(id, r.verifyKey);
    verifyKeys.set(secrets.recipientId, publicKeyOf(secrets.signingKey));
    casework.audit('unlock', {});
    // Cases from before casework (or a crash mid-import) get their state rows now, and rows
    // from before the figures were kept (or by an older version) their figures.
    for (const caseId of store.state.missing()) casework.refresh(caseId);
    refreshStaleFigures(store, { calendar, now: now() });
    const setCalendar = (input: unknown): CalendarSettings => {
      const parsed = calendarSettingsSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SafeguardError(
          'invalid-input',
          `The school calendar was not changed: ${issue?.message ?? 'it is not valid'}.`.replace(
            /\.\.$/,
            '.',
          ),
        );
      }
      store.transaction(() => {
        store.settings.saveCalendar(parsed.data, now().toISOString(), secrets.recipientId);
        casework.audit('calendar-changed', {
          terms: parsed.data.terms.length,
          closureDays: parsed.data.closureDays.length,
        });
        calendar = schoolCalendar(parsed.data);
        for (const caseId of store.state.notClosed()) casework.refresh(caseId);
      });
      casework.changed();
      return parsed.data;
    };
    return {
      secrets,
      store,
      casework,
      roster,
      get calendar() {
        return calendar;
      },
      calendarSettings: () => store.settings.calendar(),
      setCalendar,
      verifyKeys,
      profileChanged: (profile) => {
        roster.clear();
        for (const [id, r] of rosterOf(profile)) roster.set(id, r);
        for (const [id, r] of roster) if (r.verifyKey) verifyKeys.set(id, r.verifyKey);
      },
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Works out the figures of every case whose figures are missing or out of date, in one pass over
 * the events that matter to them (after an upgrade, all of a large store's at once).
 */
function refreshStaleFigures(store: CaseStore, context: { calendar: SchoolCalendar; now: Date }) {
  const stale = new Set(store.state.stale());
  if (stale.size === 0) return;
  const folded: Array<[string, CaseState]> = [];
  for (const { caseId, events } of store.events.byCase(FIGURE_EVENT_TYPES)) {
    if (stale.delete(caseId)) folded.push([caseId, foldCase(events, context)]);
  }
  const untouched = foldCase([], context);
  for (const caseId of stale) folded.push([caseId, untouched]);
  // Written once the read is over: one statement at a time on the connection.
  store.transaction(() => {
    for (const [caseId, state] of folded) store.state.putFigures(caseId, state);
  });
}

/** Where wrong passphrases are counted: the lead's case store, or the office user's staff store. */
export interface CountsUnlockAttempts {
  unlockAttempts: UnlockAttemptsTable;
}

/** Refuses a passphrase try while the wait after too many wrong ones runs. */
export function checkUnlockWait(store: CountsUnlockAttempts, now: Date): void {
  const wait = store.unlockAttempts.waitUntil(now);
  if (wait !== null) {
    const seconds = Math.ceil((Date.parse(wait) - now.getTime()) / 1000);
    throw new SafeguardError(
      'unlock-wait',
      `Too many wrong passphrases: wait ${seconds} seconds before trying again.`,
    );
  }
}

/** Counts a wrong passphrase; the error says how many tries are left, or how long to wait. */
export function countWrongPassphrase(store: CountsUnlockAttempts, now: Date): SafeguardError {
  const { triesLeft, waitUntil } = store.unlockAttempts.failed(now);
  return new SafeguardError(
    'wrong-passphrase',
    waitUntil === null
      ? `The passphrase is wrong. After ${triesLeft} more wrong ${triesLeft === 1 ? 'try' : 'tries'}, each try will have to wait.`
      : `The passphrase is wrong. Wait ${Math.ceil((Date.parse(waitUntil) - now.getTime()) / 1000)} seconds before trying again.`,
  );
}

/** The school's recipients, from the profile this computer pinned (the lead's own enrolment). */
async function readRoster(home: string, keyProvider: KeyProvider): Promise<Roster> {
  const staff = await openStaffStore(home, keyProvider);
  try {
    const enrolment = staff.enrolment();
    if (!enrolment) return new Map();
    return rosterOf(verifyProfile(enrolment.profileJson).profile);
  } finally {
    staff.close();
  }
}

function rosterOf(profile: SchoolProfile): Roster {
  return new Map(
    profile.recipients.map((r) => [r.id, { name: r.name, role: r.role, verifyKey: r.verifyKey }]),
  );
}
