// A dictionary of strings kept as ONE joined string plus a Uint32Array of entry starts, instead of
// one JS string per entry: a million distinct emails are then two objects for the garbage collector
// instead of a million (their marking was what made re-evaluation pauses long), and string operators
// run as native indexOf searches over the whole dictionary at once.
//
// Layout: text = SEP e0 SEP e1 SEP … e(n-1) SEP, SEP = U+0000; entry i is text[starts[i], starts[i+1] - 1).
// An entry that itself contains U+0000 would break the anchors, so such a dictionary (`plain` false)
// is searched entry by entry instead (correct, slower; it never happens with real HubSpot data).

import { containsWord, isWordChar } from './values';

export const SEP = '\u0000';

export interface StringDict {
  /** Number of entries. */
  readonly size: number;
  readonly text: string;
  /** size + 1 entries; starts[size] = text.length. */
  readonly starts: Uint32Array;
  /** No entry contains SEP, so anchored native searches are exact. */
  readonly plain: boolean;
  /** The lower-cased form, made once on first use (shares `starts` when lengths are unchanged). */
  lower?: { text: string; starts: Uint32Array };
}

export function dictFromEntries(entries: readonly string[]): StringDict {
  const starts = new Uint32Array(entries.length + 1);
  let at = 1;
  let plain = true;
  for (let i = 0; i < entries.length; i++) {
    starts[i] = at;
    at += entries[i].length + 1;
    if (plain && entries[i].includes(SEP)) plain = false;
  }
  starts[entries.length] = at;
  return { size: entries.length, text: entries.length ? SEP + entries.join(SEP) + SEP : SEP, starts, plain };
}

export function dictEntry(d: Pick<StringDict, 'text' | 'starts'>, i: number): string {
  return d.text.slice(d.starts[i], d.starts[i + 1] - 1);
}

/** Every entry as its own string (only for callers that truly need an array). */
export function dictEntries(d: Pick<StringDict, 'text' | 'starts'>): string[] {
  const out = new Array<string>(d.starts.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = dictEntry(d, i);
  return out;
}

/**
 * The lower-cased dictionary. Lower-casing the joined text at once equals lower-casing each entry
 * (SEP is neither cased nor case-ignorable, so context rules such as the final sigma stop at it);
 * when some character changes length (`İ` → `i̇`) the starts are recomputed entry by entry.
 */
export function lowerDict(d: StringDict): { text: string; starts: Uint32Array } {
  if (!d.lower) {
    const text = d.text.toLowerCase();
    d.lower = text.length === d.text.length ? { text, starts: d.starts } : dictFromEntries(dictEntries(d).map((s) => s.toLowerCase()));
  }
  return d.lower;
}

export type StringTest = 'IS_EQUAL_TO' | 'CONTAINS' | 'STARTS_WITH' | 'ENDS_WITH' | 'CONTAINS_EXACTLY';

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

/** The entry holding text position `pos` (largest i with starts[i] <= pos). */
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
 * Sets match[i] = 1 for every entry i where `test(entry, needle)` holds, with one native search per
 * occurrence, and returns how many entries it newly marked. `d` is searched as given (pass the
 * lower-cased dictionary with a lower-cased needle).
 */
export function markMatches(d: { text: string; starts: Uint32Array }, plain: boolean, test: StringTest, needle: string, match: Uint8Array): number {
  if (!plain || needle.includes(SEP) || needle === '') return markEntryByEntry(d, test, needle, match);
  let marked = 0;
  const [atStart, atEnd] = ANCHORS[test];
  const pattern = (atStart ? SEP : '') + needle + (atEnd ? SEP : '');
  const { text, starts } = d;
  const shift = atStart ? 1 : 0;
  for (let at = text.indexOf(pattern); at >= 0; ) {
    const pos = at + shift;
    const i = entryAt(starts, pos);
    if (test === 'CONTAINS_EXACTLY' && !wordBounded(text, starts, i, pos, needle.length)) {
      at = text.indexOf(pattern, at + 1);
      continue;
    }
    marked += 1 - match[i];
    match[i] = 1;
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

function markEntryByEntry(d: { text: string; starts: Uint32Array }, test: StringTest, needle: string, match: Uint8Array): number {
  const f = ENTRY_TESTS[test];
  let marked = 0;
  for (let i = 0; i < d.starts.length - 1; i++) {
    if (match[i] === 0 && f(dictEntry(d, i), needle)) {
      match[i] = 1;
      marked++;
    }
  }
  return marked;
}

/** The first entry equal to `value` (exactly), or -1. */
export function indexOfEntry(d: StringDict, value: string): number {
  if (!d.plain || value.includes(SEP)) return dictEntries(d).indexOf(value);
  const at = d.text.indexOf(SEP + value + SEP);
  return at < 0 ? -1 : entryAt(d.starts, at + 1);
}
