// `npm run bench:preview [-- --contacts N]`: the preview engine against DuckDB and the reference
// interpreter, on the same seeded contacts, each measured in its own process in this run.
// The last line is one summary line of name=value figures.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { argNumber } from './preview-args';

const contacts = argNumber('--contacts', 1_000_000);
const seed = argNumber('--seed', 7);

// The steps load our TypeScript with the repository's own loader (esbuild per file): under tsx's
// require hook the grammar's parser (chevrotain, ESM-only) does not load. esbuild compiles in a child
// process, not in a worker thread (ESBUILD_WORKER_THREADS=0): a worker is a second V8 heap, whose
// memory reducer gives memory back at a moment of its choosing, inside the RSS the steps measure
// (bench/fetch-kit.ts, requireOneHeap).
const LOADER = join(__dirname, '..', 'test', 'support', 'register-ts.cjs');

function step(file: string): Record<string, number | boolean | number[]> {
  const r = spawnSync(process.execPath, ['--expose-gc', '--require', LOADER, join(__dirname, file), '--contacts', String(contacts), '--seed', String(seed)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, ESBUILD_WORKER_THREADS: '0' },
  });
  if (r.status !== 0) {
    console.error(`${file} failed:\n${r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

const fmt = (n: unknown) => (typeof n === 'number' ? (Number.isInteger(n) ? String(n) : n.toFixed(2)) : String(n));

const loadBefore = loadavg()[0];
const build = step('preview-build.ts');
console.log(`data: ${contacts} contacts × 30 properties, seed ${seed} (${build.cached ? 'cached' : 'generated'}; build peak RSS ${fmt(build.build_peak_rss_mb)} MB; snapshot file ${fmt(build.snapshot_mb)} MB)`);
console.log(`machine load (1-minute average) at start: ${loadBefore.toFixed(2)}; at the end: see load_avg below (the bars assume an idle machine)`);
const engine = step('preview-engine.ts');
const duck = step('preview-duckdb.ts');
const refresh = step('preview-refresh.ts');
const same = engine.count === duck.duckdb_count && engine.count === engine.reference_count;
console.log(`matches: engine ${engine.count}, DuckDB ${duck.duckdb_count}, reference ${engine.reference_count} — ${same ? 'equal' : 'DIFFERENT'}`);
console.log(`funnel: ${(engine.funnel as number[]).join(' → ')}`);
console.log(`snapshot load: ${fmt(engine.snapshot_load_ms)} ms (bar < 3000)`);
console.log(`parsing the list's text (not part of the evaluation figures): ${fmt(engine.parse_ms)} ms`);
console.log(`first evaluation after load: ${fmt(engine.first_eval_ms)} ms`);
console.log(`full evaluation (cold clause cache, median of 5): ${fmt(engine.full_eval_ms)} ms; DuckDB query (median of 5, ${duck.duckdb_threads} threads): ${fmt(duck.duckdb_ms)} ms`);
console.log(`one-clause re-evaluation (plan + evaluate, median of 5): number clause ${fmt(engine.reeval_ms)} ms, email-domain clause ${fmt(engine.reeval_string_ms)} ms (bar < 10)`);
console.log(`enter/leave against ${fmt(Math.ceil(contacts / 7))} published members: reading them ${fmt(engine.members_ms)} ms (once per load), comparing ${fmt(engine.diff_ms)} ms (each evaluation)`);
console.log(`live refresh with ${fmt(refresh.refresh_modified)} modified contacts (${fmt(refresh.refresh_new)} of them new; three properties each, new emails among them): store patched in place ${fmt(refresh.refresh_ms)} ms (bar < 300); by copying every row into a new store (the former way) ${fmt(refresh.refresh_copy_ms)} ms${refresh.refresh_ok ? '' : ' — MERGE WRONG'}`);
console.log(`refresh memory: the loaded snapshot takes ${fmt(refresh.refresh_snapshot_rss_mb)} MB of RSS; the patch's peak adds ${fmt(refresh.refresh_peak_growth_mb)} MB: ${fmt(refresh.refresh_rss_ratio)}× the snapshot's (bar < 1.5)`);
console.log(`reference interpreter: ${fmt(engine.reference_ms)} ms; engine peak RSS ${fmt(engine.peak_rss_mb)} MB (bars: < 400 at 1M, < 3000 at 10M)`);
/** A figure per million contacts: linear growth keeps it the same at 1M and 10M. */
const perMillion = (n: unknown) => (n as number) / (contacts / 1e6);
const ratioDuck = (engine.full_eval_ms as number) / (duck.duckdb_ms as number);
const ratioRef = (engine.full_eval_ms as number) / (engine.reference_ms as number);
console.log(
  [
    `contacts=${contacts}`, `count=${engine.count}`, `counts_equal=${same}`, `full_eval_ms=${fmt(engine.full_eval_ms)}`,
    `duckdb_ms=${fmt(duck.duckdb_ms)}`, `ratio_vs_duckdb=${(ratioDuck).toFixed(3)}`, `reference_ms=${fmt(engine.reference_ms)}`,
    `ratio_vs_reference=${ratioRef.toFixed(4)}`, `reeval_ms=${fmt(engine.reeval_ms)}`, `reeval_string_ms=${fmt(engine.reeval_string_ms)}`, `diff_ms=${fmt(engine.diff_ms)}`,
    `refresh_ms=${fmt(refresh.refresh_ms)}`, `refresh_copy_ms=${fmt(refresh.refresh_copy_ms)}`, `ratio_refresh_vs_copy=${((refresh.refresh_ms as number) / (refresh.refresh_copy_ms as number)).toFixed(4)}`,
    `refresh_rss_ratio=${fmt(refresh.refresh_rss_ratio)}`, `snapshot_load_ms=${fmt(engine.snapshot_load_ms)}`, `peak_rss_mb=${fmt(engine.peak_rss_mb)}`,
    `eval_ms_per_million=${fmt(perMillion(engine.full_eval_ms))}`, `load_ms_per_million=${fmt(perMillion(engine.snapshot_load_ms))}`, `rss_mb_per_million=${fmt(perMillion(engine.peak_rss_mb))}`,
    `snapshot_mb_per_million=${fmt(perMillion(build.snapshot_mb))}`, `load_avg=${loadavg()[0].toFixed(2)}`,
  ].join(' '),
);
if (!same || !refresh.refresh_ok) process.exitCode = 1;
