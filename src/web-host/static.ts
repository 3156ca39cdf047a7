/**
 * Static files of the built renderer over HTTP: the ideas of main/app-url.ts (decode once, refuse
 * NUL, backslash and anything outside the root) applied to a raw request path, plus a real-path
 * check so a symbolic link cannot lead out of the build folder either.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The script tag the host puts before the app's module script. */
export const bridgeScriptTag = '<script src="/web-bridge.js"></script>';

/**
 * Maps a raw request path ("/assets/x.js?v=1") to a file inside `root`, or null when it must be
 * refused: a malformed escape, a NUL byte, a backslash, or a path that would leave `root`.
 */
export function resolveStaticPath(root: string, rawUrl: string): string | null {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const wanted = pathname === '/' ? '/index.html' : pathname;
  const base = resolve(root);
  const file = resolve(base, `.${wanted}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file.startsWith(base + sep) ? file : null;
}

/** Reads a regular file whose real path is inside `root`; null when there is none. */
export async function readStaticFile(root: string, file: string): Promise<Buffer | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    if (!(await stat(realFile)).isFile()) return null;
    return await readFile(realFile);
  } catch {
    return null;
  }
}

/**
 * The built index.html as the web host serves it: the bridge script goes before the app's module
 * script, and the page's own CSP meta tag gets `connect-src 'self'` (a meta policy is enforced
 * alongside the header, so leaving 'none' there would block the bridge's fetch).
 */
export function prepareIndexHtml(html: string): string {
  const moduleScript = /<script\s[^>]*type="module"/i.exec(html);
  if (moduleScript === null) {
    throw new Error('The built index.html has no module script to put the bridge before.');
  }
  const withBridge =
    html.slice(0, moduleScript.index) + `${bridgeScriptTag}\n    ` + html.slice(moduleScript.index);
  return withBridge.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?)connect-src 'none'/i,
    "$1connect-src 'self'",
  );
}

/** Reads and prepares rendererDir/index.html (re-read per request, so a rebuild shows at once). */
export async function readIndexHtml(root: string): Promise<string | null> {
  const body = await readStaticFile(root, join(root, 'index.html'));
  return body === null ? null : prepareIndexHtml(body.toString('utf8'));
}

export { mimeTypeFor } from '../renderer-assets/mime-types';
