export { canonicalBytes, canonicalJson } from './canonical-json';
export {
  createSigner,
  generateSigningKeyPair,
  keyFingerprint,
  publicKeyOf,
  safetyCode,
  signBytes,
  verifyBytes,
  type SigningKeyPair,
} from './signing';
export {
  generateAgeKeyPair,
  isAgeRecipient,
  openWithPassphrase,
  recipientOf,
  SealedFileOpener,
  type OpenedHeader,
  sealToRecipients,
  sealWithPassphrase,
  type AgeKeyPair,
} from './sealing';
export { type ScryptDerive } from './native-scrypt';
export { WarmScrypt } from './warm-scrypt';
