// Full collections during a live fetch, so that its peak memory stays near what it holds (issue 15).
//
// A first fetch parses thousands of JSON answers (pages, batch reads) and CSV chunks. Each answer
// lives across an await, long enough for V8's young-generation scavenges to promote it, and V8 lets
// the old generation grow to about twice its live size before a full collection: at 100,000 contacts
// the fetching process's RSS rose by 90–120 MB while the finished data held 34 MB (bench/fetch.ts,
// bench/fetch-memory.ts). Here a full collection runs whenever the heap (with the array buffers V8
// frees) has grown by more than a slack since the last one: checked on a timer while the fetch awaits
// HubSpot, and by `now()` before the fetch's synchronous peaks (finishing the columns, saving);
// `collect()` runs one whatever the growth, before building the store (the highest of those steps).
// Each collection is a pause of tens of ms (printed by bench:fetch); a fetch waits on HubSpot's rate
// limit far longer.
//
// V8 offers a collection only through `gc`, which Node exposes with --expose-gc; when the process
// was started without it, the flag is set at run time and `gc` read from a new context (the flag
// applies to contexts made after it). `HSLIST_HEAP_RELIEF=off` turns all of this off.

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const HEAP_RELIEF_VARIABLE = 'HSLIST_HEAP_RELIEF';
/** The least growth of the heap that calls for a collection. */
const MIN_SLACK_BYTES = 16e6;
/** Past a live heap of 64 MB, the slack is a quarter of it (a collection's cost grows with the heap). */
const SLACK_SHARE = 0.25;
const CHECK_EVERY_MS = 25;

export interface HeapReliefStats {
  collections: number;
  /** Time spent in them, ms. */
  ms: number;
}

export interface HeapRelief {
  /** A collection now if the heap grew by more than the slack (before a synchronous peak). */
  now(): void;
  /**
   * A collection now, whatever the heap's growth: before the step that sets a full fetch's peak (building
   * the store). The slack is counted on V8's heap alone, so the array buffers a fetch has outgrown (its
   * columns' doubled copies, an export's chunks) can wait for V8's own schedule; here they go too.
   */
  collect(): void;
  /** Stops the timer; what was done. */
  stop(): HeapReliefStats;
}

let exposed: (() => void) | undefined;

/** V8's full collection, exposed once for the process; undefined when it cannot be had. */
function collector(): (() => void) | undefined {
  if (exposed) return exposed;
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return (exposed = own);
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') exposed = gc as () => void;
  } catch {
    // Without a collector the fetch runs as before: V8 collects on its own schedule.
  }
  return exposed;
}

/**
 * What the process holds: V8's heap, and with it the memory outside it that V8 frees (array buffers,
 * external strings). Growth is counted on both: an export's file is read in chunks of array buffers,
 * whose garbage (7 MB at 100,000 contacts) a count of the heap alone let wait until after the columns
 * were finished. The slack stays a share of the heap alone (the store's columns are array buffers, and
 * a slack of a quarter of them would let as much garbage build up).
 */
function heldNow(): { heap: number; all: number } {
  const stats = getHeapStatistics();
  return { heap: stats.used_heap_size, all: stats.used_heap_size + stats.external_memory };
}

/** Whether the environment leaves heap relief on (anything but `off`). */
export function heapReliefWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[HEAP_RELIEF_VARIABLE]?.trim().toLowerCase() !== 'off';
}

/** Starts relief for one fetch; without a collector (or when turned off) it does nothing. */
export function startHeapRelief(wanted = heapReliefWanted()): HeapRelief {
  const gc = wanted ? collector() : undefined;
  const stats: HeapReliefStats = { collections: 0, ms: 0 };
  if (!gc) return { now: () => undefined, collect: () => undefined, stop: () => stats };
  let floor = heldNow();
  const collect = () => {
    const started = performance.now();
    gc();
    stats.ms += performance.now() - started;
    stats.collections++;
    floor = heldNow();
  };
  const relieve = () => {
    const held = heldNow();
    if (held.all - floor.all >= Math.max(MIN_SLACK_BYTES, floor.heap * SLACK_SHARE)) collect();
  };
  const timer = setInterval(relieve, CHECK_EVERY_MS);
  timer.unref();
  let stopped = false;
  return {
    now: () => (stopped ? undefined : relieve()),
    collect: () => (stopped ? undefined : collect()),
    stop() {
      stopped = true;
      clearInterval(timer);
      return stats;
    },
  };
}
