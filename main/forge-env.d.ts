// Globals the Electron Forge Vite plugin defines in the main bundle (one pair per renderer).

/** The renderer's Vite dev server URL under `electron-forge start`; undefined in a build. */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
/** The renderer's name; its build lives in `.vite/renderer/<name>/`. */
declare const MAIN_WINDOW_VITE_NAME: string;
