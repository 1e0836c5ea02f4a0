// Finds the .hslist files the user meant: files named on the command line, and every .hslist file under
// folders named there (skipping dependency, VCS and cache folders).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hslist', 'dist', '.state']);

export interface Discovery {
  files: string[];
  /** Paths that do not exist: a usage error (exit 2). */
  missing: string[];
}

export function discoverSources(paths: string[]): Discovery {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const path of paths.length > 0 ? paths : ['.']) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    if (isDirectory) walk(path, files);
    else files.add(path); // named explicitly: checked whatever its extension, so mistakes are visible
  }
  return { files: [...files].sort(), missing };
}

function walk(folder: string, into: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    into.add(folder); // reported as unreadable by the reader
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, into);
    } else if (entry.name.endsWith('.hslist')) {
      into.add(path);
    }
  }
}

/** The folder that holds hslist.json above `start`, or undefined. */
export function findWorkspaceRoot(start: string, exists: (p: string) => boolean): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (exists(join(dir, 'hslist.json'))) return dir;
    const parent = resolve(dir, '..');
    if (parent === dir) return undefined;
    dir = parent;
  }
}
