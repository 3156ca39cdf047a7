export { FolderShare, type WriteOutcome } from './folder-share';
