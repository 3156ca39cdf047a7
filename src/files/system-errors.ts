/**
 * Turns operating-system and SQLite failures into the core's own errors, naming the cause (disk
 * full, read-only, permission) in a sentence for a person. Only codes are read: an error's own
 * message may quote a path or stored text, so it is never passed on.
 */
import { SafeguardError } from '../errors';

/** The errno code of a Node fs error, or the code of a SqliteError; undefined otherwise. */
export function systemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** True for fs errors that mean "there is no such file" (rather than "cannot get at it"). */
export function isMissing(error: unknown): boolean {
  const code = systemCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A failure of the school share, by cause. `root` is the share path IT configured (not secret).
 * Anything not recognised reads as unreachable: missing, not mounted, or refusing us.
 */
export function shareError(error: unknown, root: string): SafeguardError {
  if (error instanceof SafeguardError) return error;
  switch (systemCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new SafeguardError('share-full', `The school share at ${root} is full. Tell IT.`);
    case 'EROFS':
      return new SafeguardError(
        'share-read-only',
        `The school share at ${root} is read-only from this computer.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new SafeguardError(
        'share-permission',
        `This computer's account is not allowed to use the school share at ${root}. Tell IT.`,
      );
    default:
      return shareUnreachable(root);
  }
}

/** The share folder is missing, not mounted, or not a folder. */
export function shareUnreachable(root: string): SafeguardError {
  return new SafeguardError(
    'share-unreachable',
    `The school share cannot be reached at ${root} (missing, not mounted, or not a folder).`,
  );
}

const DISK_FULL =
  "This computer's disk is full, so nothing could be saved. Free some space or tell IT, then try again.";

/**
 * A failure of this computer's own storage (the encrypted stores, key and identity files) by
 * cause, or null when the error is not a storage failure at all.
 */
export function localStorageError(error: unknown): SafeguardError | null {
  if (error instanceof SafeguardError) return error;
  const code = systemCode(error);
  if (code === undefined) return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new SafeguardError('disk-full', DISK_FULL);
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return new SafeguardError(
      'local-read-only',
      "Safeguard Desk's folder on this computer is read-only, so nothing could be saved. Tell IT.",
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN')) {
    return new SafeguardError(
      'local-permission',
      "This computer's account is not allowed to write Safeguard Desk's folder. Tell IT.",
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new SafeguardError(
      'store-busy',
      'Safeguard Desk is busy on this computer (another window or command is using its store). Try again in a moment.',
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new SafeguardError(
      'disk-error',
      "This computer's disk reported an error, so nothing could be saved. Tell IT.",
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new SafeguardError(
      'store-unreadable',
      "Safeguard Desk's local store on this computer is damaged. Tell IT.",
    );
  }
  return null;
}
