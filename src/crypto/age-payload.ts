/**
 * The age payload (the STREAM construction of age-encryption.org/v1), decrypted with Node's native
 * ChaCha20-Poly1305 once age-encryption has opened the header and returned the file key through its
 * public `decryptHeader` (meant for delegated decryption). Importing thousands of concerns spends
 * most of its time here, and the library's pure-JS cipher behind web streams is several times
 * slower. Tested byte-for-byte against age-encryption and Debian's age.
 */
import { hkdfSync } from 'node:crypto';
import { chachaOpen } from './aead';
import { SafeguardError } from '../errors';

const NONCE_SIZE = 16;
const TAG_SIZE = 16;
const CHUNK_SIZE = 64 * 1024;
const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;
const HEADER_END = Buffer.from('\n--- ');

/** Splits an age file into its header (through the MAC line) and its payload. */
export function splitAgeFile(file: Uint8Array): { header: Uint8Array; payload: Uint8Array } {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const macLine = bytes.indexOf(HEADER_END);
  const end = macLine < 0 ? -1 : bytes.indexOf(0x0a, macLine + HEADER_END.length);
  if (end < 0) throw corrupt();
  return { header: bytes.subarray(0, end + 1), payload: bytes.subarray(end + 1) };
}

/** Decrypts and authenticates the payload of an age file with its 16-byte file key. */
export function decryptAgePayload(fileKey: Uint8Array, payload: Uint8Array): Buffer {
  if (payload.length < NONCE_SIZE + TAG_SIZE) throw tampered();
  const nonce = payload.subarray(0, NONCE_SIZE);
  const key = Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
  const sealed = payload.subarray(NONCE_SIZE);
  const chunks: Buffer[] = [];
  const count = Math.max(1, Math.ceil(sealed.length / SEALED_CHUNK_SIZE));
  for (let i = 0; i < count; i++) {
    const chunk = sealed.subarray(i * SEALED_CHUNK_SIZE, (i + 1) * SEALED_CHUNK_SIZE);
    const last = i === count - 1;
    if (chunk.length < TAG_SIZE) throw tampered();
    // Only a first (and only) chunk may be empty; a later empty one means trailing truncation.
    if (last && i > 0 && chunk.length === TAG_SIZE) throw tampered();
    const chunkNonce = Buffer.alloc(12);
    chunkNonce.writeUIntBE(i, 5, 6); // 11-byte big-endian counter; i < 2^48 in practice
    chunkNonce[11] = last ? 1 : 0;
    const opened = chachaOpen(key, chunkNonce, chunk);
    if (opened === null) throw tampered();
    chunks.push(opened);
  }
  return Buffer.concat(chunks);
}

function corrupt(): SafeguardError {
  return new SafeguardError('corrupt', 'It is not a valid age file (corrupt or truncated).');
}

function tampered(): SafeguardError {
  return new SafeguardError(
    'tampered',
    'Its encrypted payload fails its integrity check (tampered or truncated).',
  );
}
