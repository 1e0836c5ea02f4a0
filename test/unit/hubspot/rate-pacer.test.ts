import { strict as assert } from 'node:assert';
import { type Priority, RatePacer, readRateHeaders } from '../../../server/src/hubspot/account/rate-pacer';

/** A pacer on a clock that only moves when the pacer sleeps: waits are measured, never waited. */
function pacerOnFakeClock(options: ConstructorParameters<typeof RatePacer>[0] = {}) {
  let now = 0;
  const real = global.setTimeout;
  const pacer = new RatePacer({ ...options, now: () => now });
  const install = () => {
    global.setTimeout = ((fn: () => void, ms?: number) => {
      now += ms ?? 0;
      return real(fn, 0);
    }) as typeof setTimeout;
  };
  const restore = () => (global.setTimeout = real);
  return { pacer, now: () => now, install, restore };
}

/** `test` with a pacer on the fake clock, the real setTimeout put back whatever happens. */
async function onFakeClock(options: ConstructorParameters<typeof RatePacer>[0], test: (clock: ReturnType<typeof pacerOnFakeClock>) => Promise<void>): Promise<void> {
  const clock = pacerOnFakeClock(options);
  clock.install();
  try {
    await test(clock);
  } finally {
    clock.restore();
  }
}

/** A request let go and answered at once. */
async function sent(pacer: RatePacer): Promise<void> {
  await pacer.acquire();
  pacer.settle();
}

/**
 * A full window (4 places, all taken by `filling` requests), then three `yielding` requests and one
 * `first` request waiting for it: the order they go in once the window frees (`first` must be first).
 */
