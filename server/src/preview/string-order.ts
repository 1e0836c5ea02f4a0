// Sorted orders of a large lower-cased dictionary part, so `starts with`, `ends with` and `is` find
// their entries by binary search instead of scanning the whole text: the entries that start (end)
// with v are one contiguous run of the part's entries sorted by their text (their reversed text).
// Made when a store is finished and kept in its snapshot; `contains` still scans (string-dict.ts).

import { type DictPart, type PartOrders, type StringTest, WIDE } from './string-part';

/** Parts with at least this many entries get orders (4 bytes per entry per order). */
export const ORDER_MIN_ENTRIES = 4096;

/**
 * Entry `a` against entry `b` by UTF-16 code units (as `<` on strings), read forwards or backwards
 * from their ends; a prefix sorts first. Read in place from the part's text: sorting a million entries
 * through a key string each (and a reversed copy for `ends with`) left tens of MB of garbage at the
 * end of a fetch, when the store is finished (issue 15).
 */
function compareEntries(text: string, starts: Uint32Array, a: number, b: number, reversed: boolean): number {
  const aStart = starts[a];
  const bStart = starts[b];
  const aLength = starts[a + 1] - 1 - aStart;
  const bLength = starts[b + 1] - 1 - bStart;
  const shorter = aLength < bLength ? aLength : bLength;
  for (let j = 0; j < shorter; j++) {
    const c = reversed ? text.charCodeAt(aStart + aLength - 1 - j) - text.charCodeAt(bStart + bLength - 1 - j) : text.charCodeAt(aStart + j) - text.charCodeAt(bStart + j);
    if (c !== 0) return c;
  }
  return aLength - bLength;
}

/** The part's entry numbers, in entry order: what a sort starts from. */
function entryOrder(part: DictPart): Uint32Array {
  const order = new Uint32Array(part.starts.length - 1);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}

/** A part with characters past one byte, sorted by comparisons (reversed: by its reversed text); equal texts in entry order. */
function comparedOrder(part: DictPart, reversed: boolean): Uint32Array {
  const { text, starts } = part;
  return entryOrder(part).sort((a, b) => compareEntries(text, starts, a, b, reversed) || a - b);
}

/** Ranges this small are sorted by comparison; larger ones by their next character. */
const INSERTION_MAX = 24;

/**
 * `order` sorted by its entries' text (reversed: by their reversed text; equal texts in entry order), for
 * a part whose characters are all one byte (`scratch`: as long as `order`, the sort's room): most significant
 * character first, a range of entries at a time bucketed by its character at `depth` (an entry that
 * ended first, then by code), stably, so equal texts keep their entry order. Each character is read
 * once per level rather than once per comparison: at a million entries a comparison sort took about
 * 2 s an order, and a live fetch's reads wait while a column is finished (issue 15).
 */
function radixSorted(text: string, starts: Uint32Array, order: Uint32Array, reversed: boolean, scratch: Uint32Array): Uint32Array {
  // Bucket 0: the entry has no character at this depth; bucket c + 1: character c.
  const bucketStart = new Int32Array(258);
  const ranges: number[] = [0, order.length, 0];
  const charAt = (entry: number, depth: number): number => {
    const start = starts[entry];
    const length = starts[entry + 1] - 1 - start;
    if (depth >= length) return -1;
    return text.charCodeAt(reversed ? start + length - 1 - depth : start + depth);
  };
  while (ranges.length > 0) {
    const depth = ranges.pop()!;
    const hi = ranges.pop()!;
    const lo = ranges.pop()!;
    if (hi - lo <= INSERTION_MAX) {
      insertionSort(order, lo, hi, (a, b) => compareEntries(text, starts, a, b, reversed) || a - b);
      continue;
    }
    bucketStart.fill(0);
    for (let k = lo; k < hi; k++) bucketStart[charAt(order[k], depth) + 2]++;
    bucketStart[0] = lo;
    for (let c = 1; c < 258; c++) bucketStart[c] += bucketStart[c - 1];
    // bucketStart[c + 1] is now where bucket c starts; filling moves it to where bucket c ends.
    for (let k = lo; k < hi; k++) scratch[bucketStart[charAt(order[k], depth) + 1]++] = order[k];
    order.set(scratch.subarray(lo, hi), lo);
    // Entries that ended are whole and equal (in entry order already); the others go one level deeper.
    let from = bucketStart[0];
    for (let c = 1; c < 257; c++) {
      const to = bucketStart[c];
      if (to - from > 1) ranges.push(from, to, depth + 1);
      from = to;
    }
  }
  return order;
}

