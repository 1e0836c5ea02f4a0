// A dictionary of strings kept as ONE joined string plus a Uint32Array of entry starts, instead of
// one JS string per entry: a million distinct emails are then two objects for the garbage collector
// instead of a million (their marking was what made re-evaluation pauses long), and string operators
// run as native indexOf searches over the whole dictionary at once.
//
// Layout of a part: text = SEP e0 SEP e1 SEP … e(k-1) SEP, SEP = U+0000; entry i is text[starts[i], starts[i+1] - 1).
// An entry that itself contains U+0000 would break the anchors, so such a dictionary (`plain` false)
// is searched entry by entry instead (correct, slower; it never happens with real HubSpot data).

import { containsWord, isWordChar } from './values';
import { ORDER_MIN_ENTRIES, equalEntries, hasOrderSearch, markByOrder, partOrders } from './string-order';
import { type DictPart, type StringTest, WIDE } from './string-part';

export const SEP = '\u0000';

export interface StringDict {
  /** Number of entries. */
  readonly size: number;
  readonly parts: readonly DictPart[];
  /** No entry contains SEP, so anchored native searches are exact. */
  readonly plain: boolean;
  /** The lower-cased parts, made once on first use (or read from a snapshot). */
  lower?: readonly DictPart[];
}

function partOf(entries: readonly string[], first: number): DictPart {
  const starts = new Uint32Array(entries.length + 1);
  let at = 1;
  for (let i = 0; i < entries.length; i++) {
    starts[i] = at;
    at += entries[i].length + 1;
  }
  starts[entries.length] = at;
  return { text: entries.length ? SEP + entries.join(SEP) + SEP : SEP, starts, first };
}

/**
 * A part's text stays under this many characters: V8's longest string is 2^29 - 24 characters, and
 * a 10M-contact portal's emails alone are about 250M. Past it a run of entries starts a new part.
 */
export const MAX_PART_CHARS = 1 << 27;

/** A dictionary of the entries in code order, in parts by width (and by MAX_PART_CHARS). */
export function dictFromEntries(entries: readonly string[], maxPartChars = MAX_PART_CHARS): StringDict {
  const parts: DictPart[] = [];
  let runStart = 0;
  let chars = 1;
  for (let i = 1; i <= entries.length; i++) {
    chars += entries[i - 1].length + 1;
    const next = i < entries.length ? entries[i].length + 1 : 0;
    if (i === entries.length || WIDE.test(entries[i]) !== WIDE.test(entries[runStart]) || chars + next > maxPartChars) {
      parts.push(partOf(entries.slice(runStart, i), runStart));
      runStart = i;
      chars = 1;
    }
  }
  return { size: entries.length, parts, plain: !entries.some((e) => e.includes(SEP)) };
}

/**
 * The dictionary with `added` as new codes size, size+1, …, for a store patched in place
 * (columns-patch.ts): existing codes and parts stay as they are, with their lower-cased forms and
 * sorted orders, so nothing large is joined or sorted again. The new entries go into a small last
 * part (the last part is rebuilt with them while it is below ORDER_MIN_ENTRIES), searched by
 * indexOf or, once that large, by its own orders. Entries no row uses any more may stay: a search
 * that matches them marks no row.
 */
export function appendEntries(d: StringDict, added: readonly string[]): StringDict {
  if (added.length === 0) return d;
  const lower = lowerDict(d);
  const last = d.parts[d.parts.length - 1];
  const rebuildLast = last.starts.length - 1 < ORDER_MIN_ENTRIES;
  const kept = rebuildLast ? d.parts.length - 1 : d.parts.length;
  const tail = rebuildLast ? partOf([...dictEntries([last]), ...added], last.first) : partOf(added, d.size);
  const out: StringDict = { size: d.size + added.length, parts: [...d.parts.slice(0, kept), tail], plain: d.plain && !added.some((e) => e.includes(SEP)) };
  out.lower = [...lower.slice(0, kept), lowerPart(tail)];
  indexDict(out);
  return out;
}

/** The entries reordered one-byte first (entry 0 stays 0), and each old code's new code. */
export function narrowFirst(entries: readonly string[]): { ordered: string[]; newCode: Uint32Array } | undefined {
  const wide = entries.map((e) => WIDE.test(e));
  const firstWide = wide.indexOf(true);
  if (firstWide < 0 || !wide.includes(false, firstWide)) return undefined;
  const ordered: string[] = [];
  const newCode = new Uint32Array(entries.length);
  for (const pass of [false, true]) {
    entries.forEach((e, i) => {
      if (wide[i] === pass) newCode[i] = ordered.push(e) - 1;
    });
  }
  return { ordered, newCode };
}

function partAt(parts: readonly DictPart[], code: number): DictPart {
  let p = parts[0];
  for (const part of parts) if (part.first <= code) p = part;
  return p;
}

export function dictEntry(d: StringDict | readonly DictPart[], code: number): string {
  const part = partAt('parts' in d ? d.parts : d, code);
  const i = code - part.first;
  return part.text.slice(part.starts[i], part.starts[i + 1] - 1);
}

/** Every entry as its own string (only for callers that truly need an array). */
export function dictEntries(d: StringDict | readonly DictPart[]): string[] {
  const out: string[] = [];
  for (const part of 'parts' in d ? d.parts : d) {
    for (let i = 0; i < part.starts.length - 1; i++) out.push(part.text.slice(part.starts[i], part.starts[i + 1] - 1));
  }
  return out;
}

