// What the cross-file checks read of one file (workspace-check-memo.ts): its lists' names, its references
// to lists, each with its line and column, and the whole text of the blocks the sync and definition checks
// look into. Gathered again for every new tree of a file, that is after each keystroke in it; a list's
// part is kept with the list, offsets relative to its start, so a list the edit did not touch (the same
// list, or one the edit moved, block-memo.ts) gives its part again without its names, references and
// positions being read, as long as it starts on the same line and column.

import { movedFrom, type ListNode, type Span } from '@hslist/grammar';
import type { DefinitionReference } from './definitions/table';
import { listKey, type IndexedFile, type ListReference } from './symbols';

export interface FileFacts {
  /** The facts with offsets left out; lines and columns stay in, since messages name places by line. */
  key: string;
  /** Where the facts stand, as many and in the same order whenever `key` is the same; none overlaps another. */
  anchors: Span[];
  /** Indexes into `anchors` by start offset, for a binary search. */
  byStart: number[];
}

/** One list's part of its file's facts. */
interface ListFacts {
  /** Where the list starts: its facts name places by line and column, so they hold while these stay. */
  line: number;
  character: number;
  /** Read whole (the inclusion list, a list that uses a definition), or by its name and references. */
  whole: boolean;
  key: string;
  /** Offsets relative to the list's start. */
  anchors: Span[];
}

const factsByList = new WeakMap<ListNode, ListFacts>();

function position(file: IndexedFile, offset: number): string {
  const p = file.lineIndex.positionAt(offset);
  return `${p.line}:${p.character}`;
}

function gatherListFacts(file: IndexedFile, list: ListNode, references: ListReference[], whole: boolean): Omit<ListFacts, 'line' | 'character'> {
  const parts: string[] = [];
  const anchors: Span[] = [];
  const relative = (span: Span) => anchors.push({ start: span.start - list.start, end: span.end - list.start });
  if (whole) {
    parts.push(`list@${position(file, list.start)}`, file.text.slice(list.start, list.end));
    relative(list);
  } else {
    parts.push(`name@${position(file, list.name.start)}+${list.name.end - list.name.start}`, list.name.text);
    relative(list.name);
  }
  for (const ref of references) {
    parts.push(`${ref.kind}@${position(file, ref.span.start)}+${ref.span.end - ref.span.start}`, ref.name);
    // A reference inside a list read whole moves with that list.
    if (!whole) relative(ref.span);
  }
  return { whole, key: parts.join('\u0000'), anchors };
}

/** `list`'s facts, those of the list it is or moved from when it starts where that one started. */
function listFacts(file: IndexedFile, list: ListNode, references: ListReference[], whole: boolean): ListFacts {
  const { line, character } = file.lineIndex.positionAt(list.start);
  const holds = (facts: ListFacts | undefined): facts is ListFacts => facts !== undefined && facts.line === line && facts.character === character && facts.whole === whole;
  const known = factsByList.get(list);
  if (holds(known)) return known;
  const origin = movedFrom(list);
  const before = origin && factsByList.get(origin.list);
  const facts = holds(before) ? before : { line, character, ...gatherListFacts(file, list, references, whole) };
  factsByList.set(list, facts);
  return facts;
}

/**
 * The facts of `file`: `references` are its references to lists in the order the index found them (each
 * list's, list after list, then those of named conditions and the sync block), `uses` its uses of named
 * value sets and conditions, `inclusion` the keys of the lists named as the inclusion list.
 */
export function factsOf(file: IndexedFile, references: ListReference[], uses: DefinitionReference[], inclusion: Set<string>): FileFacts {
  const parts: string[] = [file.path];
  const anchors: Span[] = [];
  const usingDefinitions = new Set(uses.map((u) => u.from));
  const readWhole = (list: ListNode) => inclusion.has(listKey(list.name.text)) || usingDefinitions.has(list);
  let next = 0;
  for (const list of file.tree.lists) {
    const from = next;
    while (next < references.length && references[next].fromList === list) next++;
    const facts = listFacts(file, list, references.slice(from, next), readWhole(list));
    parts.push(facts.key);
    for (const a of facts.anchors) anchors.push({ start: list.start + a.start, end: list.start + a.end });
  }
  // References not taken with their list above (those of named conditions and the sync block) are read alone.
  for (const ref of references.slice(next)) {
    const from = ref.fromList ? `list ${file.tree.lists.indexOf(ref.fromList)}` : ref.fromCondition ? `condition ${ref.fromCondition.name.text}` : 'sync';
    parts.push(`${ref.kind} from ${from}@${position(file, ref.span.start)}+${ref.span.end - ref.span.start}`, ref.name);
    if (ref.fromList && !readWhole(ref.fromList)) anchors.push({ start: ref.span.start, end: ref.span.end });
  }
  const whole = (kind: string, span: Span) => {
    parts.push(`${kind}@${position(file, span.start)}`, file.text.slice(span.start, span.end));
    anchors.push({ start: span.start, end: span.end });
  };
  for (const node of file.tree.syncBlocks) whole('sync', node);
  for (const node of file.tree.valueSets ?? []) whole('values', node);
  for (const node of file.tree.conditions ?? []) whole('condition', node);
  const byStart = anchors.map((_, i) => i).sort((a, b) => anchors[a].start - anchors[b].start);
  return { key: parts.join('\u0000'), anchors, byStart };
}
