// String operators over a whole dictionary at once: one native search per value over the joined,
// lower-cased dictionary text (string-dict.ts) marks the matching entries; no entry is made into a
// string of its own. The result is per dictionary code, for one pass over a column's row codes.

import { type StringDict, dictEntries, lowerDict, markMatches } from './string-dict';
import type { StringTest } from './string-part';
import type { StringColumn } from './columns';
import { type Bitset, bitsetFromCodes, emptyBitset, setBit } from './bitset';

const POSITIVE: Record<string, StringTest> = {
  IS_EQUAL_TO: 'IS_EQUAL_TO',
  CONTAINS: 'CONTAINS',
  STARTS_WITH: 'STARTS_WITH',
  ENDS_WITH: 'ENDS_WITH',
  CONTAINS_EXACTLY: 'CONTAINS_EXACTLY',
};
const NEGATIVE: Record<string, StringTest> = {
  IS_NOT_EQUAL_TO: 'IS_EQUAL_TO',
  DOES_NOT_CONTAIN: 'CONTAINS',
  DOES_NOT_CONTAIN_EXACTLY: 'CONTAINS_EXACTLY',
};

/** Beyond this many equality values a hash lookup per entry beats one text search per value. */
const MANY_VALUES = 32;

/** Per dictionary code, whether the entry matches; `marked` = how many entries (code 0 never does). */
export interface DictionaryMatch {
  match: Uint8Array;
  marked: number;
}

/**
 * match[code] = 1 when dictionary entry `code` satisfies the operator (docs/semantics.md, strings:
 * lower case on both sides; positive operators match any value, negated ones no value). Code 0 (no
 * value) is always 0; an operator that is not a string operator matches nothing, as judgeString.
 */
export function dictionaryMatches(dict: StringDict, operator: string, values: readonly string[]): DictionaryMatch {
  const match = new Uint8Array(dict.size);
  const test = POSITIVE[operator] ?? NEGATIVE[operator];
  if (!test) return { match, marked: 0 };
  const wanted = [...new Set(values.map((v) => v.toLowerCase()))];
  const lower = lowerDict(dict);
  let marked = 0;
  if (test === 'IS_EQUAL_TO' && wanted.length > MANY_VALUES) {
    const set = new Set(wanted);
    dictEntries(lower).forEach((entry, i) => (marked += match[i] = set.has(entry) ? 1 : 0));
  } else {
    for (const v of wanted) for (const part of lower) marked += markMatches(part, dict.plain, test, v, match);
  }
  if (match.length > 0 && match[0] === 1) {
    match[0] = 0;
    marked--;
  }
  if (!NEGATIVE[operator]) return { match, marked };
  for (let i = 1; i < match.length; i++) match[i] ^= 1;
  return { match, marked: Math.max(0, match.length - 1) - marked };
}

/** Dictionaries at least this large get a rows-by-code index (a few MB) on first use. */
const INVERSE_MIN_ENTRIES = 4096;

/**
 * Rows whose code is marked. No marked entry (common while a value is being typed) is no row at
 * all; few marked entries of a large dictionary (an email, a rare domain) are set straight from the
 * rows-by-code index; otherwise one pass over the row codes.
 */
export function rowsWithCodes(col: StringColumn, { match, marked }: DictionaryMatch, size: number): Bitset {
  if (marked === 0) return emptyBitset(size);
  if (col.dict.size < INVERSE_MIN_ENTRIES || marked > col.dict.size >>> 6) return bitsetFromCodes(col.codes, match, size);
  const inverse = inverseIndex(col, size);
  const out = emptyBitset(size);
  for (let c = 1; c < match.length; c++) {
    if (match[c]) for (let k = inverse.offsets[c]; k < inverse.offsets[c + 1]; k++) setBit(out, inverse.rows[k]);
  }
  return out;
}

function inverseIndex(col: StringColumn, size: number): NonNullable<StringColumn['inverse']> {
  if (!col.inverse) {
    const offsets = new Uint32Array(col.dict.size + 1);
    for (let r = 0; r < size; r++) offsets[col.codes[r] + 1]++;
    for (let c = 0; c < col.dict.size; c++) offsets[c + 1] += offsets[c];
    const next = offsets.slice(0, col.dict.size);
    const rows = new Uint32Array(size);
    for (let r = 0; r < size; r++) rows[next[col.codes[r]]++] = r;
    col.inverse = { offsets, rows };
  }
  return col.inverse;
}
