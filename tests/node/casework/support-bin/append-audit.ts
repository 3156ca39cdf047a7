/**
 * A second process writing to the lead's store: appends audit entries as fast as it can, alone
 * and inside a transaction that reads first (as the import's case insertions do), while another
 * process does the same — as the app's minute import and a CLI command might.
 * Usage: SIGNING_KEY=… append-audit.ts <home> <rounds> <actor>
 */
import { openCaseStore } from '../../../../src/casework';
import { createSigner } from '../../../../src/crypto';
import { UnprotectedFileKeyProvider } from '../../../../src/storage/key-provider';

const [home = '', rounds = '0', actor = ''] = process.argv.slice(2);
const sign = createSigner(process.env.SIGNING_KEY ?? '');
const store = await openCaseStore(home, new UnprotectedFileKeyProvider(home));
const entry = (i: number, where: string) => ({
  at: new Date().toISOString(),
  actor,
  kind: 'search' as const,
  detail: { pid: process.pid, i, where },
});
try {
  for (let i = 0; i < Number(rounds); i++) {
    store.audit.append(entry(i, 'alone'), sign);
    store.transaction(() => {
      store.cases.hasConcern('none');
      store.audit.append(entry(i, 'in a transaction'), sign);
    });
  }
} finally {
  store.close();
}
