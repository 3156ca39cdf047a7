/**
 * Issue 8 §4: IT's machine-wide settings file. On first start a computer that is not enrolled
 * enrols silently when the share's safety code is the file's; with another code it enrols nothing
 * and says why; a malformed file is reported once (a status sentence, one line for the log, neither
 * quoting the file) and ignored; without the file nothing happens. `enroll` without --share does
 * the same from the command line. Real session, real share, real stores.
 */
import { chmod, chown, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { machineSettingsFile, normaliseSafetyCode } from '../../src/machine';
import { openSession } from '../../src/session';
import { openStaffStore } from '../../src/staff';
import { UnprotectedFileKeyProvider } from '../../src/storage/key-provider';
import { runCli } from './support/cli';
import { makeSchool, type SchoolFixture } from './support/school';

const WRONG_CODE = '0000-0000-0000';
const CONTENT = 'hunter2-not-to-be-quoted';

let school: SchoolFixture;
let root: string;
let n = 0;

beforeAll(async () => {
  school = await makeSchool();
  root = await mkdtemp(join(school.root, 'machines-'));
});
afterAll(async () => school?.cleanup());

/** A computer IT prepared: an empty home and a machine file with `content` (or none). */
async function computer(content: string | null): Promise<{ home: string; file: string }> {
  n += 1;
  const home = join(root, `home-${n}`);
  const file = join(root, `machine-${n}.json`);
  if (content !== null) await writeFile(file, content);
  return { home, file };
}

/** Starts the app's session there; returns app.status, the log lines, and the enrolment after. */
async function start(machine: { home: string; file: string }) {
  const log: string[] = [];
  const session = await openSession({
    home: machine.home,
    keyProvider: new UnprotectedFileKeyProvider(machine.home),
    machineFile: machine.file,
    log: (line) => log.push(line),
  });
  let status;
  try {
    const answer = await dispatch(session.handlers, 'app.status', undefined);
    if (!answer.ok) throw new Error(answer.error.message);
    status = answer.value as {
      enrolled: boolean;
      safetyCode: string | null;
      machineSetting: string | null;
    };
  } finally {
    session.close();
  }
  const store = await openStaffStore(machine.home, new UnprotectedFileKeyProvider(machine.home));
  try {
    return { status, log, enrolment: store.enrolment() };
  } finally {
    store.close();
  }
}

const settings = (share: string, safetyCode: string) => JSON.stringify({ share, safetyCode });

describe('the app on first start', () => {
  it('enrols silently when the share shows the safety code in the machine file', async () => {
    const { status, log, enrolment } = await start(
      await computer(settings(school.share, school.safetyCode)),
    );
    expect(status).toMatchObject({
      enrolled: true,
      safetyCode: school.safetyCode,
      machineSetting: null,
    });
    expect(log).toEqual([]);
    expect(enrolment?.sharePath).toBe(school.share);
  });

  it('takes the code as people copy it: lower case, spaces, O for 0, a byte-order mark', async () => {
    const typed = school.safetyCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const { status } = await start(await computer(`\uFEFF${settings(school.share, typed)}`));
    expect(status.enrolled).toBe(true);
  });

  it('refuses, enrolling nothing, when the share shows another code, and says so', async () => {
    const { status, log, enrolment } = await start(
      await computer(settings(school.share, WRONG_CODE)),
    );
    expect(status.enrolled).toBe(false);
    expect(status.machineSetting).toBe(
      `The school share at ${school.share} shows safety code ${school.safetyCode}, but IT's machine settings expect ${WRONG_CODE}. Nothing was enrolled: tell IT.`,
    );
    expect(log).toHaveLength(1);
    expect(enrolment).toBeNull();
  });

  it('says so when the share named cannot be used, and enrols nothing', async () => {
    const { status, enrolment } = await start(
      await computer(settings(join(root, 'no-such-share'), school.safetyCode)),
    );
    expect(status.enrolled).toBe(false);
    expect(status.machineSetting).toMatch(
      /^IT's machine settings name the school share at .*no-such-share, but this computer could not enrol with it: .* Nothing was enrolled; Safeguard Desk tries again each time it starts\. If this goes on, tell IT\.$/,
    );
    expect(enrolment).toBeNull();
  });

  it('reports a malformed file once, without quoting it, and ignores it', async () => {
    const cases: Array<[string, string]> = [
      [`{"share": "${CONTENT}`, 'it is not JSON'],
      [
        JSON.stringify({ share: school.share, safetyCode: CONTENT }),
        '"safetyCode" must be the code on the staff-room poster, XXXX-XXXX-XXXX',
      ],
      [
        JSON.stringify({ share: CONTENT, safetyCode: school.safetyCode }),
        '"share" must be the full path of the school share folder, or a bucket location such as s3://bucket/school',
      ],
      [JSON.stringify([CONTENT]), 'it must be a JSON object with "share" and "safetyCode"'],
      [
        JSON.stringify({
          share: school.share,
          safetyCode: school.safetyCode,
          pad: 'x'.repeat(20_000),
        }),
        'it is larger than the 16384 bytes allowed',
      ],
    ];
    for (const [content, problem] of cases) {
      const machine = await computer(content);
      const { status, log, enrolment } = await start(machine);
      expect(status.enrolled).toBe(false);
      expect(status.machineSetting).toBe(
        `IT's machine settings file (${machine.file}) was ignored: ${problem}. This computer was not enrolled from it: tell IT.`,
      );
      expect(log).toEqual([
        `IT's machine settings file (${machine.file}) is malformed and was ignored.`,
      ]);
      expect(status.machineSetting).not.toContain(CONTENT);
      expect(enrolment).toBeNull();
    }
  });

  it('refuses a machine file that is a symlink or a folder, unread', async () => {
    const target = await computer(settings(school.share, school.safetyCode));
    const linked = await computer(null);
    await symlink(target.file, linked.file);
    expect((await start(linked)).status.machineSetting).toContain('it is not a regular file');
    const folder = await computer(null);
    await mkdir(folder.file);
    expect((await start(folder)).enrolment).toBeNull();
  });

  it('refuses a machine file that users other than administrators could change', async () => {
    const writable = await computer(settings(school.share, school.safetyCode));
    await chmod(writable.file, 0o666);
    const refused = await start(writable);
    expect(refused.enrolment).toBeNull();
    expect(refused.status.machineSetting).toContain(
      'it or its folder can be changed by users other than administrators',
    );
    // Another user's file (only root can give a file away).
    if (process.getuid?.() === 0) {
      const foreign = await computer(settings(school.share, school.safetyCode));
      await chown(foreign.file, 65_534, 65_534);
      expect((await start(foreign)).enrolment).toBeNull();
    }
    const openFolder = join(root, 'open-folder');
    await mkdir(openFolder, { mode: 0o777 });
    await chmod(openFolder, 0o777);
    const inOpenFolder = { home: join(root, 'home-open'), file: join(openFolder, 'machine.json') };
    await writeFile(inOpenFolder.file, settings(school.share, school.safetyCode));
    expect((await start(inOpenFolder)).enrolment).toBeNull();
  });

  it('does nothing at all without a machine file', async () => {
    const { status, log, enrolment } = await start(await computer(null));
    expect(status).toMatchObject({ enrolled: false, machineSetting: null });
    expect(log).toEqual([]);
    expect(enrolment).toBeNull();
  });

  it('leaves an enrolled computer alone, whatever the file says', async () => {
    const machine = await computer(settings(school.share, WRONG_CODE));
    const { status, log } = await start({ home: school.staffHome, file: machine.file });
    expect(status).toMatchObject({ enrolled: true, machineSetting: null });
    expect(log).toEqual([]);
  });
});

describe('enroll without --share, for IT scripts', () => {
  const enroll = (machine: { home: string; file: string }) =>
    runCli(machine.home, ['enroll'], { SAFEGUARD_DESK_MACHINE_FILE: machine.file });

  it('enrols with the share in the machine file when its code matches', async () => {
    const machine = await computer(settings(school.share, school.safetyCode));
    const result = await enroll(machine);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `Enrolled with Barnsole Primary.\nSafety code: ${school.safetyCode}\nIt matches the code in IT's machine settings (${machine.file}).\n`,
    );
  });

  it('refuses with another code, and nothing is enrolled', async () => {
    const machine = await computer(settings(school.share, WRONG_CODE));
    const result = await enroll(machine);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `safeguard-desk: The school share at ${school.share} shows safety code ${school.safetyCode}, but IT's machine settings expect ${WRONG_CODE}. Nothing was enrolled: tell IT.\n`,
    );
    const store = await openStaffStore(machine.home, new UnprotectedFileKeyProvider(machine.home));
    try {
      expect(store.enrolment()).toBeNull();
    } finally {
      store.close();
    }
  });

  it('refuses a malformed file in words, and asks for --share when there is none', async () => {
    const bad = await computer('not json');
    const result = await enroll(bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `safeguard-desk: IT's machine settings file (${bad.file}) cannot be used: it is not JSON. Nothing was enrolled.\n`,
    );
    const none = await computer(null);
    const missing = await enroll(none);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('safeguard-desk: --share is required.\n');
  });
});

