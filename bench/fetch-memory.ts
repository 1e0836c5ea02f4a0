// `npm run bench:fetch-memory [-- --contacts N] [--limit R] [--workspace no-history] [--snapshot-at PHASE-end]` (node --expose-gc):
// where a first live fetch's memory goes, phase by phase (issue 15). The same fetch as bench:fetch
// (examples/ against the emulator in its own process), but the emulator's limit is `--limit` requests
// per ten seconds (default 1900, ten times HubSpot's: this measures memory, not pacing). On every
// progress report it samples this process's memory, and at each change of phase it forces a
// collection (--expose-gc) and prints what is still live then next to the highest figures the phase
// reached: the difference is garbage that V8 had not collected yet. `--snapshot-at contacts-end`
// (any phase's name and -end, or -mid: half way through it) writes a V8 heap snapshot there, for Chrome's DevTools or bench/heap-summary.ts;
// `--profile PHASE` prints the sites that allocated most during that phase (V8's sampling heap profiler).
// At each phase's highest sampled RSS it also reads where the resident memory is by kind of mapping
// (on Linux): the C library's heap, anonymous mappings (V8's pages, array buffers), files (node's code).
// An export's download, for one, goes through the C library's heap (HTTP chunks of 64 KB).
// Like bench:fetch, it runs under the CLI's node settings (bin/node-settings.js).

import { rmSync } from 'node:fs';
import { Session } from 'node:inspector';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { loadPreviewData } from '../server/src/preview/run';
import type { Progress } from '../server/src/preview/hubspot/fetch-contacts';
import { forkEmulator, mappedRss, maxRss, type MappedRss, requireOneHeap, workspaceOfExamples } from './fetch-kit';
import { argNumber } from './preview-args';
import { relaunch } from '../bin/node-settings';

const CONTACTS = argNumber('--contacts', 100_000);
const LIMIT = argNumber('--limit', 1900);
const TOKEN = 'pat-na1-bench-fetch-memory';
const SNAPSHOT_AT = process.argv.includes('--snapshot-at') ? process.argv[process.argv.indexOf('--snapshot-at') + 1] : undefined;
const NO_HISTORY = process.argv.includes('--workspace') && process.argv[process.argv.indexOf('--workspace') + 1] === 'no-history';
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const MB = 1e6;

interface PhaseFigures {
  phase: string;
  ms: number;
  /** The kernel's RSS high-water mark (so far in the process). */
  peakRss: number;
  /** The highest RSS sampled in this phase: where `spacesAtPeak` was taken. */
  sampledRss: number;
  peakHeapUsed: number;
  peakExternal: number;
  /**
   * V8's heap spaces when the RSS was highest, each as committed/physical MB: what the peak is made of.
   * Physical is what of the committed room has memory behind it: after a collection that reduces
   * memory V8 gives free room back while it stays committed, and the young generation's physical size
   * fell to half its committed one and filled again when the store's extras were built (fifteenth round).
   */
  spacesAtPeak: Record<string, [number, number]>;
  /** The resident memory by kind of mapping then (Linux only). */
  mappedAtPeak?: MappedRss;
  /** After a forced collection at the phase's end. */
  liveHeap?: number;
  liveExternal?: number;
  rssAfterGc?: number;
}

/** Committed and physical MB of each V8 heap space (new_space is the young generation the scavenger copies between). */
function spaces(): Record<string, [number, number]> {
  return Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), [Math.round(s.space_size / MB), Math.round(s.physical_space_size / MB)]]));
}

/** The spaces of `spaces()` that hold anything, as `name committed/physical`. */
function spacesText(all: Record<string, [number, number]>): string {
  return Object.entries(all).filter(([, [committed]]) => committed > 0).map(([name, [committed, physical]]) => `${name} ${committed}/${physical}`).join(', ');
}

/**
 * V8's sampling heap profiler over one phase, counting what was allocated there even when it was
 * collected since (young garbage too): the allocation sites that make a phase's heap grow.
 */
class AllocationProfile {
  private readonly session = new Session();

  constructor() {
    this.session.connect();
  }

  private post<T>(method: string, params: object = {}): Promise<T> {
    return new Promise((resolve, reject) => this.session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  }

  /** Both messages are sent at once: an in-process session dispatches them as they are posted, so a synchronous phase (saving) is profiled too. */
  async start(): Promise<void> {
    const enabled = this.post('HeapProfiler.enable');
    const sampling = this.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    await Promise.all([enabled, sampling]);
  }

  /** The top allocation sites by bytes, each as its innermost three frames. */
  async stop(top = 12): Promise<string[]> {
    interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }
    const { profile } = await this.post<{ profile: { head: Node } }>('HeapProfiler.stopSampling');
    const bySite = new Map<string, number>();
    const walk = (node: Node, stack: string[]) => {
      const frame = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
      const here = [...stack, frame];
      if (node.selfSize > 0) {
        const site = here.slice(-3).reverse().join(' < ');
        bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      }
      for (const child of node.children) walk(child, here);
    };
    walk(profile.head, []);
    this.session.disconnect();
    return [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top).map(([site, bytes]) => `${(bytes / MB).toFixed(1).padStart(7)} MB  ${site}`);
  }
}

function collect(): void {
  if (!global.gc) throw new Error('run with node --expose-gc');
  global.gc();
}