async function orderOfWaiting(first: Priority, yielding: Priority, filling: Priority): Promise<void> {
  await onFakeClock({ assumedMax: 4, windowMs: 1000, safetyMs: 0 }, async (clock) => {
    for (let i = 0; i < 4; i++) await clock.pacer.acquire(undefined, filling);
    const order: string[] = [];
    const others = [1, 2, 3].map((n) => clock.pacer.acquire(undefined, yielding).then(() => order.push(`${yielding} ${n}`)));
    const went = clock.pacer.acquire(undefined, first).then(() => order.push(first));
    for (let i = 0; i < 4; i++) clock.pacer.settle();
    await went;
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(order[0], first, `went in the order ${order.join(', ')}`);
    for (let i = 0; i < order.length; i++) clock.pacer.settle();
    await Promise.race([Promise.all(others), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    assert.equal(order.length, 4, `the ${yielding} requests go after it, within the window`);
  });
}

describe('HubSpot account: pacing by the rate-limit window', () => {
  it('reads HubSpot\'s headers', () => {
    const headers = new Map([['x-hubspot-ratelimit-max', '190'], ['x-hubspot-ratelimit-remaining', '187'], ['x-hubspot-ratelimit-interval-milliseconds', '10000']]);
    assert.deepEqual(readRateHeaders({ get: (n) => headers.get(n) ?? null }), { max: 190, remaining: 187, intervalMs: 10000 });
    assert.deepEqual(readRateHeaders({ get: () => null }), { max: undefined, remaining: undefined, intervalMs: undefined });
  });

  it('sends a window\'s worth at once, then holds the next until the oldest leaves the window', async () => {
    await onFakeClock({ assumedMax: 5, windowMs: 1000, safetyMs: 0 }, async (clock) => {
      for (let i = 0; i < 5; i++) await sent(clock.pacer);
      assert.equal(clock.now(), 0, 'five at once');
      await sent(clock.pacer);
      assert.equal(clock.now(), 1001, 'the sixth waits for the first to leave the window');
    });
  });

  it('learns the limit from HubSpot and leaves other clients\' share alone', async () => {
    await onFakeClock({ assumedMax: 2, windowMs: 1000, safetyMs: 0 }, async (clock) => {
      await sent(clock.pacer);
      clock.pacer.observe({ max: 10, remaining: 5, intervalMs: 1000 });
      // 10 allowed, 1 of ours, 5 left: 4 are someone else's, so 6 - 1 = 5 more go now.
      for (let i = 0; i < 5; i++) await sent(clock.pacer);
      assert.equal(clock.now(), 0);
      await sent(clock.pacer);
      assert.ok(clock.now() > 1000, 'the seventh waits');
    });
  });

  it('after a 429 every request waits a whole window, then goes', async () => {
    await onFakeClock({ windowMs: 1000, safetyMs: 0 }, async (clock) => {
      await sent(clock.pacer);
      void clock.pacer.blockFor();
      await sent(clock.pacer);
      assert.equal(clock.now(), 1000);
    });
  });

  it('counts a request from its answer: one answered late holds its place until a window after that', async () => {
    await onFakeClock({ assumedMax: 2, windowMs: 1000, safetyMs: 0 }, async (clock) => {
      await clock.pacer.acquire();
      await clock.pacer.acquire();
      // The event loop was busy: both were sent, and answered, only 500 ms after they were let go.
      await new Promise((resolve) => setTimeout(resolve, 500));
      clock.pacer.settle();
      clock.pacer.settle();
      await sent(clock.pacer);
      assert.equal(clock.now(), 1501, 'the third waits a window from the answers, not from when the first two were let go');
    });
  });

  it('never forgets a request in flight: with the window full of them, the next waits for an answer', async () => {
    await onFakeClock({ assumedMax: 2, windowMs: 1000, safetyMs: 0 }, async (clock) => {
      await clock.pacer.acquire();
      await clock.pacer.acquire();
      let third = false;
      const waiting = clock.pacer.acquire().then(() => (third = true));
      await new Promise((resolve) => setTimeout(resolve, 5000));
      assert.equal(third, false, 'five windows later, two requests still in flight: nothing more goes');
      clock.pacer.settle();
      await waiting;
      assert.equal(clock.now(), 5000 + 1001, 'it goes a window after the answer');
    });
  });

  it('stops waiting for an answer when cancelled', async () => {
    const pacer = new RatePacer({ assumedMax: 1, windowMs: 1000, safetyMs: 0 });
    await pacer.acquire();
    const cancel = new AbortController();
    const waiting = pacer.acquire(cancel.signal);
    cancel.abort(new Error('cancelled'));
    await assert.rejects(waiting, /cancelled/);
  });

  describe('requests nothing waits on (background) give way', () => {
    /** A background request let go and answered at once. */
    async function sentInBackground(pacer: RatePacer): Promise<void> {
      await pacer.acquire(undefined, 'background');
      pacer.settle();
    }

    it('alone, a background burst takes the whole window', async () => {
      await onFakeClock({ assumedMax: 20, windowMs: 1000, safetyMs: 0 }, async (clock) => {
        for (let i = 0; i < 20; i++) await sentInBackground(clock.pacer);
        assert.equal(clock.now(), 0, 'no foreground request went: no reserve');
      });
    });

    it('leaves the window\'s last places to a foreground request that went within a window', async () => {
      await onFakeClock({ assumedMax: 20, windowMs: 1000, safetyMs: 0 }, async (clock) => {
        await sent(clock.pacer);
        for (let i = 0; i < 18; i++) await sentInBackground(clock.pacer);
        assert.equal(clock.now(), 0, '1 foreground and 18 background at once');
        await sentInBackground(clock.pacer);
        assert.ok(clock.now() > 0, 'the 19th background request waits: one place (5% of 20) is kept');
        const before = clock.now();
        await sent(clock.pacer);
        assert.equal(clock.now(), before, 'a foreground request takes the kept place at once');
      });
    });

    it('a foreground request waiting for the window goes before the background ones waiting with it', () => orderOfWaiting('foreground', 'background', 'background'));

    it('a background request waiting behind a foreground one that is cancelled goes on', async () => {
      const pacer = new RatePacer({ assumedMax: 1, windowMs: 1000, safetyMs: 0 });
      const cancel = new AbortController();
      await pacer.acquire(undefined, 'background');
      const foreground = pacer.acquire(cancel.signal);
      const background = pacer.acquire(undefined, 'background');
      cancel.abort(new Error('cancelled'));
      await assert.rejects(foreground, /cancelled/);
      pacer.settle();
      await background; // resolves within a window: the test's timeout is the failure
    });
  });
  describe('batch reads (bulk) give way to a chain of pages', () => {
    it('a background request waiting for the window goes before the bulk ones waiting with it', () => orderOfWaiting('background', 'bulk', 'bulk'));

    it('keeps a place for a running chain\'s next page', async () => {
      await onFakeClock({ assumedMax: 4, windowMs: 1000, safetyMs: 0 }, async (clock) => {
        await clock.pacer.acquire(undefined, 'background'); // a form's page, in flight
        await clock.pacer.acquire(undefined, 'bulk');
        await clock.pacer.acquire(undefined, 'bulk');
        let third = false;
        const bulk = clock.pacer.acquire(undefined, 'bulk').then(() => (third = true));
        await new Promise((resolve) => setTimeout(resolve, 0));
        assert.equal(third, false, 'the last place is kept');
        await clock.pacer.acquire(undefined, 'background');
        assert.equal(clock.now(), 0, 'the chain\'s next page takes it at once');
        for (let i = 0; i < 4; i++) clock.pacer.settle();
        await bulk; // goes once the window has room again: the test's timeout is the failure
      });
    });

    it('alone, bulk requests take the whole window', async () => {
      await onFakeClock({ assumedMax: 20, windowMs: 1000, safetyMs: 0 }, async (clock) => {
        for (let i = 0; i < 20; i++) {
          await clock.pacer.acquire(undefined, 'bulk');
          clock.pacer.settle();
        }
        assert.equal(clock.now(), 0, 'no chain ran and no request waits: nothing kept');
      });
    });
  });
});
