// Temporary files of atomic writes (write a temporary, rename it over the file) must not outlive an
// interrupted run. While one exists, SIGINT and SIGTERM are caught: a caught signal waits until the
// synchronous write in progress has finished (a signal with no handler would kill the process in the
// middle of it), then every temporary still there is removed and, when nothing else in the process
// listens for that signal (the preview's Ctrl-C does), the signal is raised again so the process ends
// as it would have. Worker threads get no signals; their writers sweep the temporaries that a killed
// process left behind (`sweepStaleTemps`).

import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const live = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
  uninstall();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function uninstall(): void {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  installed = false;
}

/** Remembers a temporary file: it is removed if the process is interrupted before `releaseTemp`. */
export function trackTemp(path: string): void {
  live.add(path);
  if (installed || !isMainThread) return;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  installed = true;
}

/** The temporary was renamed into place (or removed). The handlers stay until the next signal or exit. */
export function releaseTemp(path: string): void {
  live.delete(path);
}

/** Whether a process with this id runs (on this machine). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporaries in `dir` that a process no longer running left behind (killed with SIGKILL, or a
 * worker thread's write cut short). `pidOf` reads the writer's process id from a file name, or
 * returns undefined for files that are not such temporaries.
 */
export function sweepStaleTemps(dir: string, pidOf: (name: string) => number | undefined): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = pidOf(name);
    if (pid !== undefined && pid !== process.pid && !isAlive(pid)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Writes `path` through `<path>.<pid>.tmp` and a rename (a reader never sees half a file), with the
 * temporary tracked while it exists and removed if the write fails.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array | Iterable<string | Uint8Array> | TextWriter): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  trackTemp(tmp);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(tmp, content);
    else if (typeof content === 'function') writePieces(tmp, content);
    else writePieces(tmp, (write) => {
      for (const piece of content) write(piece);
    });
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
    releaseTemp(tmp);
  }
}

/**
 * Text made piece by piece by a function that hands each piece to `write` as it goes: no piece is an
 * item of an iteration. The extras cache of a 100,000-contact fetch is 70,000 contacts' lines of a few
 * pieces each; made by a generator, each line was one string joined from its pieces and a result object,
 * 55 MB allocated in a quarter of a second at one of the fetch's highest steps (issue 15).
 */
export type TextWriter = (write: (text: string) => void) => void;

/**
 * Piece after piece, never joined: a large snapshot is gigabytes, and one buffer of it would double the
 * memory (and cannot pass 4 GB in Node 20); a big text never becomes one string in memory. Short strings
 * go through the writer's buffer, long ones and bytes straight to the file.
 */
function writePieces(path: string, produce: (write: (piece: string | Uint8Array) => void) => void): void {
  const fd = openSync(path, 'w');
  const pending = new PendingText(fd);
  try {
    produce((piece) => {
      if (typeof piece === 'string' && piece.length * 3 <= SCRATCH_BYTES) return pending.add(piece);
      pending.flush();
      // writeFileSync on a descriptor writes all of a string at the current position.
      if (typeof piece === 'string') writeFileSync(fd, piece);
      else writeAll(fd, piece);
    });
    pending.flush();
  } finally {
    closeSync(fd);
  }
}

/**
 * Short strings encoded one after another into one buffer, written when it is full, the buffer used
 * again and again. No string is joined to another: the extras cache's thousands of short parts were
 * joined into pieces of 64K characters, strings of strings that lived through young collections and
 * were promoted, and writing a 1,000,000-contact portal's cache grew the old generation by 80 MB, the
 * top of the fetch's peak (issue 15). A buffer per piece was memory the allocator kept afterwards.
 */
class PendingText {
  private buffer: Buffer | undefined;
  private used = 0;

  constructor(private readonly fd: number) {}

  /** `text` must fit the buffer whole: at most SCRATCH_BYTES / 3 UTF-16 units (three UTF-8 bytes each at most). */
  add(text: string): void {
    const buffer = (this.buffer ??= Buffer.allocUnsafe(SCRATCH_BYTES));
    if (this.used + text.length * 3 > SCRATCH_BYTES) this.flush();
    if (text.length <= SHORT_TEXT && this.addAscii(buffer, text)) return;
    this.used += buffer.write(text, this.used, 'utf8');
  }

  /**
   * A short text of ASCII characters copied byte by byte: an id or a bracket went through a call into
   * C++ each (`Buffer.write`), which cost more than the copy. False, with nothing written, otherwise.
   */
  private addAscii(buffer: Buffer, text: string): boolean {
    const at = this.used;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) return false;
      buffer[at + k] = c;
    }
    this.used = at + text.length;
    return true;
  }

  flush(): void {
    if (this.buffer && this.used > 0) writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/** Texts up to this long are copied byte by byte when they are ASCII (PendingText.addAscii). */
const SHORT_TEXT = 32;

/** The buffer short strings are encoded into; a string of more than a third of it is written on its own. */
const SCRATCH_BYTES = 1 << 18;

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, Math.min(bytes.byteLength - done, WRITE_MAX));
}

/** One write call at most this many bytes (a single write stops short of 2 GB on Linux). */
const WRITE_MAX = 1 << 30;
