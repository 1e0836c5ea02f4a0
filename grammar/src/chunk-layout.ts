// Scanning only what an edit touched. `parseReusing` cuts a text into chunks of whole blocks, and a
// chunk starts at a `list` or `sync` keyword right after the `}` that closes a block: there the
// scanner holds no state but its position and line. So a text scanned before can be scanned again from
// the last chunk start that lies wholly before the first changed character (everything before it scans
// as it did), and once the scan of the new text reaches a chunk start of the old text inside the part
// after the last changed character, the rest scans as it did too, moved by the change in length. In
// between (a text changed in two places since the last parse), each chunk start the scan reaches is
// compared with the old chunk expected there: when the text holds that chunk's source unchanged, and a
// chunk start follows it as one followed it then, the scan goes on after it. A ChunkLayout is what the
// last parse saw: where each chunk started, on which lines, its source, whether it parsed clean, and the
// comments and bad characters the scanner met. `parse.ts` uses it; the chunks' parses come from the
// BlockMemo by their source, as before.

import type { ScannedComment } from './scan';

export interface ChunkMark {
  /** Offset of the chunk's first token (from the second chunk on, the `list` or `sync` keyword). */
  start: number;
  /** End of that first token: the scanner read up to it (and the character after) to find the start. */
  firstTokenEnd: number;
  /** 1-based line of `start`, and the offset its line begins at. */
  line: number;
  lineStart: number;
  /** The same for the chunk's last token (tokens never span lines): where the scanner stands after the chunk. */
  lastLine: number;
  lastLineStart: number;
  /** The chunk's source: from its first token to the end of its last. */
  source: string;
  /** Parsed without a syntax error (and so kept in the memo); the rest of a file after a dirty chunk is one chunk. */
  clean: boolean;
}

export interface ChunkLayout {
  text: string;
  chunks: ChunkMark[];
  comments: ScannedComment[];
  errors: { offset: number; length: number }[];
  unterminated: ScannedComment[];
}

/** The parts of the old layout that hold for `text`. */
export interface ReusePlan {
  old: ChunkLayout;
  /** Chunks before `resume` are unchanged and in place; the scan starts again at `old.chunks[resume]` (0: from the start). */
  resume: number;
  /** New length minus old length. */
  delta: number;
  /** Offsets from this one on (in the new text) hold what the old text held `delta` earlier. */
  sameFrom: number;
}

export function reusePlan(old: ChunkLayout | undefined, text: string): ReusePlan | undefined {
  if (!old || old.chunks.length < 2) return undefined;
  const before = old.text;
  const prefix = commonPrefix(before, text);
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix);
  // The last chunk start whose keyword and the character after it lie in the unchanged prefix, with
  // every chunk before it clean (a dirty chunk was parsed together with the rest of its file).
  let resume = 0;
  for (let i = 1; i < old.chunks.length && old.chunks[i].firstTokenEnd < prefix && old.chunks[i - 1].clean; i++) resume = i;
  return { old, resume, delta: text.length - before.length, sameFrom: text.length - suffix };
}

/**
 * Length of the common start of `a` and `b`. Compared in runs whose length doubles while they are equal
 * and halves past a difference: a few native comparisons of long runs, then the difference found by
 * halving, instead of one comparison per character (or per short block) of a long file.
 */
function commonPrefix(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let n = 0;
  for (let run = 512; run > 0; ) {
    if (n + run <= shorter && a.substring(n, n + run) === b.substring(n, n + run)) {
      n += run;
      run *= 2;
    } else run >>= 1;
  }
  return n;
}

/** Length of the common end of `a` and `b`, at most `limit`, found as `commonPrefix` finds a start. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  for (let run = 512; run > 0; ) {
    if (n + run <= limit && a.substring(a.length - n - run, a.length - n) === b.substring(b.length - n - run, b.length - n)) {
      n += run;
      run *= 2;
    } else run >>= 1;
  }
  return n;
}

/**
 * The old chunks from the one that started at `start - delta` on, when the new scan reached a chunk start
 * at `start` inside the unchanged end and every old chunk from there on parsed clean: they are the new
 * text's chunks from `start` on, moved by `delta`.
 */
