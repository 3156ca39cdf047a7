/**
 * Issue 6 C18: the share's folders and files get explicit permissions whatever the umask — not
 * 0777 folders and 0666 files under `umask 000`.
 */
import { execFile } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactAnswers, reportArgs, tempWorkspace, writeAnswers } from '../support/school';
import { cliArgv } from '../support/cli';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let ws: Awaited<ReturnType<typeof tempWorkspace>>;

/** Runs the CLI under `umask 000`. */
function cliUnderUmask000(home: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const command = ['umask 000;', 'exec', JSON.stringify(process.execPath)]
      .concat(cliArgv(args).map((a) => `'${a.replace(/'/g, "'\\''")}'`))
      .join(' ');
    execFile(
      'sh',
      ['-c', command],
      { cwd: repoRoot, env: { ...process.env, SAFEGUARD_DESK_HOME: home } },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
    );
  });
}

const mode = async (path: string) => (await stat(path)).mode & 0o777;

beforeAll(async () => {
  ws = await tempWorkspace();
  const dsl = join(ws.root, 'dsl');
  const staff = join(ws.root, 'staff');
  await cliUnderUmask000(dsl, [
    'school',
    'init',
    '--share',
    ws.share,
    '--school',
    'Barnsole Primary',
    '--lead-name',
    'Ellie Shea',
    '--passphrase-file',
    ws.passphraseFile,
  ]);
  await cliUnderUmask000(staff, ['enroll', '--share', ws.share]);
  const filed = await cliUnderUmask000(staff, [
    ...reportArgs(await writeAnswers(ws.root, contactAnswers())),
    '--json',
  ]);
  const { reference } = JSON.parse(filed) as { reference: string };
  await cliUnderUmask000(dsl, ['lead', 'import', '--passphrase-file', ws.passphraseFile]);
  // Opening the case is what writes the reporter's acknowledgement.
  await cliUnderUmask000(dsl, ['lead', 'show', reference, '--passphrase-file', ws.passphraseFile]);
});
afterAll(async () => {
  await rm(ws.root, { recursive: true, force: true });
});

describe('share permissions under umask 000', () => {
  it('gives every share folder 0770', async () => {
    for (const folder of ['concerns', 'acks', 'events', 'extracts', 'recovery']) {
      expect((await mode(join(ws.share, folder))).toString(8), folder).toBe('770');
    }
  });

  it('gives school.json, concerns, acknowledgements and recovery files 0640', async () => {
    expect((await mode(join(ws.share, 'school.json'))).toString(8)).toBe('640');
    for (const folder of ['concerns', 'acks', 'recovery']) {
      const [name] = await readdir(join(ws.share, folder));
      expect((await mode(join(ws.share, folder, name ?? 'missing'))).toString(8), folder).toBe(
        '640',
      );
    }
  });
});
