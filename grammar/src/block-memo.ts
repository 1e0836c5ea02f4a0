// Reparsing only what an edit touched. `parse` reads a long text in chunks of whole blocks, and a chunk
// that parses without a syntax error is read exactly as the whole text would read it (parse.ts). So a
// clean chunk's blocks depend only on the chunk's own source text: a BlockMemo keeps them by that text,
// with the offsets it was parsed at, and the next parse of the same file takes every chunk it
// finds unchanged from the memo, moved to where the chunk now starts. Only entries the last parse used
// are kept, so the memo holds one file's blocks, not every version ever typed.

import type { ListNode } from './ast';
import type { Diagnostic } from './diagnostic';
import type { FileBlocks } from './parser';
import type { ChunkLayout } from './chunk-layout';
import { movedList } from './moved-list';
import { shifted } from './shift';

export interface ChunkResult extends FileBlocks {
  /** Diagnostics of a clean chunk (no syntax error, but e.g. a warning the parser adds). */
  syntax: Diagnostic[];
}

interface Entry {
  /** Where the chunk started when `result` was made: its offsets are absolute for that start. */
  start: number;
  result: ChunkResult;
}

export class BlockMemo {
  private entries = new Map<string, Entry>();
  private used = new Map<string, Entry>();
  /** Chunks parsed (not taken from the memo) since the memo was made: tests prove reuse with it. */
  parsedChunks = 0;
  /** Characters scanned since the memo was made: tests prove that unchanged parts are not scanned again. */
  scannedChars = 0;
  /** Moved lists whose settings or criteria were read (and so copied, moved-list.ts): tests prove a re-check reads none. */
  copiedLists = 0;
  private readonly countCopy = (): void => {
    this.copiedLists++;
  };
  /** Where the last parse's chunks were, so that the next one scans only what changed (chunk-layout.ts). */
  layout: ChunkLayout | undefined;

  /**
   * The chunk `source` starting at `start`, when an earlier parse read it clean. A chunk still where it
   * was is the same nodes (nothing changes a parsed tree); one that moved has its offsets moved (its lists
   * lazily, moved-list.ts).
   */
  take(source: string, start: number): ChunkResult | undefined {
    const known = this.entries.get(source) ?? this.used.get(source);
    if (!known) return undefined;
    const entry = known.start === start ? known : moved(known, start, this.countCopy);
    this.used.set(source, entry);
    return entry.result;
  }

  /** Whether `take` would find the chunk `source`. */
  knows(source: string): boolean {
    return this.entries.has(source) || this.used.has(source);
  }

  /** Remember a clean chunk's result (offsets as parsed, i.e. absolute). */
  keep(source: string, start: number, result: ChunkResult): void {
    this.used.set(source, { start, result });
  }

  /** A parse of the file is over: what it did not use is dropped. */
  finish(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

/**
 * Each list a moved chunk holds, with the list it was moved from and how far it moved: what was derived
 * from a list's text alone (its references, checks, compiled diagnostics) is the moved list's too, moved,
 * without reading the moved list's criteria (moved-list.ts copies them only when something reads them).
 */
const origins = new WeakMap<ListNode, { list: ListNode; by: number }>();

export function movedFrom(list: ListNode): { list: ListNode; by: number } | undefined {
  return origins.get(list);
}

function moved(known: Entry, start: number, onCopy: () => void): Entry {
  const by = start - known.start;
  const { lists, syncBlocks, valueSets, conditions, syntax } = known.result;
  // Sync blocks and definitions are few and small, and their checks read them on every pass: copied now.
  const result: ChunkResult = {
    lists: lists.map((list) => movedList(list, by, onCopy)),
    syncBlocks: shifted(syncBlocks, by),
    valueSets: shifted(valueSets, by),
    conditions: shifted(conditions, by),
    syntax: shifted(syntax, by),
  };
  lists.forEach((list, i) => {
    origins.set(result.lists[i], { list, by });
    // The list moved from is superseded, and only a list's own origin is ever read: forgetting where
    // it came from keeps the moved lists of one list from holding each other, edit after edit (a chain
    // that grew by every move for as long as the file was edited).
    origins.delete(list);
  });
  return { start, result };
}
