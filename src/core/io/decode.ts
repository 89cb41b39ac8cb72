/** What to do with the bytes of a file before analysis: its text, or why it was skipped. */
export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { skipped: string };

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/**
 * Decodes a Markdown file as VS Code would open it: UTF-8 (BOM removed) or UTF-16 with a BOM.
 * Binary and invalid UTF-8 files are skipped with a message that says why, never guessed at.
 */
export function decodeDocument(bytes: Uint8Array, maxFileSize = DEFAULT_MAX_FILE_SIZE): Decoded {
  if (bytes.length > maxFileSize) {
    return { skipped: `File is ${formatSize(bytes.length)}, over the ${formatSize(maxFileSize)} limit (causeway.maxFileSize); it was not analysed.` };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const sniff = bytes.subarray(start, Math.min(bytes.length, start + 8192));
  const nul = sniff.indexOf(0);
  if (nul >= 0) return { skipped: `File holds binary data (a NUL byte at offset ${start + nul}); it was not analysed.` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { skipped: `File is not valid UTF-8 (first bad byte near offset ${firstInvalidUtf8(bytes, start)}); it was not analysed. Save it as UTF-8.` };
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
