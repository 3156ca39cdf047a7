/**
 * The main window and the rules every web page in the app lives under: sandboxed, isolated, no
 * Node, no navigation away, no new windows, no <webview>, and no browser permissions at all.
 */
import { app, BrowserWindow, type Session } from 'electron';

/** Applies to every webContents the app ever creates, including ones a bug might open. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Camera, notifications, clipboard, USB, serial, HID...: the app needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export interface MainWindowOptions {
  /** Absolute path of the CommonJS preload script. */
  preload: string;
  /** The app's own page: the custom scheme in production, the Vite dev server in development. */
  url: string;
}

/** Creates the window and resolves once its page has loaded. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 880,
    minHeight: 600,
    title: 'Safeguard Desk',
    backgroundColor: '#f4f6f8',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(options.url);
  return window;
}
