// Cross-file list checks: `unknown-list` (by name; did-you-mean over the workspace's lists),
// `duplicate-list` (case-insensitive; at the second, naming the first's file:line) and
// `list-cycle` (lists that reach themselves through `in list`, message "A → B → A").

import { diagnostic, type Diagnostic } from '../../../../grammar/src/diagnostic';
import { suggest, withDidYouMean } from '../did-you-mean';
import { describeLocation } from '../positions';
import { fileOf, findList, listKey, type WorkspaceIndex } from '../symbols';
import { quoteString } from '../walk';
import type { PortalListRef } from '../schema-types';
import { replaceFixes } from './context';

export type PathDiagnostic = Diagnostic & { path: string };

function at(path: string, d: Diagnostic): PathDiagnostic {
  return { ...d, path };
}

/**
 * `portalLists`: the portal's lists (schema pull's lists.json). `in list "Name"` may name a contact list
 * of the portal that is not kept as code; the inclusion list must be kept as code.
 */
export function checkUnknownLists(index: WorkspaceIndex, portalLists?: ReadonlyMap<string, PortalListRef>): PathDiagnostic[] {
  const names = [...index.lists.values()].map((defs) => ({ value: defs[0].name }));
  const out: PathDiagnostic[] = [];
  for (const ref of index.references) {
    if (findList(index, ref.name)) continue;
    const portal = ref.kind === 'inList' ? portalLists?.get(ref.name.toLowerCase()) : undefined;
    if (portal && portal.objectTypeId === '0-1') continue;
    const suggestions = suggest(ref.name, names);
    const what = ref.kind === 'inclusionList' ? 'The inclusion list' : 'List';
    const where = portal ? ` (the portal's list of that name holds ${portal.objectTypeId} records, not contacts)` : ref.kind === 'inList' && !portalLists ? ', nor in a pulled list catalogue (`hslist schema pull` writes one, for lists not kept as code)' : ' nor in the portal';
    const message = withDidYouMean(`${what} "${ref.name}" is not defined in any .hslist file of the workspace${ref.kind === 'inList' ? where : ''}`, suggestions, (v) => `"${v}"`);
    out.push(at(ref.path, diagnostic('unknown-list', message, ref.span, 'error', replaceFixes(ref.span, suggestions, quoteString))));
  }
  return out;
}

export function checkDuplicateLists(index: WorkspaceIndex): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  for (const defs of index.lists.values()) {
    const first = defs[0];
    const firstFile = fileOf(index, first.path);
    if (!firstFile) continue;
    const where = describeLocation(first.path, firstFile.lineIndex, first.node.name.start);
    for (const dup of defs.slice(1)) {
      const message = `List "${dup.name}" is already defined at ${where}; HubSpot list names are unique regardless of case.`;
      out.push(at(dup.path, diagnostic('duplicate-list', message, dup.node.name)));
    }
  }
  return out;
}

/** Edges of the `in list` graph between first definitions, keyed by lowercased name. */
function listGraph(index: WorkspaceIndex): Map<string, { to: string; ref: (typeof index.references)[number] }[]> {
  const graph = new Map<string, { to: string; ref: (typeof index.references)[number] }[]>();
  for (const ref of index.references) {
    if (ref.kind !== 'inList' || !ref.fromList) continue;
    const from = listKey(ref.fromList.name.text);
    // Only the first definition of a name counts; duplicates are reported separately.
    if (findList(index, ref.fromList.name.text)?.node !== ref.fromList || !findList(index, ref.name)) continue;
    const edges = graph.get(from) ?? [];
    edges.push({ to: listKey(ref.name), ref });
    graph.set(from, edges);
  }
  return graph;
}

/** The shortest path of names from `source` to `target` (both included), or undefined. */
function shortestPath(graph: ReturnType<typeof listGraph>, source: string, target: string): string[] | undefined {
  if (source === target) return [source];
  const previous = new Map<string, string>([[source, source]]);
  const queue = [source];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const { to } of graph.get(node) ?? []) {
      if (previous.has(to)) continue;
      previous.set(to, node);
      if (to === target) return unwind(previous, target, source);
      queue.push(to);
    }
  }
  return undefined;
}

function unwind(previous: Map<string, string>, target: string, source: string): string[] {
  const path = [target];
  while (path[0] !== source) path.unshift(previous.get(path[0]) as string);
  return path;
}

/** One diagnostic on each `in list` reference that lies on a cycle, showing the cycle from its list. */
export function checkListCycles(index: WorkspaceIndex): PathDiagnostic[] {
  const graph = listGraph(index);
  const out: PathDiagnostic[] = [];
  const display = (key: string) => findList(index, key)?.name ?? key;
  for (const [from, edges] of graph) {
    for (const { to, ref } of edges) {
      const back = shortestPath(graph, to, from);
      if (!back) continue;
      const cycle = [from, ...back];
      const message = `Lists reference each other in a cycle: ${cycle.map((k) => `"${display(k)}"`).join(' → ')}.`;
      out.push(at(ref.path, diagnostic('list-cycle', message, ref.span)));
    }
  }
  return out;
}
