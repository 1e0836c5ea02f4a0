// String operators over a whole dictionary at once: one native search per value over the joined,
// lower-cased dictionary text (string-dict.ts) marks the matching entries; no entry is made into a
// string of its own. The result is per dictionary code, for one pass over a column's row codes.

import { type StringDict, type StringTest, dictEntries, lowerDict, markMatches } from './string-dict';
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

/**
 * match[code] = 1 when dictionary entry `code` satisfies the operator (docs/semantics.md, strings:
 * lower case on both sides; positive operators match any value, negated ones no value). Code 0 (no
 * value) is always 0; an operator that is not a string operator matches nothing, as judgeString.
 */
export function dictionaryMatches(dict: StringDict, operator: string, values: readonly string[]): Uint8Array {
  const match = new Uint8Array(dict.size);
  const test = POSITIVE[operator] ?? NEGATIVE[operator];
  if (!test) return match;
  const wanted = [...new Set(values.map((v) => v.toLowerCase()))];
  const lower = lowerDict(dict);
  if (test === 'IS_EQUAL_TO' && wanted.length > MANY_VALUES) {
    const set = new Set(wanted);
    dictEntries(lower).forEach((entry, i) => (match[i] = set.has(entry) ? 1 : 0));
  } else {
    for (const v of wanted) markMatches(lower, dict.plain, test, v, match);
  }
  if (NEGATIVE[operator]) for (let i = 0; i < match.length; i++) match[i] ^= 1;
  if (match.length > 0) match[0] = 0;
  return match;
}

/** Dictionaries at least this large get a rows-by-code index (a few MB) on first use. */
const INVERSE_MIN_ENTRIES = 4096;

/**
 * Rows whose code is marked. Few matching rows in a large dictionary (an email or a domain typed
 * while editing) are set straight from the rows-by-code index instead of a pass over every row.
 */
export function rowsWithCodes(col: StringColumn, match: Uint8Array, size: number): Bitset {
  const inverse = col.dict.size >= INVERSE_MIN_ENTRIES ? inverseIndex(col, size) : undefined;
  if (inverse) {
    let rows = 0;
    for (let c = 1; c < match.length; c++) if (match[c]) rows += inverse.offsets[c + 1] - inverse.offsets[c];
    if (rows < size >>> 5) {
      const out = emptyBitset(size);
      for (let c = 1; c < match.length; c++) {
        if (match[c]) for (let k = inverse.offsets[c]; k < inverse.offsets[c + 1]; k++) setBit(out, inverse.rows[k]);
      }
      return out;
    }
  }
  return bitsetFromCodes(col.codes, match, size);
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
