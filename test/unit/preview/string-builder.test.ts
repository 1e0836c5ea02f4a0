// The compact dictionary builder (string-builder.ts) must give exactly the dictionary and codes that
// the builder before it gave: distinct values in first-seen order, one-byte ones first (narrowFirst),
// joined and cut into parts by dictFromEntries (a large dictionary's parts also end where its blocks
// start, so that its text is not copied again: tested apart).

import { strict as assert } from 'node:assert';
import { buildStore } from '../../../server/src/preview/columns-build';
import type { StringColumn } from '../../../server/src/preview/columns';
import { hasBit } from '../../../server/src/preview/bitset';
import { CompactDictBuilder, type CompactOptions, MapDictBuilder, hashOf } from '../../../server/src/preview/string-builder';
import { MAX_PART_CHARS, type StringDict, dictEntries, dictFromEntries, narrowFirst } from '../../../server/src/preview/string-dict';
import { createRandom } from '../../../server/src/sandbox/data/random';
import { testSchema } from './lists';

interface Built {
  dict: StringDict;
  codes: number[];
}

/** What the builder before the compact one gave, spelled out: first-seen order, one-byte entries first. */
function expected(values: readonly string[], maxPartChars = MAX_PART_CHARS): Built {
  const entries = [''];
  const codeOf = new Map([['', 0]]);
  const codes = values.map((v) => {
    if (!codeOf.has(v)) codeOf.set(v, entries.push(v) - 1);
    return codeOf.get(v)!;
  });
  const reordered = narrowFirst(entries);
  return { dict: dictFromEntries(reordered?.ordered ?? entries, maxPartChars), codes: reordered ? codes.map((c) => reordered.newCode[c]) : codes };
}

function compact(values: readonly string[], options: CompactOptions = {}): Built {
  const builder = new CompactDictBuilder(options);
  const codes = Uint32Array.from(values, (v) => builder.codeFor(v));
  const dict = builder.finish(codes);
  return { dict, codes: [...codes] };
}

function withMap(values: readonly string[]): Built {
  const builder = new MapDictBuilder();
  const codes = Uint32Array.from(values, (v) => (v === '' ? 0 : builder.codeFor(v)));
  const dict = builder.finish(codes);
  return { dict, codes: [...codes] };
}

