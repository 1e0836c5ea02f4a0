// `npm run bench:lsp`: the language server measured through its real protocol, over stdio, the way an
// editor uses it, on a generated workspace of 50 files and 5,000 lines (seeded; nothing committed).
// Figures (p50/p95 over >= 100 samples each):
//   - completion latency: request → response, cursor at a condition start or after a property;
//   - diagnostics after an edit: didChange → the publishDiagnostics of that version. Edits come at a
//     typist's pace (one every BENCH_CADENCE_MS, default 100 ms = 10 keys/s); a faster burst is
//     coalesced by the server (at most one analysis per 50 ms), which this figure does not measure;
//   - reference, same run: the round trip of `hslist/ping` (a request that does no work), and ratios.
// Target: p95 < 20 ms for completion and for diagnostics. Output ends with ONE summary line.

import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LspClient } from '../test/lsp/support/lsp-client';
import { generateWorkspace } from './workspace-gen';

const SEED = Number(process.env.BENCH_SEED ?? 7);
const SAMPLES = Math.max(100, Number(process.env.BENCH_SAMPLES ?? 200));
const CADENCE_MS = Number(process.env.BENCH_CADENCE_MS ?? 100);
const TARGET_P95_MS = 20;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const fmt = (ms: number): string => ms.toFixed(2);
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function writeWorkspace(): { root: string; files: { path: string; text: string }[] } {
  const root = mkdtempSync(join(tmpdir(), 'hslist-bench-lsp-'));
  const files = generateWorkspace(SEED, 50, 5000).map((f) => ({ path: join(root, f.path), text: f.text }));
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.text);
  }
  return { root, files };
}

/** Cursor positions: right after `and ` (a condition starts: keywords and every property) and after a property name (its operators). */
function completionPositions(text: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^(\s+and )(\w+) /.exec(line);
    if (!m) return;
    out.push({ line: i, character: m[1].length }, { line: i, character: m[1].length + m[2].length + 1 });
  });
  return out;
}

async function timeRequests(count: number, send: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count + 10; i++) {
    const start = performance.now();
    await send(i);
    if (i >= 10) times.push(performance.now() - start); // the first 10 warm up the JIT
  }
  return times;
}

/** Toggle a typo in one condition line: every edit changes the file's diagnostics (unknown-property appears or goes). */
async function timeEdits(client: LspClient, uri: string, text: string, count: number): Promise<number[]> {
  const times: number[] = [];
  const broken = text.replace(/\n(\s+and )email /, '\n$1emaill ');
  if (broken === text) throw new Error('bench: no `and email` line to edit in the chosen file');
  for (let i = 0; i < count + 10; i++) {
    const started = performance.now();
    const version = client.change(uri, i % 2 === 0 ? broken : text);
    await client.diagnosticsOfVersion(uri, version);
    const elapsed = performance.now() - started;
    if (i >= 10) times.push(elapsed);
    await pause(Math.max(0, CADENCE_MS - elapsed));
  }
  return times;
}

async function main(): Promise<void> {
  const { root, files } = writeWorkspace();
  const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
  const client = await LspClient.start(root);
  try {
    const target = files.find((f) => /\n\s+and email /.test(f.text) && f.path.includes('file-4')) ?? files.find((f) => /\n\s+and email /.test(f.text));
    if (!target) throw new Error('bench: no file with an `and email` line');
    const { uri } = client.open(target.path, target.text);
    await client.diagnosticsOfVersion(uri, 1, 60000);
    const ping = await timeRequests(SAMPLES, () => client.request('hslist/ping', {}));
    const positions = completionPositions(target.text);
    let items = 0;
    const completion = await timeRequests(SAMPLES, async (i) => {
      const result = await client.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position: positions[i % positions.length] });
      items += result.length;
    });
    const diagnostics = await timeEdits(client, uri, target.text, SAMPLES);
    const p = (xs: number[], q: number) => quantile(xs, q);
    console.log(`workspace: ${files.length} files, ${lines} lines; edited file ${target.text.split('\n').length} lines; ${SAMPLES} samples each`);
    console.log(`reference  hslist/ping round trip   p50 ${fmt(p(ping, 0.5))} ms  p95 ${fmt(p(ping, 0.95))} ms`);
    console.log(`completion request → items         p50 ${fmt(p(completion, 0.5))} ms  p95 ${fmt(p(completion, 0.95))} ms  (${Math.round(items / (SAMPLES + 10))} items on average)`);
    console.log(`diagnostics didChange → publish    p50 ${fmt(p(diagnostics, 0.5))} ms  p95 ${fmt(p(diagnostics, 0.95))} ms  (one edit every ${CADENCE_MS} ms)`);
    const ok = p(completion, 0.95) < TARGET_P95_MS && p(diagnostics, 0.95) < TARGET_P95_MS;
    console.log(`target p95 < ${TARGET_P95_MS} ms for both: ${ok ? 'met' : 'NOT met'}`);
    const figures = {
      files: files.length,
      lines,
      samples: SAMPLES,
      ping_p50_ms: fmt(p(ping, 0.5)),
      ping_p95_ms: fmt(p(ping, 0.95)),
      completion_p50_ms: fmt(p(completion, 0.5)),
      completion_p95_ms: fmt(p(completion, 0.95)),
      diagnostics_p50_ms: fmt(p(diagnostics, 0.5)),
      diagnostics_p95_ms: fmt(p(diagnostics, 0.95)),
      completion_p95_vs_ping: (p(completion, 0.95) / p(ping, 0.95)).toFixed(1),
      diagnostics_p95_vs_ping: (p(diagnostics, 0.95) / p(ping, 0.95)).toFixed(1),
      target_met: ok ? 'yes' : 'no',
    };
    console.log(Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' '));
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
