// Marking by sorted orders (binary searches for the run of matching entries) marks exactly the entries
// a plain test of each entry marks, on large dictionaries of short words over a tiny alphabet, where
// entries share prefixes and suffixes, are prefixes of the needle, repeat, and runs touch both ends.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dictFromEntries, indexDict, lowerDict, markMatches } from '../../server/src/preview/string-dict';
import { ORDER_MIN_ENTRIES, partOrders } from '../../server/src/preview/string-order';
import type { StringTest } from '../../server/src/preview/string-part';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'C'), maxLength: 7 });

const TESTS: Record<'STARTS_WITH' | 'ENDS_WITH' | 'IS_EQUAL_TO', (entry: string, needle: string) => boolean> = {
  STARTS_WITH: (e, n) => e.startsWith(n),
  ENDS_WITH: (e, n) => e.endsWith(n),
  IS_EQUAL_TO: (e, n) => e === n,
};

describe('string orders: marking by binary search', () => {
  it('marks the entries that start with, end with or equal the needle, and counts them', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: ORDER_MIN_ENTRIES, maxLength: ORDER_MIN_ENTRIES + 50 }),
        fc.constantFrom(...(Object.keys(TESTS) as (keyof typeof TESTS)[])),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 4 }),
        (words, test, needle) => {
          const entries = ['', ...words];
          const dict = dictFromEntries(entries);
          indexDict(dict);
          const [part] = lowerDict(dict);
          assert.ok(part.orders, 'a part this large has orders');
          const match = new Uint8Array(entries.length);
          const marked = markMatches(part, dict.plain, test as StringTest, needle, match);
          const expected = entries.map((e, i) => (i > 0 && TESTS[test](e.toLowerCase(), needle) ? 1 : 0));
          // Entry 0 ('') is no value; only an empty needle could match it, and needles are never empty here.
          assert.deepEqual([...match], expected, `${test} "${needle}"`);
          assert.equal(marked, expected.reduce<number>((a, b) => a + b, 0));
        },
      ),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) / 3 },
    );
  });

  it('sorts entries as `<` sorts their text (reversed for the suffix order), equal texts in entry order', () => {
    // A part holds one-byte entries or wide ones (string-dict.ts): each kind with prefixes of each
    // other, and for the wide a surrogate pair, compared by UTF-16 code units as `<` compares them.
    const narrow = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'z'), maxLength: 5 });
    const wide = fc.string({ unit: fc.constantFrom('a', 'Ж', '\u{1F600}', 'я'), maxLength: 4 }).map((w) => `Ж${w}`);
    fc.assert(
      fc.property(fc.constantFrom(narrow, wide).chain((word) => fc.array(word, { minLength: ORDER_MIN_ENTRIES, maxLength: ORDER_MIN_ENTRIES + 50 })), (words) => {
        const [part] = dictFromEntries(words).parts;
        const orders = partOrders(part);
        assert.ok(orders, 'a part this large has orders');
        const byKey = (key: (w: string) => string) => words.map((w, i) => [key(w), i] as const).sort(([a, i], [b, j]) => (a < b ? -1 : a > b ? 1 : i - j)).map(([, i]) => i);
        const reversed = (w: string) => w.split('').reverse().join('');
        assert.deepEqual([...orders.byPrefix], byKey((w) => w));
        assert.deepEqual([...orders.bySuffix], byKey(reversed));
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) / 30 },
    );
  });
});
