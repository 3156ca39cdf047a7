// Main-process bundle. Merged by the Forge Vite plugin over its defaults (node builtins and
// electron external, `.vite/build` output, MAIN_WINDOW_VITE_* defines).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    // ESM, not the plugin's default CJS: package.json says "type": "module", so Electron loads
    // .vite/build/main.js as an ES module. Electron 45 supports an ESM main; ESM-only
    // age-encryption and the rest of src/ are bundled in.
    lib: {
      entry: resolve(import.meta.dirname, 'main/main.ts'),
      formats: ['es'],
      fileName: () => 'main.js',
    },
    target: 'node22',
    rollupOptions: {
      // Native addon: loaded at run time from node_modules (see forge.config.ts), never bundled.
      external: ['better-sqlite3-multiple-ciphers'],
    },
  },
});
