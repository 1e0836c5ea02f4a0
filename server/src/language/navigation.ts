// Go to definition, find references, rename and workspace symbols for lists, across files. A list is
// named at its definition (`list "Name"`), in `in list "Name"` and in `inclusion list: "Name"`; all
// three are the same symbol, compared case-insensitively as HubSpot compares list names.

import type { Span, TextEdit } from '@hslist/grammar';
import { describeLocation } from './positions';
import { definitionNameAt, definitionPlaceAt, definitionReferences, renameDefinition } from './navigation-definitions';
import { listKey, type ListSymbol } from './symbols';
import { quoteString } from './walk';
import type { WorkspaceAnalysis } from './workspace';

export interface Location {
  path: string;
  span: Span;
}

export interface ListAtCursor {
  name: string;
  /** The name token, quotes included. */
  span: Span;
  kind: 'definition' | 'reference';
}

const within = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The list name under the cursor: a definition's name or a reference by name. */
export function listAt(analysis: WorkspaceAnalysis, path: string, offset: number): ListAtCursor | undefined {
  const file = analysis.files.get(path);
  if (!file) return undefined;
  const def = file.tree.lists.find((l) => within(l.name, offset));
  if (def) return { name: def.name.text, span: { start: def.name.start, end: def.name.end }, kind: 'definition' };
  const ref = analysis.references.find((r) => r.path === path && within(r.span, offset));
  return ref ? { name: ref.name, span: ref.span, kind: 'reference' } : undefined;
}

export function definitionOf(analysis: WorkspaceAnalysis, name: string): ListSymbol | undefined {
  return analysis.lists.get(listKey(name))?.[0];
}

/** Where the list, value set or named condition under the cursor is defined. */
export function definitionAt(analysis: WorkspaceAnalysis, path: string, offset: number): Location | undefined {
  const at = listAt(analysis, path, offset);
  if (!at) return definitionPlaceAt(analysis, path, offset);
  const symbol = definitionOf(analysis, at.name);
  return symbol ? { path: symbol.path, span: { start: symbol.node.name.start, end: symbol.node.name.end } } : undefined;
}

/** Every place that names the list, value set or named condition under the cursor (undefined: nothing named there). */
export function referencesAt(analysis: WorkspaceAnalysis, path: string, offset: number, includeDefinition: boolean): Location[] | undefined {
  const list = listAt(analysis, path, offset);
  if (list) return referencesOf(analysis, list.name, includeDefinition);
  const named = definitionNameAt(analysis, path, offset);
  return named ? definitionReferences(analysis, named.kind, named.name, includeDefinition) : undefined;
}

/** Every place that names the list: its definitions (when asked) and every reference, in path order. */
export function referencesOf(analysis: WorkspaceAnalysis, name: string, includeDefinition: boolean): Location[] {
  const key = listKey(name);
  const out: Location[] = [];
  if (includeDefinition) {
    for (const s of analysis.lists.get(key) ?? []) out.push({ path: s.path, span: { start: s.node.name.start, end: s.node.name.end } });
  }
  for (const r of analysis.references) if (listKey(r.name) === key) out.push({ path: r.path, span: r.span });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.start - b.span.start));
}

/** The text inside the quotes of a name token (what a rename edits), when it is a closed string. */
function innerSpan(text: string, span: Span): Span {
  const quoted = text[span.start] === '"' && text[span.end - 1] === '"' && span.end - span.start >= 2;
  return quoted ? { start: span.start + 1, end: span.end - 1 } : span;
}

export function prepareRename(analysis: WorkspaceAnalysis, path: string, offset: number): { span: Span; placeholder: string } | undefined {
  const at = listAt(analysis, path, offset);
  const file = analysis.files.get(path);
  if (!file) return undefined;
  if (!at) {
    const named = definitionNameAt(analysis, path, offset);
    return named ? { span: named.span, placeholder: named.name } : undefined;
  }
  return { span: innerSpan(file.text, at.span), placeholder: at.name };
}

export type RenameResult = { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; message: string };

/** Edits renaming the list under the cursor everywhere; refuses names that are empty, multi-line, or taken. */
export function renameList(analysis: WorkspaceAnalysis, path: string, offset: number, newName: string): RenameResult {
  const at = listAt(analysis, path, offset);
  if (!at) {
    const named = definitionNameAt(analysis, path, offset);
    return named ? renameDefinition(analysis, named, newName) : { ok: false, message: 'There is no list, value set or condition name here to rename.' };
  }
  if (newName.trim() === '' || /[\r\n]/.test(newName)) return { ok: false, message: 'A list name must be non-empty text on one line.' };
  const taken = analysis.lists.get(listKey(newName))?.[0];
  if (taken && listKey(newName) !== listKey(at.name)) {
    const file = analysis.files.get(taken.path);
    const where = file ? describeLocation(taken.path, file.lineIndex, taken.node.name.start) : taken.path;
    return { ok: false, message: `A list named "${taken.name}" already exists at ${where}; list names are unique regardless of case.` };
  }
  const edits = new Map<string, TextEdit[]>();
  for (const loc of referencesOf(analysis, at.name, true)) {
    const list = edits.get(loc.path) ?? [];
    list.push({ start: loc.span.start, end: loc.span.end, newText: quoteString(newName) });
    edits.set(loc.path, list);
  }
  return { ok: true, edits };
}

/** Fuzzy match: every character of the query in order; lower scores are better, undefined is no match. */
export function fuzzyScore(query: string, name: string): number | undefined {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  if (q === '') return 0;
  const direct = n.indexOf(q);
  if (direct >= 0) return direct;
  let at = -1;
  let gaps = 0;
  for (const ch of q) {
    const next = n.indexOf(ch, at + 1);
    if (next < 0) return undefined;
    gaps += next - at - 1;
    at = next;
  }
  return 100 + gaps;
}

export function workspaceSymbols(analysis: WorkspaceAnalysis, query: string, limit = 200): (ListSymbol & { score: number })[] {
  const out: (ListSymbol & { score: number })[] = [];
  for (const defs of analysis.lists.values()) for (const s of defs) {
    const score = fuzzyScore(query, s.name);
    if (score !== undefined) out.push({ ...s, score });
  }
  return out.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, limit);
}
