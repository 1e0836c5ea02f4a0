// A dictionary's lower-cased form: each entry as `toLowerCase` gives it, whatever its characters
// (capitals, accents, letters whose lower case is longer, such as 'İ'), and a part with nothing to lower
// is the part itself (no copy of its text is made to find that out).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dictEntries, dictFromEntries, lowerDict } from '../../server/src/preview/string-dict';

const unit = fc.constantFrom('a', 'z', '@', '.', '1', ' ', 'A', 'Z', 'é', 'É', 'İ', 'ß', 'Σ', '\u{1F600}');
const ascii = fc.constantFrom('a', 'z', '@', '.', '1', ' ', '-', '~');

describe('string dictionaries: the lower-cased form', () => {
  it('holds each entry lower-cased, in the same parts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 6 }), { maxLength: 40 }), (words) => {
        const entries = ['', ...words];
        const dict = dictFromEntries(entries);
        const lower = lowerDict(dict);
        assert.equal(lower.length, dict.parts.length);
        assert.deepEqual(dictEntries(lower), entries.map((e) => e.toLowerCase()));
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) },
    );
  });

  it('is the parts themselves when no entry has a capital or a character past ASCII', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: ascii, maxLength: 6 }), { maxLength: 40 }), (words) => {
        const dict = dictFromEntries(['', ...words]);
        lowerDict(dict).forEach((part, i) => assert.equal(part, dict.parts[i]));
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) / 3 },
    );
  });
});
