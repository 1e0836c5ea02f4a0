// Cross-file list checks: `unknown-list` (by name; did-you-mean over the workspace's lists),
// `duplicate-list` (case-insensitive; at the second, naming the first's file:line). `list-cycle` is
// in list-cycles.ts.

import { diagnostic, type Diagnostic } from '@hslist/grammar';
import { suggest, SuggestBudget, withDidYouMean } from '../did-you-mean';
import { describeLocation } from '../positions';
import { fileOf, findList, type WorkspaceIndex } from '../symbols';
import { quoteString } from '../walk';
import type { PortalListRef } from '../schema-types';
import { replaceFixes } from './context';
import { clip } from '../clip';

export type PathDiagnostic = Diagnostic & { path: string };

function at(path: string, d: Diagnostic): PathDiagnostic {
  return { ...d, path };
}

/** Table cells of did-you-mean over list names per analysis (see did-you-mean.ts). */
const WORKSPACE_SUGGEST_CELLS = 5_000_000;

/**
 * `portalLists`: the portal's lists (schema pull's lists.json). `in list "Name"` may name a contact list
 * of the portal that is not kept as code; the inclusion list must be kept as code.
 */
export function checkUnknownLists(index: WorkspaceIndex, portalLists?: ReadonlyMap<string, PortalListRef>): PathDiagnostic[] {
  const names = [...index.lists.values()].map((defs) => ({ value: defs[0].name }));
  const budget = new SuggestBudget(WORKSPACE_SUGGEST_CELLS);
  const out: PathDiagnostic[] = [];
  for (const ref of index.references) {
    if (findList(index, ref.name)) continue;
    const portal = ref.kind === 'inList' ? portalLists?.get(ref.name.toLowerCase()) : undefined;
    if (portal && portal.objectTypeId === '0-1') continue;
    const suggestions = budget.cached(ref.name.toLowerCase(), () => suggest(ref.name, names, 3, budget));
    const what = ref.kind === 'inclusionList' ? 'The inclusion list' : 'List';
    const where = portal ? ` (the portal's list of that name holds ${portal.objectTypeId} records, not contacts)` : ref.kind === 'inList' && !portalLists ? ', nor in a pulled list catalogue (`hslist schema pull` writes one, for lists not kept as code)' : ' nor in the portal';
    const message = withDidYouMean(`${what} "${clip(ref.name)}" is not defined in any .hslist file of the workspace${ref.kind === 'inList' ? where : ''}`, suggestions, (v) => `"${v}"`);
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
      const message = `List "${clip(dup.name)}" is already defined at ${where}; HubSpot list names are unique regardless of case.`;
      out.push(at(dup.path, diagnostic('duplicate-list', message, dup.node.name)));
    }
  }
  return out;
}
