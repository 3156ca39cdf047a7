/**
 * scrypt made ready before the passphrase is typed, so that unlocking takes well under a second.
 *
 * Why: at age's default work factor scrypt needs 256 MiB, and most of a cold derivation is spent
 * having the operating system hand that memory over page by page (Node's scrypt asks for it afresh
 * each time), not in scrypt itself. A `WarmScrypt` starts a worker thread running libsodium's scrypt
 * (WebAssembly) and has it derive one throwaway key at once; its memory then stays grown and
 * touched, and the real derivation, when the lead presses Unlock, costs scrypt's work alone. The
 * session starts one when the unlock screen opens and closes it once unlocked (giving the memory
 * back), or after `idleMs` unused.
 *
 * The derivation runs on the worker, never on the event loop (the Electron main process). Should
 * the worker not start, fail or die, or not be warm yet, each derivation falls back to Node's own
 * scrypt: the same bytes, only slower. Nothing is logged; the passphrase travels to the worker as
 * bytes, which are zeroed there once used.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nodeScrypt, type ScryptDerive } from './native-scrypt';

/** A warm worker unused this long is closed, giving its memory back. */
export const WARM_SCRYPT_IDLE_MS = 10 * 60_000;

/**
 * The worker's script: beside the app's main.js once Vite has built it (scrypt-worker.cjs, see
 * forge.config.ts), else the source beside this file (tests, the web host, `npm run bench`).
 */
function workerScript(): URL | null {
  for (const name of ['./scrypt-worker.cjs', './scrypt-worker.ts']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

interface Pending {
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

export class WarmScrypt {
  /** Settles when the worker has warmed up (true) or could not (false: Node's scrypt is used). */
  readonly ready: Promise<boolean>;
  private warm = false;
  private worker: Worker | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  private constructor(
    script: URL | null,
    private readonly idleMs: number,
  ) {
    this.worker = script === null ? null : startWorker(script);
    const worker = this.worker;
    if (worker === null) {
      this.ready = Promise.resolve(false);
      return;
    }
    this.ready = new Promise<boolean>((resolve) => {
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) {
          this.warm = true;
          resolve(true);
          return;
        }
        const waiting = this.pending.get(message.id);
        if (waiting === undefined) return;
        this.pending.delete(message.id);
        if ('key' in message) {
          waiting.resolve(Buffer.from(message.key));
          message.key.fill(0);
        } else {
          waiting.reject(new Error('the scrypt worker could not derive the key'));
        }
      });
      const gone = () => {
        resolve(false);
        this.stop(new Error('the scrypt worker stopped'));
      };
      worker.on('error', gone);
      worker.on('exit', gone);
    });
    // The idle time counts from the end of the warm-up.
    void this.ready.then((ok) => ok && this.touch());
  }

  /** Starts a worker and its warm-up now; `derive` may be called at once (Node's, until warm). */
  static start(options: { idleMs?: number; script?: URL | null } = {}): WarmScrypt {
    const script = options.script === undefined ? workerScript() : options.script;
    return new WarmScrypt(script, options.idleMs ?? WARM_SCRYPT_IDLE_MS);
  }

  /** Whether the worker is still there (not closed, not failed, not idle too long). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** scrypt at age's parameters on the warm worker; Node's scrypt if it is not there or not warm. */
  readonly derive: ScryptDerive = async (secret, salt, logN) => {
    this.touch();
    // Still warming up (the passphrase came quickly, say from a password manager): Node's scrypt
    // now is sooner than the rest of the warm-up and then the derivation.
    if (!this.warm || this.worker === null) return nodeScrypt(secret, salt, logN);
    const worker = this.worker;
    const id = this.nextId++;
    const copy = new Uint8Array(secret);
    try {
      return await new Promise<Buffer>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        worker.postMessage({ id, secret: copy, salt: new Uint8Array(salt), logN });
      });
    } catch {
      return nodeScrypt(secret, salt, logN);
    } finally {
      copy.fill(0);
      this.touch();
    }
  };

  /** Ends the worker (its memory goes back to the system); later derivations use Node's scrypt. */
  close(): void {
    this.stop(new Error('the scrypt worker was closed'));
  }

  private stop(reason: Error): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
    if (worker !== null) void worker.terminate();
  }

  private touch(): void {
    if (this.worker === null) return;
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.idleMs);
    this.idleTimer.unref();
  }
}

type WorkerMessage =
  { ready: true } | { id: number; key: Uint8Array } | { id: number; error: true };

function startWorker(script: URL): Worker | null {
  try {
    const worker = new Worker(script, { stdout: true, stderr: true });
    // A warm worker must never keep the process alive on its own (the CLI, a test's end).
    worker.unref();
    return worker;
  } catch {
    return null;
  }
}
