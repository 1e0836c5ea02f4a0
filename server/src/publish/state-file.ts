// The state file `hslist.lock.json`, committed beside hslist.json: per portal (by portal id, so the same
// files can be published to a sandbox portal and to production), each published list's HubSpot id,
// processing type, folder, and two hashes: of the filters we last sent (to see that a file changed) and
// of the filters HubSpot echoed back (to see that someone changed the list in HubSpot since: drift).
// Written deterministically (sorted keys, one entry per list, two-space indent) and atomically (a
// temporary file renamed over the old one) after every successful change, so it is true for what did
// happen even when an apply stops part way.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../accounts/atomic-write';
import { stableJson } from '../hubspot/account/pull-schema';

export const STATE_FILE = 'hslist.lock.json';
const VERSION = 1;

export interface ListState {
  listId: string;
  processingType: string;
  /** The folder path as the file names it ("Salesforce", "Events/2025"); absent: the root. */
  folder?: string;
  /** HubSpot's id of that folder ("0": the root), when it is known. */
  folderId?: string;
  /** Hash of the canonical filters last published (ids resolved), or of a pulled list's compiled form. */
  filtersHash: string;
  /** Hash of the canonical filters HubSpot returned for them. */
  remoteHash: string;
  /** A static list with members in the files: how many HubSpot held when read back after the last apply. */
  members?: number;
  /** Hash of those members' record ids (apply-members.ts). */
  membersHash?: string;
}

export interface PortalState {
  /** The inclusion list at the last publish, protected from deletion and conversion. */
  inclusionList?: string;
  /** By list name as written in the files. */
  lists: Record<string, ListState>;
  /** The settings sheet (settings-sheet.ts): each item set by hand in HubSpot, recorded until confirmed. */
  settings?: Record<string, { value: string; confirmedAt?: string }>;
}

export interface StateFile {
  version: number;
  portals: Record<string, PortalState>;
}

export function emptyState(): StateFile {
  return { version: VERSION, portals: {} };
}

export function statePath(root: string): string {
  return join(root, STATE_FILE);
}

export type StateRead = { ok: true; state: StateFile } | { ok: false; message: string };

/** A missing file is an empty state; an unreadable or malformed one is an error naming the place. */
export function readStateFile(root: string): StateRead {
  const path = statePath(root);
  if (!existsSync(path)) return { ok: true, state: emptyState() };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `${path}: not valid JSON (${(error as Error).message}); restore it from git.` };
  }
  const problem = validate(value);
  return problem ? { ok: false, message: `${path}: ${problem}.` } : { ok: true, state: value as StateFile };
}

function validate(value: unknown): string | undefined {
  const o = value as Partial<StateFile> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'expected a JSON object';
  if (o.version !== VERSION) return `unknown version ${String(o.version)} (this hslist reads version ${VERSION})`;
  if (!o.portals || typeof o.portals !== 'object') return '"portals" must be an object';
  for (const [portal, entry] of Object.entries(o.portals)) {
    if (!entry || typeof entry !== 'object' || typeof entry.lists !== 'object' || entry.lists === null) return `portals.${portal}.lists must be an object`;
    for (const [name, list] of Object.entries(entry.lists)) {
      const l = list as Partial<ListState>;
      for (const field of ['listId', 'processingType', 'filtersHash', 'remoteHash'] as const) {
        if (typeof l?.[field] !== 'string') return `portals.${portal}.lists["${name}"].${field} must be a string`;
      }
    }
  }
  return undefined;
}

export function serializeState(state: StateFile): string {
  return stableJson(state);
}

export async function writeStateFile(root: string, state: StateFile): Promise<void> {
  await writeFilesAtomically([{ path: statePath(root), content: serializeState(state) }]);
}

export function portalState(state: StateFile, portalId: string): PortalState {
  state.portals[portalId] ??= { lists: {} };
  return state.portals[portalId];
}

/** The entry of a list name, compared case-insensitively as HubSpot compares names. */
export function findListState(portal: PortalState | undefined, name: string): { name: string; entry: ListState } | undefined {
  if (!portal) return undefined;
  const exact = portal.lists[name];
  if (exact) return { name, entry: exact };
  const wanted = name.toLowerCase();
  const key = Object.keys(portal.lists).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : { name: key, entry: portal.lists[key] };
}

/**
 * Serialises the state writes of concurrent steps: each step changes the in-memory state and asks for
 * a write; writes run one at a time and each writes the newest state.
 */
export class StateWriter {
  private chain: Promise<void> = Promise.resolve();
  writes = 0;

  constructor(
    private readonly root: string,
    readonly state: StateFile,
  ) {}

  save(): Promise<void> {
    const next = this.chain.then(() => {
      this.writes++;
      return writeStateFile(this.root, this.state);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
