/** main/app-url.ts: the custom protocol serves only files inside the renderer build. */
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEntryUrl, mimeTypeFor, originOf, resolveAppFile } from '../../main/app-url';

const root = resolve('/srv/renderer');

describe('the app protocol', () => {
  it('maps the entry URL and the bare root to index.html', () => {
    expect(resolveAppFile(root, appEntryUrl)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'safeguard-desk://app/')).toBe(join(root, 'index.html'));
  });

  it('serves nested assets inside the build folder', () => {
    expect(resolveAppFile(root, 'safeguard-desk://app/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    ['an encoded slash escape', 'safeguard-desk://app/..%2f..%2fetc%2fpasswd'],
    ['a backslash', 'safeguard-desk://app/..%5c..%5cwin.ini'],
    ['a NUL byte', 'safeguard-desk://app/index.html%00.png'],
    ['a malformed escape', 'safeguard-desk://app/%E0%A4%A'],
    ['another host', 'safeguard-desk://evil/index.html'],
    ['another scheme', 'file:///srv/renderer/index.html'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it.each([
    'safeguard-desk://app/../secrets.txt',
    'safeguard-desk://app/%2e%2e/%2e%2e/etc/passwd',
    'safeguard-desk://app/a/../../../../etc/passwd',
  ])('never resolves %s outside the build folder', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(root + sep)).toBe(true);
  });

  it('computes origins by hand for the custom scheme', () => {
    expect(originOf(appEntryUrl)).toBe('safeguard-desk://app');
    expect(originOf('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
  });

  it('gives module scripts the exact JavaScript type', () => {
    expect(mimeTypeFor('/x/a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});
