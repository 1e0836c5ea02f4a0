// All-or-nothing writes of a few files: each goes to a temporary file beside its target first, and only
// when every temporary file is written are they renamed over the targets (rename is atomic on one file
// system). On any failure the temporary files are removed and the targets are left as they were.

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { releaseTemp, trackTemp } from '../files/temp-files';

export interface FileToWrite {
  path: string;
  content: string;
}

function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFilesAtomically(files: FileToWrite[]): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = temporaryPath(file.path);
      staged.push({ temp, path: file.path });
      trackTemp(temp); // removed if Ctrl-C or SIGTERM lands between the writes
      await writeFile(temp, file.content, 'utf8');
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    staged.forEach(({ temp }) => releaseTemp(temp));
    throw error;
  }
  // Renames only start once every file is on disk, so a failed write never leaves a half-updated set.
  for (const { temp, path } of staged) {
    await rename(temp, path);
    releaseTemp(temp);
  }
}
