// Go to definition, find references, rename and hover for named value sets and conditions, across
// files. A value set is named at its definition (`values name = …`) and where a list of values goes
// (`is any of name`); a condition at its definition (`condition name { … }`) and in criteria
// (`condition name`). Names compare case-insensitively; a rename writes the new name at every place.

import { printExpr, printValue, type Span, type TextEdit } from '@hslist/grammar';
import { findSetting } from './checks/settings';
import { definitionKey, findCondition, findValueSet, type DefinitionKind, type Definitions } from './definitions/table';
import { describeLocation } from './positions';
import type { WorkspaceAnalysis } from './workspace';

export interface DefinitionAtCursor {
  kind: DefinitionKind;
  name: string;
  span: Span;
  isDefinition: boolean;
}

interface Place {
  path: string;
  span: Span;
}

const within = (span: Span, offset: number) => span.start <= offset && offset <= span.end;
const WHAT = { valueSet: 'value set', condition: 'condition' } as const;

/** The name of a value set or named condition under the cursor: a definition's name or a use. */
export function definitionNameAt(analysis: WorkspaceAnalysis, path: string, offset: number): DefinitionAtCursor | undefined {
  const file = analysis.files.get(path);
  if (!file) return undefined;
  const set = (file.tree.valueSets ?? []).find((s) => within(s.name, offset));
  if (set) return { kind: 'valueSet', name: set.name.text, span: spanOf(set.name), isDefinition: true };
  const condition = (file.tree.conditions ?? []).find((c) => within(c.name, offset));
  if (condition) return { kind: 'condition', name: condition.name.text, span: spanOf(condition.name), isDefinition: true };
  const use = analysis.definitions?.references.find((r) => r.path === path && within(r.span, offset));
  return use ? { kind: use.kind, name: use.name, span: use.span, isDefinition: false } : undefined;
}

function spanOf(span: Span): Span {
  return { start: span.start, end: span.end };
}

function definitionsOf(definitions: Definitions, kind: DefinitionKind, name: string): { path: string; node: { name: Span } }[] {
  const table = kind === 'valueSet' ? definitions.valueSets : definitions.conditions;
  return table.get(definitionKey(name)) ?? [];
}

/** Where the value set or condition under the cursor is defined (its first definition). */
export function definitionPlaceAt(analysis: WorkspaceAnalysis, path: string, offset: number): Place | undefined {
  const at = definitionNameAt(analysis, path, offset);
  const first = at && analysis.definitions ? definitionsOf(analysis.definitions, at.kind, at.name)[0] : undefined;
  return first ? { path: first.path, span: spanOf(first.node.name) } : undefined;
}

/** Every place that names the value set or condition: its definitions (when asked) and every use, in path order. */
export function definitionReferences(analysis: WorkspaceAnalysis, kind: DefinitionKind, name: string, includeDefinition: boolean): Place[] {
  const definitions = analysis.definitions;
  if (!definitions) return [];
  const key = definitionKey(name);
  const out: Place[] = includeDefinition ? definitionsOf(definitions, kind, name).map((d) => ({ path: d.path, span: spanOf(d.node.name) })) : [];
  for (const r of definitions.references) if (r.kind === kind && definitionKey(r.name) === key) out.push({ path: r.path, span: r.span });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.start - b.span.start));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Edits renaming the value set or condition under the cursor everywhere, or why not. */
export function renameDefinition(analysis: WorkspaceAnalysis, at: DefinitionAtCursor, newName: string): { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; message: string } {
  if (!NAME.test(newName)) return { ok: false, message: `A ${WHAT[at.kind]} name is one word of letters, digits and \`_\`, not starting with a digit.` };
  const definitions = analysis.definitions;
  const taken = definitions ? definitionsOf(definitions, at.kind, newName)[0] : undefined;
  if (taken && definitionKey(newName) !== definitionKey(at.name)) {
    const file = analysis.files.get(taken.path);
    const where = file ? describeLocation(taken.path, file.lineIndex, taken.node.name.start) : taken.path;
    return { ok: false, message: `A ${WHAT[at.kind]} named \`${newName}\` already exists at ${where}.` };
  }
  const edits = new Map<string, TextEdit[]>();
  for (const place of definitionReferences(analysis, at.kind, at.name, true)) {
    edits.set(place.path, [...(edits.get(place.path) ?? []), { ...place.span, newText: newName }]);
  }
  return { ok: true, edits };
}

/** Markdown for a value set or condition: what it holds, where it is defined, and the lists and conditions that use it. */
export function definitionSummary(analysis: WorkspaceAnalysis, kind: DefinitionKind, name: string, displayPath: (path: string) => string = (p) => p): string {
  const definitions = analysis.definitions;
  const found = definitions && (kind === 'valueSet' ? findValueSet(definitions, name) : findCondition(definitions, name));
  if (!definitions || !found) return `The ${WHAT[kind]} \`${name}\` is not defined in the workspace.`;
  const file = analysis.files.get(found.path);
  const where = file ? describeLocation(displayPath(found.path), file.lineIndex, found.node.name.start) : displayPath(found.path);
  const lines = [`**${kind === 'valueSet' ? 'values' : 'condition'} ${found.name}**`];
  if (found.node.kind === 'valueSet') {
    lines.push('', `${found.node.values.length} value${found.node.values.length === 1 ? '' : 's'}:`, '', '```hslist', `(${found.node.values.map(printValue).join(', ')})`, '```');
  } else {
    const description = findSetting(found.node.settings, 'description')?.value;
    if (description?.kind === 'string') lines.push('', description.value);
    lines.push('', '```hslist', found.node.where ? `where ${printExpr(found.node.where)}` : '(no criteria yet)', '```');
  }
  lines.push('', `Defined at \`${where}\` · Used by: ${usedBy(definitions, kind, name)}`);
  return lines.join('\n');
}

function usedBy(definitions: Definitions, kind: DefinitionKind, name: string): string {
  const key = definitionKey(name);
  const users = definitions.references
    .filter((r) => r.kind === kind && definitionKey(r.name) === key)
    .map((r) => (r.from.kind === 'list' ? `"${r.from.name.text}"` : `condition ${r.from.name.text}`));
  return users.length === 0 ? 'none' : [...new Set(users)].join(', ');
}