async function main(): Promise<void> {
  requireOneHeap();
  const emulator = forkEmulator();
  const workspace = workspaceOfExamples({ history: !NO_HISTORY });
  try {
    const started = await emulator.ask({ kind: 'start', seed: 7, contacts: CONTACTS, token: TOKEN, tenSecondMax: LIMIT }, 'listening');
    collect();
    const base = process.memoryUsage();
    const baseSpaces = spaces();
    const baseMapped = mappedRss();
    let mappedAtRss = 0;
    const phases: PhaseFigures[] = [];
    let current: PhaseFigures | undefined;
    const t0 = Date.now();
    const sample = () => {
      const m = process.memoryUsage();
      if (!current) return;
      if (m.rss > current.sampledRss) {
        current.sampledRss = m.rss;
        current.spacesAtPeak = spaces();
        // Reading smaps makes a string of tens of KB: within a phase, read again only once the RSS rose 1 MB more.
        if (m.rss >= mappedAtRss + MB) {
          current.mappedAtPeak = mappedRss();
          mappedAtRss = m.rss;
        }
      }
      current.peakRss = Math.max(current.peakRss, m.rss, maxRss());
      current.peakHeapUsed = Math.max(current.peakHeapUsed, m.heapUsed);
      current.peakExternal = Math.max(current.peakExternal, m.external);
    };
    let profile: AllocationProfile | undefined;
    const profiled: string[] = [];
    const stopping: Promise<void>[] = [];
    const endPhase = (name: string) => {
      if (profile) {
        const ending = profile;
        profile = undefined;
        stopping.push(ending.stop().then((lines) => void profiled.push(...lines)));
      }
      if (PROFILE === name) void (profile = new AllocationProfile()).start();
      if (current) {
        sample();
        collect();
        const m = process.memoryUsage();
        Object.assign(current, { liveHeap: m.heapUsed, liveExternal: m.external, rssAfterGc: m.rss, ms: Date.now() - t0 });
        if (SNAPSHOT_AT === `${current.phase}-end`) console.log(`heap snapshot: ${writeHeapSnapshot()}`);
      }
      current = { phase: name, ms: 0, peakRss: 0, sampledRss: 0, peakHeapUsed: 0, peakExternal: 0, spacesAtPeak: {} };
      mappedAtRss = 0;
      phases.push(current);
    };
    const timer = setInterval(sample, 50);
    let midWritten = false;
    const onProgress = (p: Progress) => {
      if (p.phase !== current?.phase) endPhase(p.phase);
      else sample();
      if (SNAPSHOT_AT === `${p.phase}-mid` && !midWritten && p.total !== undefined && p.done >= p.total / 2) {
        midWritten = true;
        console.log(`heap snapshot: ${writeHeapSnapshot()}`);
      }
    };
    endPhase('start');
    const loaded = await loadPreviewData(workspace, { kind: 'hubspot', connection: { accessToken: TOKEN, basePath: started.url } }, { onProgress });
    clearInterval(timer);
    endPhase('done');
    if ('error' in loaded) throw new Error(loaded.error);
    // The last phase's profile (`--profile saving`) stops as the fetch ends: awaited, not raced.
    await Promise.all(stopping);
    if (profiled.length > 0) console.log(`allocated during "${PROFILE}" (sampled; frames innermost first, line numbers of the compiled functions):\n${profiled.join('\n')}`);
    const report = await emulator.ask({ kind: 'report' }, 'report');
    console.log(`heap spaces at the start (MB committed/physical): ${spacesText(baseSpaces)}`);
    console.log(`${loaded.store.size.toLocaleString('en-US')} contacts, ${report.requests} requests; at the start: RSS ${(base.rss / MB).toFixed(0)} MB, heap ${(base.heapUsed / MB).toFixed(0)} MB, external (array buffers, external strings) ${(base.external / MB).toFixed(0)} MB`);
    console.log('phase (ends at ms)  RSS high-water+  peak heap+  peak external+  | after gc: RSS+  live heap+  live external+   (MB over the start)');
    console.log('(the RSS high-water mark is the kernel\'s, so far in the process: the phase that raises it is the one that costs)');
    const d = (x: number | undefined, from: number) => (x === undefined ? '-' : ((x - from) / MB).toFixed(0)).padStart(8);
    for (const p of phases.slice(0, -1)) {
      const mapped = p.mappedAtPeak && baseMapped ? `; resident over the start: C heap ${d(p.mappedAtPeak.cHeap, baseMapped.cHeap).trim()}, anonymous ${d(p.mappedAtPeak.anonymous, baseMapped.anonymous).trim()}, files ${d(p.mappedAtPeak.files, baseMapped.files).trim()}` : '';
      console.log(`${p.phase.padEnd(14)} ${String(p.ms).padStart(6)} ${d(p.peakRss, base.rss).padStart(15)} ${d(p.peakHeapUsed, base.heapUsed)} ${d(p.peakExternal, base.external)}     | ${d(p.rssAfterGc, base.rss)} ${d(p.liveHeap, base.heapUsed)} ${d(p.liveExternal, base.external)}   at the phase's highest sampled RSS, heap spaces (MB committed/physical): ${spacesText(p.spacesAtPeak)}${mapped}`);
    }
  } finally {
    emulator.tell({ kind: 'stop' });
    // The workspace's cache holds the portal's contacts: never left in the temp folder.
    rmSync(workspace.root, { recursive: true, force: true });
  }
}

// Measured as the CLI runs a fetch: with hslist's node settings (bin/node-settings.js), started again with them when they are missing.
relaunch(__filename, () =>
  void main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  }),
);
