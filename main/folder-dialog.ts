/**
 * The folder dialog behind `setup.pickFolder` (first run: the school's share folder). Electron's
 * own dialog, over the main window; the core checks whatever comes back like a typed path.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

/** Asks for an existing folder; null when the dialog is cancelled. */
export async function pickFolder(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: "Choose the school's Safeguard Desk folder",
    buttonLabel: 'Choose this folder',
    // No "New folder": the share is a folder IT made, never one created here by a slip.
    properties: ['openDirectory', 'dontAddToRecent'],
  };
  const result =
    window === null
      ? await dialog.showOpenDialog(options)
      : await dialog.showOpenDialog(window, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
