/**
 * Issue 7 §1: the audit chain proves the record. An attacker who has the store's key opens the
 * encrypted store, drops the append-only triggers, and alters, deletes, reorders or inserts rows —
 * in the audit log or among the events. `verifyRecord` (what `audit verify` runs) catches each and
 * names the first bad entry or event.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore, verifyRecord, type AuditReport } from '../../../src/casework';
import { publicKeyOf } from '../../../src/crypto';
import { unlockLead } from '../../../src/lead';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { runCli } from '../support/cli';
import { PASSPHRASE } from '../support/school';
import { caseworkFixture, type CaseworkFixture } from './support';

let fixture: CaseworkFixture;
let keys: Map<string, string>;
const copies: string[] = [];

beforeAll(async () => {
  fixture = await caseworkFixture();
  const workspace = await fixture.open();
  const { casework } = workspace;
  casework.open(fixture.reference);
  casework.record(fixture.caseId, 'triaged', {
    pathway: 'low-level',
    priority: 'routine',
    assignedTo: null,
    reason: null,
    harmThreshold: null,
  });
  casework.record(fixture.caseId, 'note-added', { text: 'Spoke to the teacher', kind: 'fact' });
  casework.record(fixture.caseId, 'decision-recorded', {
    decision: 'No referral',
    reason: 'Below the harm threshold',
  });
  casework.search('teacher', {});
  workspace.close();
  const secrets = await unlockLead(fixture.school.dslHome, PASSPHRASE);
  keys = new Map([[secrets.recipientId, publicKeyOf(secrets.signingKey)]]);
});
afterAll(async () => {
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
  await fixture?.school.cleanup();
});

/** A copy of the DSL's home, tampered with by `attack` through the raw store, then verified. */
async function tamper(attack: (db: Database.Database) => void): Promise<AuditReport> {
  const home = join(await mkdtemp(join(tmpdir(), 'sgd-tamper-')), 'dsl');
  copies.push(join(home, '..'));
  await cp(fixture.school.dslHome, home, { recursive: true });
  const key = (await readFile(join(home, 'keys', 'lead.key'), 'utf8')).trim();
  const db = new Database(join(home, 'lead.db'));
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`key = "x'${key}'"`);
  for (const trigger of db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .pluck()
    .all() as string[]) {
    db.exec(`DROP TRIGGER ${trigger}`);
  }
  attack(db);
  db.close();
  const store = await openCaseStore(home, new UnprotectedFileKeyProvider(home));
  try {
    return verifyRecord(store, keys);
  } finally {
    store.close();
  }
}

const auditRows = (db: Database.Database) =>
  db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, unknown>>;

describe('the audit chain', () => {
  it('checks out untouched', async () => {
    const report = await tamper(() => undefined);
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.entries).toBeGreaterThanOrEqual(8);
    expect(report.events).toBe(4);
  });

  it('names an audit entry whose detail was altered', async () => {
    const report = await tamper((db) => {
      db.prepare(
        'UPDATE audit_log SET detail_json = \'{"query":"nothing to see"}\' WHERE kind = \'search\'',
      ).run();
    });
    const seq = report.problem?.seq;
    expect(report.ok).toBe(false);
    expect(report.problem?.message).toBe(
      `Audit entry ${seq}: was altered (its hash does not match).`,
    );
  });

  it('names the entry after one that was deleted', async () => {
    const report = await tamper((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    });
    expect(report.problem?.message).toBe(
      'Audit entry 3: is missing or out of order (found entry 4 in its place).',
    );
  });

  it('names entries that were reordered', async () => {
    const report = await tamper((db) => {
      const [two, three] = auditRows(db).slice(1, 3);
      if (!two || !three) throw new Error('too few rows');
      const swap = db.prepare(
        'UPDATE audit_log SET at = ?, actor = ?, kind = ?, detail_json = ?, prev_hash = ?, hash = ?, signature = ? WHERE seq = ?',
      );
      const fields = (r: Record<string, unknown>) =>
        [r.at, r.actor, r.kind, r.detail_json, r.prev_hash, r.hash, r.signature] as const;
      swap.run(...fields(three), 2);
      swap.run(...fields(two), 3);
    });
    expect(report.problem?.message).toBe(
      'Audit entry 2: does not follow the entry before it (its link is broken).',
    );
  });

  it('names an entry inserted with a recomputed hash but no lead signature', async () => {
    const { auditHash } = await import('../../../src/casework/store');
    const report = await tamper((db) => {
      const last = auditRows(db).at(-1);
      if (!last) throw new Error('no rows');
      const seq = Number(last.seq) + 1;
      const detail = { caseId: fixture.caseId, reference: fixture.reference };
      const entry = {
        seq,
        at: new Date().toISOString(),
        actor: String(last.actor),
        kind: 'case-viewed',
        detail,
        prevHash: String(last.hash),
      };
      db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        seq,
        entry.at,
        entry.actor,
        entry.kind,
        JSON.stringify(detail),
        entry.prevHash,
        auditHash(entry),
        'A'.repeat(86),
      );
    });
    expect(report.problem?.message).toMatch(
      /^Audit entry \d+: is not signed by a lead of this school\.$/,
    );
  });
});

describe('the events', () => {
  it('names an event whose body was altered', async () => {
    let eventId = '';
    const report = await tamper((db) => {
      const row = db
        .prepare("SELECT event_id, body_json FROM case_events WHERE type = 'note-added'")
        .get() as { event_id: string; body_json: string };
      eventId = row.event_id;
      db.prepare('UPDATE case_events SET body_json = ? WHERE event_id = ?').run(
        row.body_json.replace('Spoke to the teacher', 'Nobody was spoken to'),
        row.event_id,
      );
    });
    expect(report.problem).toMatchObject({
      eventId,
      message: `Event ${eventId}: is not signed by its author.`,
    });
  });

  it('names an event that was deleted', async () => {
    let eventId = '';
    const report = await tamper((db) => {
      eventId = db
        .prepare("SELECT event_id FROM case_events WHERE type = 'decision-recorded'")
        .pluck()
        .get() as string;
      db.prepare('DELETE FROM case_events WHERE event_id = ?').run(eventId);
    });
    expect(report.problem?.message).toMatch(
      new RegExp(`^Event ${eventId}: named by audit entry \\d+ is missing \\(deleted\\)\\.$`),
    );
  });

  it('names an event inserted (a valid copy under a new id) without an audit entry', async () => {
    const newId = randomUUID();
    const report = await tamper((db) => {
      const row = db.prepare("SELECT * FROM case_events WHERE type = 'note-added'").get() as Record<
        string,
        string
      >;
      db.prepare(
        `INSERT INTO case_events (event_id, case_id, type, at, author, body_json, signature,
           received_at, case_key, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        newId,
        row.case_id,
        row.type,
        row.at,
        row.author,
        String(row.body_json).replace(String(row.event_id), newId),
        row.signature,
        row.received_at,
        row.case_key,
        Number(db.prepare('SELECT max(seq) FROM case_events').pluck().get()) + 1,
      );
    });
    expect(report.problem?.eventId).toBe(newId);
    expect(report.ok).toBe(false);
  });
});

describe('audit verify on the command line', () => {
  it('says the record checks out, or names the first problem with exit status 1', async () => {
    const ok = await runCli(fixture.school.dslHome, [
      'audit',
      'verify',
      '--passphrase-file',
      fixture.school.passphraseFile,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^The record checks out: \d+ audit entries and 4 events/);
  });
});
