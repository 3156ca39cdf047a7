// Main-process bundle. Merged by the Forge Vite plugin over its defaults (node builtins and
// electron external, `.vite/build` output, MAIN_WINDOW_VITE_* defines).
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * pdfkit (the staff-room poster) loads its standard fonts' metrics at run time with
 * `createRequire(import.meta.url)('#standard-fonts/…')`, a subpath import of pdfkit's own
 * package.json that no longer resolves once pdfkit is bundled into main.js. This turns each of
 * those loaders into a static import of the same data module, so the bundle carries the metrics;
 * it fails the build if pdfkit changes how it loads them.
 */
export function pdfkitStandardFonts(): Plugin {
  const loader = /\brequire\$1\('#standard-fonts\/([A-Za-z]+)'\)/g;
  return {
    name: 'safeguard-desk:pdfkit-standard-fonts',
    transform(code, id) {
      if (!/[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/.test(id)) return null;
      const names = new Set<string>();
      const rewritten = code.replace(loader, (_match, name: string) => {
        names.add(name);
        return `__standardFont_${name}`;
      });
      if (names.size === 0) {
        this.error('pdfkit no longer loads its standard fonts as this plugin expects.');
      }
      const imports = [...names]
        .map((name) => `import __standardFont_${name} from 'pdfkit/standard-fonts/${name}';`)
        .join('\n');
      return { code: `${imports}\n${rewritten}`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [pdfkitStandardFonts()],
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