describe('where the machine file is', () => {
  it('is in ProgramData on Windows, /Library on macOS and /etc on Linux, unless the variable says', () => {
    expect(machineSettingsFile({ ProgramData: 'D:\\PD' }, 'win32')).toBe(
      'D:\\PD\\Safeguard Desk\\machine.json',
    );
    expect(machineSettingsFile({}, 'win32')).toBe('C:\\ProgramData\\Safeguard Desk\\machine.json');
    expect(machineSettingsFile({}, 'darwin')).toBe(
      '/Library/Application Support/Safeguard Desk/machine.json',
    );
    expect(machineSettingsFile({}, 'linux')).toBe('/etc/safeguard-desk/machine.json');
    expect(machineSettingsFile({ SAFEGUARD_DESK_MACHINE_FILE: '/tmp/m.json' }, 'linux')).toBe(
      '/tmp/m.json',
    );
  });

  it('normalises a safety code, and refuses what is not one', () => {
    expect(normaliseSafetyCode('7kq2 m9xd 4hrt')).toBe('7KQ2-M9XD-4HRT');
    expect(normaliseSafetyCode('7KQ2-M9XD-4HRO')).toBe('7KQ2-M9XD-4HR0');
    expect(normaliseSafetyCode('7KQ2-M9XD-4HR')).toBeNull();
    expect(normaliseSafetyCode('7KQ2-M9XD-4HRU')).toBeNull();
  });
});
