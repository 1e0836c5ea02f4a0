// `npm run bench:grammar`: lex, parse and format speed of the .hslist front end on generated files of
// 200, 2,000 and 20,000 lines (lists of 25 lines from workspace-gen's generateList), plus one ~10 MB
// file. The machine is shared, so every round measures a reference in the same moment: JSON.parse of
// a JSON document of the same size. Ratios to it are steadier than raw times under load, and so is the
// CPU time of the process (process.cpuUsage), printed beside the wall-clock medians: a run that other
// jobs' processes pushed off the core costs wall time but no CPU time.
import { performance } from 'node:perf_hooks';
import { format, parse } from '../grammar/src/index';
import { lexText } from '../grammar/src/lex';
import { generateList, seededRandom } from './workspace-gen';

const SEED = Number(process.env.BENCH_SEED ?? 7);
/** Rounds per size: more for small files, where one run is short and noise is large. */
const SIZES: { lines: number; rounds: number }[] = [
  { lines: 200, rounds: 200 },
  { lines: 2_000, rounds: 60 },
  { lines: 20_000, rounds: 10 },
];
const HUGE_BYTES = Number(process.env.BENCH_HUGE_BYTES ?? 10_000_000);
const HUGE_ROUNDS = Number(process.env.BENCH_HUGE_ROUNDS ?? 3);

interface Sample {
  lex: number[];
  parse: number[];
  format: number[];
  json: number[];
  /** CPU milliseconds of the same runs, by measure. */
  cpu: Record<'lex' | 'parse' | 'format' | 'json', number[]>;
}

/** A file of about `lines` lines: lists of 25 lines, as a big real file would hold. */
function generateText(lines: number, seed: number): string {
  const r = seededRandom(seed);
  const lists = Math.max(1, Math.round(lines / 25));
  return Array.from({ length: lists }, (_, i) => generateList(r, `List ${i}`, 25, ['List 0', 'List 1'])).join('\n');
}

/** A JSON document of at least `chars` characters shaped like compiled list filters. */
function jsonOfSize(chars: number): string {
  const filters: unknown[] = [];
  let size = 2;
  for (let i = 0; size < chars; i++) {
    const filter = { filterType: 'PROPERTY', property: `property_${i % 97}`, operation: { operator: 'IS_ANY_OF', values: [`v${i}`, 'lead'] } };
    size += JSON.stringify(filter).length + 1;
    filters.push(filter);
  }
  return JSON.stringify(filters);
}

/** Wall-clock and CPU milliseconds of one run of `fn`. */
function time(fn: () => unknown): [number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Interleaved rounds: a burst of load from other jobs hits every measure of that round alike. */
function measure(text: string, rounds: number): Sample {
  const json = jsonOfSize(text.length);
  const sample: Sample = { lex: [], parse: [], format: [], json: [], cpu: { lex: [], parse: [], format: [], json: [] } };
  const runs = { lex: () => lexText(text), parse: () => parse(text), format: () => format(text), json: () => JSON.parse(json) };
  for (let i = 0; i < rounds; i++) {
    for (const k of ['lex', 'parse', 'format', 'json'] as const) {
      const [wall, cpu] = time(runs[k]);
      sample[k].push(wall);
      sample.cpu[k].push(cpu);
    }
  }
  return sample;
}

/** Every input must parse cleanly, or the figures would time the error path. */
function checkClean(text: string, label: string): void {
  const errors = parse(text).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${label}: the generated text has ${errors.length} errors, first: ${errors[0].message}`);
}

const fmt = (ms: number): string => ms.toFixed(2);

function report(label: string, key: string, text: string, sample: Sample, summary: string[]): void {
  const lines = text.split('\n').length;
  type Measure = 'lex' | 'parse' | 'format' | 'json';
  const med = (k: Measure) => quantile(sample[k], 0.5);
  const p95 = (k: Measure) => quantile(sample[k], 0.95);
  const cpu = (k: Measure) => quantile(sample.cpu[k], 0.5);
  console.log(`${label}: ${lines} lines, ${text.length} chars, ${sample.lex.length} rounds`);
  for (const k of ['lex', 'parse', 'format', 'json'] as const) {
    const name = k === 'json' ? 'reference JSON.parse (same size)' : k;
    console.log(`  ${name.padEnd(32)} median ${fmt(med(k)).padStart(9)} ms   p95 ${fmt(p95(k)).padStart(9)} ms   CPU median ${fmt(cpu(k)).padStart(9)} ms`);
  }
  console.log(`  parse / JSON.parse = ${(med('parse') / med('json')).toFixed(1)}x`);
  summary.push(`lex${key}_ms=${fmt(med('lex'))}`, `parse${key}_ms=${fmt(med('parse'))}`, `parse${key}_p95_ms=${fmt(p95('parse'))}`);
  summary.push(`format${key}_ms=${fmt(med('format'))}`, `json${key}_ms=${fmt(med('json'))}`);
  summary.push(`parse${key}_cpu_ms=${fmt(cpu('parse'))}`, `format${key}_cpu_ms=${fmt(cpu('format'))}`, `json${key}_cpu_ms=${fmt(cpu('json'))}`);
}

function main(): void {
  const summary: string[] = ['bench=grammar'];
  const warm = generateText(2_000, SEED);
  for (let i = 0; i < 20; i++) format(warm);
  for (const { lines, rounds } of SIZES) {
    const text = generateText(lines, SEED + lines);
    checkClean(text, `${lines} lines`);
    report(`${lines.toLocaleString('en')} lines`, String(lines), text, measure(text, rounds), summary);
  }
  if (HUGE_BYTES > 0) {
    const huge = generateText(Math.ceil(HUGE_BYTES / 42.5), SEED + 1);
    report(`~${(huge.length / 1e6).toFixed(1)} MB`, 'Huge', huge, measure(huge, HUGE_ROUNDS), summary);
  }
  console.log(summary.join(' '));
}

main();
