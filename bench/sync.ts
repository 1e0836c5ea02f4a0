// `npm run bench:sync [-- --contacts N --records M]`: the sync simulator on 200,000 seeded HubSpot contacts and
// 250,000 Salesforce leads and contacts overlapping them by email (nothing large is committed: the data is
// generated, the CSVs DuckDB reads are cached in bench/.data/). Each step runs in its own process: build
// (CSV for DuckDB), engine (store, records, inclusion list, simulation, the email join alone, peak RSS),
// DuckDB (the same email join). Prints time per 100,000 records against DuckDB's, per-rule counts, and ends
// with one `name=value` summary line.

import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { argNumber } from './preview-args';

const contacts = argNumber('--contacts', 200_000);
const records = argNumber('--records', 250_000);
const seed = argNumber('--seed', 7);
const LOADER = join(__dirname, '..', 'test', 'support', 'register-ts.cjs');

type Json = Record<string, unknown>;

function step(file: string): Json {
  const r = spawnSync(process.execPath, ['--require', LOADER, join(__dirname, file), '--contacts', String(contacts), '--records', String(records), '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) {
    console.error(`${file} failed:\n${r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Json;
}

const fmt = (n: unknown): string => (typeof n === 'number' ? (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1)) : String(n));
const counts = (o: unknown): string => Object.entries(o as Record<string, number>).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${fmt(v)}`).join(', ');

const loadBefore = loadavg()[0];
const build = step('sync-build.ts');
console.log(`data: ${fmt(contacts)} HubSpot contacts × ${fmt(records)} Salesforce records, seed ${seed} (${build.cached ? 'cached' : 'generated'}); load (1-minute average) at start ${loadBefore.toFixed(2)}`);
const engine = step('sync-engine.ts');
const duck = step('sync-duckdb.ts');
const per100k = (ms: number): number => ms / ((contacts + records) / 100_000);
const simMs = engine.sim_ms as number;
const joinMs = engine.join_ms as number;
const duckMs = duck.duckdb_join_ms as number;
const joinsEqual = engine.matched === duck.duckdb_matched && engine.matched === engine.sim_matched;
console.log(`setup (not simulated): contacts into the store ${fmt(engine.store_ms)} ms, records ${fmt(engine.records_ms)} ms, inclusion list ${fmt(engine.list_ms)} ms`);
console.log(`email join: simulator ${fmt(engine.sim_matched)}, join alone ${fmt(engine.matched)}, DuckDB ${fmt(duck.duckdb_matched)} contacts matched — ${joinsEqual ? 'equal' : 'DIFFERENT'}`);
console.log(`simulation (median of 3): ${fmt(simMs)} ms = ${fmt(per100k(simMs))} ms per 100,000 records; the email join alone ${fmt(joinMs)} ms = ${fmt(per100k(joinMs))} ms per 100,000`);
console.log(`reference, DuckDB (${duck.duckdb_threads} threads, median of 5): the join ${fmt(duckMs)} ms = ${fmt(per100k(duckMs))} ms per 100,000 records (load ${fmt(duck.duckdb_load_ms)} ms)`);
console.log(`contacts: ${counts(engine.contact_outcomes)}; creates ${counts(engine.creates) || 'none'}`);
console.log(`records: ${counts(engine.record_outcomes)}; frozen ${fmt(engine.frozen)}`);
console.log(`import: ${counts(engine.import_outcomes)}`);
for (const w of engine.writes as Json[]) console.log(`writes ${w.mapping}: to Salesforce ${fmt(w.to_sf)}, to HubSpot ${fmt(w.to_hs)}, undecided ${fmt(w.undecided)}, refused ${fmt(w.refused)}`);
console.log(`peak RSS of the engine process: ${fmt(engine.peak_rss_mb)} MB (contacts generated and stored in it too)`);
console.log([
  `contacts=${contacts}`, `records=${records}`, `sim_ms=${simMs.toFixed(0)}`, `sim_ms_per_100k=${per100k(simMs).toFixed(1)}`, `join_ms=${joinMs.toFixed(0)}`,
  `duckdb_join_ms=${duckMs.toFixed(0)}`, `duckdb_ms_per_100k=${per100k(duckMs).toFixed(1)}`, `ratio_sim_vs_duckdb=${(simMs / duckMs).toFixed(2)}`, `ratio_join_vs_duckdb=${(joinMs / duckMs).toFixed(2)}`,
  `matched=${engine.matched}`, `joins_equal=${joinsEqual}`, `frozen=${engine.frozen}`, `peak_rss_mb=${(engine.peak_rss_mb as number).toFixed(0)}`, `load_avg=${loadavg()[0].toFixed(2)}`,
].join(' '));
if (!joinsEqual) process.exitCode = 1;
