/**
 * Lead unlock as the app does it — `unlockLead` with the warm scrypt worker the unlock screen
 * started (crypto/warm-scrypt.ts; its warm-up, while the passphrase is typed, timed apart) — and
 * with Node's native scrypt behind age-encryption's `Identity` interface (the CLI's path), against
 * the same identity file opened with age-encryption's own pure-JS scrypt, in one run,
 * alternating so that load on the machine falls on all alike. Also the CPU time of each (all
 * threads; steadier than wall time on a shared machine) and how long each holds the event loop —
 * in the app, the Electron main process — at most.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Decrypter } from 'age-encryption';
import { WarmScrypt } from '../src/crypto';
import { FormRegistry } from '../src/forms';
import { homePaths } from '../src/home';
import { unlockLead } from '../src/lead';
import { leadSecretsSchema } from '../src/lead/identity';
import { LeadSession } from '../src/session/lead-session';
import { UnprotectedFileKeyProvider } from '../src/storage/key-provider';

/** Milliseconds per unlock: wall time, CPU time, and the longest event-loop stall. */
export interface UnlockSample {
  ms: number;
  cpuMs: number;
  stallMs: number;
}

/** The samples of each path, in the order they were taken. */
export interface UnlockSamples {
  /** The app: a fresh warm worker each time (as each showing of the unlock screen starts one). */
  warm: UnlockSample[];
  /** Each warm worker's start to ready, in ms: spent while the lead types the passphrase. */
  warmUp: number[];
  /**
   * The whole of the app's unlock after its unlock screen warmed up: `LeadSession.unlock`, which
   * also opens the case store, reads the roster and audits the unlock.
   */
  session: UnlockSample[];
  native: UnlockSample[];
  library: UnlockSample[];
  /** Node's scrypt alone at age's default parameters (its 256 MiB asked for afresh each time). */
  floor: UnlockSample[];
}

/** Unlocks the lead in `home` `repeats` times each way, alternating, starting with native. */
export async function benchUnlock(
  home: string,
  passphrase: string,
  repeats: number,
): Promise<UnlockSamples> {
  const samples: UnlockSamples = {
    warm: [],
    warmUp: [],
    session: [],
    native: [],
    library: [],
    floor: [],
  };
  for (let i = 0; i < repeats; i++) {
    const lead = new LeadSession({
      home,
      keyProvider: new UnprotectedFileKeyProvider(home),
      forms: FormRegistry.load({}),
    });
    if (!(await lead.prepareUnlock())) throw new Error('unlock: the session did not warm up');
    const session = await timed(() => lead.unlock(passphrase));
    samples.session.push(session.sample);
    await lead.importNow();
    lead.close();
    const t0 = performance.now();
    const warmScrypt = WarmScrypt.start();
    if (!(await warmScrypt.ready)) throw new Error('unlock: the warm scrypt worker did not start');
    samples.warmUp.push(performance.now() - t0);
    const warm = await timed(() => unlockLead(home, passphrase, warmScrypt.derive));
    warmScrypt.close();
    samples.warm.push(warm.sample);
    const floor = await timed(() => scryptFloor(passphrase));
    samples.floor.push(floor.sample);
    const native = await timed(() => unlockLead(home, passphrase));
    samples.native.push(native.sample);
    const library = await timed(() => libraryUnlock(home, passphrase));
    samples.library.push(library.sample);
    if (
      native.value.recipientId !== library.value.recipientId ||
      warm.value.recipientId !== library.value.recipientId
    ) {
      throw new Error('unlock: the paths opened different identities');
    }
  }
  return samples;
}

/** One scrypt at age's default work factor (N = 2^18, r = 8, p = 1), off the main thread. */
function scryptFloor(passphrase: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase,
      randomBytes(16),
      32,
      { N: 2 ** 18, r: 8, p: 1, maxmem: 512 * 2 ** 20 },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  );
}

/** What `unlockLead` did before native scrypt: the same file, age-encryption's passphrase path. */
async function libraryUnlock(home: string, passphrase: string) {
  const sealed = await readFile(homePaths(home).leadIdentity);
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  const plain = await decrypter.decrypt(sealed);
  return leadSecretsSchema.parse(JSON.parse(Buffer.from(plain).toString('utf8')));
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; sample: UnlockSample }> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // The monitor counts a stall only after its first tick: a stall before that would be missed.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // Let the timer phase run once, so that a stall at the very end is recorded too.
  await new Promise((resolve) => setTimeout(resolve, 25));
  loop.disable();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { value, sample: { ms, cpuMs, stallMs: loop.max / 1e6 } };
}
