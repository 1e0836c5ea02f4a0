// String operators over a whole dictionary at once: one native search per value over the joined,
// lower-cased dictionary text (string-dict.ts) marks the matching entries; no entry is made into a
// string of its own. The result is per dictionary code, for one pass over a column's row codes.

import { type StringDict, type StringTest, dictEntries, lowerDict, markMatches } from './string-dict';

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