export function sameRest(plan: ReusePlan, start: number): ChunkMark[] | undefined {
  if (start < plan.sameFrom) return undefined;
  const chunks = plan.old.chunks;
  const oldStart = start - plan.delta;
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= oldStart) low = mid;
    else high = mid - 1;
  }
  if (low === 0 || chunks[low].start !== oldStart) return undefined;
  const rest = chunks.slice(low);
  return rest.every((c) => c.clean) ? rest : undefined;
}

/** Old marks, comments and bad characters from `from` (an old offset) on, moved to the new text. */
export function movedMarks(rest: ChunkMark[], delta: number, line: number, lineStart: number): ChunkMark[] {
  const first = rest[0];
  const lines = line - first.line;
  // A chunk on the first one's line shares its line start, which may lie before the change.
  return rest.map((c) => ({
    source: c.source,
    clean: c.clean,
    start: c.start + delta,
    firstTokenEnd: c.firstTokenEnd + delta,
    line: c.line + lines,
    lineStart: c.line === first.line ? lineStart : c.lineStart + delta,
    lastLine: c.lastLine + lines,
    lastLineStart: c.lastLine === first.line ? lineStart : c.lastLineStart + delta,
  }));
}

/**
 * The old chunk the new text holds unchanged at `start`, a chunk start found by scanning the changed
 * part: the one expected there (the one after the last chunk read), or a neighbour when an edit added or
 * removed a block. Between two edits (a text edited in two places since the last parse) the old chunks
 * come one after another, each moved by the first edit.
 */
export function unchangedChunkAt(plan: ReusePlan, text: string, start: number, expected: number): number | undefined {
  const chunks = plan.old.chunks;
  for (const k of [expected, expected + 1, expected - 1]) {
    const c = chunks[k];
    // Compared as a substring: V8 compares two strings far quicker than `startsWith` does.
    if (c !== undefined && c.clean && text.substring(start, start + c.source.length) === c.source) return k;
  }
  return undefined;
}

/** The scanner's findings of `layout` inside the old chunk `chunk`, moved to where it starts now. */
export function lexicalWithin(layout: ChunkLayout, chunk: ChunkMark, start: number): Pick<ChunkLayout, 'comments' | 'errors' | 'unterminated'> {
  const from = chunk.start;
  const to = from + chunk.source.length;
  const by = start - from;
  const within = <T>(items: T[], at: (item: T) => number): T[] => items.slice(firstAtOrAfter(items, from, at), firstAtOrAfter(items, to, at));
  return {
    comments: within(layout.comments, (c) => c.start).map((c) => ({ start: c.start + by, end: c.end + by })),
    errors: within(layout.errors, (e) => e.offset).map((e) => ({ offset: e.offset + by, length: e.length })),
    unterminated: within(layout.unterminated, (u) => u.start).map((u) => ({ start: u.start + by, end: u.end + by })),
  };
}

/** Index of the first of `items` (in offset order) at or after `offset`. */
function firstAtOrAfter<T>(items: T[], offset: number, at: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (at(items[mid]) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The scanner's findings of `layout` at or after `from` (old offsets), moved by `delta`. */
export function movedLexical(layout: ChunkLayout, from: number, delta: number): Pick<ChunkLayout, 'comments' | 'errors' | 'unterminated'> {
  return {
    comments: layout.comments.filter((c) => c.start >= from).map((c) => ({ start: c.start + delta, end: c.end + delta })),
    errors: layout.errors.filter((e) => e.offset >= from).map((e) => ({ offset: e.offset + delta, length: e.length })),
    unterminated: layout.unterminated.filter((u) => u.start >= from).map((u) => ({ start: u.start + delta, end: u.end + delta })),
  };
}

/** The scanner's findings of `layout` before `to`. */
export function lexicalBefore(layout: ChunkLayout, to: number): Pick<ChunkLayout, 'comments' | 'errors' | 'unterminated'> {
  return {
    comments: layout.comments.filter((c) => c.start < to),
    errors: layout.errors.filter((e) => e.offset < to),
    unterminated: layout.unterminated.filter((u) => u.start < to),
  };
}
