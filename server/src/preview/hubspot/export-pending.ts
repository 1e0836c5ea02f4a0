// An export a full fetch started and did not read (the preview was cancelled, or the export was not ready
// within the wait): the next full fetch reads it instead of starting another. HubSpot allows a portal 30
// exports in a rolling 24 hours, shared with its users' own (its exports guide), documents no way to
// cancel one, and goes on preparing it; an admin who stops a slow first preview and starts it again
// would otherwise spend one of those each time, and wait again from the start.
//
// Its contacts are as of when it was started, so it is taken up only for the same portal and the same
// properties, and only while it is young (`RESUME_WITHIN_MS`); the fetch then counts from that start
// (source.ts: the last full fetch's time, and the margin of the next refresh, which reads the changes
// since), and the preview says how old the contacts are.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../../files/temp-files';

/** How old an export may be for a full fetch to read it rather than start another. */
export const RESUME_WITHIN_MS = 15 * 60_000;

const FILE = 'hubspot-export-pending.json';

export interface PendingExport {
  portalId: string;
  taskId: string;
  /** The properties it asks for, sorted. */
  properties: string[];
  /** When it was started (epoch ms, the wall clock). */
  startedAt: number;
}

/** The export a full fetch of `properties` from `portalId` may read at `now`, or undefined (none, another's, too old, unreadable). */
export function resumableExport(cacheDir: string, portalId: string, properties: readonly string[], now: number): PendingExport | undefined {
  const pending = readPending(join(cacheDir, FILE));
  if (!pending || pending.portalId !== portalId) return undefined;
  const age = now - pending.startedAt;
  if (age < 0 || age > RESUME_WITHIN_MS) return undefined;
  const wanted = [...properties].sort();
  if (wanted.length !== pending.properties.length || wanted.some((p, i) => p !== pending.properties[i])) return undefined;
  return pending;
}

/** Remembers an export just started, until it has been read (or has failed). */
export function rememberExport(cacheDir: string, pending: PendingExport): void {
  writeFileAtomically(join(cacheDir, FILE), JSON.stringify({ ...pending, properties: [...pending.properties].sort() }) + '\n');
}

/** The export was read, or will never be: nothing to take up any more. */
export function forgetExport(cacheDir: string): void {
  rmSync(join(cacheDir, FILE), { force: true });
}

function readPending(path: string): PendingExport | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<PendingExport>;
    const valid = typeof raw.portalId === 'string' && typeof raw.taskId === 'string' && typeof raw.startedAt === 'number' && Number.isFinite(raw.startedAt)
      && Array.isArray(raw.properties) && raw.properties.every((p) => typeof p === 'string');
    return valid ? (raw as PendingExport) : undefined;
  } catch {
    // A file that cannot be read names no export: a new one is started, as without it.
    return undefined;
  }
}
