/**
 * Issue 6 A4: a delivered concern deleted from the share before any lead acknowledged it is sent
 * again — the same file, under the same name — and the lead takes it once. Once acknowledged, the
 * staff machine drops its sealed copy and sends nothing more.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaffStore } from '../../../src/staff';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { cliJson, runCli } from '../support/cli';
import {
  contactAnswers,
  leadOpens,
  makeSchool,
  reportArgs,
  writeAnswers,
  type SchoolFixture,
} from '../support/school';

let school: SchoolFixture;
let answers: string;

beforeAll(async () => {
  school = await makeSchool();
  answers = await writeAnswers(school.root, contactAnswers());
});
afterAll(async () => school.cleanup());

const concerns = () => join(school.share, 'concerns');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface OutboxRow {
  reference: string;
  delivered: boolean;
  acknowledged: boolean;
}

function leadImport() {
  return cliJson<{ imported: number; alreadyImported: number }>(school.dslHome, [
    'lead',
    'import',
    '--passphrase-file',
    school.passphraseFile,
  ]);
}

async function fileOne(): Promise<{ reference: string; name: string; bytes: Buffer }> {
  const before = new Set(await readdir(concerns()));
  const receipt = await cliJson<{ reference: string; delivered: boolean }>(
    school.staffHome,
    reportArgs(answers),
  );
  expect(receipt.delivered).toBe(true);
  const name = (await readdir(concerns())).find((n) => !before.has(n)) ?? '';
  return { reference: receipt.reference, name, bytes: await readFile(join(concerns(), name)) };
}

describe('a delivered concern that disappears from the share', () => {
  it('is sent again by `deliver` under the same name with the same bytes', async () => {
    const filed = await fileOne();
    await rm(join(concerns(), filed.name));

    const round = await runCli(school.staffHome, ['deliver']);

    expect(round.code, round.stderr).toBe(0);
    expect(round.stdout).toContain('Delivered 1; 0 still queued.');
    expect(round.stdout).toContain('1 sent again: they were no longer on the share.');
    expect(sha(await readFile(join(concerns(), filed.name)))).toBe(sha(filed.bytes));
  });

  it('is no longer shown as delivered by `outbox`, which queues it again', async () => {
    const filed = await fileOne();
    await rm(join(concerns(), filed.name));

    const outbox = await cliJson<OutboxRow[]>(school.staffHome, ['outbox']);

    expect(outbox.find((r) => r.reference === filed.reference)).toMatchObject({
      delivered: false,
      acknowledged: false,
    });
    expect((await cliJson<{ delivered: number }>(school.staffHome, ['deliver'])).delivered).toBe(1);
    expect(sha(await readFile(join(concerns(), filed.name)))).toBe(sha(filed.bytes));
  });

  it('is taken once by the lead even when it arrives again after the lead imported it', async () => {
    const filed = await fileOne();
    expect((await leadImport()).imported).toBeGreaterThanOrEqual(1);
    await leadOpens(
      { home: school.dslHome, passphraseFile: school.passphraseFile },
      filed.reference,
    );
    // The lead's acknowledgement and the concern both vanish (a careless clean-up of the share).
    await rm(join(school.share, 'acks'), { recursive: true, force: true });
    await rm(join(concerns(), filed.name));

    expect((await cliJson<{ delivered: number }>(school.staffHome, ['deliver'])).delivered).toBe(1);
    const again = await leadImport();

    expect(again.imported).toBe(0);
    const cases = await cliJson<Array<{ reference: string }>>(school.dslHome, [
      'lead',
      'list',
      '--passphrase-file',
      school.passphraseFile,
    ]);
    expect(cases.filter((c) => c.reference === filed.reference)).toHaveLength(1);
    // The case was opened, so the import wrote its acknowledgement again: the reporter sees it.
    const outbox = await cliJson<OutboxRow[]>(school.staffHome, ['outbox']);
    expect(outbox.find((r) => r.reference === filed.reference)).toMatchObject({
      acknowledged: true,
    });
  });

  it('is not sent again once a lead has acknowledged it, and its sealed copy is dropped', async () => {
    const filed = await fileOne();
    await leadImport();
    const before = await cliJson<OutboxRow[]>(school.staffHome, ['outbox']);
    // Imported but not yet opened: not acknowledged, so still the staff machine's to keep.
    expect(before.find((r) => r.reference === filed.reference)).toMatchObject({
      delivered: true,
      acknowledged: false,
    });
    await leadOpens(
      { home: school.dslHome, passphraseFile: school.passphraseFile },
      filed.reference,
    );
    const outbox = await cliJson<OutboxRow[]>(school.staffHome, ['outbox']);
    expect(outbox.find((r) => r.reference === filed.reference)).toMatchObject({
      acknowledged: true,
    });
    await rm(join(concerns(), filed.name));

    const round = await cliJson<{ delivered: number }>(school.staffHome, ['deliver']);

    expect(round.delivered).toBe(0);
    expect(await readdir(concerns())).not.toContain(filed.name);
    const store = await openStaffStore(
      school.staffHome,
      new UnprotectedFileKeyProvider(school.staffHome),
    );
    try {
      const row = store.db
        .prepare('SELECT length(sealed) AS size FROM outbox WHERE reference = ?')
        .get(filed.reference) as { size: number };
      expect(row.size).toBe(0);
    } finally {
      store.close();
    }
  });
});
