// Reading what a user points hslist at, without ever hanging or crashing on it. Only regular files
// are read: a FIFO named `x.hslist` blocks a plain read forever, `/dev/zero` never ends, a socket
// cannot be read at all. The file is opened without blocking (O_NONBLOCK makes opening a FIFO return
// at once) and its type and size are checked on the open descriptor, so nothing can swap the path
// for something else between the check and the read.

import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, type ReadStream, type Stats } from 'node:fs';

export type FileProblemCode = 'unreadable-file' | 'not-a-regular-file' | 'file-too-large';

export interface FileProblem {
  ok: false;
  code: FileProblemCode;
  /** Completes "<path> …": "is a named pipe (FIFO), not a regular file." */
  message: string;
}

export type OpenedFile = { ok: true; fd: number; size: number } | FileProblem;

/** What a non-regular file is, for messages. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e.code ?? String(e.message ?? error);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Opens `path` for reading if it is a regular file of at most `maxBytes`; the caller closes `fd`. */
export function openRegularFile(path: string, maxBytes = Infinity, tooLarge = ''): OpenedFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { ok: false, code: 'not-a-regular-file', message: 'is a folder, not a file.' };
    return { ok: false, code: 'unreadable-file', message: `cannot be read: ${describeFsError(error)}.` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      closeSync(fd);
      return { ok: false, code: 'not-a-regular-file', message: `is ${kindOf(stat)}, not a regular file; hslist reads only regular files.` };
    }
    if (stat.size > maxBytes) {
      closeSync(fd);
      return { ok: false, code: 'file-too-large', message: `is ${megabytes(stat.size)}; the limit is ${megabytes(maxBytes)}${tooLarge}.` };
    }
    return { ok: true, fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    return { ok: false, code: 'unreadable-file', message: `cannot be read: ${describeFsError(error)}.` };
  }
}

/** The whole content of a regular file of at most `maxBytes` (a file that grows meanwhile is cut there, and says so). */
export function readRegularFile(path: string, maxBytes = Infinity, tooLarge = ''): { ok: true; bytes: Buffer } | FileProblem {
  const opened = openRegularFile(path, maxBytes, tooLarge);
  if (!opened.ok) return opened;
  try {
    const limit = Math.min(maxBytes, Number.MAX_SAFE_INTEGER);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(opened.size - total + 1, 16 * 1024 * 1024)));
      const read = readSync(opened.fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { ok: false, code: 'file-too-large', message: `grew past ${megabytes(maxBytes)} while it was read${tooLarge}.` };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, code: 'unreadable-file', message: `cannot be read: ${describeFsError(error)}.` };
  } finally {
    closeSync(opened.fd);
  }
}

/** Schema and settings files are JSON: a portal's property schema is a few MB; this leaves room. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * A regular file's text: UTF-8 (a leading byte-order mark removed: editors on Windows write one). Bytes
 * that are not UTF-8 are a problem, not replacement characters: "Österreich" saved as Latin-1 would
 * silently stop matching.
 */
export function readRegularText(path: string, maxBytes = Infinity): { ok: true; text: string } | { ok: false; code: FileProblemCode | 'invalid-utf8'; message: string } {
  const read = readRegularFile(path, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, code: 'invalid-utf8', message: 'is not UTF-8 text; save it as UTF-8.' };
  }
}

/** A stream of a regular file (the checks of `openRegularFile`), or why it cannot be read. */
export function regularFileStream(path: string): { ok: true; stream: ReadStream; size: number } | FileProblem {
  const opened = openRegularFile(path);
  if (!opened.ok) return opened;
  return { ok: true, stream: createReadStream('', { fd: opened.fd, autoClose: true }), size: opened.size };
}
