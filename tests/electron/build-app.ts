/**
 * Builds .vite/ exactly as `electron-forge package` does before packaging (same Vite plugin
 * config, same merge of Forge's defaults), without needing the packager or an Electron download.
 */
import { createRequire } from 'node:module';
import type ViteConfigGeneratorClass from '@electron-forge/plugin-vite/dist/ViteConfig';
import { build } from 'vite';
import { vitePluginConfig } from '../../forge.config';

// The plugin's own config generator (a CommonJS module with a default export, not in its public
// entry point): loaded with require so both Node and Vitest see the same shape.
const require = createRequire(import.meta.url);
const { default: Generator } = require('@electron-forge/plugin-vite/dist/ViteConfig') as {
  default: typeof ViteConfigGeneratorClass;
};

/** Production build of main, preload and renderer into `<projectDir>/.vite/`. */
export async function buildApp(projectDir: string): Promise<void> {
  const generator = new Generator(vitePluginConfig, projectDir, true);
  const configs = [
    ...(await generator.getBuildConfigs()),
    ...(await generator.getRendererConfig()),
  ];
  for (const config of configs) {
    await build({ configFile: false, logLevel: 'error', ...config });
  }
}
