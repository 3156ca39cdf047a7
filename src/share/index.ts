import { BucketShare } from './bucket-share';
import { FolderShare, type FolderShareOptions } from './folder-share';
import { isBucketLocation, parseBucketLocation } from './location';
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
export {
  isBucketLocation,
  isUsableShareLocation,
  parseBucketLocation,
  shareLocation,
  type BucketLocation,
} from './location';
export { SHARE_FILE_MODE, SHARE_FOLDER_MODE, SHARE_LIMITS } from './limits';
export type { FileMark, Share, WriteOutcome } from './share';

/**
 * The share at `root` (a folder path, or a bucket location such as `s3://bucket/school`), with
 * its operations' time limits. A malformed bucket location is refused with its reason.
 */
export function openShare(root: string, options: FolderShareOptions = {}): Share {
  if (isBucketLocation(root)) return new BucketShare(parseBucketLocation(root), options);
  return new FolderShare(root, options);
}
