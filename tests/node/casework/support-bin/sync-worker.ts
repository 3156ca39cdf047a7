/**
 * A lead's computer syncing casework, there to be killed with SIGKILL at any moment (the
 * event-sync-kill test). The lead's secrets and the school profile come from a file the test
 * wrote after unlocking once, sparing a scrypt derivation per trial.
 * Usage: sync-worker.ts <write|deliver|read> <home> <lead.json> [case id]
 *   write: records three notes on the case, delivering after each;
 *   deliver: delivers what waits; read: receives what is new.
 */
import { readFileSync } from 'node:fs';
import { Casework, emptyCalendar, openCaseStore, type Roster } from '../../../../src/casework';
import { deliverEvents, receiveEvents } from '../../../../src/casework/sync';
import { createSigner } from '../../../../src/crypto';
import type { LeadSecrets } from '../../../../src/lead';
import type { SchoolProfile } from '../../../../src/school/profile';
import { UnprotectedFileKeyProvider } from '../../../../src/storage/key-provider';

const [mode = '', home = '', leadFile = '', caseId = ''] = process.argv.slice(2);
const { secrets, profile } = JSON.parse(readFileSync(leadFile, 'utf8')) as {
  secrets: LeadSecrets;
  profile: SchoolProfile;
};
const store = await openCaseStore(home, new UnprotectedFileKeyProvider(home));
const roster: Roster = new Map(
  profile.recipients.map((r) => [r.id, { name: r.name, role: r.role, verifyKey: r.verifyKey }]),
);
// Start-up is over: the test times its kill from here.
process.stdout.write('ready\n');
const casework = new Casework(
  store,
  { recipientId: secrets.recipientId, sign: createSigner(secrets.signingKey) },
  roster,
  () => emptyCalendar,
);
try {
  if (mode === 'write') {
    for (let i = 0; i < 3; i++) {
      casework.record(caseId, 'note-added', { text: `Note ${process.pid}.${i}`, kind: 'fact' });
      await deliverEvents({ store, secrets, profile });
    }
  } else if (mode === 'deliver') {
    const result = await deliverEvents({ store, secrets, profile });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else if (mode === 'read') {
    const result = await receiveEvents({ lead: { store, secrets, casework, roster } });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  store.close();
}
