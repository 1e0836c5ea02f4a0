// The catalogue files `hslist schema pull` writes beside the properties (owners.json, forms.json,
// association-labels.json) hold `{"results": [...]}` in the shape of HubSpot's answer. Read strictly: a file
// of another shape, or an entry without what the language needs, is a problem naming it, never skipped in silence.

export interface CatalogueProblem {
  path: string;
  message: string;
}

/**
 * The entries of `value.results`, each through `toEntry` (which returns what an entry lacks, as a phrase,
 * when it is not one); undefined when there is no `results` array. `what` names the entries ("owners").
 */
export function catalogueEntries<T>(value: unknown, file: string, what: string, problems: CatalogueProblem[], toEntry: (entry: Record<string, unknown>) => T | { lacks: string }): T[] | undefined {
  const results = typeof value === 'object' && value !== null && Array.isArray((value as { results?: unknown }).results) ? (value as { results: unknown[] }).results : undefined;
  if (!results) {
    problems.push({ path: '$', message: `${file} must hold {"results": [${what}]}` });
    return undefined;
  }
  const entries: T[] = [];
  results.forEach((item, i) => {
    const entry = toEntry((item ?? {}) as Record<string, unknown>);
    if (typeof entry === 'object' && entry !== null && 'lacks' in entry) problems.push({ path: `results[${i}]`, message: `${file}: results[${i}] needs ${entry.lacks}` });
    else entries.push(entry);
  });
  return entries;
}

/** What a name written in a file finds in a catalogue: one entry, several, or none. */
export type NamedEntries<T> = { kind: 'one'; entry: T } | { kind: 'many'; entries: T[] } | { kind: 'none' };

/**
 * The entries named `name` (case and surrounding spaces ignored). An archived entry keeps its name in
 * HubSpot, so a live one of the same name is the one meant; archived ones count only when no live one has it.
 */
export function entriesNamed<T extends { name: string; archived: boolean }>(name: string, entries: readonly T[]): NamedEntries<T> {
  const folded = name.trim().toLowerCase();
  const named = entries.filter((e) => e.name.trim().toLowerCase() === folded);
  const live = named.filter((e) => !e.archived);
  const candidates = live.length > 0 ? live : named;
  if (candidates.length === 1) return { kind: 'one', entry: candidates[0] };
  return candidates.length > 1 ? { kind: 'many', entries: candidates } : { kind: 'none' };
}
