// Which lists `hslist count` sends to HubSpot, and in what form: each list's compiled request with its
// `in list` references resolved to the target portal's ids. A list that cannot be counted honestly (errors,
// a reference to a list the portal lacks, a static list) gets its reason instead of a request.

import type { Schema } from '../language/schema-types';
import { definitionHash } from './canonical';
import type { DesiredList, DesiredWorkspace } from './desired';
import type { CountRequest } from './hubspot-count';
import { resolvePlaceholders } from './references';
import { findListState, type PortalState } from './state-file';

export interface CountSelection {
  requests: CountRequest[];
  refused: { name: string; reason: string }[];
  /** Things the admin must know to read the counts right (referenced lists with unpublished edits). */
  notes: string[];
}

export function countSelection(lists: DesiredList[], desired: DesiredWorkspace, portal: PortalState | undefined, schema: Schema): CountSelection {
  const idFor = (name: string) => findListState(portal, name)?.entry.listId ?? schema.lists?.get(name.toLowerCase())?.listId;
  const selection: CountSelection = { requests: [], refused: [], notes: [] };
  const noted = new Set<string>();
  for (const list of lists) {
    const reason = refusal(list);
    if (reason) {
      selection.refused.push({ name: list.name, reason });
      continue;
    }
    const { branch, unresolved } = resolvePlaceholders(list.filterBranch!, idFor);
    if (unresolved.length > 0) {
      const names = unresolved.map((n) => `"${n}"`).join(', ');
      selection.refused.push({ name: list.name, reason: `it refers to ${names}, not in this portal yet (hslist apply publishes it first)` });
      continue;
    }
    selection.requests.push({ name: list.name, request: { objectTypeId: '0-1', processingType: list.processingType, filterBranch: branch } });
    for (const ref of list.references) {
      if (noted.has(ref.toLowerCase()) || !hasUnpublishedEdits(ref, desired, portal, idFor)) continue;
      noted.add(ref.toLowerCase());
      selection.notes.push(`"${ref}" is counted as HubSpot holds it now: its edits in the files are not applied yet.`);
    }
  }
  return selection;
}

function refusal(list: DesiredList): string | undefined {
  if (list.problems.length > 0) return `it has errors: ${list.problems.join('; ')}`;
  if (list.processingType === 'MANUAL') return 'a static list holds the members it is given: nothing to count';
  if (!list.filterBranch) return 'it did not compile';
  return undefined;
}

/** A workspace list whose definition differs from what was last published to this portal. */
function hasUnpublishedEdits(name: string, desired: DesiredWorkspace, portal: PortalState | undefined, idFor: (n: string) => string | undefined): boolean {
  const own = desired.lists.find((d) => d.name.toLowerCase() === name.toLowerCase());
  const state = findListState(portal, name)?.entry;
  if (!own || !state || !own.filterBranch) return false;
  const { branch, unresolved } = resolvePlaceholders(own.filterBranch, idFor);
  return unresolved.length > 0 || definitionHash(own.processingType, branch) !== state.filtersHash;
}
