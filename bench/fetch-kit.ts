// What bench/fetch.ts and bench/fetch-memory.ts share: the examples/ workspace as the live preview
// reads it, and the HubSpot emulator in a child process of its own (bench/fetch-emulator.ts), so the
// measuring process's memory is the fetcher's alone.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../server/src/language/schema';
import type { PreviewWorkspace } from '../server/src/preview/run';
import type { FromEmulator, ToEmulator } from './fetch-emulator';
import { NODE_ENV, RELAUNCHED } from '../bin/node-settings';

const EXAMPLES = join(__dirname, '..', 'examples');

/**
 * The examples as the live preview reads them. `windowsOnly`: with `has ever been X` read as `is X`, so
 * their only history filter is `was updated in last 30 days` (the same lists and extras otherwise): the
 * fetch then reads history only for the contacts modified in those 30 days. `history: false` (bench:fetch
 * --workspace no-history): every history clause reads current values instead (`has ever been X` → `is X`,
 * `was updated in last N days` → `is known`), so a full fetch needs no history and may use HubSpot's CRM
 * export.
 */
export function workspaceOfExamples(options: { windowsOnly?: boolean; history?: boolean } = {}): PreviewWorkspace {
  const textOf = (f: string) => readFileSync(join(EXAMPLES, f), 'utf8');
  const text = (f: string) => (options.history === false ? withoutHistory(textOf(f)) : options.windowsOnly ? textOf(f).replace(/\bhas ever been\b/g, 'is') : textOf(f));
  const lists = readdirSync(EXAMPLES).filter((f) => f.endsWith('.hslist')).flatMap((f) => parse(text(f)).file.lists);
  // `in list "Webinar registrants"` names a list of the portal not kept as code, as schema pull catalogues it.
  const catalogue = new Map([['webinar registrants', { listId: '3', name: 'Webinar registrants', processingType: 'MANUAL', objectTypeId: '0-1' }]]);
  return { schema: { ...defaultSchema(), lists: catalogue }, lists, defaultTimezone: 'Europe/Warsaw', root: mkdtempSync(join(tmpdir(), 'hslist-bench-fetch-')) };
}

export function withoutHistory(text: string): string {
  return text
    .replace(/\bhas ever been\b/g, 'is')
    .replace(/\bhas never been\b/g, 'is not')
    .replace(/\bwas not updated in last \d+ days\b/g, 'is unknown')
    .replace(/\bwas updated in last \d+ days\b/g, 'is known');
}

/** The emulator's process: `ask` sends one message and waits for the answer of the kind named. */
export interface EmulatorProcess {
  ask<K extends FromEmulator['kind']>(message: ToEmulator, answer: K): Promise<Extract<FromEmulator, { kind: K }>>;
  tell(message: ToEmulator): void;
  child: ChildProcess;
}

