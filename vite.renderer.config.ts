// Renderer bundle (React). Forge merges this over its defaults; root and outDir are absolute so
// the same file works under Forge and alone: `npx vite build --config vite.renderer.config.ts`
// writes .vite/renderer/main_window/, where main/main.ts serves it from.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from './main/csp';

const projectDir = import.meta.dirname;
const cspMeta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;

/**
 * Build: fail unless index.html carries exactly the CSP of main/csp.ts (no silent drift).
 * Dev server only: loosen it for Vite's inline HMR client and React Refresh preamble.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'safeguard-desk:csp',
    transformIndexHtml(html, context) {
      const match = cspMeta.exec(html);
      if (match?.[1] !== metaContentSecurityPolicy) {
        throw new Error(
          `renderer/index.html must carry the CSP of main/csp.ts in a <meta http-equiv> tag:\n` +
            metaContentSecurityPolicy,
        );
      }
      if (context.server === undefined) return html;
      const devPolicy = metaContentSecurityPolicy
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'none'", "connect-src 'self' ws://localhost:*");
      return html.replace(match[0], match[0].replace(metaContentSecurityPolicy, devPolicy));
    },
  };
}

export default defineConfig({
  root: resolve(projectDir, 'renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: resolve(projectDir, '.vite/renderer/main_window'),
    emptyOutDir: true,
    target: 'chrome140',
  },
});
