/**
 * The thread behind `WarmScrypt` (warm-scrypt.ts): libsodium's scrypt, compiled to WebAssembly,
 * kept warm. On start it runs one throwaway derivation at age's default work factor, so that its
 * 256 MiB is already grown and touched and its code compiled when the real passphrase arrives;
 * most of a cold derivation's time is spent there, not in scrypt. Then it answers derivations
 * (N = 2^logN, r = 8, p = 1, 32 bytes) one at a time, in order.
 *
 * Runs as a worker only: started by warm-scrypt.ts from this file (tests, the web host) or from
 * the copy Vite builds beside main.js (the app). It imports no module of ours, so Node can run the
 * TypeScript file as it is. Nothing is logged; the passphrase bytes are zeroed once used.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import sodium from 'libsodium-wrappers-sumo';

/** age's default work factor, the one a lead's identity file carries. */
const WARM_LOG_N = 18;
const R = 8;
const P = 1;
const KEY_SIZE = 32;

interface DeriveRequest {
  id: number;
  secret: Uint8Array;
  salt: Uint8Array;
  logN: number;
}

const port: MessagePort = (() => {
  if (parentPort === null) throw new Error('scrypt-worker runs as a worker thread only');
  return parentPort;
})();

// No top-level await: the app's copy is CommonJS (see vite.worker.config.ts).
void sodium.ready.then(() => {
  sodium.crypto_pwhash_scryptsalsa208sha256_ll(
    sodium.randombytes_buf(16),
    sodium.randombytes_buf(16),
    2 ** WARM_LOG_N,
    R,
    P,
    KEY_SIZE,
  );
  port.postMessage({ ready: true });
  port.on('message', derive);
});

function derive(request: DeriveRequest): void {
  try {
    const key = sodium.crypto_pwhash_scryptsalsa208sha256_ll(
      request.secret,
      request.salt,
      2 ** request.logN,
      R,
      P,
      KEY_SIZE,
    );
    port.postMessage({ id: request.id, key });
    key.fill(0);
  } catch {
    port.postMessage({ id: request.id, error: true });
  } finally {
    request.secret.fill(0);
  }
}
