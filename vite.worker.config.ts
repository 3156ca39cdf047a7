// The warm scrypt worker's bundle (src/crypto/scrypt-worker.ts with libsodium inside), built by
// Forge beside main.js as .vite/build/scrypt-worker.cjs, where src/crypto/warm-scrypt.ts finds it.
// CommonJS: a worker thread loads a CommonJS script from inside app.asar.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    lib: {
      entry: resolve(import.meta.dirname, 'src/crypto/scrypt-worker.ts'),
      formats: ['cjs'],
      fileName: () => 'scrypt-worker.cjs',
    },
    target: 'node22',
  },
});
