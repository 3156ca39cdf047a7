/**
 * Issue 6 C12: every file read from the share is untrusted and bounded. A `<uuid>.age` that is a
 * symlink to /dev/zero, a FIFO, or a 2 GB sparse file is refused unread (regular files only, a
 * size limit checked before reading, never blocking), quarantined with its reason, and not looked
 * at again while unchanged. The staff side treats `acks/` and `school.json` the same way.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_LIMITS } from '../../../src/share';
import { cliJson, runCli } from '../support/cli';
import {
  contactAnswers,
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

interface Quarantined {
  file: string;
  code: string;
  reason: string;
  lastSeen: string;
}

const NOT_A_FILE = 'It is not a regular file (a link, a pipe or a device).';

function leadJson<T>(args: string[]): Promise<T> {
  return cliJson<T>(school.dslHome, ['lead', ...args, '--passphrase-file', school.passphraseFile]);
}

/** Runs a command, failing the test if it takes longer than `ms` (a hang, or reading gigabytes). */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work;
  expect(Date.now() - started).toBeLessThan(ms);
  return result;
}

describe('hostile files in concerns/', () => {
  it('quarantines a symlink to /dev/zero, a FIFO and a 2 GB sparse file without reading them, and does not look at them again', async () => {
    const concerns = join(school.share, 'concerns');
    const zero = `${randomUUID()}.age`;
    const fifo = `${randomUUID()}.age`;
    const sparse = `${randomUUID()}.age`;
    await symlink('/dev/zero', join(concerns, zero));
    execFileSync('mkfifo', [join(concerns, fifo)]);
    const handle = await open(join(concerns, sparse), 'w');
    await handle.truncate(2 * 1024 * 1024 * 1024);
    await handle.close();
    const filed = await cliJson<{ delivered: boolean }>(school.staffHome, reportArgs(answers));
    expect(filed.delivered).toBe(true);

    const first = await within(
      30_000,
      leadJson<{ imported: number; quarantined: Quarantined[] }>(['import']),
    );

    expect(first.imported).toBe(1);
    const byFile = new Map(first.quarantined.map((q) => [q.file, q]));
    expect(byFile.get(zero)).toMatchObject({ code: 'not-a-file', reason: NOT_A_FILE });
    expect(byFile.get(fifo)).toMatchObject({ code: 'not-a-file', reason: NOT_A_FILE });
    expect(byFile.get(sparse)).toMatchObject({
      code: 'too-large',
      reason: `It is larger (${2 * 1024 * 1024 * 1024} bytes) than the ${SHARE_LIMITS.concernBytes} bytes allowed.`,
    });
    const listed = await leadJson<Quarantined[]>(['quarantine']);

    const second = await within(
      30_000,
      leadJson<{ imported: number; quarantined: Quarantined[]; inQuarantine: number }>(['import']),
    );

    expect(second.quarantined).toEqual([]);
    expect(second.inQuarantine).toBe(3);
    // Not looked at again: the entries are exactly as the first import left them.
    expect(await leadJson<Quarantined[]>(['quarantine'])).toEqual(listed);
  });
});

describe('hostile files read by a staff machine', () => {
  it('files and lists its outbox promptly with acks/ holding a /dev/zero link and a FIFO named for its concern', async () => {
    const plain = await runCli(school.staffHome, [...reportArgs(answers), '--json']);
    const receipt = JSON.parse(plain.stdout) as { reference: string };
    const outbox = await cliJson<Array<{ reference: string }>>(school.staffHome, ['outbox']);
    expect(outbox.some((r) => r.reference === receipt.reference)).toBe(true);
    // The concern id is only in the share's file names: plant hostile "acknowledgements" for all.
    const acks = join(school.share, 'acks');
    await mkdir(acks, { recursive: true });
    for (const name of await readdir(join(school.share, 'concerns'))) {
      const id = name.replace(/\.age$/, '');
      await symlink('/dev/zero', join(acks, `${id}.json`)).catch(() => undefined);
      execFileSync('mkfifo', [join(acks, `${id}.00000000000000ff.json`)]);
    }

    const listed = await within(
      15_000,
      cliJson<Array<{ reference: string; acknowledged: boolean }>>(school.staffHome, ['outbox']),
    );

    expect(listed.find((r) => r.reference === receipt.reference)).toMatchObject({
      acknowledged: false,
    });
  });

  it('keeps filing within seconds when school.json is a FIFO or a link to /dev/zero, with the warning', async () => {
    const profile = join(school.share, 'school.json');
    const good = await readFile(profile);
    try {
      for (const plant of [
        () => execFileSync('mkfifo', [profile]),
        () => symlink('/dev/zero', profile),
      ]) {
        await rm(profile);
        await plant();
        const result = await within(
          15_000,
          cliJson<{ delivered: boolean; warning: string | null }>(
            school.staffHome,
            reportArgs(answers),
          ),
        );
        expect(result.delivered).toBe(true);
        expect(result.warning).toContain("The school's settings on the share cannot be trusted");
        const outbox = await runCli(school.staffHome, ['outbox']);
        expect(outbox.stdout).toContain(
          `The school profile on the share cannot be used: ${NOT_A_FILE.charAt(0).toLowerCase()}${NOT_A_FILE.slice(1)}`,
        );
      }
    } finally {
      await rm(profile, { force: true });
      await writeFile(profile, good);
    }
  });
});
