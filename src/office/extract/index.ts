export * from './format';
export {
  EXTRACT_UNPACKED_BYTES,
  SIGNED_EXTRACT_FORMAT,
  SIGNED_EXTRACT_FORMAT_VERSION,
  packExtract,
  unpackExtract,
  type ExtractSigner,
} from './envelope';
export {
  publishExtract,
  toTheHour,
  type PublishInput,
  type PublishingLead,
  type PublishResult,
} from './publish';
export {
  openExtract,
  readExtracts,
  type ExtractRefusal,
  type ExtractsOnShare,
  type ReadExtractsInput,
  type VerifiedExtract,
} from './read';
export { recordKeyOf } from './record-key';
export { reporterGroupOf } from './reporter-group';
export { extractRows, type RowOptions } from './rows';
