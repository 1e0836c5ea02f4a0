// `npm run bench:hostile`: time, memory and output size on hostile input (seeded; nothing committed):
//   - `hslist check` of a 3,000- and a 4,000-list `in list` cycle (each in its own process, for its
//     peak RSS): before, 4.2 s / 597 MB / 105 MB of output, and 20.8 s;
//   - one unknown property of 300,000 characters (before: 34.7 s of edit distance);
//   - ~400 KB of lists that each name a misspelt list (did-you-mean over every name; before: 6.6 s);
//   - the language server's message loop during the analysis of a 1,000-list cycle: how long a
//     request waits (before: blocked 7.1 s).
// Reference, same run: JSON.parse of a JSON text as large as each input, and the round trip of
// `hslist/ping` on the idle server. Each case has a budget; the output ends with ONE summary line.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient, uriOf } from '../test/lsp/support/lsp-client';
import { writeCycle, writeLongProperty, writeMisspeltNames } from './hostile-inputs';

const SEED = Number(process.env.BENCH_SEED ?? 11);
const DATA = join(__dirname, '.data', 'hostile');

interface CaseResult {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  rssBeforeMb: number;
  outBytes: number;
  exit: number;
  inputBytes: number;
  jsonMs: number;
}

/**
 * name, writer, budget: CPU ms (steadier than wall time on a shared 2-core machine; both are printed),
 * peak RSS MB (the process starts at about 100 MB), output KB.
 */
const CASES: [string, (dir: string) => number, { ms: number; rssMb: number; outKb: number }][] = [
  ['cycle3000', (dir) => writeCycle(dir, SEED, 3000), { ms: 3000, rssMb: 400, outKb: 2048 }],
  ['cycle4000', (dir) => writeCycle(dir, SEED + 1, 4000), { ms: 4000, rssMb: 400, outKb: 2048 }],
  ['property300k', (dir) => writeLongProperty(dir, SEED + 2, 300_000), { ms: 1000, rssMb: 300, outKb: 4 }],
  ['names400kb', (dir) => writeMisspeltNames(dir, SEED + 3, 400_000), { ms: 3000, rssMb: 400, outKb: 2048 }],
];

function runCase(dir: string): CaseResult {
  const child = spawnSync(process.execPath, ['-r', join(__dirname, '../test/support/register-ts.cjs'), join(__dirname, 'hostile-case.ts'), dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`bench: case ${dir} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as CaseResult;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Pings the server back to back until `done` settles; each ping's wait is how long the loop was busy. */
async function pingWhile(client: LspClient, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.then(() => (finished = true));
  const waits: number[] = [];
  while (!finished) {
    const start = performance.now();
    await client.request('hslist/ping', {});
    waits.push(performance.now() - start);
  }
  return waits;
}

/** The server with a 1,000-list cycle in 10 files: request waits while it analyses them, and while a file is edited. */
async function serverLoop(): Promise<{ idle: number; analysisMax: number; analysisP95: number; editMax: number; analysed: number }> {
  const dir = join(DATA, 'lsp-cycle1000');
  writeCycle(dir, SEED + 4, 1000);
  const files = readdirSync(dir).filter((f) => f.endsWith('.hslist'));
  const client = await LspClient.start(dir);
  try {
    const all = Promise.all(files.map((f) => client.diagnostics(uriOf(join(dir, f)), (d) => d.length > 0, 120_000)));
    const t = performance.now();
    const analysis = await pingWhile(client, all);
    const analysed = performance.now() - t;
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await client.request('hslist/ping', {});
      idle.push(performance.now() - s);
    }
    const path = join(dir, files[0]);
    const text = readFileSync(path, 'utf8');
    const { uri } = client.open(path, text);
    await client.diagnosticsOfVersion(uri, 1, 60_000);
    const edits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const version = client.change(uri, i % 2 === 0 ? text.replace('in list', 'in list "Nowhere" or in list') : text);
      edits.push(...(await pingWhile(client, client.diagnosticsOfVersion(uri, version, 60_000))));
      await pause(20);
    }
    return { idle: quantile(idle, 0.5), analysisMax: Math.max(...analysis), analysisP95: quantile(analysis, 0.95), editMax: Math.max(...edits), analysed };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const summary: Record<string, string> = { bench: 'hostile', seed: String(SEED) };
  let budgetsMet = true;
  let worstRatio = 0;
  for (const [name, write, budget] of CASES) {
    const dir = join(DATA, name);
    write(dir);
    const r = runCase(dir);
    const outKb = r.outBytes / 1024;
    const ratio = r.ms / r.jsonMs;
    worstRatio = Math.max(worstRatio, ratio);
    const met = r.cpuMs <= budget.ms && r.peakRssMb <= budget.rssMb && outKb <= budget.outKb;
    budgetsMet &&= met;
    console.log(
      `${name.padEnd(13)} input ${(r.inputBytes / 1024).toFixed(0).padStart(5)} KB  check ${r.ms.toFixed(0).padStart(5)} ms (CPU ${r.cpuMs.toFixed(0)} ms)  ` +
        `peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.rssBeforeMb.toFixed(0)} MB before)  output ${outKb.toFixed(1)} KB  exit ${r.exit}  ` +
        `JSON.parse same size ${r.jsonMs.toFixed(1)} ms (${ratio.toFixed(0)}x)  budget ${budget.ms} ms CPU / ${budget.rssMb} MB / ${budget.outKb} KB: ${met ? 'met' : 'MISSED'}`,
    );
    Object.assign(summary, { [`${name}_ms`]: r.ms.toFixed(0), [`${name}_cpu_ms`]: r.cpuMs.toFixed(0), [`${name}_rss_mb`]: r.peakRssMb.toFixed(0), [`${name}_out_kb`]: outKb.toFixed(1), [`${name}_vs_json_parse`]: ratio.toFixed(0) });
  }
  // Best of two runs: the longest wait is what other processes on the machine disturb most.
  const runs = [await serverLoop(), await serverLoop()];
  const loop = runs.reduce((a, b) => (a.analysisMax + a.editMax <= b.analysisMax + b.editMax ? a : b));
  const loopMet = loop.analysisMax < 500 && loop.editMax < 500;
  budgetsMet &&= loopMet;
  console.log(
    `server loop, 1,000-list cycle in 10 files (best of 2): analysed in ${loop.analysed.toFixed(0)} ms; a request waited at most ${loop.analysisMax.toFixed(0)} ms (p95 ${loop.analysisP95.toFixed(0)} ms) ` +
      `during the analysis and ${loop.editMax.toFixed(0)} ms during edits; idle ping ${loop.idle.toFixed(2)} ms; budget 500 ms: ${loopMet ? 'met' : 'MISSED'}`,
  );
  const [load1] = os.loadavg();
  Object.assign(summary, {
    lsp_wait_max_ms: loop.analysisMax.toFixed(0),
    lsp_edit_wait_max_ms: loop.editMax.toFixed(0),
    lsp_idle_ping_ms: loop.idle.toFixed(2),
    lsp_wait_vs_ping: (loop.analysisMax / Math.max(loop.idle, 0.01)).toFixed(0),
    worst_ratio_vs_json_parse: worstRatio.toFixed(0),
    load1: load1.toFixed(1),
    budgets: budgetsMet ? 'met' : 'missed',
  });
  console.log(Object.entries(summary).map(([k, v]) => `${k}=${v}`).join(' '));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
