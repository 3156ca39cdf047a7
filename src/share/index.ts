export {
  ackFileConcernId,
  FolderShare,
  SHARE_FOLDERS,
  type FolderShareOptions,
  type ShareFolder,
  type WriteOutcome,
} from './folder-share';
export { SHARE_FILE_MODE, SHARE_FOLDER_MODE, SHARE_LIMITS } from './limits';
