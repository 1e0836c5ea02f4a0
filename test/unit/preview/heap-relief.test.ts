// Heap relief during a live fetch (heap-relief.ts): a full collection once garbage has built up past
// the slack, none before (but always on `collect`), none once stopped, and none at all when HSLIST_HEAP_RELIEF=off.

import { strict as assert } from 'node:assert';
import { getHeapStatistics } from 'node:v8';
import { type HeapRelief, type HeapReliefStats, heapReliefWanted, slackFor, startHeapRelief } from '../../../server/src/preview/hubspot/heap-relief';

/** About `mb` MB of objects held long enough to be promoted to the old generation, then dropped (a fetch's parsed answers). */
function garbage(mb: number): number {
  const held: { k: number }[][] = [];
  for (let i = 0; i < mb * 10; i++) held.push(Array.from({ length: 4_000 }, (_, k) => ({ k })));
  return held.length;
}

/** More garbage (MB) than any slack a relief started here can have (a quarter of what was added since its start, at most the whole heap). */
function pastSlackMb(): number {
  return Math.ceil(slackFor(getHeapStatistics().used_heap_size) / 1e6) + 32;
}

/** What a relief (turned on) did while `steps` ran: it is stopped whatever happens, so no timer outlives a test. */
function relieved(steps: (relief: HeapRelief) => void): HeapReliefStats {
  const relief = startHeapRelief(true);
  try {
    steps(relief);
    return relief.stop();
  } finally {
    relief.stop();
  }
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
      // From the live heap alone: in a run of every test file the heap holds the earlier tests' garbage,
      // which V8 may collect on its own while this test allocates, hiding the growth (a failure in CI).
      busy.collect();
      // Past the slack whatever the heap holds: in a run of every test file the live heap is large, and the slack a quarter of it.
      const mb = pastSlackMb();
      garbage(mb);
      busy.now();
      const stats = busy.stop();
      assert.ok(stats.collections >= 2, `${mb} MB of garbage is past the slack (collections ${stats.collections - 1} after the first, before ${settled})`);
      assert.ok(stats.ms > 0);
    } finally {
      relief.stop();
    }
  });

  it('counts array buffers that became garbage (an export read in chunks), not only the heap', () => {
    let held: ArrayBuffer[] = [];
    const stats = relieved((relief) => {
      relief.collect();
      for (let i = 0; i < pastSlackMb(); i++) held.push(new ArrayBuffer(1 << 20));
      held = [];
      relief.now();
    });
    assert.ok(stats.collections >= 2, 'buffers past the slack, with the heap itself barely grown');
    assert.equal(held.length, 0);
  });

  it('runs a young-generation collection, not a full one, once array buffers grew by 1 MB (an answer\'s chunks held by young Buffers)', () => {
    const quiet = relieved((relief) => {
      relief.collect();
      relief.now();
    });
    assert.equal(quiet.minorCollections, 0, 'nothing grew since the collection');
    let chunks: Buffer[] = [];
    const stats = relieved((busy) => {
      busy.collect();
      // 2 MB of 64 KB chunks, as an HTTP answer arrives: under the full collection's slack.
      for (let i = 0; i < 32; i++) chunks.push(Buffer.alloc(64 * 1024, i));
      chunks = [];
      busy.now();
      busy.now();
    });
    assert.equal(stats.collections, 1, 'no full collection beyond the one asked for');
    assert.equal(stats.minorCollections, 1, 'one young-generation collection, and none again right after it');
    assert.equal(chunks.length, 0);
  });

  it('has a slack of 8 MB, or a quarter of what the fetch added to the heap: not of the program\'s own heap', () => {
    assert.equal(slackFor(0), 8e6);
    assert.equal(slackFor(-5e6), 8e6, 'a heap smaller than at the start');
    assert.equal(slackFor(32e6), 8e6);
    assert.equal(slackFor(200e6), 50e6);
  });

  it('counts what a step says it let go of (a finished column\'s tables) as growth', () => {
    const under = relieved((relief) => {
      relief.collect();
      relief.now(1e6);
    });
    assert.equal(under.collections, 1, 'a megabyte is under the slack');
    const stats = relieved((again) => {
      again.collect();
      again.now(3e6);
      again.now(pastSlackMb() * 1e6);
    });
    assert.equal(stats.collections, 2, 'released bytes past the slack, with nothing allocated');
  });

  it('collects on `collect` whatever the growth (before building the store), and counts it', () => {
    const relief = startHeapRelief(true);
    relief.collect();
    relief.collect();
    const stats = relief.stop();
    assert.equal(stats.collections, 2);
    relief.collect();
    assert.equal(relief.stop().collections, 2, 'nothing once stopped');
    const off = startHeapRelief(false);
    off.collect();
    assert.equal(off.stop().collections, 0);
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
