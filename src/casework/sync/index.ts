export { deliverEvents, sealedToOf, type DeliverInput, type DeliverResult } from './deliver';
export {
  EVENT_BATCH_FORMAT,
  EVENT_BATCH_VERSION,
  EVENTS_PER_FILE,
  eventFileNamer,
  packBatch,
  unpackBatch,
  type EventBatch,
} from './format';
export { quarantineName, receiveEvents, type ReceiveResult, type SyncingLead } from './receive';
