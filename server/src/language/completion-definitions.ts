// Completion entries for the workspace's named value sets and conditions: offered where a `(…)` list of
// values may stand (`is any of `) and after `condition `, each with what it holds.

import { printExpr, printValue, type Span } from '@hslist/grammar';
import type { CompletionEntry } from './completion-values';
import type { Definitions } from './definitions/table';

/** A named value set or condition, as completion shows it. */
export interface DefinitionInfo {
  name: string;
  /** The values of a set, or the criteria of a condition, as text. */
  summary: string;
  path: string;
}

const SUMMARY_CHARS = 120;

function short(text: string): string {
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
}

/** The first definition of every value set and named condition, in name order. */
export function definitionInfos(definitions: Definitions | undefined): { valueSets: DefinitionInfo[]; conditions: DefinitionInfo[] } {
  const byName = (a: DefinitionInfo, b: DefinitionInfo) => a.name.localeCompare(b.name);
  const valueSets = [...(definitions?.valueSets.values() ?? [])].map(([s]) => ({ name: s.name, summary: `(${s.node.values.map(printValue).join(', ')})`, path: s.path }));
  const conditions = [...(definitions?.conditions.values() ?? [])].map(([c]) => ({ name: c.name, summary: c.node.where ? printExpr(c.node.where) : '(no criteria yet)', path: c.path }));
  return { valueSets: valueSets.sort(byName), conditions: conditions.sort(byName) };
}

function entries(infos: DefinitionInfo[], replace: Span, what: string): CompletionEntry[] {
  return infos.map((d) => ({
    label: d.name,
    kind: 'definition' as const,
    detail: `${what} ${short(d.summary)}`,
    documentation: `Defined in \`${d.path}\`:\n\n\`\`\`hslist\n${d.summary}\n\`\`\``,
    insertText: d.name,
    sortText: `0${d.name.toLowerCase()}`,
    replace,
  }));
}

export function valueSetEntries(infos: DefinitionInfo[] | undefined, replace: Span): CompletionEntry[] {
  return entries(infos ?? [], replace, 'value set');
}

export function conditionEntries(infos: DefinitionInfo[] | undefined, replace: Span): CompletionEntry[] {
  return entries(infos ?? [], replace, 'condition');
}
