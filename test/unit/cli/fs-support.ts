// File-system situations for CLI tests: FIFOs, and files that cannot be read. Tests run as root in CI
// containers, where permissions do not stop a read: there the CLI runs as `nobody` in a child process.

import { execFileSync, spawn } from 'node:child_process';
import { chownSync, lchownSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CliRun } from './cli-support';
import { hslist } from './cli-support';

const CLI = join(__dirname, '../../../bin/hslist.js');
const NOBODY = 65534;

/** Makes a FIFO with mkfifo; false when the tool is not there (the test then skips). */
export function makeFifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Gives the folder and everything in it to `nobody`, so its modes (000, 0555, …) apply to the run. */
function giveAway(root: string): void {
  chownSync(root, NOBODY, NOBODY);
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (lstatSync(path).isDirectory()) giveAway(path);
    else lchownSync(path, NOBODY, NOBODY);
  }
}

/** Runs the CLI where permissions apply: in process for a normal user, as `nobody` (built CLI) for root. */
export async function asUnprivileged(cwd: string, ...argv: string[]): Promise<CliRun> {
  if (process.getuid?.() !== 0) return hslist(cwd, ...argv);
  giveAway(cwd);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd, uid: NOBODY, gid: NOBODY, env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}
