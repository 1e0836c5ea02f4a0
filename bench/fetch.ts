// `npm run bench:fetch [-- --contacts N] [--workspace no-history] [--exports off]`: the first `preview --data
// hubspot` of the examples/ workspace (its lists read history, companies and list memberships; with
// `--workspace no-history` a copy whose history clauses read current values, so that the full fetch may
// use HubSpot's CRM export, which has no history) against the HubSpot emulator holding N seeded
// contacts and enforcing HubSpot's Professional limit (190 requests per ten seconds), through the real
// SDK and the live source. Reported against the limit itself: the fetch time over the least time the
// limit allows for the requests it sent, the requests per contact, 429s; and the fetching process's
// memory against the finished snapshot's size. The emulator runs in a child process
// (bench/fetch-emulator.ts), so this process's memory is the fetcher's alone:
//   peak_rss_growth_mb  = the highest RSS of this process during the fetch (the kernel's maxRSS, and a
//                         50 ms sampler) minus its RSS when the fetch started, once settled (fetch-kit.ts settledRss);
//   peak_phase          = the fetch's phase under way at the highest RSS seen (the sampler's, and the kernel's
//                         high-water mark read at each sample and progress report) (export, exportFile,
//                         companies, forms, saving…): which step holds the peak, which moves from run to run;
//   phase_peaks_mb      = each phase's highest RSS seen (as for peak_phase) over the start (`companies:34,exportFile:31`): how far
//                         below the peak the other phases are, so whether lowering one would lower the run's;
//   snapshot_mb         = the finished snapshot file (.hslist/cache/hubspot-contacts.snap): the store's
//                         typed arrays and dictionary text as they are held in memory;
//   ratio_rss_vs_snapshot = the first over the second (issue 15's goal: under 1.5, read as against the file);
//   retained_mb         = what the finished data holds in this process once the fetch is over: V8's live heap
//                         and external memory (array buffers, external strings) after a full GC, with the loaded data still referenced, minus the
//                         same before the fetch (the memory a preview keeps for the snapshot and its history);
//   ratio_rss_vs_retained = peak_rss_growth_mb over retained_mb;
//   loaded_rss_mb       = the RSS the finished snapshot and its history take when a preview reads them from
//                         the cache, in a fresh process (bench/fetch-loaded.ts), once settled (settledRss);
//   ratio_rss_vs_loaded = peak_rss_growth_mb over loaded_rss_mb: issue 15's goal ("peak memory during a fetch
//                         under 1.5 × the finished snapshot's") read as its refresh goal is read (the RSS the
//                         loaded snapshot takes, bench/preview-refresh.ts). All three readings are printed.
//   gc_collections, gc_minor, gc_ms = the full and the young-generation collections the fetch ran to
//                         keep its peak down (heap-relief.ts), and the time they took.
//   cpu_ms              = the CPU time (user + system, all its threads) the fetching process took during the fetch;
//   steal_ms            = the CPU time the virtual machine's host took from it meanwhile (/proc/stat's steal;
//                         n/a outside Linux): at latency 0 the last window's reads and the store's build are
//                         bound by the CPU, so a run with seconds of steal reads a higher time ratio for it.
// The history file beside the snapshot (only when a list reads history) is printed, not counted.
// How the contacts came (`via=export` or `via=pages`; `--exports off` forces the pages) is printed, and
// for an export the wait for HubSpot to prepare it and the time to download and read its file; the file
// host's downloads are not API requests (no rate limit) and are counted apart.
// `--latency-ms N` makes every answer of the emulator wait N ms, as a real HubSpot's take a few hundred:
// then `sequential_floor_ms` (requests × N) is the least a fetch reading one request after another could
// take, against which the reads a few at a time (`--read-concurrency N`, 1 for one after another) show
// their gain. `--windows-only` reads the examples with `has ever been` as `is` (bench/fetch-kit.ts).
// `--timeline FILE` writes each request's arrival (ms after the first), status and kind to FILE: which
// requests filled which window, and where the last window's time went.
// It runs under the node settings of the CLI's fetching commands (bin/node-settings.js: started again
// with them when they are missing), and the fresh process that reads the cache back takes them too.
// `--runs N` runs the whole measure N times, each in a process of its own started one after another
// (a fetch leaves its process's heap grown and its code compiled, so a second one in it would not be a
// first fetch), prints each run's report as it comes, and ends with one line over the runs
// (bench/runs-summary.ts): each figure's least, median and greatest, in how many runs each goal was
// met, how often each phase held the peak, and each phase's median peak (`phase_peaks_mb_median`). At
// 100,000 contacts the same code's peak moves by about 3 MB from run to run. It runs only with
// ESBUILD_WORKER_THREADS=0 (its npm script sets it): bench/fetch-kit.ts, requireOneHeap.
// The last line is one summary line of name=value figures.