/**
 * The lower-cased dictionary. Lower-casing a part's joined text at once equals lower-casing each
 * entry (SEP is neither cased nor case-ignorable, so context rules such as the final sigma stop at
 * it); when some character changes length (`İ` → `i̇`) the part is rebuilt entry by entry.
 */
export function lowerDict(d: StringDict): readonly DictPart[] {
  d.lower ??= d.parts.map(lowerPart);
  return d.lower;
}

/**
 * A character `toLowerCase` may change: ASCII capitals and anything past ASCII. A part without one is
 * its own lower-cased form, known without making the copy (at a million contacts, a lower-cased copy
 * of each large part, equal to it and dropped at once, was tens of MB while the store was finished).
 */
const MAY_LOWER = /[A-Z\u0080-\uffff]/;

function lowerPart(part: DictPart): DictPart {
  if (!MAY_LOWER.test(part.text)) return part;
  const text = part.text.toLowerCase();
  if (text === part.text) return part;
  if (text.length === part.text.length) return { text, starts: part.starts, first: part.first };
  return partOf(dictEntries([part]).map((e) => e.toLowerCase()), part.first);
}

const ANCHORS: Record<StringTest, [boolean, boolean]> = {
  IS_EQUAL_TO: [true, true],
  STARTS_WITH: [true, false],
  ENDS_WITH: [false, true],
  CONTAINS: [false, false],
  CONTAINS_EXACTLY: [false, false],
};

const ENTRY_TESTS: Record<StringTest, (t: string, v: string) => boolean> = {
  IS_EQUAL_TO: (t, v) => t === v,
  CONTAINS: (t, v) => t.includes(v),
  STARTS_WITH: (t, v) => t.startsWith(v),
  ENDS_WITH: (t, v) => t.endsWith(v),
  CONTAINS_EXACTLY: containsWord,
};

/** Lower-cases the dictionary and sorts its large parts for binary search (when a store is finished). */
export function indexDict(d: StringDict): void {
  if (!d.plain) return;
  for (const part of lowerDict(d)) part.orders ??= partOrders(part);
}

/** The local entry holding text position `pos` (largest i with starts[i] <= pos). */
function entryAt(starts: Uint32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Sets match[code] = 1 for every entry of the part where `test(entry, needle)` holds, with one
 * native search per occurrence, and returns how many entries it newly marked. Search the
 * lower-cased parts with a lower-cased needle for the case-insensitive operators.
 */
export function markMatches(part: DictPart, plain: boolean, test: StringTest, needle: string, match: Uint8Array): number {
  if (!plain || needle.includes(SEP) || needle === '') return markEntryByEntry(part, test, needle, match);
  if (part.orders && hasOrderSearch(test)) return markByOrder(part, part.orders, test, needle, match);
  const [atStart, atEnd] = ANCHORS[test];
  const pattern = (atStart ? SEP : '') + needle + (atEnd ? SEP : '');
  const { text, starts, first } = part;
  const shift = atStart ? 1 : 0;
  let marked = 0;
  for (let at = text.indexOf(pattern); at >= 0; ) {
    const pos = at + shift;
    const i = entryAt(starts, pos);
    if (test === 'CONTAINS_EXACTLY' && !wordBounded(text, starts, i, pos, needle.length)) {
      at = text.indexOf(pattern, at + 1);
      continue;
    }
    marked += 1 - match[first + i];
    match[first + i] = 1;
    // Continue at the next entry (its leading SEP when the pattern starts with one).
    at = text.indexOf(pattern, starts[i + 1] - shift);
  }
  return marked;
}

function wordBounded(text: string, starts: Uint32Array, i: number, pos: number, length: number): boolean {
  const end = pos + length;
  const before = pos === starts[i] ? '' : text[pos - 1];
  const after = end === starts[i + 1] - 1 ? '' : text[end];
  return !isWordChar(before) && !isWordChar(after);
}

function markEntryByEntry(part: DictPart, test: StringTest, needle: string, match: Uint8Array): number {
  const f = ENTRY_TESTS[test];
  const entries = dictEntries([part]);
  let marked = 0;
  entries.forEach((entry, i) => {
    if (match[part.first + i] === 0 && f(entry, needle)) {
      match[part.first + i] = 1;
      marked++;
    }
  });
  return marked;
}

/**
 * The code of the entry equal to `value` (exactly), or -1, without scanning large parts: their sorted
 * lower-cased orders give the case-insensitive candidates, each then compared exactly. For a store
 * builder that starts from a finished store's dictionary (indexDict has made the orders).
 */
export function findEntry(d: StringDict, value: string): number {
  if (!d.plain || value.includes(SEP)) return dictEntries(d).indexOf(value);
  const lowered = lowerDict(d);
  const needle = value.toLowerCase();
  // A plain loop: a refresh calls this for every new value, over each of a fetched dictionary's parts.
  for (let p = 0; p < d.parts.length; p++) {
    const part = d.parts[p];
    const lower = lowered[p];
    if (!lower.orders) {
      const at = part.text.indexOf(SEP + value + SEP);
      if (at >= 0) return part.first + entryAt(part.starts, at + 1);
      continue;
    }
    for (const i of equalEntries(lower, lower.orders, needle)) if (dictEntry([part], part.first + i) === value) return part.first + i;
  }
  return -1;
}

/** The first entry equal to `value` (exactly), or -1. */
export function indexOfEntry(d: StringDict, value: string): number {
  if (!d.plain || value.includes(SEP)) return dictEntries(d).indexOf(value);
  for (const part of d.parts) {
    const at = part.text.indexOf(SEP + value + SEP);
    if (at >= 0) return part.first + entryAt(part.starts, at + 1);
  }
  return -1;
}
