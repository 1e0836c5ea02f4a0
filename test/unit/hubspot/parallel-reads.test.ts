// The account layer's reads in parallel (parallel-reads.ts): results in the items' order whatever order
// the reads finish in, never more in flight than asked (measured), the first failure stops the rest and
// is thrown only once every read it started has settled, and a cancellation stops it the same way.

import { strict as assert } from 'node:assert';
import { readInParallel } from '../../../server/src/hubspot/account/parallel-reads';

/** A read whose answer the test releases by hand, recording how many are in flight. */
function gatedReads() {
  const gates = new Map<number, { resolve: (v: string) => void; reject: (e: unknown) => void; signal: AbortSignal }>();
  const started: number[] = [];
  const settled: number[] = [];
  let inFlight = 0;
  let most = 0;
  const read = (item: number, signal: AbortSignal) => {
    started.push(item);
    most = Math.max(most, ++inFlight);
    return new Promise<string>((resolve, reject) => gates.set(item, { resolve, reject, signal })).finally(() => {
      inFlight--;
      settled.push(item);
    });
  };
  /** Lets pending callbacks run (a released read's worker starts the next one). */
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return { gates, started, settled, read, turn, most: () => most, inFlight: () => inFlight };
}

describe('HubSpot account: id-based reads in parallel', () => {
  it('keeps the items\' order however the reads finish, with at most `concurrency` in flight (measured)', async () => {
    const g = gatedReads();
    const items = Array.from({ length: 12 }, (_, i) => i);
    const all = readInParallel(items, g.read, { concurrency: 4 });
    await g.turn();
    assert.deepEqual(g.started, [0, 1, 2, 3], 'four start at once');
    // Release in reverse order of start, one at a time: each release lets exactly one more start.
    for (let released = 0; released < items.length; released++) {
      const pending = [...g.gates.keys()].filter((k) => !g.settled.includes(k));
      const last = pending[pending.length - 1];
      g.gates.get(last)!.resolve(`answer ${last}`);
      await g.turn();
      assert.ok(g.inFlight() <= 4, `${g.inFlight()} in flight`);
    }
    assert.deepEqual(await all, items.map((i) => `answer ${i}`));
    assert.equal(g.most(), 4);
    assert.deepEqual(g.settled.slice(0, 2), [3, 4], 'finished out of order, answered in order');
  });

  it('reports progress as a count that only grows, one step per finished read', async () => {
    const seen: number[] = [];
    const delays = [30, 5, 20, 1, 10, 2];
    const result = await readInParallel(delays, (ms) => new Promise<number>((resolve) => setTimeout(() => resolve(ms), ms)), { concurrency: 3, onDone: (n) => seen.push(n) });
    assert.deepEqual(result, delays);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6]);
  });

  it('stops at the first failure: nothing more starts, the reads in flight are told and awaited, then that failure is thrown', async () => {
    const g = gatedReads();
    const items = Array.from({ length: 20 }, (_, i) => i);
    let outcome: unknown;
    const all = readInParallel(items, g.read, { concurrency: 3 }).then(() => (outcome = 'resolved'), (error: unknown) => (outcome = error));
    await g.turn();
    const first = new Error('HubSpot said 403 Forbidden');
    g.gates.get(1)!.reject(first);
    await g.turn();
    assert.deepEqual(g.started, [0, 1, 2], 'no read starts after the failure');
    assert.ok(g.gates.get(0)!.signal.aborted && g.gates.get(2)!.signal.aborted, 'the reads in flight are told to stop');
    assert.equal(outcome, undefined, 'not thrown while two reads are still running');
    g.gates.get(0)!.resolve('late answer');
    g.gates.get(2)!.reject(new Error('a later failure'));
    await all;
    assert.equal(outcome, first, 'the first failure, not a later one');
    assert.equal(g.inFlight(), 0);
  });

  it('a cancellation stops it: nothing more starts and it ends with the signal\'s reason once the reads in flight settle', async () => {
    const g = gatedReads();
    const controller = new AbortController();
    let outcome: unknown;
    const all = readInParallel([1, 2, 3, 4, 5, 6], g.read, { concurrency: 2, signal: controller.signal }).catch((error: unknown) => (outcome = error));
    await g.turn();
    const reason = new Error('the preview was cancelled');
    controller.abort(reason);
    assert.ok(g.gates.get(1)!.signal.aborted, 'the reads in flight hear it');
    g.gates.get(1)!.resolve('x');
    g.gates.get(2)!.resolve('y');
    await all;
    assert.equal(outcome, reason);
    assert.deepEqual(g.started, [1, 2]);
    await assert.rejects(readInParallel([1], async () => 1, { signal: controller.signal }), (e) => e === reason, 'an aborted signal starts nothing');
  });

  it('an empty list reads nothing; concurrency 1 reads one after another', async () => {
    assert.deepEqual(await readInParallel([], async () => assert.fail('no read')), []);
    const g = gatedReads();
    const all = readInParallel([1, 2, 3], g.read, { concurrency: 1 });
    for (const item of [1, 2, 3]) {
      await g.turn();
      assert.deepEqual(g.started, [1, 2, 3].slice(0, item));
      g.gates.get(item)!.resolve(String(item));
    }
    assert.deepEqual(await all, ['1', '2', '3']);
    assert.equal(g.most(), 1);
  });
});
