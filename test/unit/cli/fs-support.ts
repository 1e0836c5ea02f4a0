// File-system situations for CLI tests: FIFOs, and files that cannot be read. Tests run as root in CI
// containers, where permissions do not stop a read: there the CLI runs as `nobody` in a child process.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, lchownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliRun } from './cli-support';
import { hslist } from './cli-support';

const ROOT = join(__dirname, '../../..');
const NOBODY = 65534;
let nobodysCli: string | undefined;

/**
 * The built CLI where `nobody` can read it: the checkout may sit in a folder only root can enter (a
 * mktemp clone in CI), so the bundle is copied once into a world-readable folder.
 */
function cliForNobody(): string {
  if (nobodysCli) return nobodysCli;
  const dir = mkdtempSync(join(tmpdir(), 'hslist-cli-nobody-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  // The bin scripts as the package holds them (scripts/pack-cli.mjs): `preview` starts node again through node-settings.js.
  const files = ['bin/hslist.js', 'bin/node-settings.js', 'dist/cli.js'];
  for (const file of files) copyFileSync(join(ROOT, file), join(dir, file));
  for (const path of [dir, join(dir, 'bin'), join(dir, 'dist')]) chmodSync(path, 0o755);
  for (const file of files) chmodSync(join(dir, file), 0o644);
  nobodysCli = join(dir, 'bin/hslist.js');
  return nobodysCli;
}

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
    const child = spawn(process.execPath, [cliForNobody(), ...argv], { cwd, uid: NOBODY, gid: NOBODY, env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}
