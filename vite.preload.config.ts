// Preload bundle. Sandboxed preloads cannot be ES modules, so it stays CommonJS (the plugin's
// default) and is named .cjs, because package.json's "type": "module" makes a .js file ESM.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'chrome140',
    rollupOptions: {
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