import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Progress } from '../server/src/preview/hubspot/fetch-contacts';
import { loadPreviewData } from '../server/src/preview/run';
import { forkEmulator, maxRss, requireOneHeap, settledRss, stolenMs, workspaceOfExamples, type EmulatorProcess } from './fetch-kit';
import { argNumber } from './preview-args';
import { READ_CONCURRENCY as DEFAULT_READ_CONCURRENCY } from '../server/src/hubspot/account/parallel-reads';
import { CLI_FLAGS, relaunch } from '../bin/node-settings';
import { runsSummary } from './runs-summary';

const CONTACTS = argNumber('--contacts', 100_000);
/** Each answer of the emulator waits this long (`--latency-ms`, default 0: loopback's ~1 ms), as a real HubSpot's take a few hundred ms. */
const LATENCY_MS = process.argv.includes('--latency-ms') ? argNumber('--latency-ms', 0) : 0;
/** Id-based reads in flight at once (`--read-concurrency`, default the account layer's; 1 reads one after another). */
const READ_CONCURRENCY_ARG = process.argv.includes('--read-concurrency') ? argNumber('--read-concurrency', 1) : undefined;
const READ_CONCURRENCY = READ_CONCURRENCY_ARG ?? DEFAULT_READ_CONCURRENCY;
/** `--windows-only`: the examples with `has ever been` read as `is` (bench/fetch-kit.ts). */
const WINDOWS_ONLY = process.argv.includes('--windows-only');
const WORKSPACE = argText('--workspace', 'examples', ['examples', 'no-history']);
const EXPORTS = argText('--exports', 'on', ['on', 'off']);
const SEED = argNumber('--seed', 7);
const RUNS = process.argv.includes('--runs') ? argNumber('--runs', 1) : 1;
/** `--timeline FILE`: when each request arrived at the emulator, written to FILE (with `--runs`, the last run's). */
const TIMELINE = argPath('--timeline');
const TOKEN = 'pat-na1-bench-fetch-5e2d';
const LIMIT = 190;
const WINDOW_MS = 10_000;
/** The emulator seeds its portal up to the start of today (its clock is the real one). */
const NOW = Date.now();

async function main(): Promise<void> {
  requireOneHeap();
  const emulator = forkEmulator();
  try {
    const started = await emulator.ask({ kind: 'start', seed: SEED, contacts: CONTACTS, token: TOKEN, tenSecondMax: LIMIT, latencyMs: LATENCY_MS }, 'listening');
    console.log(`portal: ${started.contacts.toLocaleString('en-US')} contacts generated in ${(started.generatedMs / 1000).toFixed(1)} s (in the emulator's own process)`);
    console.log(`node settings (as the CLI's fetching commands run): ${process.execArgv.filter((a) => CLI_FLAGS.includes(a)).join(' ') || 'none'}, MALLOC_MMAP_THRESHOLD_=${process.env.MALLOC_MMAP_THRESHOLD_ ?? 'unset'}`);
    await measure(emulator, started.url);
  } finally {
    emulator.tell({ kind: 'stop' });
  }
}

