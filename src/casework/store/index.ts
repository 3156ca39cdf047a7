/**
 * The lead's encrypted case store, one table group per kind of data: cases (with their answers,
 * attachments and acknowledgements), the quarantine, and the settings. Opened with a key from the
 * KeyProvider, like every local store.
 */
import { homePaths } from '../../home';
import { openEncryptedDatabase, type Db } from '../../storage/database';
import type { KeyProvider } from '../../storage/key-provider';
import { leadMigrations } from '../../storage/migrations/lead';
import { CasesTable } from './cases';
import { QuarantineTable } from './quarantine';
import { SettingsTable } from './settings';

export type { CaseDetail, CaseSummary, NewCase } from './cases';
export type { QuarantineEntry } from './quarantine';
export type { LeadSettings } from './settings';

export class CaseStore {
  readonly cases: CasesTable;
  readonly quarantine: QuarantineTable;
  readonly settings: SettingsTable;

  constructor(readonly db: Db) {
    this.cases = new CasesTable(db);
    this.quarantine = new QuarantineTable(db);
    this.settings = new SettingsTable(db);
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
  return new CaseStore(db);
}
