/**
 * Issue 8 §1.3: joining as a lead takes the one-time passphrase the DSL gave with the identity
 * file and a passphrase of the lead's own; the identity file is then destroyed, so the one-time
 * passphrase stops opening anything. On read-only media the file stays, and the lead is told to
 * destroy it. Through the real CLI.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithPassphrase } from '../../src/crypto';
import { openRecoveryFile } from '../../src/lead';
import { openShare } from '../../src/share';
import { cliJson, runCli } from './support/cli';
import { mountReadOnly, mountsUnavailable, unmount } from './support/mounts';
import {
  makeSchool,
  oneTimePassphraseFile,
  PASSPHRASE,
  type SchoolFixture,
} from './support/school';

describe('lead join with a one-time passphrase', () => {
  let school: SchoolFixture;

  /** The DSL adds `role` with a new identity file sealed with a one-time passphrase. */
  async function addRecipient(role: string, identityFile: string) {
    const oneTime = await oneTimePassphraseFile(school, role);
    const added = await cliJson<{ id: string }>(school.dslHome, [
      'school',
      'add-recipient',
      '--role',
      role,
      '--name',
      `${role} person`,
      '--passphrase-file',
      school.passphraseFile,
      '--new-passphrase-file',
      oneTime,
      '--identity-out',
      identityFile,
    ]);
    const own = join(school.root, `${role}-own.txt`);
    await writeFile(own, `${PASSPHRASE} of my own, ${role}\n`);
    return { oneTime, own, id: added.id };
  }

  function joinLead(home: string, identity: string, oneTime: string, own: string) {
    return runCli(home, [
      'lead',
      'join',
      '--identity',
      identity,
      '--share',
      school.share,
      '--passphrase-file',
      oneTime,
      '--new-passphrase-file',
      own,
      '--json',
    ]);
  }

  beforeAll(async () => {
    school = await makeSchool();
  });
  afterAll(async () => school.cleanup());

  it('refuses a new passphrase that is the one-time one, writing nothing and keeping the file', async () => {
    const identity = join(school.root, 'chair.identity.age');
    const { oneTime } = await addRecipient('chair', identity);
    // The same passphrase saved another way (CRLF) is still the same passphrase.
    const same = join(school.root, 'chair-same.txt');
    await writeFile(same, `${(await readFile(oneTime, 'utf8')).trimEnd()}\r\n`);
    const home = join(school.root, 'chair-home');
    const result = await joinLead(home, identity, oneTime, same);
    expect(result.stderr).toBe(
      'safeguard-desk: Choose a passphrase of your own: it must not be the one-time passphrase you were given.\n',
    );
    expect(result.code).toBe(1);
    await expect(stat(home)).rejects.toThrow();
    await expect(stat(identity)).resolves.toBeTruthy();
  });

  describe('once joined', () => {
    const identity = () => join(school.root, 'deputy.identity.age');
    const home = () => join(school.root, 'deputy-home');
    let files: { oneTime: string; own: string; id: string };
    let joined: { recoveryKey: string; identityFileRemoved: boolean; recipientId: string };

    beforeAll(async () => {
      files = await addRecipient('deputy', identity());
      const result = await joinLead(home(), identity(), files.oneTime, files.own);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      joined = JSON.parse(result.stdout) as typeof joined;
    });

    it('has deleted the identity file it was given, and says so', async () => {
      expect(joined.identityFileRemoved).toBe(true);
      await expect(stat(identity())).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('unlocks with the lead’s own passphrase, and not with the one-time one', async () => {
      const own = await runCli(home(), ['lead', 'list', '--passphrase-file', files.own]);
      expect(own.stderr).toBe('');
      expect(own.code).toBe(0);
      const oneTime = await runCli(home(), ['lead', 'list', '--passphrase-file', files.oneTime]);
      expect(oneTime.code).toBe(1);
      expect(oneTime.stderr).toMatch(/^safeguard-desk: The passphrase is wrong\./);
    });

    it('leaves nothing the one-time passphrase opens: not the home copy, not the recovery file', async () => {
      const oneTime = (await readFile(files.oneTime, 'utf8')).trimEnd();
      const homeCopy = await readFile(join(home(), 'lead', 'identity.age'));
      await expect(openWithPassphrase(homeCopy, oneTime)).rejects.toMatchObject({
        code: 'wrong-passphrase',
      });
      const recovery = await openShare(school.share).readRecoveryFile(`${files.id}.age`);
      await expect(openRecoveryFile(recovery, oneTime)).rejects.toMatchObject({
        code: 'wrong-recovery-key',
      });
      await expect(openRecoveryFile(recovery, joined.recoveryKey)).resolves.toMatchObject({
        recipientId: files.id,
      });
    });
  });

  it.skipIf(mountsUnavailable !== null)(
    'joins from read-only media, and tells the lead to destroy the file it could not delete',
    async () => {
      const media = join(school.root, 'usb-stick');
      await mkdir(media);
      const identity = join(media, 'head.identity.age');
      const { oneTime, own } = await addRecipient('headteacher', identity);
      mountReadOnly(media);
      try {
        const result = await joinLead(join(school.root, 'head-home'), identity, oneTime, own);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toMatchObject({ identityFileRemoved: false });
        expect(result.stderr).toBe(
          `safeguard-desk: warning: the identity file ${identity} could not be deleted (read-only?). Destroy it yourself now: with the one-time passphrase it still opens your keys.\n`,
        );
        await expect(stat(identity)).resolves.toBeTruthy();
      } finally {
        unmount(media);
      }
    },
  );
});
