// Reads a source file for the CLI and the language server without ever crashing or hanging on what a
// user may point it at: a missing or unreadable file, a folder, a FIFO or device (only regular files
// are read, checked before reading), a binary file, invalid UTF-8 or a file too large to be a list.
import { readRegularFile } from '../files/regular-file';

/** HubSpot caps a list at 250 filters; no real .hslist file comes near this size. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type SourceRead =
  | { ok: true; path: string; text: string }
  | { ok: false; path: string; code: string; message: string; line?: number; column?: number };

export function readSource(path: string): SourceRead {
  const read = readRegularFile(path, MAX_SOURCE_BYTES, ' for an .hslist file (a HubSpot list holds at most 250 filters)');
  if (!read.ok) return failure(path, read.code === 'not-a-regular-file' ? 'unreadable-file' : read.code, read.message);
  return decodeSource(path, read.bytes);
}

export function decodeSource(path: string, bytes: Buffer): SourceRead {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return failure(path, 'binary-file', `looks binary (a NUL byte at offset ${nul}); an .hslist file is UTF-8 text.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnOfByte(bytes, at);
    return { ok: false, path, code: 'invalid-utf8', message: `is not valid UTF-8 (byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at}).`, line, column };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is not part of the program
  return { ok: true, path, text };
}

function failure(path: string, code: string, message: string): SourceRead {
  return { ok: false, path, code, message };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong and surrogate forms are rejected by the decoder too; check the decode of this one sequence.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length - 1;
}

function lineColumnOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
