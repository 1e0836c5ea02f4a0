// Writing a formatted file back without changing what the file *is*: a symlink stays a symlink and
// its target gets the text, the mode (0600 stays 0600) and the owner are kept, a file with other
// hard links is rewritten in place so every name still shows the same file, and a read-only file is
// not written. Otherwise the text goes to
// a temporary beside the file and is renamed over it, so a crash never leaves half a source file; the
// temporary is removed if the write fails or the run is interrupted (files/temp-files.ts).

import { chmodSync, chownSync, closeSync, ftruncateSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { describeFsError } from '../files/regular-file';
import { releaseTemp, trackTemp } from '../files/temp-files';

/** Why a formatted file could not be written; the file is as it was. */
export class FormatWriteError extends Error {}

export function writeFormatted(path: string, text: string, original: string): void {
  let target: string;
  let stat: Stats;
  try {
    target = realpathSync(path);
    stat = statSync(target);
  } catch (error) {
    throw new FormatWriteError(`cannot be written: ${describeFsError(error)}; it was left as it was.`);
  }
  // A rename would replace even a file nobody may write: its read-only mode is kept as a refusal.
  if ((stat.mode & 0o222) === 0) throw new FormatWriteError(`is read-only (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}); it was left as it was.`);
  if (stat.nlink > 1) writeInPlace(target, text, original);
  else writeThroughTemp(target, text, stat);
}

function writeThroughTemp(target: string, text: string, stat: Stats): void {
  const temp = `${target}.hslist-fmt-${process.pid}.tmp`;
  trackTemp(temp);
  try {
    rmSync(temp, { force: true }); // it carries our process id: one already there is from a dead process
    writeFileSync(temp, text, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    chmodSync(temp, stat.mode & 0o7777); // not through writeFileSync's mode: the umask would narrow it
    keepOwner(temp, stat);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `its folder ${dirname(target)} is not writable (${describeFsError(error)})` : describeFsError(error);
    throw new FormatWriteError(`cannot be written: ${why}; it was left as it was.`);
  } finally {
    releaseTemp(temp);
  }
}

/** Another user's file formatted by root stays theirs. */
function keepOwner(temp: string, stat: Stats): void {
  if (process.getuid?.() !== 0 || (stat.uid === 0 && stat.gid === 0)) return;
  chownSync(temp, stat.uid, stat.gid);
}

/** A hard-linked file: the same inode gets the text; if writing fails midway, the original text is put back. */
function writeInPlace(target: string, text: string, original: string): void {
  let fd: number;
  try {
    fd = openSync(target, 'r+');
  } catch (error) {
    throw new FormatWriteError(`cannot be written: ${describeFsError(error)}; it was left as it was.`);
  }
  try {
    replaceContent(fd, text);
  } catch (error) {
    try {
      replaceContent(fd, original);
    } catch {
      throw new FormatWriteError(`could not be written in place (${describeFsError(error)}) and may be cut short; restore it from version control.`);
    }
    throw new FormatWriteError(`cannot be written: ${describeFsError(error)}; it was left as it was.`);
  } finally {
    closeSync(fd);
  }
}

function replaceContent(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  ftruncateSync(fd, 0);
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, done);
}
