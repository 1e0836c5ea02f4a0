// Reads that name their records by id (batch reads, one contact's page views, one form's submissions)
// do not depend on each other, so they need not wait for each other. HubSpot answers a request in a few
// hundred milliseconds while its rate limit allows 19 a second (190 per ten seconds on Professional,
// "API usage guidelines and limits"): one read after another is bound by that latency, at about 3 a
// second. Here a few go at once; each still passes the account's pacer (rate-pacer.ts), which holds a
// request until HubSpot's window has room, so running more at once never means more than the limit.
// Cursor-paged reads (`after`) cannot be split this way: each page names the next.

/** Reads in flight at once: enough to cover the latency at 19 requests a second, few enough to stay polite. */
export const READ_CONCURRENCY = 5;

export interface ParallelOptions {
  /** How many reads are in flight at once (default READ_CONCURRENCY; at least 1). */
  concurrency?: number;
  /** Cancels the whole: no further read starts, and the reads in flight are told through their own signal. */
  signal?: AbortSignal;
  /** After each read succeeds: how many have so far (it only grows, whatever order they finish in). */
  onDone?: (done: number) => void;
}

/**
 * `read(item, signal)` for every item, at most `concurrency` at once; the results in the items' order.
 * The first failure ends it: no further read starts, the reads in flight are told to stop through the
 * signal they were given and are awaited (none is left running unseen), then that failure is thrown.
 * A cancellation through `options.signal` ends it the same way, with the signal's reason.
 */
export async function readInParallel<T, R>(items: readonly T[], read: (item: T, signal: AbortSignal) => Promise<R>, options: ParallelOptions = {}): Promise<R[]> {
  const results = new Array<R>(items.length);
  const stop = new AbortController();
  const outer = options.signal;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
    stop.abort(error);
  };
  const onOuterAbort = () => fail(cancelled(outer!));
  if (outer?.aborted) throw cancelled(outer);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await read(items[index], stop.signal);
      } catch (error) {
        fail(error);
        return;
      }
      if (failure === undefined) options.onDone?.(++done);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? READ_CONCURRENCY, items.length));
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
  if (failure !== undefined) throw failure.error;
  return results;
}

function cancelled(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}
