export {
  sweepAbandonedTemps,
  syncFolder,
  writeFileAtomically,
  type AtomicWriteOptions,
  type AtomicWriteResult,
} from './atomic-write';
export {
  readRegularFile,
  RefusedFile,
  statRegularFile,
  type BoundedRead,
  type BoundedReadOptions,
  type RefusalCode,
} from './bounded-read';
export { withDeadline } from './deadline';
export { destroyFile } from './destroy';
export { withProcessLock, type ProcessLockOptions } from './process-lock';
export {
  isMissing,
  localStorageError,
  shareError,
  shareUnreachable,
  systemCode,
} from './system-errors';
export { processIsAlive } from './temp-names';
