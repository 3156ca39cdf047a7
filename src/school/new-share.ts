/**
 * Where a new school's share goes, as the DSL chooses it in the app: a folder inside this user's
 * own Safeguard Desk folder ("only this computer", created here), or a folder that already exists
 * (a network share IT made). A chosen folder is never created: a path typed slightly wrong must
 * not become a new, private folder on the wrong drive that nobody else can reach.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { SafeguardError } from '../errors';
import { localStorageError } from '../files';
import { isBucketLocation, openShare, parseBucketLocation, SHARE_FOLDERS } from '../share';

/** The share of a school kept on this computer only: `<home>/local-share`. */
export function localSharePath(home: string): string {
  return join(home, 'local-share');
}

/**
 * A share location as typed or picked, refused unless it is a full folder path (the same folder to
 * all) or a well-formed bucket location (s3://bucket/school), which is returned normalised.
 */
export function requireFullFolderPath(path: string): string {
  const trimmed = path.trim();
  if (isBucketLocation(trimmed)) return parseBucketLocation(trimmed).text;
  if (!isAbsolute(trimmed)) {
    throw new SafeguardError(
      'share-not-absolute',
      `"${trimmed}" is not a full folder path. Give the whole path, such as \\\\server\\safeguarding or /mnt/school/safeguarding.`,
    );
  }
  return trimmed;
}

/** What the DSL chose: this computer only, or an existing folder by its path. */
export type NewShareChoice = { kind: 'this-computer' } | { kind: 'folder'; path: string };

// Left by Windows, macOS and file managers in any folder; they do not make it "in use".
const HARMLESS = new Set(['desktop.ini', 'thumbs.db', '.ds_store']);
const OWN = new Set<string>(SHARE_FOLDERS);

/**
 * The share folder for a new school, ready for `initSchool`: the local one is created; a chosen
 * one must be a full path to a folder that exists, can be written, and holds nothing else.
 */
export async function prepareNewShare(home: string, choice: NewShareChoice): Promise<string> {
  if (choice.kind === 'this-computer') {
    const path = localSharePath(home);
    try {
      await mkdir(path, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw localStorageError(error) ?? error;
    }
    return path;
  }
  const path = requireFullFolderPath(choice.path);
  const share = openShare(path);
  await share.checkWritable();
  // A bucket's school prefix holds only our own names; set-up refuses one that has a school.
  if (isBucketLocation(path)) return path;
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch {
    throw new SafeguardError(
      'share-unreachable',
      `The folder ${path} cannot be read (missing, not mounted, or not a folder).`,
    );
  }
  const other = entries.filter(
    (name) => name !== 'school.json' && !OWN.has(name) && !HARMLESS.has(name.toLowerCase()),
  );
  if (other.length > 0) {
    throw new SafeguardError(
      'share-not-empty',
      `The folder ${path} already holds other files. Choose an empty folder made for Safeguard Desk, or ask IT to make one.`,
    );
  }
  return path;
}
