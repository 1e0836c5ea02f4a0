import { strict as assert } from 'node:assert';
import { idColumn } from '../../../server/src/preview/columns';
import { IdsBuilder } from '../../../server/src/preview/id-builder';

function built(ids: string[], reserve?: number) {
  const b = new IdsBuilder();
  if (reserve !== undefined) b.reserve(reserve);
  for (const id of ids) b.push(id);
  return b.finish();
}

describe('IdsBuilder: a store\'s ids while rows are added (issue 15: no string per id at a fetch\'s peak)', () => {
  it('keeps HubSpot record ids as numbers, in the order they came', () => {
    const ids = built(['5', '101', '3', '999999999999999']);
    assert.ok(ids.numeric);
    assert.deepEqual(Array.from({ length: ids.length }, (_, r) => ids.at(r)), ['5', '101', '3', '999999999999999']);
    assert.equal(ids.rowOf('101'), 1);
  });

  it('turns to strings, spelled as they came, when an id is not a record id', () => {
    for (const odd of ['007', 'abc', '1234567890123456', '0', '']) {
      const ids = built(['2', '10', odd, '11']);
      assert.equal(ids.numeric, undefined, odd);
      assert.deepEqual(ids.strings, ['2', '10', odd, '11'], odd);
    }
  });

  it('grows past what was reserved, and a reserve that was met exactly is kept without a copy', () => {
    const many = Array.from({ length: 3000 }, (_, k) => String(k + 1));
    const ids = built(many, 10);
    assert.equal(ids.length, 3000);
    assert.equal(ids.at(2999), '3000');
    const exact = new IdsBuilder();
    exact.reserve(2000);
    for (let k = 1; k <= 2000; k++) exact.push(String(k));
    assert.equal(exact.finish().numeric!.buffer.byteLength, 2000 * 8);
  });

  it('copies runs of a finished store\'s ids, numeric or not', () => {
    const numeric = idColumn(['1', '2', '3', '4', '5']);
    const b = new IdsBuilder();
    b.pushFrom(numeric, 1, 3);
    b.push('9');
    b.pushFrom(numeric, 0, 1);
    assert.deepEqual(Array.from({ length: b.length }, (_, r) => b.finish().at(r)), ['2', '3', '4', '9', '1']);
    const named = idColumn(['a', 'b', 'c']);
    const s = new IdsBuilder();
    s.push('7');
    s.pushFrom(named, 1, 2);
    assert.deepEqual(s.finish().strings, ['7', 'b', 'c']);
  });

  it('finds an id\'s first index: by binary search while ids rise, through an index once they do not', () => {
    const rising = IdsBuilder.of(Float64Array.from([3, 10, 200, 1000]));
    assert.deepEqual(['3', '200', '1000', '11', '03', 'x'].map((id) => rising.indexOf(id)), [0, 2, 3, -1, -1, -1]);
    const b = new IdsBuilder();
    for (const id of ['5', '9']) b.push(id);
    assert.equal(b.indexOf('9'), 1);
    b.push('2');
    b.push('9');
    assert.deepEqual(['5', '9', '2', '4'].map((id) => b.indexOf(id)), [0, 1, 2, -1], 'out of order: the first index');
    b.push('11');
    assert.equal(b.indexOf('11'), 4, 'an id added after the index was made is found');
    const named = IdsBuilder.of(['a', 'b', 'c']);
    assert.deepEqual(['a', 'c', 'd'].map((id) => named.indexOf(id)), [0, 2, -1]);
    const shuffled = IdsBuilder.of(['b', 'a']);
    assert.deepEqual([shuffled.indexOf('a'), shuffled.indexOf('b')], [1, 0]);
    assert.deepEqual(shuffled.copy(), ['b', 'a']);
    assert.deepEqual(rising.copy(), Float64Array.from([3, 10, 200, 1000]));
  });
});
