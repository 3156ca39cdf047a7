/**
 * Saving a file the core made (the poster, an office export): its bytes become a Blob the page
 * offers as a download — in Electron the save dialog, in a browser the downloads folder. The
 * object URL is revoked once the download has started.
 */

/** Offers `base64` as a file called `fileName`. */
export function saveFile(fileName: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
