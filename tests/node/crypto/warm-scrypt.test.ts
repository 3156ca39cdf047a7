/**
 * The warm scrypt worker (crypto/warm-scrypt.ts): libsodium's scrypt on a worker thread gives the
 * bytes Node's scrypt gives, opens what Debian's `age -p` sealed, falls back to Node's scrypt when
 * the worker is missing, broken or closed mid-derivation, ends itself when unused, and is built
 * by the app's own Vite configuration as a script that runs. The lead's session starts one for the
 * unlock screen and ends it once unlocked. Real worker threads, real crypto, real identity files.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type ViteConfigGeneratorClass from '@electron-forge/plugin-vite/dist/ViteConfig';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vitePluginConfig } from '../../../forge.config';
import { openWithPassphrase, sealWithPassphrase } from '../../../src/crypto';
import { nodeScrypt } from '../../../src/crypto/native-scrypt';
import { WarmScrypt } from '../../../src/crypto/warm-scrypt';
import { dispatch } from '../../../src/api/dispatch';
import { FormRegistry } from '../../../src/forms';
import { unlockLead } from '../../../src/lead';
import { openSession } from '../../../src/session';
import { LeadSession } from '../../../src/session/lead-session';
import { UnprotectedFileKeyProvider } from '../../../src/storage/key-provider';
import { ageOnTerminal, hasAge, hasScript } from '../support/age';
import { makeSchool, PASSPHRASE, tempWorkspace, type SchoolFixture } from '../support/school';

const projectDir = resolve(import.meta.dirname, '../../..');
const SECRET = Buffer.from('a long enough passphrase');

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let warm: WarmScrypt;

beforeAll(async () => {
  ws = await tempWorkspace();
  warm = WarmScrypt.start();
});
afterAll(async () => {
  warm?.close();
  if (ws !== undefined) await rm(ws.root, { recursive: true, force: true });
});

describe('a warm scrypt worker', () => {
  it('warms up, then derives what Node derives, at low work factors and at age’s default', async () => {
    expect(await warm.ready).toBe(true);
    for (const logN of [1, 10, 14, 18]) {
      const salt = randomBytes(44);
      const secret = randomBytes(1 + logN);
      const key = await warm.derive(secret, salt, logN);
      expect(key).toHaveLength(32);
      expect(key.equals(await nodeScrypt(secret, salt, logN))).toBe(true);
    }
    // A different secret gives a different key (the comparison above could fail).
    const salt = randomBytes(44);
    const a = await warm.derive(SECRET, salt, 10);
    const b = await warm.derive(Buffer.from('a long enough passphrasf'), salt, 10);
    expect(a.equals(b)).toBe(false);
  });

  it('answers derivations asked for at once, each with its own key', async () => {
    const inputs = Array.from({ length: 4 }, () => ({
      secret: randomBytes(12),
      salt: randomBytes(44),
    }));
    const keys = await Promise.all(inputs.map((i) => warm.derive(i.secret, i.salt, 12)));
    for (const [n, i] of inputs.entries()) {
      expect(keys[n]?.equals(await nodeScrypt(i.secret, i.salt, 12))).toBe(true);
    }
  });

  it('opens a passphrase file, and says a wrong passphrase is wrong', async () => {
    const sealed = await sealWithPassphrase(Buffer.from('the lead identity'), PASSPHRASE);
    const opened = await openWithPassphrase(sealed, PASSPHRASE, warm.derive);
    expect(Buffer.from(opened).toString()).toBe('the lead identity');
    await expect(
      openWithPassphrase(sealed, 'not the passphrase', warm.derive),
    ).rejects.toMatchObject({ code: 'wrong-passphrase' });
    // The worker is still there for the next try.
    expect(warm.running).toBe(true);
  });

  it.skipIf(!(hasAge && hasScript))('opens what Debian’s `age -p` sealed', async () => {
    const plain = join(ws.root, 'plain.txt');
    const sealed = join(ws.root, 'by-age.age');
    await writeFile(plain, 'sealed by Debian age');
    expect(ageOnTerminal(['-p', '-o', sealed, plain], [PASSPHRASE, PASSPHRASE])).toBe(0);
    const bytes = await readFile(sealed);
    const opened = await openWithPassphrase(bytes, PASSPHRASE, warm.derive);
    expect(Buffer.from(opened).toString()).toBe('sealed by Debian age');
  });
});

describe('without a working worker, Node’s scrypt answers', () => {
  it('when the worker script is missing', async () => {
    const missing = WarmScrypt.start({
      script: pathToFileURL(join(ws.root, 'no-such-worker.cjs')),
    });
    expect(await missing.ready).toBe(false);
    const salt = randomBytes(44);
    expect(
      (await missing.derive(SECRET, salt, 10)).equals(await nodeScrypt(SECRET, salt, 10)),
    ).toBe(true);
    missing.close();
  });

  it('when the worker throws as it starts', async () => {
    const script = join(ws.root, 'broken-worker.cjs');
    await writeFile(script, "throw new Error('broken');\n");
    const broken = WarmScrypt.start({ script: pathToFileURL(script) });
    expect(await broken.ready).toBe(false);
    expect(broken.running).toBe(false);
    const salt = randomBytes(44);
    expect((await broken.derive(SECRET, salt, 10)).equals(await nodeScrypt(SECRET, salt, 10))).toBe(
      true,
    );
  });

  it('when the passphrase comes before the warm-up is over', async () => {
    const early = WarmScrypt.start();
    let warmedUp = false;
    void early.ready.then(() => (warmedUp = true));
    const salt = randomBytes(44);
    const key = await early.derive(SECRET, salt, 10);
    // Answered without waiting for the warm-up (which takes a second or more at 2^18).
    expect(warmedUp).toBe(false);
    expect(key.equals(await nodeScrypt(SECRET, salt, 10))).toBe(true);
    expect(await early.ready).toBe(true);
    early.close();
  });

  it('when the worker is closed during a derivation', async () => {
    const closing = WarmScrypt.start();
    expect(await closing.ready).toBe(true);
    const salt = randomBytes(44);
    const asked = closing.derive(SECRET, salt, 16);
    // The request is posted once `ready` has settled: close it just after.
    await new Promise((done) => setImmediate(done));
    closing.close();
    expect(closing.running).toBe(false);
    expect((await asked).equals(await nodeScrypt(SECRET, salt, 16))).toBe(true);
  });

  it('when it has been unused for its idle time, having given its memory back', async () => {
    const idle = WarmScrypt.start({ idleMs: 200 });
    expect(await idle.ready).toBe(true);
    await new Promise((done) => setTimeout(done, 600));
    expect(idle.running).toBe(false);
    const salt = randomBytes(44);
    expect((await idle.derive(SECRET, salt, 10)).equals(await nodeScrypt(SECRET, salt, 10))).toBe(
      true,
    );
  });
});

describe('the app’s build of the worker', () => {
  it('is built by Forge’s Vite configuration beside main.js, and derives as the source does', async () => {
    // The plugin's own config generator, as tests/electron/build-app.ts uses it; the worker's
    // entry alone, written to a temporary folder instead of .vite/build.
    const require = createRequire(import.meta.url);
    const { default: Generator } = require('@electron-forge/plugin-vite/dist/ViteConfig') as {
      default: typeof ViteConfigGeneratorClass;
    };
    const generator = new Generator(vitePluginConfig, projectDir, true);
    const configs = await generator.getBuildConfigs();
    const workerConfigs = configs.filter((c) =>
      JSON.stringify(c.build?.lib ?? {}).includes('scrypt-worker'),
    );
    expect(workerConfigs).toHaveLength(1);
    const outDir = join(ws.root, 'vite-build');
    await build({
      configFile: false,
      logLevel: 'error',
      ...workerConfigs[0],
      build: { ...workerConfigs[0]?.build, outDir, emptyOutDir: true },
    });
    const built = WarmScrypt.start({ script: pathToFileURL(join(outDir, 'scrypt-worker.cjs')) });
    try {
      expect(await built.ready).toBe(true);
      const salt = randomBytes(44);
      expect(
        (await built.derive(SECRET, salt, 14)).equals(await nodeScrypt(SECRET, salt, 14)),
      ).toBe(true);
    } finally {
      built.close();
    }
  });
});

describe('the lead’s session', () => {
  let school: SchoolFixture;
  let lead: LeadSession;

  beforeAll(async () => {
    school = await makeSchool();
    lead = new LeadSession({
      home: school.dslHome,
      keyProvider: new UnprotectedFileKeyProvider(school.dslHome),
      forms: FormRegistry.load({}),
    });
  });
  afterAll(async () => {
    lead?.close();
    await school?.cleanup();
  });

  it('keeps scrypt warm while the unlock screen is open, and lets it go once unlocked', async () => {
    expect(lead.unlockPrepared).toBe(false);
    expect(await lead.prepareUnlock()).toBe(true);
    expect(lead.unlockPrepared).toBe(true);
    // A wrong passphrase leaves it ready for the next try.
    await expect(lead.unlock('not the passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(lead.unlockPrepared).toBe(true);
    await lead.unlock(PASSPHRASE);
    expect(lead.status()).toMatchObject({ unlocked: true, name: 'Ellie Shea' });
    expect(lead.unlockPrepared).toBe(false);
    // While unlocked there is nothing to prepare.
    expect(await lead.prepareUnlock()).toBe(false);
    expect(lead.unlockPrepared).toBe(false);
    lead.lock();
    void lead.prepareUnlock();
    expect(lead.unlockPrepared).toBe(true);
    // The identity it opens is the one Node's scrypt opens.
    const secrets = await unlockLead(school.dslHome, PASSPHRASE);
    await lead.unlock(PASSPHRASE);
    expect(lead.status().recipientId).toBe(secrets.recipientId);
    lead.lock();
  });

  it('prepares nothing on a computer without a lead identity', async () => {
    const staff = new LeadSession({
      home: school.staffHome,
      keyProvider: new UnprotectedFileKeyProvider(school.staffHome),
      forms: FormRegistry.load({}),
    });
    expect(await staff.prepareUnlock()).toBe(false);
    expect(staff.unlockPrepared).toBe(false);
    staff.close();
  });

  it('is asked for through the API the unlock screen calls, which answers at once with the status', async () => {
    for (const [home, isLead] of [
      [school.dslHome, true],
      [school.staffHome, false],
    ] as const) {
      const session = await openSession({
        home,
        keyProvider: new UnprotectedFileKeyProvider(home),
        machineFile: null,
      });
      try {
        const answer = await dispatch(session.handlers, 'lead.prepareUnlock', undefined);
        expect(answer).toMatchObject({ ok: true, value: { isLead, unlocked: false } });
        if (isLead) {
          const unlocked = await dispatch(session.handlers, 'lead.unlock', {
            passphrase: PASSPHRASE,
          });
          expect(unlocked).toMatchObject({ ok: true, value: { unlocked: true } });
        }
      } finally {
        session.close();
      }
    }
  });
});
