export {
  FolderShare,
  readAcknowledgement,
  writeAcknowledgement,
  type WriteOutcome,
} from './folder-share';
