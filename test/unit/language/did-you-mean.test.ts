// did-you-mean: the banded distance equals the full table wherever it is within the limit, and hostile
// words (very long, very many) are cut off instead of compared.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { boundedDistance, editDistance, MAX_WORD_CHARS, suggest, SuggestBudget } from '../../../server/src/language/did-you-mean';

/** The whole optimal-string-alignment table, as the reference. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('language: did-you-mean', () => {
  it('the banded distance is exact up to the limit and limit + 1 beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 5 }), (a, b, max) => {
        const want = fullDistance(a, b);
        const got = boundedDistance(a, b, max, new SuggestBudget(Infinity));
        assert.equal(got, want <= max ? want : max + 1, `${a} / ${b} / ${max}`);
      }),
      { numRuns: 3000 },
    );
    assert.equal(editDistance('emial', 'email'), 1);
  });

  it('skips candidates whose length is too far off, and words too long to be a name', () => {
    const budget = new SuggestBudget(Infinity);
    assert.deepEqual(suggest('emial', [{ value: 'email' }, { value: 'e'.repeat(40) }], 3, budget).map((s) => s.value), ['email']);
    const long = 'x'.repeat(MAX_WORD_CHARS + 1);
    assert.deepEqual(suggest(long, [{ value: long }], 3, budget), []);
  });

  it('stops comparing when the shared budget is spent, and answers a repeated word once', () => {
    const budget = new SuggestBudget(50);
    const candidates = Array.from({ length: 1000 }, (_, i) => ({ value: `candidate${i}` }));
    suggest('candidat0', candidates, 3, budget);
    assert.ok(budget.cells <= 0);
    let asked = 0;
    const again = new SuggestBudget(Infinity);
    for (let i = 0; i < 3; i++) again.cached('k', () => (asked++, []));
    assert.equal(asked, 1);
  });
});
