// grown (typed-grow.ts): the one helper the store's builders grow their typed arrays with.

import { strict as assert } from 'node:assert';
import { PushList, exactly, grown, reservedTo } from '../../../server/src/preview/typed-grow';

describe('preview: typed arrays grown while a store is built', () => {
  it('keeps the array when it is long enough, else doubles it (or to what is needed) and keeps its elements', () => {
    const a = Uint32Array.from([1, 2, 3, 4]);
    assert.equal(grown(a, 4), a);
    const doubled = grown(a, 5);
    assert.ok(doubled instanceof Uint32Array);
    assert.deepEqual([...doubled], [1, 2, 3, 4, 0, 0, 0, 0]);
    assert.equal(grown(a, 11).length, 11);
  });

  it('reserves exactly the rows asked for (not doubled), so that `exactly` keeps the array at that size', () => {
    const a = Float64Array.from([1, 2]);
    assert.equal(reservedTo(a, 2), a, 'long enough already');
    const r = reservedTo(a, 3000, NaN);
    assert.equal(r.length, 3000);
    assert.deepEqual([...r.subarray(0, 3)], [1, 2, NaN]);
    assert.equal(exactly(r, 3000), r, 'no copy when exactly the reserved rows came');
    assert.equal(reservedTo(new Uint32Array(1024), 2000).length, 2000, 'grown would have made 2048');
  });

  it('fills the new elements when asked, of any of the element types', () => {
    assert.deepEqual([...grown(Float64Array.from([0.5]), 3, -1)], [0.5, -1, -1]);
    assert.deepEqual([...grown(Uint8Array.from([7]), 2)], [7, 0]);
  });

  it('PushList keeps every number pushed past its first size, and finishes at exactly their count', () => {
    const list = new PushList((n) => new Float64Array(n));
    for (let k = 0; k < 1000; k++) list.push(k / 4);
    assert.equal(list.length, 1000);
    assert.equal(list.at(999), 999 / 4);
    const done = list.finish();
    assert.ok(done instanceof Float64Array);
    assert.equal(done.length, 1000);
    assert.deepEqual([...done.subarray(0, 3)], [0, 0.25, 0.5]);
    assert.equal(new PushList((n) => new Uint32Array(n)).finish().length, 0);
  });

  it('PushList reserved before its first push gives the same numbers whether the count was exact, short or long', () => {
    for (const reserved of [1000, 10, 5000]) {
      const list = new PushList((n) => new Uint32Array(n));
      list.reserve(reserved);
      for (let k = 0; k < 1000; k++) list.push(k * 3);
      const done = list.finish();
      assert.equal(done.length, 1000, `${reserved} reserved`);
      assert.equal(done[999], 2997);
      assert.equal(done.buffer.byteLength, 4000, 'exactly their count, whatever was reserved');
    }
    const late = new PushList((n) => new Uint32Array(n));
    late.push(7);
    late.reserve(10_000);
    assert.deepEqual([...late.finish()], [7], 'a reservation after the first push changes nothing');
  });
});
