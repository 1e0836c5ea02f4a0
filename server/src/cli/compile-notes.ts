// What `hslist compile` adds on stderr so its JSON can be read: why a short list becomes a long request
// (HubSpot's filterBranch is an OR of AND groups, so an `or` inside an `and` is multiplied out), and what
// the `$list:<name>` placeholders are. Said only when there is something to explain.

import type { ListCreateRequest } from '../hubspot/filter-branch';
import { placeholderNames } from '../publish/references';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Every filter of the request: in each AND group and in its association branches. */
function filterCount(request: ListCreateRequest): number {
  let count = 0;
  for (const group of request.filterBranch?.filterBranches ?? []) {
    count += group.filters.length;
    for (const branch of group.filterBranches) count += branch.filters.length;
  }
  return count;
}

function expansionNote(request: ListCreateRequest): string | undefined {
  const groups = request.filterBranch?.filterBranches.length ?? 0;
  if (groups < 2) return undefined;
  return `note: "${request.name}" is ${fmt(groups)} AND groups with ${fmt(filterCount(request))} filters in all: HubSpot's filterBranch is an OR of AND groups, so each \`or\` inside an \`and\` multiplies the groups, and every group repeats the conditions they share. The request means exactly what the file says.`;
}

function placeholderNote(requests: ListCreateRequest[]): string | undefined {
  const names = [...new Set(requests.flatMap((r) => placeholderNames(r.filterBranch)))];
  if (names.length === 0) return undefined;
  const example = `$list:${names[0]}`;
  return `note: \`${example}\`${names.length > 1 ? ` (and ${names.length - 1} more like it)` : ''} stands for that list's HubSpot id, known once the list is published: \`hslist apply\` publishes lists in dependency order and puts the ids in; \`--target T\` prints the ids of a portal the lists are published to.`;
}

/** The notes for what was printed (no placeholder note with `--target`: it reports the lists it cannot resolve itself). */
export function compileNotes(requests: (ListCreateRequest | undefined)[], withTarget: boolean): string[] {
  const compiled = requests.filter((r): r is ListCreateRequest => r !== undefined);
  const notes = compiled.map(expansionNote).filter((n): n is string => n !== undefined);
  const placeholders = withTarget ? undefined : placeholderNote(compiled);
  return placeholders ? [...notes, placeholders] : notes;
}
