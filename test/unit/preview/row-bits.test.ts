// RowBits: rows set one by one while a store is built, before its size is known (bitset.ts).

import { strict as assert } from 'node:assert';
import { firstRows, popcount, RowBits } from '../../../server/src/preview/bitset';

describe('preview: rows set before the store\'s size is known (RowBits)', () => {
  it('gives the rows set, grown past its first words, as a bitset of the store\'s size', () => {
    const bits = new RowBits();
    const rows = [0, 31, 32, 1023, 1024, 40_000, 99_999];
    for (const row of rows) bits.set(row);
    const finished = bits.finish(100_000);
    assert.equal(finished.length, 3125, 'one word per 32 rows of the store, not of what was set');
    assert.deepEqual(firstRows(finished, 100), rows);
    assert.equal(bits.count, rows.length);
  });

  it('is as long as the store when no row near its end was set, and counts a row set twice twice', () => {
    const bits = new RowBits();
    bits.set(3);
    bits.set(3);
    assert.equal(bits.count, 2);
    const finished = bits.finish(5_000);
    assert.equal(finished.length, 157);
    assert.equal(popcount(finished), 1);
  });

  it('keeps no bit past the store\'s size', () => {
    const bits = new RowBits();
    bits.set(40);
    bits.set(2);
    const finished = bits.finish(33);
    assert.deepEqual(firstRows(finished, 10), [2]);
  });
});
