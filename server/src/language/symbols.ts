// The workspace's symbol table: list definitions by name (case-insensitive, as HubSpot list names
// are unique case-insensitively) and every reference to a list by name, with its place, so that
// go-to-definition, find-references and rename can use them.

import { movedFrom, type FileNode, type ListNode, type NamedConditionNode, type Span, type SyncNode, type Diagnostic } from '@hslist/grammar';
import { contain } from './checks/contain';
import { collectDefinitions, type Definitions } from './definitions/table';
import { forEachCondition } from './walk';
import { LineIndex } from './positions';

export interface ListSymbol {
  name: string;
  path: string;
  node: ListNode;
}

export interface ListReference {
  /** The list name as written (without quotes). */
  name: string;
  path: string;
  /** The name token, quotes included. */
  span: Span;
  kind: 'inList' | 'inclusionList';
  /** The list whose criteria hold the reference (absent for a sync block's inclusion list). */
  fromList?: ListNode;
  /** The named condition whose criteria hold the reference. */
  fromCondition?: NamedConditionNode;
  fromSync?: SyncNode;
}

/** What cross-file checks see of each file. */
export interface IndexedFile {
  path: string;
  text: string;
  tree: FileNode;
  lineIndex: LineIndex;
}

export interface WorkspaceIndex {
  /** Files in path order. */
  files: IndexedFile[];
  /** Lowercased list name → definitions in path and offset order. */
  lists: Map<string, ListSymbol[]>;
  references: ListReference[];
  syncBlocks: { path: string; node: SyncNode }[];
  /** Named value sets and conditions, and where they are used (buildIndex always sets it). */
  definitions?: Definitions;
  /** Files whose references could not be read (a bug): an internal-check-error each, the rest indexed. */
  problems: (Diagnostic & { path: string })[];
}

export function listKey(name: string): string {
  return name.toLowerCase();
}

/** References found in a tree; a tree is reused while its file's text is unchanged, so is this. */
const referencesByTree = new WeakMap<FileNode, { path: string; references: ListReference[] }>();

function referencesIn(file: IndexedFile): ListReference[] {
  const cached = referencesByTree.get(file.tree);
  if (cached?.path === file.path) return cached.references;
  const references = findReferences(file);
  referencesByTree.set(file.tree, { path: file.path, references });
  return references;
}

/**
 * References in each list, by list: an edit re-parses one list of a file and moves the others (copies,
 * block-memo.ts), whose references are those of the list they were copied from, moved.
 */
const referencesByList = new WeakMap<ListNode, { path: string; references: ListReference[] }>();

function listReferences(path: string, list: ListNode): ListReference[] {
  const known = referencesByList.get(list);
  if (known?.path === path) return known.references;
  const origin = movedFrom(list);
  const before = origin && referencesByList.get(origin.list);
  const references =
    origin && before?.path === path
      ? before.references.map((r) => ({ name: r.name, path, span: { start: r.span.start + origin.by, end: r.span.end + origin.by }, kind: r.kind, fromList: list }))
      : findListReferences(path, list);
  referencesByList.set(list, { path, references });
  return references;
}

function findListReferences(path: string, list: ListNode): ListReference[] {
  const out: ListReference[] = [];
  forEachCondition(list.where, 'contacts', (c) => {
    if (c.kind === 'inList' && c.target.by === 'name') {
      out.push({ name: c.target.text, path, span: { start: c.target.start, end: c.target.end }, kind: 'inList', fromList: list });
    }
  });
  return out;
}

function findReferences(file: IndexedFile): ListReference[] {
  const out: ListReference[] = [];
  for (const list of file.tree.lists) out.push(...listReferences(file.path, list));
  for (const condition of file.tree.conditions ?? []) {
    forEachCondition(condition.where, 'contacts', (c) => {
      if (c.kind === 'inList' && c.target.by === 'name') {
        out.push({ name: c.target.text, path: file.path, span: { start: c.target.start, end: c.target.end }, kind: 'inList', fromCondition: condition });
      }
    });
  }
  for (const sync of file.tree.syncBlocks) {
    for (const s of sync.settings) {
      if (s.key.text !== 'inclusion list' || s.value?.kind !== 'string') continue;
      out.push({ name: s.value.value, path: file.path, span: { start: s.value.start, end: s.value.end }, kind: 'inclusionList', fromSync: sync });
    }
  }
  return out;
}

/** A tree's lists as symbols, with their keys: a tree is reused while its file's text is unchanged, so are these. */
const symbolsByTree = new WeakMap<FileNode, { path: string; symbols: [string, ListSymbol][] }>();

function symbolsIn(file: IndexedFile): [string, ListSymbol][] {
  const cached = symbolsByTree.get(file.tree);
  if (cached?.path === file.path) return cached.symbols;
  const symbols = file.tree.lists.map((node): [string, ListSymbol] => [listKey(node.name.text), { name: node.name.text, path: file.path, node }]);
  symbolsByTree.set(file.tree, { path: file.path, symbols });
  return symbols;
}

export function buildIndex(files: IndexedFile[]): WorkspaceIndex {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const lists = new Map<string, ListSymbol[]>();
  const references: ListReference[] = [];
  const syncBlocks: { path: string; node: SyncNode }[] = [];
  const problems: WorkspaceIndex['problems'] = [];
  for (const file of sorted) {
    for (const [key, symbol] of symbolsIn(file)) {
      const defs = lists.get(key);
      if (defs) defs.push(symbol);
      else lists.set(key, [symbol]);
    }
    const found = contain('list-reference', () => referencesIn(file), (d) => {
      problems.push({ ...d, path: file.path });
      return [];
    });
    references.push(...found);
    for (const node of file.tree.syncBlocks) syncBlocks.push({ path: file.path, node });
  }
  const definitions = collectDefinitions(sorted);
  return { files: sorted, lists, references, syncBlocks, definitions, problems };
}

export function findList(index: WorkspaceIndex, name: string): ListSymbol | undefined {
  return index.lists.get(listKey(name))?.[0];
}

export function fileOf(index: WorkspaceIndex, path: string): IndexedFile | undefined {
  return index.files.find((f) => f.path === path);
}
