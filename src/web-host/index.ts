/**
 * The loopback web host (ARCHITECTURE.md §4, "two transports"): the built renderer and the API
 * contract over HTTP against the real core, so the real UI runs in real Chromium in tests and
 * development. Never for production: it has no login, and keys sit in unprotected files.
 */
import type { AddressInfo } from 'node:net';
import { openSession, type SessionOptions } from '../session';
import { SafeguardError } from '../errors';
import { UnprotectedFileKeyProvider } from '../storage/key-provider';
import { ensureRendererBuilt } from './build-renderer';
import { hostForUrl, isLoopbackHost } from './guard';
import { createWebHostServer } from './server';

export { ensureRendererBuilt, rendererBuildDir, rendererIsStale } from './build-renderer';
export { isLoopbackHost } from './guard';
export { webHostContentSecurityPolicy } from './headers';

export interface WebHostOptions {
  /** The user's state folder the core opens (a staff home in tests). */
  home: string;
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1 (default), ::1 or localhost; anything else is refused. */
  host?: string;
  /** Serve this folder as the built renderer instead of building .vite/renderer/main_window. */
  rendererDir?: string;
  /** Background delivery's timing (tests shorten it). */
  delivery?: SessionOptions['delivery'];
}

export interface WebHost {
  /** The page's address, e.g. http://127.0.0.1:49152/ */
  url: string;
  close(): Promise<void>;
}

/** Opens the core for `home` and serves it with the renderer on a loopback address. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new SafeguardError(
      'not-loopback',
      `The web host listens only on 127.0.0.1, ::1 or localhost, not "${host}".`,
    );
  }
  const rendererDir = options.rendererDir ?? (await ensureRendererBuilt());
  const home = options.home;
  const desk = await openSession({
    home,
    keyProvider: new UnprotectedFileKeyProvider(home),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  const server = createWebHostServer({ handlers: desk.handlers, rendererDir });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
  } catch (error) {
    desk.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl(host)}:${port}/`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(() => desk.close());
      return closed;
    },
  };
}
