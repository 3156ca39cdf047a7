/**
 * The lead's encrypted case store, one table group per kind of data: cases (with their answers,
 * attachments and acknowledgements), events, the audit chain, people, search, the folded case
 * state, the quarantine, and the settings. Opened with a key from the
 * KeyProvider, like every local store.
 */
import { homePaths } from '../../home';
import { openEncryptedDatabase, type Db } from '../../storage/database';
import type { KeyProvider } from '../../storage/key-provider';
import { leadMigrations } from '../../storage/migrations/lead';
import { AuditTable } from './audit';
import { CasesTable } from './cases';
import { EventsTable } from './events';
import { PublishedExtractsTable } from './extracts';
import { PeopleTable } from './people';
import { QuarantineTable } from './quarantine';
import { SearchTable } from './search';
import { SettingsTable } from './settings';
import { StateTable } from './state';
import { SyncTable } from './sync';
import { UnlockAttemptsTable } from './unlock-attempts';

export { auditHash, GENESIS_HASH, type AuditKind, type AuditRow } from './audit';
export type { CaseDetail, CaseSummary, NewCase } from './cases';
export type { StoredEvent } from './events';
export type { PublishedExtract } from './extracts';
export { personMatchKey, type PersonRecord } from './people';
export type { CaseBasics, ConcernFigures } from './state';
export type { QuarantineEntry } from './quarantine';
export type { LeadSettings } from './settings';
export type { EventFileOutcome } from './sync';

/**
 * The case store's page cache, in KiB (negative, as SQLite takes it): 64 MiB. Pages are decrypted
 * as they are read, so a larger cache keeps a lead's searches and chronologies from decrypting the
 * same full-text pages again and again; SQLite's default is 2 MiB.
 */
export const CACHE_SIZE = -64 * 1024;

export class CaseStore {
  readonly cases: CasesTable;
  readonly quarantine: QuarantineTable;
  readonly settings: SettingsTable;
  readonly events: EventsTable;
  readonly extracts: PublishedExtractsTable;
  readonly audit: AuditTable;
  readonly people: PeopleTable;
  readonly search: SearchTable;
  readonly state: StateTable;
  readonly unlockAttempts: UnlockAttemptsTable;
  readonly sync: SyncTable;

  constructor(readonly db: Db) {
    this.cases = new CasesTable(db);
    this.quarantine = new QuarantineTable(db);
    this.settings = new SettingsTable(db);
    this.events = new EventsTable(db);
    this.extracts = new PublishedExtractsTable(db);
    this.audit = new AuditTable(db);
    this.people = new PeopleTable(db);
    this.search = new SearchTable(db);
    this.state = new StateTable(db);
    this.unlockAttempts = new UnlockAttemptsTable(db);
    this.sync = new SyncTable(db);
  }

  /** Runs `work` in one write transaction. */
  transaction<T>(work: () => T): T {
    // IMMEDIATE: a deferred transaction that reads and then writes fails at once (no busy wait)
    // when another process wrote in between, as the app's minute import and the CLI can.
    return this.db.transaction(work).immediate();
  }

  close(): void {
    this.db.close();
  }
}

/** Opens the case store of a home folder. */
export async function openCaseStore(home: string, keyProvider: KeyProvider): Promise<CaseStore> {
  const db = await openEncryptedDatabase({
    file: homePaths(home).leadDb,
    keyName: 'lead',
    keyProvider,
    migrations: leadMigrations,
  });
  db.pragma(`cache_size = ${CACHE_SIZE}`);
  return new CaseStore(db);
}