export function forkEmulator(): EmulatorProcess {
  // The emulator stands in for HubSpot: it runs with node's own settings, not the fetching process's
  // (bin/node-settings.js). Under the C library's 4 KB mmap threshold its large answers each cost
  // system calls, and its slower answers at the end of a fetch were counted against the fetcher's time.
  const env = { ...process.env };
  for (const name of [...Object.keys(NODE_ENV), RELAUNCHED]) delete env[name];
  const child = fork(join(__dirname, 'fetch-emulator.ts'), [], { execArgv: ['-r', join(__dirname, '..', 'test', 'support', 'register-ts.cjs'), '--max-old-space-size=12288'], stdio: 'inherit', env });
  const ask = <K extends FromEmulator['kind']>(message: ToEmulator, answer: K) =>
    new Promise<Extract<FromEmulator, { kind: K }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the emulator process exited (${code}) before answering ${message.kind}`));
      child.once('exit', onExit);
      child.once('message', (m: FromEmulator) => {
        child.off('exit', onExit);
        if (m.kind === 'failed') reject(new Error(`the emulator failed: ${m.message}`));
        else if (m.kind !== answer) reject(new Error(`the emulator answered ${m.kind} to ${message.kind}`));
        else resolve(m as Extract<FromEmulator, { kind: K }>);
      });
      child.send(message);
    });
  return { ask, tell: (message) => child.send(message), child };
}

/**
 * Refuses to measure memory in a process where esbuild compiles TypeScript in a worker thread.
 * test/support/register-ts.cjs compiles with esbuild's transformSync, which by default runs in a
 * worker thread: a second V8 heap in the process (17 MB at a fetch's start), which the CLI and the
 * language server do not have (they run bundled). Its own memory reducer gave back about 9 MB of it at
 * a moment of its choosing, before a fetch's peak in some runs and after it in others, so the same
 * code's peak growth read 9 MB apart from run to run, and lower than the fetch's own (issue 15's memory
 * goal at 100,000 contacts, where the finished snapshot takes 20 MB). With ESBUILD_WORKER_THREADS=0
 * esbuild compiles in a child process instead (about 2 s more to start), and the process holds one heap,
 * as the CLI's does. The npm scripts of the memory benches set it; child processes inherit it.
 */
export function requireOneHeap(): void {
  if (require.extensions['.ts'] && process.env.ESBUILD_WORKER_THREADS !== '0') {
    throw new Error("this bench measures memory: run it with ESBUILD_WORKER_THREADS=0 (as its npm script does), so that no compiler thread's heap is in its figures");
  }
}

/** This process's RSS high-water mark in bytes, as the kernel keeps it (it sees synchronous stretches a timer cannot). */
export function maxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * This process's RSS once its garbage is gone: a full collection, a pause for V8's background threads
 * to hand the freed pages and array buffers back, and again. Read right after one collection, the RSS
 * of the same process in the same state was 117 or 123 MB from one run to the next (the pages were
 * given back or not yet), and every figure measured from it moved by as much.
 */
export async function settledRss(): Promise<number> {
  if (!global.gc) throw new Error('run with node --expose-gc');
  for (const pauseMs of [100, 50]) {
    global.gc();
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return process.memoryUsage().rss;
}

/** This process's resident memory by kind of mapping, in bytes (Linux's /proc/self/smaps). */
export interface MappedRss {
  /** The C library's main heap (`[heap]`): its small blocks, an HTTP answer's 64 KB chunks among them. */
  cHeap: number;
  /** Anonymous mappings: V8's pages, array buffers and the C library's large blocks, thread stacks. */
  anonymous: number;
  /** Pages of files: node's own code and the libraries it runs, first touched as they are first used. */
  files: number;
}

/**
 * The resident memory by kind of mapping, or undefined where /proc/self/smaps is not (outside Linux).
 * Reading it takes a few ms: taken when a phase's RSS reaches a new high, not on every sample. A block
 * the C library maps just past its heap's end may be joined with it by the kernel, so the first two
 * kinds can trade a few MB between readings.
 */
export function mappedRss(): MappedRss | undefined {
  const path = '/proc/self/smaps';
  if (!existsSync(path)) return undefined;
  const rss: MappedRss = { cHeap: 0, anonymous: 0, files: 0 };
  let kind: keyof MappedRss = 'anonymous';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    // A mapping's header: range, permissions, offset, device, inode, then its path or [name] if any.
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1];
      kind = name === '[heap]' ? 'cHeap' : name.startsWith('/') ? 'files' : 'anonymous';
      continue;
    }
    const resident = /^Rss:\s+(\d+) kB/.exec(line);
    if (resident) rss[kind] += Number(resident[1]) * 1024;
  }
  return rss;
}

/**
 * The machine's CPU time stolen by its host so far, in ms (the `steal` column of /proc/stat's `cpu`
 * line, in USER_HZ ticks of 10 ms), or undefined where /proc/stat is not (outside Linux). On a virtual
 * machine whose host is busy the guest waits while it seems to run: a fetch's time ratio at latency 0 is
 * bound by its CPU in the last window, and a run during which the host took seconds is slower for it.
 */
export function stolenMs(): number | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith('cpu '));
  const steal = line?.trim().split(/\s+/)[8];
  return steal === undefined ? undefined : Number(steal) * 10;
}
