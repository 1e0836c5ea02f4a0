// Full collections during a live fetch, so that its peak memory stays near what it holds (issue 15).
//
// A first fetch parses thousands of JSON answers (pages, batch reads) and CSV chunks. Each answer
// lives across an await, long enough for V8's young-generation scavenges to promote it, and V8 lets
// the old generation grow to about twice its live size before a full collection: at 100,000 contacts
// the fetching process's RSS rose by 90–120 MB while the finished data held 34 MB (bench/fetch.ts,
// bench/fetch-memory.ts). Here a full collection runs whenever the old generation (with the array
// buffers and external strings V8 frees) has grown by more than a slack since the last one: checked on
// a timer while the fetch awaits HubSpot, and by `now()` before and during the fetch's synchronous
// peaks (finishing the columns, saving); `collect()` runs one whatever the growth, before building the
// store (the highest of those steps). Each collection is a pause of a few to tens of ms (printed by
// bench:fetch); a fetch waits on HubSpot's rate limit far longer.
//
// What counts and what the slack is (each measured at 100,000 contacts, bench:fetch --workspace
// no-history, where the finished snapshot takes about 20 MB):
// - the young generation is left out: scavenges empty it, and counted, its filling alone called for
//   collections of nothing. Its semi-spaces stay committed, but a full collection may give their free
//   pages back to the system, and filling them again raises the RSS (the store's build did, by 7.5 MB
//   at 100,000 contacts, back to the size it had at the fetch's start: docs/preview.md, fifteenth round);
// - the slack is a quarter of what the fetch added to the old generation, not of the whole heap: the
//   program's own heap (modules, code: 20 MB) made the slack 16 MB, as much as the data, and the
//   fetch's RSS peaked at 1.6–1.9 times the finished snapshot's;
// - memory a step let go of (a finished column's hash tables) is counted as growth when the step says
//   so (`now(released)`): V8 counts it nowhere, since it was live at the last collection;
// - between full collections, a young-generation collection (a scavenge, under a millisecond) runs
//   whenever the memory outside the heap has grown by 1 MB since the last collection of either kind: an
//   HTTP answer's chunks and the export file's chunks are array buffers held by young Buffer objects,
//   freed only when a collection finds those objects dead. The byte readers (association-answer.ts) make
//   so few objects that the young generation rarely fills, and the dead chunks piled up to the full
//   collection's slack: the companies' read peaked at +32 MB, +30.5 with these (medians of four runs).
//
// V8 offers a collection only through `gc`, which Node exposes with --expose-gc; when the process
// was started without it, the flag is set at run time and `gc` read from a new context (the flag
// applies to contexts made after it). `HSLIST_HEAP_RELIEF=off` turns all of this off.

import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const HEAP_RELIEF_VARIABLE = 'HSLIST_HEAP_RELIEF';
/** The least growth that calls for a collection. */
const MIN_SLACK_BYTES = 8e6;
/** Past 32 MB added to the old generation by the fetch, the slack is a quarter of that (a collection's cost grows with the heap). */
const SLACK_SHARE = 0.25;

/** The growth that calls for a collection, once the fetch has added `addedBytes` to the old generation (live, at the last collection). */
export function slackFor(addedBytes: number): number {
  return Math.max(MIN_SLACK_BYTES, Math.max(0, addedBytes) * SLACK_SHARE);
}

/** Growth of the memory outside the heap (array buffers) that calls for a young-generation collection. */
const MINOR_EVERY_EXTERNAL_BYTES = 1e6;

const CHECK_EVERY_MS = 25;

export interface HeapReliefStats {
  collections: number;
  /** Young-generation collections (on the growth of array buffers). */
  minorCollections: number;
  /** Time spent in them, ms. */
  ms: number;
}

export interface HeapRelief {
  /**
   * A collection now if the heap grew by more than the slack (before or during a synchronous peak);
   * `released`: bytes the caller has just let go of, counted as growth until the next collection.
   */
  now(released?: number): void;
  /**
   * A collection now, whatever the growth: before the step that sets a full fetch's peak (building the
   * store), so that it starts from the live data alone, not from up to a slack of garbage.
   */
  collect(): void;
  /** Stops the timer; what was done. */
  stop(): HeapReliefStats;
}

/** V8's `gc` as --expose-gc gives it: a full collection, or with `{ type: 'minor' }` a young-generation one. */
type Collector = (options?: { type: 'minor' }) => void;

let exposed: Collector | undefined;

/** V8's collector, exposed once for the process; undefined when it cannot be had. */
function collector(): Collector | undefined {
  if (exposed) return exposed;
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return (exposed = own as Collector);
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') exposed = gc as Collector;
  } catch {
    // Without a collector the fetch runs as before: V8 collects on its own schedule.
  }
  return exposed;
}

/**
 * What the fetch's collections can free: V8's old generation (the heap without its young generation),
 * and with it the memory outside the heap that V8 frees (array buffers, external strings). Growth is
 * counted on both: an export's file is read in chunks of array buffers, whose garbage (7 MB at 100,000
 * contacts) a count of the heap alone let wait until after the columns were finished. The slack is a
 * share of the heap alone (the store's columns are array buffers, and a slack of a quarter of them would
 * let as much garbage build up).
 */
function heldNow(): { heap: number; all: number; external: number } {
  const stats = getHeapStatistics();
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;
  const old = stats.used_heap_size - young;
  return { heap: old, all: old + stats.external_memory, external: stats.external_memory };
}

/** The memory outside V8's heap that V8 frees (array buffers, external strings). */
function externalNow(): number {
  return getHeapStatistics().external_memory;
}

/** Whether the environment leaves heap relief on (anything but `off`). */
export function heapReliefWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[HEAP_RELIEF_VARIABLE]?.trim().toLowerCase() !== 'off';
}

/** Starts relief for one fetch; without a collector (or when turned off) it does nothing. */
export function startHeapRelief(wanted = heapReliefWanted()): HeapRelief {
  const gc = wanted ? collector() : undefined;
  const stats: HeapReliefStats = { collections: 0, minorCollections: 0, ms: 0 };
  if (!gc) return { now: () => undefined, collect: () => undefined, stop: () => stats };
  const start = heldNow();
  let floor = start;
  let released = 0;
  // The memory outside the heap after the last collection of either kind (lowered as it is freed).
  let externalFloor = start.external;
  const timed = (run: () => void) => {
    const started = performance.now();
    run();
    stats.ms += performance.now() - started;
  };
  const collect = () => {
    timed(gc);
    stats.collections++;
    floor = heldNow();
    externalFloor = floor.external;
    released = 0;
  };
  const relieve = (letGo = 0) => {
    released += letGo;
    const held = heldNow();
    if (held.all - floor.all + released >= slackFor(floor.heap - start.heap)) return collect();
    if (held.external - externalFloor < MINOR_EVERY_EXTERNAL_BYTES) {
      externalFloor = Math.min(externalFloor, held.external);
      return;
    }
    timed(() => gc({ type: 'minor' }));
    stats.minorCollections++;
    externalFloor = externalNow();
  };
  const timer = setInterval(() => relieve(), CHECK_EVERY_MS);
  timer.unref();
  let stopped = false;
  return {
    now: (letGo?: number) => (stopped ? undefined : relieve(letGo)),
    collect: () => (stopped ? undefined : collect()),
    stop() {
      stopped = true;
      clearInterval(timer);
      return stats;
    },
  };
}
