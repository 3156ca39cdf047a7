export { changeLeadPassphrase, hasLeadIdentity, unlockLead, type LeadSecrets } from './identity';
export { joinAsLead } from './join';
export {
  recoverLead,
  type RecoverLeadInput,
  type RecoverLeadResult,
  type SkippedRecoveryFile,
} from './recover';
export { checkSecretsOnProfile, openRecoveryFile, writeRecoveryFile } from './recovery-file';
export { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
export {
  assessNewPassphrase,
  checkNewPassphrase,
  normalisePassphrase,
  passphraseFromFile,
  typedPassphrase,
  MIN_PASSPHRASE_LENGTH,
  type EnteredPassphrase,
  type PassphraseInput,
} from './passphrase';
export {
  ACCEPTABLE_SCORE,
  passphraseStrength,
  weakPassphraseMessage,
  type PassphraseContext,
  type PassphraseStrength,
} from './passphrase-strength';
