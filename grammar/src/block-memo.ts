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
  /** Where the last parse's chunks were, so that the next one scans only what changed (chunk-layout.ts). */
  layout: ChunkLayout | undefined;

  /**
   * The chunk `source` starting at `start`, when an earlier parse read it clean. A chunk still where it
   * was is the same nodes (nothing changes a parsed tree); one that moved is a copy with its offsets moved.
   */
  take(source: string, start: number): ChunkResult | undefined {
    const known = this.entries.get(source) ?? this.used.get(source);
    if (!known) return undefined;
    const entry = known.start === start ? known : moved(known, start);
    this.used.set(source, entry);
    return entry.result;
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
 * Each list a moved chunk holds, with the list it is a copy of and how far it moved: what was derived from a
 * list's text alone (its references, checks, compiled diagnostics) is the copy's too, moved, without
 * walking the copy again.
 */
const origins = new WeakMap<ListNode, { list: ListNode; by: number }>();

export function movedFrom(list: ListNode): { list: ListNode; by: number } | undefined {
  return origins.get(list);
}

function moved(known: Entry, start: number): Entry {
  const by = start - known.start;
  const result = shifted(known.result, by);
  known.result.lists.forEach((list, i) => {
    origins.set(result.lists[i], { list, by });
    // The list moved from is superseded, and only a list's own origin is ever read: forgetting where
    // it came from keeps the copies of one list from holding each other, edit after edit (a chain
    // that grew by every copy for as long as the file was edited).
    origins.delete(list);
  });
  return { start, result };
}

/** A copy of `value` with every `start` and `end` offset moved by `by` (AST nodes, diagnostics, fixes). */
export function shifted<T>(value: T, by: number): T {
  return copy(value, by) as T;
}

function copy(value: unknown, by: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], by);
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const v = source[key];
    out[key] = typeof v === 'number' ? (key === 'start' || key === 'end' ? v + by : v) : typeof v === 'object' && v !== null ? copy(v, by) : v;
  }
  return out;
}