describe('preview store: compact string dictionary builder', () => {
  it('numbers one-byte values first, then wide ones, each in first-seen order', () => {
    const values = ['b@x.org', 'śl@x.pl', 'a@x.org', 'b@x.org', 'Łódź', 'a@x.org', 'śl@x.pl'];
    const built = compact(values);
    assert.deepEqual(built.codes, [1, 3, 2, 1, 4, 2, 3]);
    assert.deepEqual(dictEntries(built.dict), ['', 'b@x.org', 'a@x.org', 'śl@x.pl', 'Łódź']);
    assert.deepEqual(built.dict.parts.map((p) => [p.first, p.text]), [[0, '\0\0b@x.org\0a@x.org\0'], [3, '\0śl@x.pl\0Łódź\0']]);
    assert.deepEqual(built, expected(values));
  });

  it('gives "" code 0 without a new entry, and a column leaves empty values unknown', () => {
    assert.deepEqual(compact(['', 'a', '']), { dict: dictFromEntries(['', 'a']), codes: [0, 1, 0] });
    const [email] = [...testSchema().objects.contacts.values()].filter((d) => d.name === 'email');
    const store = buildStore(['x@y.z', '', null, 'ś@y.z', 'x@y.z'].map((v, i) => ({ id: String(i + 1), properties: { email: v } })), [email]);
    const column = store.columns.get('email') as StringColumn;
    assert.deepEqual([...column.codes], [1, 0, 0, 2, 1]);
    assert.deepEqual(dictEntries(column.dict), ['', 'x@y.z', 'ś@y.z']);
    assert.deepEqual([0, 1, 2, 3, 4].map((r) => hasBit(column.known, r)), [true, false, false, true, true]);
  });

  it('keeps values holding U+0000, and says the dictionary is not plain', () => {
    const values = ['a\0b', 'a', 'ś\0', 'a\0b'];
    const built = compact(values);
    assert.equal(built.dict.plain, false);
    assert.deepEqual(dictEntries(built.dict), ['', 'a\0b', 'a', 'ś\0']);
    assert.deepEqual(built, expected(values));
    assert.equal(compact(['a', 'ś']).dict.plain, true);
  });

  it('gives a value longer than a block a block of its own, and finds values in every block', () => {
    const values = ['abc', 'x'.repeat(20), 'defg', 'ś'.repeat(9), 'hi', 'żółw', 'x'.repeat(20), 'abc', 'ś'.repeat(9), 'hi'];
    const built = compact(values, { blockUnits: 8 });
    assert.deepEqual(built.codes, [1, 2, 3, 5, 4, 6, 2, 1, 5, 4]);
    assert.deepEqual(built, expected(values));
  });

  it('stores surrogate pairs (and lone surrogates) as UTF-16 code units', () => {
    const values = ['😀', 'a😀b', '\ud83d', '\ude00', 'a', '😀', '\ud83d\ude00'];
    const built = compact(values);
    assert.deepEqual(dictEntries(built.dict), ['', 'a', '😀', 'a😀b', '\ud83d', '\ude00']);
    assert.deepEqual(built, expected(values));
  });

  it('tells apart values of equal hash in a table that starts with two slots', () => {
    // "Aa" and "BB" have the same multiply-by-31 hash, so every sequence of them does too.
    const values = Array.from({ length: 256 }, (_, n) => [...n.toString(2).padStart(8, '0')].map((bit) => (bit === '1' ? 'BB' : 'Aa')).join(''));
    assert.equal(new Set(values.map(hashOf)).size, 1);
    const twice = [...values, ...values.slice().reverse()];
    const built = compact(twice, { initialSlots: 2 });
    assert.deepEqual(built.codes.slice(0, 3), [1, 2, 3]);
    assert.deepEqual(built, expected(twice));
  });

  it('cuts each width into parts of at most maxPartChars, as dictFromEntries does', () => {
    const values = ['alpha', 'beta', 'gamma', 'ść', 'delta', 'ŵide-one', 'a-value-longer-than-a-part', 'ż', 'żż', 'epsilon'];
    const built = compact(values, { maxPartChars: 16 });
    assert.deepEqual(built.dict.parts.map((p) => p.first), [0, 3, 5, 6, 7, 10]);
    assert.ok(built.dict.parts.every((p) => p.text.length <= 16 || p.starts.length === 2));
    assert.deepEqual(built, expected(values, 16));
  });

  it('ends a part where a block starts once it holds splitPartAt characters: each part its entries joined, found by lookups', () => {
    const random = createRandom(20261207);
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: random.int(0, 150) }, () => Array.from({ length: random.int(0, 9) }, () => random.pick(['a', 'q', '.', 'ś', '😀', '\0'])).join(''));
      const options = { blockUnits: random.int(1, 48), maxPartChars: random.int(1, 120), splitPartAt: random.int(1, 60) };
      const built = compact(values, options);
      const want = expected(values);
      assert.deepEqual(built.codes, want.codes, `round ${round}`);
      assert.deepEqual(dictEntries(built.dict), dictEntries(want.dict), `round ${round}`);
      let next = 0;
      for (const part of built.dict.parts) {
        assert.equal(part.first, next, `round ${round}`);
        const entries = dictEntries({ size: part.starts.length - 1, parts: [{ ...part, first: 0 }], plain: false });
        assert.equal(part.text, `\0${entries.join('\0')}\0`, `round ${round}`);
        assert.ok(part.text.length <= options.maxPartChars || entries.length === 1, `round ${round}`);
        next += entries.length;
      }
      assert.equal(next, built.dict.size, `round ${round}`);
    }
  });

  it('gives a large dictionary parts of a block each, the blocks growing with the text: few parts, none past its block', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `person${i}@example${i % 97}.com`);
    const built = compact(values, { blockUnits: 4096, splitPartAt: 4096 });
    assert.deepEqual(dictEntries(built.dict), dictEntries(expected(values).dict));
    const chars = built.dict.parts.reduce((n, p) => n + p.text.length, 0);
    // Blocks of 4,096 until the text is four of them, then a quarter of the text so far each: about
    // 4 + log(chars / 16,384) / log(1.25) blocks, where fixed blocks would be chars / 4,096 (about 30).
    const fixed = Math.ceil(chars / 4096);
    assert.ok(built.dict.parts.length >= 8 && built.dict.parts.length <= 16, `${built.dict.parts.length} parts for ${chars} characters (fixed blocks: ${fixed})`);
    let before = 0;
    for (const part of built.dict.parts) {
      assert.ok(part.text.length <= Math.max(4096, before / 4) + 64, `a part of ${part.text.length} after ${before} characters`);
      before += part.text.length;
    }
  });

  it('matches the builder before it on random values (seeded), whatever the block, table and part sizes', () => {
    const random = createRandom(20250601);
    const alphabet = ['a', 'b', 'Z', '.', '@', 'ÿ', '\0', 'ś', 'Ł', '😀', '\ud800', '中'];
    for (let round = 0; round < 300; round++) {
      const pool = Array.from({ length: random.int(1, 40) }, () => Array.from({ length: random.int(0, 12) }, () => random.pick(alphabet.slice(0, random.int(1, alphabet.length)))).join(''));
      const values = Array.from({ length: random.int(0, 120) }, () => random.pick(pool));
      const options = { blockUnits: random.int(1, 64), initialSlots: 2 ** random.int(0, 5), maxPartChars: random.int(1, 80) };
      const built = compact(values, options);
      assert.deepEqual(built, expected(values, options.maxPartChars), `round ${round}`);
      const before = withMap(values);
      assert.deepEqual(built.codes, before.codes, `round ${round}`);
      assert.deepEqual(dictEntries(built.dict), dictEntries(before.dict), `round ${round}`);
    }
  });
});
