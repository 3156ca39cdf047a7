export {
  FolderShare,
  readAcknowledgement,
  writeAcknowledgements,
  type WriteOutcome,
} from './folder-share';
