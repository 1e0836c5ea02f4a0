// Heap relief during a live fetch (heap-relief.ts): a full collection once garbage has built up past
// the slack, none before, none once stopped, and none at all when HSLIST_HEAP_RELIEF=off.

import { strict as assert } from 'node:assert';
import { heapReliefWanted, startHeapRelief } from '../../../server/src/preview/hubspot/heap-relief';

/** About `mb` MB of objects held long enough to be promoted to the old generation, then dropped (a fetch's parsed answers). */
function garbage(mb: number): number {
  const held: { k: number }[][] = [];
  for (let i = 0; i < mb * 10; i++) held.push(Array.from({ length: 4_000 }, (_, k) => ({ k })));
  return held.length;
}

describe('preview: heap relief during a live fetch', () => {
  it('collects once the heap has grown past the slack, and not before', () => {
    const relief = startHeapRelief(true);
    try {
      relief.now();
      const settled = relief.stop().collections;
      const again = startHeapRelief(true);
      again.now();
      assert.equal(again.stop().collections, 0, 'nothing built up since the start');
      const busy = startHeapRelief(true);
      garbage(64);
      busy.now();
      const stats = busy.stop();
      assert.ok(stats.collections >= 1, `64 MB of garbage is past the slack (collections ${stats.collections}, before ${settled})`);
      assert.ok(stats.ms > 0);
    } finally {
      relief.stop();
    }
  });

  it('does nothing once stopped, or when turned off', () => {
    const stopped = startHeapRelief(true);
    const stats = stopped.stop();
    garbage(64);
    stopped.now();
    assert.equal(stats.collections, 0);
    const off = startHeapRelief(false);
    garbage(64);
    off.now();
    assert.equal(off.stop().collections, 0);
  });

  it('reads HSLIST_HEAP_RELIEF: only "off" turns it off', () => {
    assert.equal(heapReliefWanted({}), true);
    assert.equal(heapReliefWanted({ HSLIST_HEAP_RELIEF: ' OFF ' }), false);
    assert.equal(heapReliefWanted({ HSLIST_HEAP_RELIEF: 'on' }), true);
  });
});
