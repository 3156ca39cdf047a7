export { sealedToOf } from '../case-leads';
export { deliverEvents, type DeliverInput, type DeliverResult } from './deliver';
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
export { adoptSharedCase, sharedCasesIn, shareWithNewLeads } from './history';
