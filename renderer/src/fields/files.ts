/** Reading chosen files: bytes to base64 for the core, SHA-256 to show and to check. */
import type { FileValue } from '../report/values';

const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

function mediaTypeFor(name: string, given = ''): string {
  if (/^[\w.+-]+\/[\w.+-]+$/.test(given)) return given;
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return MEDIA_TYPES[extension] ?? 'application/octet-stream';
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads and hashes a file the reporter chose or dropped. */
export async function readChosenFile(file: File): Promise<FileValue> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    name: file.name,
    mediaType: mediaTypeFor(file.name, file.type),
    size: bytes.byteLength,
    sha256: await sha256Hex(bytes),
    base64: bytesToBase64(bytes),
  };
}

/** A file kept in a draft as {name, base64}; null when the saved value is not one. */
export async function restoreFile(saved: unknown): Promise<FileValue | null> {
  if (typeof saved !== 'object' || saved === null) return null;
  const { name, base64 } = saved as { name?: unknown; base64?: unknown };
  if (typeof name !== 'string' || typeof base64 !== 'string') return null;
  try {
    const bytes = base64ToBytes(base64);
    return {
      name,
      mediaType: mediaTypeFor(name),
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
      base64,
    };
  } catch {
    return null;
  }
}
