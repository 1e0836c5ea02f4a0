// The live source's cache under `<workspace>/.hslist/cache/` (kept out of git by its own .gitignore): the engine's snapshot of
// the contacts, a small manifest (portal, what was fetched, when), and, only when a list uses history
// operators, the property history beside them (the snapshot format does not hold history).
// The manifest is written last and names the snapshot's version, so a run interrupted between the
// writes leaves a cache that the next run recognises as stale and refetches in full.

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readRegularText } from '../../files/regular-file';
import { sweepStaleTemps, writeFileAtomically } from '../../files/temp-files';
import { dirname, join } from 'node:path';
import type { HistoryById } from './history-table';
import { readHistoryTable, writeHistoryFile } from './history-file';
import type { DataNeeds } from './needs';

export type { HistoryById } from './history-table';

export const CACHE_DIR = join('.hslist', 'cache');
const FORMAT = 1;
/** Where versions before the binary history file (history-file.ts) kept it, as JSON. */
const LEGACY_HISTORY = 'hubspot-history.json';

export interface CachePaths {
  snapshot: string;
  manifest: string;
  history: string;
}

export function cachePaths(root: string): CachePaths {
  const dir = join(root, CACHE_DIR);
  return { snapshot: join(dir, 'hubspot-contacts.snap'), manifest: join(dir, 'hubspot-contacts.json'), history: join(dir, 'hubspot-history.bin') };
}

export interface Manifest {
  format: number;
  /** API base the contacts came from, e.g. https://api.hubapi.com. */
  portal: string;
  /** The portal's id (account-info): every portal shares api.hubapi.com, so the base alone is no identity. */
  portalId?: string;
  needs: DataNeeds;
  /** ISO instant the last fetch started, by our clock: shown to people, never used to refresh. */
  lastFetch: string;
  /**
   * The newest `lastmodifieddate` HubSpot returned so far (ISO): the next run asks for contacts modified
   * after it, minus a margin and `fetchMs`. Absent: no refresh is possible, the next run fetches in full.
   */
  watermark?: string;
  /** How long the last fetch took (ms): a contact changed while it ran may carry a time that much older. */
  fetchMs?: number;
  /** ISO instant of the last full fetch (deletions are only seen by one). */
  lastFullFetch: string;
  contacts: number;
  /** The snapshot's store version: a mismatch means the files are not from the same run. */
  snapshotVersion: string;
}

/** The manifest, or undefined when there is none or it is not one (a fresh fetch then replaces it). */
export function readManifest(paths: CachePaths): Manifest | undefined {
  if (!existsSync(paths.manifest)) return undefined;
  try {
    const read = readRegularText(paths.manifest);
    if (!read.ok) return undefined;
    const m = JSON.parse(read.text) as Partial<Manifest>;
    const ok = m.format === FORMAT && typeof m.portal === 'string' && typeof m.lastFetch === 'string' && typeof m.lastFullFetch === 'string'
      && typeof m.snapshotVersion === 'string' && typeof m.needs === 'object' && m.needs !== null;
    return ok ? (m as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

export function newManifest(fields: Omit<Manifest, 'format'>): Manifest {
  return { format: FORMAT, ...fields };
}

export function readHistoryFile(paths: CachePaths): HistoryById | undefined {
  if (!existsSync(paths.history)) return undefined;
  const table = readHistoryTable(paths.history);
  return 'error' in table ? undefined : table;
}

/** History (when any) then the manifest, each through a temporary file and a rename. */
const GIT_IGNORE = '# Written by hslist: contacts of the portal (names, emails) never belong in git.\n*\n';

/**
 * The cache holds personal data (contacts' names and emails): a `.gitignore` in its folder keeps every
 * file of it out of git, whatever the repository's own ignore file says. Written before the first file.
 */
export function keepCacheOutOfGit(paths: CachePaths): void {
  keepFolderOutOfGit(dirname(paths.snapshot));
}

/** The cache folder, made with its `.gitignore` if missing (before any file of contacts goes in: a downloaded export too). */
export function keepFolderOutOfGit(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, GIT_IGNORE);
}

export function writeCacheFiles(paths: CachePaths, manifest: Manifest, history: HistoryById | undefined): void {
  if (history) writeHistoryFile(paths.history, history);
  else rmSync(paths.history, { force: true });
  // The JSON history of earlier versions, which nothing reads any more.
  rmSync(join(dirname(paths.history), LEGACY_HISTORY), { force: true });
  writeFileAtomically(paths.manifest, JSON.stringify(manifest, null, 2) + '\n');
}

/** `hubspot-history.bin.4711.tmp` → 4711: the temporaries of the cache's writers. */
function writerOf(name: string): number | undefined {
  const m = /^hubspot-[a-z-]+\.[a-z]+\.(\d+)\.tmp$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * Removes what a killed run left in the cache folder (SIGKILL, or a language server's preview worker,
 * which gets no signals); Ctrl-C and SIGTERM are handled while writing (files/temp-files.ts).
 */
export function sweepCacheTemps(paths: CachePaths): void {
  sweepStaleTemps(dirname(paths.manifest), writerOf);
}

