/**
 * Composition root of the Electron main process, built by hand: every service is created here and
 * handed what it needs. Order: scheme privileges and locale (before ready) → ready → protocol →
 * core → IPC → window. Decisions about concerns live in src/; this process only wires and guards.
 */
import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { openSession, type Session } from '../src/session';
import { SafeguardError } from '../src/errors';
import { appEntryUrl, originOf } from './app-url';
import { pickFolder } from './folder-dialog';
import { mountIpc, type CoreState } from './ipc';
import { notifyNewConcerns } from './notifications';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { SafeStorageKeyProvider } from './safe-storage-key-provider';
import { createMainWindow, denyAllPermissions, guardAllWebContents } from './window';

// Set by the Forge Vite plugin only under `electron-forge start`; typeof keeps a build safe.
const devServerUrl =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : null;
// This bundle is .vite/build/main.js; the preload sits beside it, the renderer in ../renderer.
const buildDir = import.meta.dirname;

let desk: Session | null = null;
let mainWindow: BrowserWindow | null = null;

/** Opens the core; if it cannot, the window still opens and says why (e.g. no keychain). */
async function openCore(home: string): Promise<CoreState> {
  try {
    desk = await openSession({
      home,
      keyProvider: new SafeStorageKeyProvider(home),
      // Counts only: the notification never says what a concern is or who it names.
      onNewConcerns: (counts) => notifyNewConcerns(counts, showMainWindow),
      pickFolder: () => pickFolder(mainWindow),
    });
    return { handlers: desk.handlers };
  } catch (error) {
    if (error instanceof SafeguardError) {
      process.stderr.write(`Safeguard Desk: the core did not open (${error.code}).\n`);
      return { unavailable: error };
    }
    // The message of an unexpected error may quote stored data: log its kind only.
    const kind = error instanceof Error ? error.name : typeof error;
    process.stderr.write(`Safeguard Desk: the core did not open (${kind}).\n`);
    const message =
      'Safeguard Desk could not open its local data on this computer. Ask IT for help.';
    return { unavailable: new SafeguardError('desk-unavailable', message) };
  }
}

/** Brings the window forward (a notification was clicked). */
function showMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  handleAppProtocol(join(buildDir, '..', 'renderer', MAIN_WINDOW_VITE_NAME));
  denyAllPermissions(session.defaultSession);

  const home = process.env.SAFEGUARD_DESK_HOME ?? app.getPath('userData');
  const core = await openCore(home);

  const url = devServerUrl ?? appEntryUrl;
  const appOrigin = originOf(url);
  if (appOrigin === null) throw new Error(`The app URL has no origin: ${url}`);
  mountIpc(core, appOrigin);

  mainWindow = await createMainWindow({ preload: join(buildDir, 'preload.cjs'), url });
  mainWindow.on('closed', () => (mainWindow = null));
}

function failToStart(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Safeguard Desk could not start', detail);
  app.exit(1);
}

registerAppScheme();
// The app's locale is en-GB whatever the machine's, and form controls follow the page's
// lang="en-GB" (a Blink feature off by default), so date inputs read dd/mm/yyyy in every school.
app.commandLine.appendSwitch('lang', 'en-GB');
app.commandLine.appendSwitch('enable-blink-features', 'LangAttributeAwareFormControlUI');
app.enableSandbox();
guardAllWebContents();

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    desk?.close();
    desk = null;
  });
  start().catch(failToStart);
} else {
  // Another Safeguard Desk is running for this user: it gets focus, this one leaves.
  app.quit();
}
