// `in list "X"` compiles to the placeholder `$list:X` (the compiler knows no portal). Publishing puts the
// real HubSpot id of X in the target portal in its place, and never sends a request that still holds one.

const PLACEHOLDER = /^\$list:(.+)$/;

/** The list names (as written) that a filter branch refers to by placeholder. */
export function placeholderNames(branch: unknown): string[] {
  const names = new Set<string>();
  visitInListFilters(branch, (filter) => {
    const name = PLACEHOLDER.exec(String(filter.listId))?.[1];
    if (name !== undefined) names.add(name);
  });
  return [...names];
}

/**
 * A copy of `branch` with every placeholder replaced by `idFor(name)`; names `idFor` does not know are
 * returned in `unresolved` and their placeholders kept.
 */
export function resolvePlaceholders<T>(branch: T, idFor: (name: string) => string | undefined): { branch: T; unresolved: string[] } {
  const unresolved = new Set<string>();
  const copy = structuredClone(branch);
  visitInListFilters(copy, (filter) => {
    const name = PLACEHOLDER.exec(String(filter.listId))?.[1];
    if (name === undefined) return;
    const id = idFor(name);
    if (id === undefined) unresolved.add(name);
    else filter.listId = id;
  });
  return { branch: copy, unresolved: [...unresolved] };
}

function visitInListFilters(node: unknown, visit: (filter: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitInListFilters(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (o.filterType === 'IN_LIST' && 'listId' in o) visit(o);
  for (const value of Object.values(o)) if (typeof value === 'object') visitInListFilters(value, visit);
}

/** The ids of real lists (not placeholders) a filter branch refers to. */
export function referencedListIds(branch: unknown): string[] {
  const ids = new Set<string>();
  visitInListFilters(branch, (filter) => {
    const id = String(filter.listId);
    if (!PLACEHOLDER.test(id)) ids.add(id);
  });
  return [...ids];
}
