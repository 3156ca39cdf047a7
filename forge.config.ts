// Electron Forge: how Safeguard Desk is built, packaged and turned into installers.
import { cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerRpm } from '@electron-forge/maker-rpm';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerWix } from '@electron-forge/maker-wix';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { VitePluginConfig } from '@electron-forge/plugin-vite/dist/Config';
import type { ForgeArch, ForgeConfig, ForgePlatform } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const manufacturer = 'Safeguard Desk Project';
// The MSI upgrade code identifies the product to Windows Installer: NEVER change it, or IT's
// upgrades install side by side instead of replacing the old version.
const wixUpgradeCode = '743DA72F-CF03-481E-9438-7B7795C5F1E7';
// Not "safeguard-desk": on Linux that name is the CLI's, which IT uses to enrol machines.
const executableName = 'safeguard-desk-app';

/** The Vite builds; exported so tests/electron can build exactly what Forge packages. */
export const vitePluginConfig: VitePluginConfig = {
  build: [
    { entry: 'main/main.ts', config: 'vite.main.config.ts', target: 'main' },
    { entry: 'main/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
    // The warm scrypt worker (crypto/warm-scrypt.ts), a script of its own beside main.js.
    { entry: 'src/crypto/scrypt-worker.ts', config: 'vite.worker.config.ts', target: 'main' },
  ],
  renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
};

const require = createRequire(import.meta.url);
const nativeModule = 'better-sqlite3-multiple-ciphers';

/** The prebuilt addons that run on the target; the package ships all platforms. */
function prebuildsFor(platform: ForgePlatform, arch: ForgeArch): string[] {
  const os = platform === 'mas' ? 'darwin' : platform;
  const arches = arch === 'universal' ? ['x64', 'arm64'] : [arch];
  return arches.map((a) => `${os}-${a}.node`);
}

/**
 * The Vite plugin packages only .vite/, and the main bundle leaves the native SQLite module
 * external, so copy it (JS, and only this target's N-API prebuild, which needs no rebuild for
 * Electron) and its one dependency into the app's node_modules. The asar unpack rules below put
 * the .node file beside app.asar, where Electron loads it from.
 */
async function copyNativeModule(buildPath: string, platform: ForgePlatform, arch: ForgeArch) {
  const source = dirname(require.resolve(`${nativeModule}/package.json`));
  const target = join(buildPath, 'node_modules', nativeModule);
  const wanted = prebuildsFor(platform, arch);
  await mkdir(join(target, 'prebuilds'), { recursive: true });
  await cp(join(source, 'package.json'), join(target, 'package.json'));
  await cp(join(source, 'lib'), join(target, 'lib'), { recursive: true });
  for (const file of wanted) {
    await cp(join(source, 'prebuilds', file), join(target, 'prebuilds', file)).catch(() => {
      throw new Error(`${nativeModule} has no prebuilt addon ${file} for ${platform}-${arch}.`);
    });
  }
  // node-addon-api only holds headers, but it is the module's declared dependency: keep the
  // dependency tree whole for tools that walk it.
  const addonApi = dirname(createRequire(join(source, 'package.json')).resolve('node-addon-api'));
  await cp(addonApi, join(buildPath, 'node_modules', 'node-addon-api'), { recursive: true });
}

const config: ForgeConfig = {
  packagerConfig: {
    executableName,
    asar: { unpack: '**/*.node' },
  },
  // No binding.gyp is copied, so @electron/rebuild finds nothing to rebuild (and needs no
  // Electron headers download).
  rebuildConfig: {},
  hooks: {
    packageAfterCopy: async (_config, buildPath, _electronVersion, platform, arch) => {
      await copyNativeModule(buildPath, platform, arch);
    },
  },
  makers: [
    new MakerSquirrel({ authors: manufacturer, description: 'Safeguard Desk' }),
    // The MSI is for IT: per-machine install, deployable silently (msiexec /i ... /qn), upgrades
    // in place thanks to the fixed upgrade code; no self-update, no auto-launch.
    new MakerWix({
      manufacturer,
      upgradeCode: wixUpgradeCode,
      defaultInstallMode: 'perMachine',
      programFilesFolderName: 'Safeguard Desk',
      shortcutFolderName: 'Safeguard Desk',
      features: { autoUpdate: false, autoLaunch: false },
    }),
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
    new MakerDeb({
      options: { bin: executableName, maintainer: manufacturer, categories: ['Office'] },
    }),
    new MakerRpm({
      options: { bin: executableName, license: 'UNLICENSED', categories: ['Office'] },
    }),
  ],
  plugins: [
    new VitePlugin(vitePluginConfig),
    new AutoUnpackNativesPlugin({}),
    // Fuses are flipped in the packaged binary: no Node mode, no NODE_OPTIONS, no inspector,
    // only the integrity-checked app.asar, and no extra file:// powers (we use our own scheme).
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