function insertionSort(order: Uint32Array, lo: number, hi: number, compare: (a: number, b: number) => number): void {
  for (let k = lo + 1; k < hi; k++) {
    const entry = order[k];
    let j = k - 1;
    while (j >= lo && compare(order[j], entry) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = entry;
  }
}

export function partOrders(part: DictPart): PartOrders | undefined {
  if (part.starts.length - 1 < ORDER_MIN_ENTRIES) return undefined;
  if (WIDE.test(part.text)) return { byPrefix: comparedOrder(part, false), bySuffix: comparedOrder(part, true) };
  // One scratch for both sorts: at a million emails each was 4 MB more while the column was finished.
  const scratch = new Uint32Array(part.starts.length - 1);
  const radix = (reversed: boolean) => radixSorted(part.text, part.starts, entryOrder(part), reversed, scratch);
  return { byPrefix: radix(false), bySuffix: radix(true) };
}

/**
 * Compares entry i (read forwards, or backwards from its end) with `needle` over the needle's
 * length: < 0 when the entry sorts before every entry that starts with the needle, 0 when it
 * starts with it, > 0 after. A shorter entry that is a prefix of the needle sorts before.
 */
function compareHead(part: DictPart, i: number, needle: string, reversed: boolean): number {
  const start = part.starts[i];
  const length = part.starts[i + 1] - 1 - start;
  const m = needle.length;
  for (let j = 0; j < m; j++) {
    if (j >= length) return -1;
    const c = reversed ? part.text.charCodeAt(start + length - 1 - j) : part.text.charCodeAt(start + j);
    const n = reversed ? needle.charCodeAt(m - 1 - j) : needle.charCodeAt(j);
    if (c !== n) return c - n;
  }
  return 0;
}

/**
 * The run of positions in `order` whose entries start (end) with `needle`: [first, end). Two binary
 * searches, so the run's entries are never read one by one: they lie at random places in a text of
 * tens of MB, and reading each (a cache miss or two) cost ~60 ms for a 100k-entry email domain.
 */
function matchingRun(part: DictPart, order: Uint32Array, needle: string, reversed: boolean): [number, number] {
  const first = firstWhere(order, 0, (i) => compareHead(part, i, needle, reversed) >= 0);
  return [first, firstWhere(order, first, (i) => compareHead(part, i, needle, reversed) > 0)];
}

/** The first position k >= from where `past(order[k])` holds (it holds from some position on), else order.length. */
function firstWhere(order: Uint32Array, from: number, past: (i: number) => boolean): number {
  let lo = from;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(order[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Marks (match[part.first + i] = 1) the entries of a lower-cased part for STARTS_WITH, ENDS_WITH
 * and IS_EQUAL_TO by binary search in its orders; returns how many it newly marked.
 */
export function markByOrder(part: DictPart, orders: PartOrders, test: StringTest, needle: string, match: Uint8Array): number {
  const reversed = test === 'ENDS_WITH';
  const order = reversed ? orders.bySuffix : orders.byPrefix;
  const [lo, end] = matchingRun(part, order, needle, reversed);
  let marked = 0;
  for (let k = lo; k < end; k++) {
    const i = order[k];
    if (test === 'IS_EQUAL_TO' && part.starts[i + 1] - 1 - part.starts[i] !== needle.length) continue;
    marked += 1 - match[part.first + i];
    match[part.first + i] = 1;
  }
  return marked;
}

/** Local entries of a lower-cased part equal to `needle` (lower-cased), by binary search in its orders. */
export function equalEntries(part: DictPart, orders: PartOrders, needle: string): number[] {
  const order = orders.byPrefix;
  const out: number[] = [];
  // Entries equal to the needle sort first among those that start with it (an entry sorts before a
  // longer one it begins), so one search finds them, then a step while they last: a dictionary built
  // while a fetch runs is a few dozen parts, and a refresh looks up each new value in every one.
  for (let k = firstWhere(order, 0, (i) => compareHead(part, i, needle, false) >= 0); k < order.length; k++) {
    const i = order[k];
    if (part.starts[i + 1] - 1 - part.starts[i] !== needle.length || compareHead(part, i, needle, false) !== 0) break;
    out.push(i);
  }
  return out;
}

export function hasOrderSearch(test: StringTest): boolean {
  return test === 'STARTS_WITH' || test === 'ENDS_WITH' || test === 'IS_EQUAL_TO';
}
