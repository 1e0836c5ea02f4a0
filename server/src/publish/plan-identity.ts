// Which HubSpot list each list of the files is: the id the state file records for its name; else the
// portal's list of that name (HubSpot compares names case-insensitively), taken over; else, when its
// criteria are exactly those last published for a list that has left the files, that list renamed
// (so a rename in the files keeps the list's id, and the inclusion list stays selected).

import type { DesiredList, DesiredWorkspace } from './desired';
import type { PlanEntry } from './plan-types';
import type { RemotePortal } from './remote';
import { findListState, type ListState, type PortalState } from './state-file';

export interface Identity {
  kind: 'state' | 'adopt' | 'rename' | 'taken';
  /** The id of the list in the portal now (absent when the recorded list is gone). */
  existingId?: string;
  /** Its key in the state file. */
  stateName?: string;
  state?: ListState;
  /** kind 'taken': why the name cannot be used. */
  problem?: string;
}

/**
 * Fills `ids` (lowercased desired name → identity). `hashOf` gives a desired list's definition hash with
 * references resolved through `ids` as filled so far (renames are found last, with every other id known).
 */
export function plannedIds(desired: DesiredWorkspace, remote: RemotePortal, portal: PortalState | undefined, hashOf: (d: DesiredList) => string | undefined, ids: Map<string, Identity>): void {
  const stateNameOfId = new Map(Object.entries(portal?.lists ?? {}).map(([name, s]) => [s.listId, name]));
  for (const d of desired.lists) {
    const key = d.name.toLowerCase();
    const recorded = findListState(portal, d.name);
    if (recorded) {
      const exists = remote.withFilters.has(recorded.entry.listId);
      ids.set(key, { kind: 'state', stateName: recorded.name, state: recorded.entry, ...(exists ? { existingId: recorded.entry.listId } : {}) });
      continue;
    }
    const byName = remote.byName.get(key);
    if (!byName) continue;
    const owner = stateNameOfId.get(byName.listId);
    if (owner === undefined) ids.set(key, { kind: 'adopt', existingId: byName.listId });
    else ids.set(key, { kind: 'taken', problem: `HubSpot's list #${byName.listId} has this name, and the state file records it as "${owner}"` });
  }
  detectRenames(desired, remote, portal, ids, hashOf);
}

function detectRenames(desired: DesiredWorkspace, remote: RemotePortal, portal: PortalState | undefined, ids: Map<string, Identity>, hashOf: (d: DesiredList) => string | undefined): void {
  const claimed = new Set([...ids.values()].map((i) => i.stateName?.toLowerCase()));
  const orphans = Object.entries(portal?.lists ?? {}).filter(([name, s]) => !claimed.has(name.toLowerCase()) && remote.withFilters.has(s.listId));
  const newcomers = desired.lists.filter((d) => !ids.has(d.name.toLowerCase()) && d.problems.length === 0);
  for (const [name, state] of orphans) {
    const matches = newcomers.filter((d) => d.processingType === state.processingType && hashOf(d) === state.filtersHash);
    const others = orphans.filter(([, s]) => s.filtersHash === state.filtersHash && s.processingType === state.processingType);
    if (matches.length !== 1 || others.length !== 1) continue; // ambiguous: no guess
    ids.set(matches[0].name.toLowerCase(), { kind: 'rename', stateName: name, state, existingId: state.listId });
  }
}

/** A list that refers to a list that cannot be published (and does not exist yet) cannot be published either. */
export function blockDependents(entries: PlanEntry[], desired: DesiredWorkspace): void {
  const byName = new Map(entries.filter((e) => e.desired).map((e) => [e.name.toLowerCase(), e]));
  const inWorkspace = new Set(desired.lists.map((d) => d.name.toLowerCase()));
  for (let changed = true; changed; ) {
    changed = false;
    for (const entry of entries) {
      if (entry.status === 'blocked' || !entry.desired) continue;
      const stuck = entry.desired.references.find((r) => {
        const target = byName.get(r.toLowerCase());
        return inWorkspace.has(r.toLowerCase()) && target !== undefined && target.status === 'blocked' && target.listId === undefined;
      });
      if (stuck === undefined) continue;
      Object.assign(entry, { status: 'blocked', changes: [], reasons: [`it refers to "${stuck}", which cannot be published yet`] });
      changed = true;
    }
  }
}
