import { strict as assert } from 'node:assert';
import { IdentityMemo } from '../../../server/src/preview/identity-memo';

describe('a memo by object identity, that gives up on objects that are not shared', () => {
  it('computes once per shared object, and anew for an equal but other object', () => {
    const memo = new IdentityMemo<{ n: number }, string>();
    let computed = 0;
    const text = (o: { n: number }) => (computed++, `#${o.n}`);
    const shared = { n: 1 };
    assert.deepEqual([memo.get(shared, text), memo.get(shared, text), memo.get({ n: 1 }, text)], ['#1', '#1', '#1']);
    assert.equal(computed, 2);
  });

  it('past its trial with hits for fewer than a quarter of its objects it stops keeping them; with enough hits it keeps on', () => {
    let computed = 0;
    const count = () => ++computed;
    const unshared = new IdentityMemo<object, number>(100);
    const objects = Array.from({ length: 200 }, () => ({}));
    for (const o of objects) unshared.get(o, count);
    computed = 0;
    for (const o of objects.slice(150)) unshared.get(o, count);
    assert.equal(computed, 50, 'dropped: each object computed again');
    const shared = new IdentityMemo<object, number>(100);
    const few = objects.slice(0, 60);
    for (let round = 0; round < 3; round++) for (const o of [...few, ...objects.slice(60 + round * 20, 80 + round * 20)]) shared.get(o, count);
    computed = 0;
    for (const o of few) shared.get(o, count);
    assert.equal(computed, 0, 'kept: shared objects are hits');
  });
});
