import { FolderShare, type FolderShareOptions } from './folder-share';
import type { Share } from './share';

export {
  ackFileConcernId,
  isEventFileName,
  isExtractFileName,
  recoveryFileRecipientId,
  SHARE_FOLDERS,
  type FolderShareOptions,
  type ShareFolder,
} from './folder-share';
export { SHARE_FILE_MODE, SHARE_FOLDER_MODE, SHARE_LIMITS } from './limits';
export type { Share, WriteOutcome } from './share';

/** The share at `root` (a folder path), with its operations' time limits. */
export function openShare(root: string, options: FolderShareOptions = {}): Share {
  return new FolderShare(root, options);
}