async function measure(emulator: EmulatorProcess, url: string): Promise<void> {
  const workspace = workspaceOfExamples({ windowsOnly: WINDOWS_ONLY, history: WORKSPACE !== 'no-history' });
  const phases = phaseTimer();
  const liveBefore = liveBytes();
  const rssBefore = await settledRss();
  const maxBefore = maxRss();
  let peakRss = rssBefore;
  // The phase under way at the highest sampled RSS: where a run's peak is (it moves from run to run at 100,000).
  let peakPhase = 'start';
  // Each phase's highest sampled RSS: whether lowering one phase would lower the run's peak.
  // The kernel's high-water mark is read too, at each sample and progress report: a synchronous step
  // (finishing a column, building the store) runs no timer, and its top is seen only there.
  const phasePeaks = new Map<string, number>();
  let highWater = maxBefore;
  const notePeak = (rss: number, phase: string) => {
    if (rss > (phasePeaks.get(phase) ?? 0)) phasePeaks.set(phase, rss);
    if (rss > peakRss) [peakRss, peakPhase] = [rss, phase];
  };
  const sample = () => {
    const phase = phases.current();
    notePeak(process.memoryUsage().rss, phase);
    const hwm = maxRss();
    if (hwm > highWater) notePeak((highWater = hwm), phase);
  };
  const sampler = setInterval(sample, 50);
  const onProgress = (p: Progress) => {
    sample();
    phases.see(p);
  };
  try {
    await emulator.ask({ kind: 'report' }, 'report'); // the emulator has answered nothing yet; this waits for it to be idle
    emulator.tell({ kind: 'clear' });
    const fetchStarted = Date.now();
    const cpuBefore = process.cpuUsage();
    const stolenBefore = stolenMs();
    const connection = { accessToken: TOKEN, basePath: url, ...(READ_CONCURRENCY_ARG !== undefined ? { readConcurrency: READ_CONCURRENCY_ARG } : {}) };
    const source = { kind: 'hubspot' as const, connection, ...(EXPORTS === 'off' ? { exports: false as const } : {}) };
    const loaded = await loadPreviewData(workspace, source, { now: () => NOW, onProgress });
    const fetchMs = Date.now() - fetchStarted;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    const stolen = stolenBefore === undefined ? undefined : stolenMs()! - stolenBefore;
    sample();
    phases.end();
    clearInterval(sampler);
    if ('error' in loaded) throw new Error(loaded.error);
    if (WORKSPACE === 'no-history' && loaded.history) throw new Error('the no-history workspace still reads history');
    const via = loaded.refresh?.via ?? 'pages';
    // The kernel's high-water mark counts only when the fetch raised it (else it is from before the fetch).
    const maxAfter = maxRss();
    const peak = Math.max(peakRss, process.memoryUsage().rss, maxAfter > maxBefore ? maxAfter : 0);
    const report = await emulator.ask({ kind: 'report', ...(TIMELINE ? { timeline: TIMELINE } : {}) }, 'report');
    const sent = report.requests;
    const leastMs = Math.floor((sent - 1) / LIMIT) * WINDOW_MS;
    // Requests that fit in one window are allowed at once: no least time to compare with.
    const ratioVsLeast = leastMs > 0 ? (fetchMs / leastMs).toFixed(3) : 'n/a';
    const cache = join(workspace.root, '.hslist', 'cache');
    const snapshotMb = statSync(join(cache, 'hubspot-contacts.snap')).size / 1e6;
    const historyFile = join(cache, 'hubspot-history.bin');
    const historyMb = existsSync(historyFile) ? statSync(historyFile).size / 1e6 : 0;
    const peakMb = (peak - rssBefore) / 1e6;
    const ratio = peakMb / snapshotMb;
    const retainedMb = (liveBytes() - liveBefore) / 1e6;
    const ratioRetained = peakMb / retainedMb;
    const finished = await loadedMemory(workspace.root);
    const ratioLoaded = peakMb / finished.loaded_rss_mb;
    const relief = loaded.refresh?.heapRelief ?? { collections: 0, minorCollections: 0, ms: 0 };
    console.log(`first fetch of ${loaded.store.size.toLocaleString('en-US')} contacts (${WORKSPACE}, via ${via}): ${(fetchMs / 1000).toFixed(1)} s, ${sent} requests (${report.byKind.map(([k, n]) => `${n} ${k}`).join(', ')}), ${report.status429} answered 429, ${report.downloads} download(s) from the file host`);
    if (via === 'export') console.log(`  HubSpot's export: ${(phases.ms('export') / 1000).toFixed(1)} s waiting for it, ${(phases.ms('exportFile') / 1000).toFixed(1)} s reading its file`);
    for (const note of loaded.report.notes ?? []) console.log(`  note: ${note}`);
    console.log(`  the least time ${LIMIT} requests / 10 s allows for ${sent} requests: ${(leastMs / 1000).toFixed(1)} s (ratio ${ratioVsLeast}, goal ≤ 1.1)`);
    const tailMs = report.lastAt === undefined ? 0 : fetchStarted + fetchMs - report.lastAt;
    const slack = report.busiestWindows.slice(0, -1).map((n, i) => [i, n] as const).filter(([, n]) => n < LIMIT * 0.9);
    console.log(`  the last request arrived ${(tailMs / 1000).toFixed(1)} s before the fetch ended (building and saving the store); ten-second windows under 90% of the limit before the last: ${slack.length === 0 ? 'none' : slack.map(([i, n]) => `#${i} ${n}`).join(', ')}`);
    if (LATENCY_MS > 0) console.log(`  each answer took ${LATENCY_MS} ms more: one request after another could not take under ${((sent * LATENCY_MS) / 1000).toFixed(1)} s; ${READ_CONCURRENCY} id-based reads went at once`);
    console.log(`  the fetching process's peak RSS during the fetch: +${peakMb.toFixed(0)} MB over its ${(rssBefore / 1e6).toFixed(0)} MB at the start;`);
    console.log(`  the finished snapshot file: ${snapshotMb.toFixed(1)} MB (ratio ${ratio.toFixed(2)}, goal < 1.5); history file ${historyMb.toFixed(1)} MB; the emulator's process: ${report.rssMb.toFixed(0)} MB RSS`);
    console.log(`  what the finished data holds in memory after the fetch (live heap + external memory): ${retainedMb.toFixed(1)} MB (peak growth over it: ${ratioRetained.toFixed(2)})`);
    console.log(`  the finished snapshot and history read from the cache in a fresh process: +${finished.loaded_rss_mb.toFixed(1)} MB RSS (peak growth over it: ${ratioLoaded.toFixed(2)}, goal < 1.5); reading them peaked at +${finished.load_peak_mb.toFixed(1)} MB`);
    console.log(`  CPU: the fetching process ran ${(cpuMs / 1000).toFixed(1)} s of its ${(fetchMs / 1000).toFixed(1)} s${stolen === undefined ? '' : `; the machine's host took ${(stolen / 1000).toFixed(1)} s of CPU from it meanwhile (steal: time ratios of runs with seconds of it are slower for it)`}`);
    console.log(`  collections run during the fetch to keep its peak down: ${relief.collections} full, ${relief.minorCollections} of the young generation, ${relief.ms.toFixed(0)} ms in all`);
    console.log([
      'bench=fetch', `contacts=${CONTACTS}`, `history=${WORKSPACE === 'no-history' ? 'none' : WINDOWS_ONLY ? 'windows-only' : 'examples'}`, `via=${via}`, `latency_ms=${LATENCY_MS}`, `read_concurrency=${READ_CONCURRENCY}`, `sequential_floor_ms=${sent * LATENCY_MS}`, `fetch_ms=${fetchMs}`, `requests=${sent}`, `requests_per_1000_contacts=${((sent / CONTACTS) * 1000).toFixed(1)}`,
      `downloads=${report.downloads}`, `export_wait_ms=${phases.ms('export')}`, `export_read_ms=${phases.ms('exportFile')}`,
      `least_ms=${leastMs}`, `ratio_vs_least_time=${ratioVsLeast}`, `after_last_request_ms=${tailMs}`, `idle_windows=${slack.length}`, `status_429=${report.status429}`, `peak_rss_growth_mb=${peakMb.toFixed(0)}`, `peak_phase=${peakPhase}`, `phase_peaks_mb=${[...phasePeaks].map(([phase, rss]) => `${phase}:${((rss - rssBefore) / 1e6).toFixed(0)}`).join(',')}`,
      `snapshot_mb=${snapshotMb.toFixed(1)}`, `ratio_rss_vs_snapshot=${ratio.toFixed(2)}`, `history_mb=${historyMb.toFixed(1)}`, `retained_mb=${retainedMb.toFixed(1)}`, `ratio_rss_vs_retained=${ratioRetained.toFixed(2)}`,
      `loaded_rss_mb=${finished.loaded_rss_mb.toFixed(1)}`, `ratio_rss_vs_loaded=${ratioLoaded.toFixed(2)}`, `gc_collections=${relief.collections}`, `gc_minor=${relief.minorCollections}`, `gc_ms=${relief.ms.toFixed(0)}`, `cpu_ms=${cpuMs}`, `steal_ms=${stolen ?? 'n/a'}`, `emulator_rss_mb=${report.rssMb.toFixed(0)}`, `load_avg=${loadavg()[0].toFixed(2)}`,
    ].join(' '));
  } finally {
    clearInterval(sampler);
    // The workspace's cache holds the portal's contacts (250 MB at a million): never left in the temp folder.
    rmSync(workspace.root, { recursive: true, force: true });
  }
}

/** The memory the finished snapshot takes when read from the cache, measured in a fresh process (bench/fetch-loaded.ts). */
async function loadedMemory(root: string): Promise<{ loaded_rss_mb: number; load_peak_mb: number }> {
  // A preview reads the cache with the same settings (its environment is this process's).
  const out = await childOutput([...CLI_FLAGS, '--expose-gc', '-r', join(__dirname, '..', 'test', 'support', 'register-ts.cjs'), join(__dirname, 'fetch-loaded.ts'), root], 'bench/fetch-loaded.ts');
  return JSON.parse(out.trim().split('\n').pop() ?? '') as { loaded_rss_mb: number; load_peak_mb: number };
}

/** What node prints on stdout when run with `nodeArgs` (passed on as it comes when `echo`); an error naming `what` when it does not end with 0. */
function childOutput(nodeArgs: string[], what: string, echo = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (echo) process.stdout.write(chunk);
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${what} ended with ${signal ?? `exit code ${code}`}`))));
  });
}

/** How long each load phase lasted: from its first progress report to the next phase's first (or `end`). */
function phaseTimer(): { see(p: Progress): void; end(): void; ms(phase: Progress['phase']): number; current(): string } {
  const spent = new Map<string, number>();
  let current: { phase: string; since: number } | undefined;
  const close = () => {
    if (current) spent.set(current.phase, (spent.get(current.phase) ?? 0) + Date.now() - current.since);
    current = undefined;
  };
  return {
    see(p) {
      if (current?.phase === p.phase) return;
      close();
      current = { phase: p.phase, since: Date.now() };
    },
    end: close,
    ms: (phase) => spent.get(phase) ?? 0,
    current: () => current?.phase ?? 'start',
  };
}

/** An option's file, made absolute (the emulator's process writes it); undefined when the option is not given. */
function argPath(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith('--')) {
    console.error(`${name} needs a file name`);
    process.exit(2);
  }
  return resolve(value);
}

function argText(name: string, fallback: string, allowed: string[]): string {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (!allowed.includes(value)) {
    console.error(`${name} is one of ${allowed.join(', ')}; got "${value}"`);
    process.exit(2);
  }
  return value;
}

/**
 * V8's live heap and the memory outside it that JS objects hold (array buffers, and external strings:
 * a dictionary's text made from a buffer, past about 1 MB, is one) after a full GC (`--expose-gc`, set
 * by `npm run bench:fetch`).
 */
function liveBytes(): number {
  if (!global.gc) throw new Error('bench:fetch needs node --expose-gc (run it with npm run bench:fetch)');
  global.gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

// Measured as the CLI runs a fetch: with hslist's node settings (bin/node-settings.js), started again with them when they are missing.
/** The figures `--runs` sums up, and the goals each run is held to (issue 15). */
const RUN_FIGURES = ['fetch_ms', 'ratio_vs_least_time', 'peak_rss_growth_mb', 'loaded_rss_mb', 'ratio_rss_vs_loaded', 'ratio_rss_vs_retained', 'ratio_rss_vs_snapshot', 'gc_ms', 'cpu_ms', 'steal_ms'];
const RUN_GOALS = [
  { name: 'time_goal', figure: 'ratio_vs_least_time', met: (v: number) => v <= 1.1 },
  { name: 'memory_goal', figure: 'ratio_rss_vs_loaded', met: (v: number) => v < 1.5 },
];

/** `--runs N`: this benchmark N times, each in a fresh process with this one's node arguments and settings; then the line over them. */
async function repeated(runs: number): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  args.splice(at, 2);
  const lines: string[] = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`== run ${run} of ${runs}`);
    lines.push(await oneRun([...process.execArgv, __filename, ...args], `run ${run} of ${runs}`));
  }
  console.log(runsSummary('fetch-runs', lines, RUN_FIGURES, RUN_GOALS, ['peak_phase'], ['phase_peaks_mb']) + ` contacts=${CONTACTS} workspace=${WORKSPACE}`);
}

/** Runs one measure in a child process, passing its report on; its summary line, or an error naming the run. */
async function oneRun(nodeArgs: string[], name: string): Promise<string> {
  const out = await childOutput(nodeArgs, `${name} of bench:fetch`, true);
  const summary = out.split('\n').reverse().find((l) => l.startsWith('bench=fetch '));
  if (!summary) throw new Error(`${name} of bench:fetch printed no summary line`);
  return summary;
}

relaunch(__filename, () =>
  void (RUNS > 1 ? repeated(RUNS) : main()).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  }),
);
