// `npm run bench:parse`: parse + check speed on a generated workspace (seeded; nothing large committed).
// Figures: per-file parse+check (median, p95), the whole workspace cold, and a 2,000-line file re-checked
// after a one-line edit (the keystroke case; goals: median under 4 ms, p95 under 8 ms, also beside a busy
// process), against the same file parsed and checked whole on each edit. Reference measured in
// the same run: JSON.parse of the lists' compiled HubSpot JSON, i.e. native parsing of the same content.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { compileList } from '../server/src/hubspot/compile';
import { defaultSchema } from '../server/src/language/schema';
import { analyzeWorkspace, Workspace } from '../server/src/language/workspace';
import { generateList, generateWorkspace, seededRandom } from './workspace-gen';

const SEED = Number(process.env.BENCH_SEED ?? 42);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Keystrokes measured per pass: a p95 over 40 (its second-worst) moved by several ms between runs; 200 give a steadier tail. */
const EDITS = Number(process.env.BENCH_EDITS ?? 200);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** CPU milliseconds of the process during the last `time` call: steadier than wall time on a shared machine. */
let lastCpuMs = 0;

function time(fn: () => void): number {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return wall;
}

const fmt = (ms: number): string => ms.toFixed(2);
const schema = defaultSchema();
const files = generateWorkspace(SEED, 50, 5000);
const totalLines = files.reduce((n, f) => n + f.text.split('\n').length, 0);

// Warm up the JIT and the parser instance so the first file does not pay for start-up.
for (let i = 0; i < 3; i++) analyzeWorkspace(files, schema);

const perFile: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const file of files) perFile.push(time(() => analyzeWorkspace([file], schema)));
}
const workspaceRuns: number[] = [];
for (let round = 0; round < ROUNDS; round++) workspaceRuns.push(time(() => analyzeWorkspace(files, schema)));

// A 2,000-line file edited line by line inside the workspace, as the editor does on each keystroke.
const r = seededRandom(SEED + 1);
// 80 lists of 25 lines: a HubSpot list holds at most 250 filters, so big files hold many lists.
const bigText = Array.from({ length: 80 }, (_, i) => generateList(r, `Big list ${i}`, 25, ['Segment 0-0', 'Segment 1-1'])).join('\n');
const bigLines = bigText.split('\n');
/** EDITS edits, each a number changed or a character typed on a line of the big file (seeded). */
const edits: string[] = [];
for (let edit = 0; edit < EDITS; edit++) {
  const line = 6 + Math.floor(r() * (bigLines.length - 10));
  const edited = bigLines.slice();
  edited[line] = /\d/.test(edited[line]) ? edited[line].replace(/\d+/, String(1000 + edit)) : `${edited[line]} `;
  edits.push(edited.join('\n'));
}

/**
 * Wall and CPU ms of re-analysing the workspace after each edit. `whole`: the reference, the big file
 * parsed and checked whole on every edit (what each re-check did before blocks were reused).
 */
function recheckRuns(whole: boolean): { wall: number[]; cpu: number[] } {
  const workspace = new Workspace(schema);
  for (const f of files) workspace.setFile(f.path, f.text);
  workspace.setFile('big.hslist', bigText);
  // Open in the editor, as the language server marks a file on didOpen: its blocks go into the memos on
  // this first analysis (not timed, as opening a file is not a keystroke). The reference reads it whole.
  workspace.setEditing('big.hslist', !whole);
  workspace.analyze();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const text of edits) {
    if (whole) workspace.cache.retainOnly(new Set(files.map((f) => f.path)));
    workspace.setFile('big.hslist', text);
    wall.push(time(() => workspace.analyze()));
    cpu.push(lastCpuMs);
  }
  return { wall, cpu };
}

const reference = recheckRuns(true);
const { wall: recheck, cpu: recheckCpu } = recheckRuns(false);
// The same beside a busy process (a CPU-bound loop on one core), as on a machine doing other work.
const busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 120000; while (Date.now() < end);'], { stdio: 'ignore' });
const busyRuns: number[] = [];
for (let round = 0; round < 3; round++) busyRuns.push(...recheckRuns(false).wall);
busy.kill();
// An extra figure, not the goal's: the same quiet re-check once the incremental paths have run (the three
// passes above): the loop measured first is their first use in this process, so it includes their compilation
// by the JIT, which an editor pays only on its first keystrokes.
const warm = recheckRuns(false).wall;

// Reference: JSON.parse of the compiled requests of the same lists.
const analysis = analyzeWorkspace(files, schema);
const ctx = { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' };
const json = [...analysis.files.values()].map((f) => JSON.stringify(f.tree.lists.map((l) => compileList(l, ctx).request)));
const jsonRuns: number[] = [];
for (let round = 0; round < ROUNDS; round++) jsonRuns.push(time(() => json.forEach((j) => JSON.parse(j))));
const jsonBytes = json.reduce((n, j) => n + j.length, 0);
const textBytes = files.reduce((n, f) => n + f.text.length, 0);

const workspaceMedian = quantile(workspaceRuns, 0.5);
const jsonMedian = quantile(jsonRuns, 0.5);
const recheckMedian = quantile(recheck, 0.5);
const recheckCpuMedian = quantile(recheckCpu, 0.5);
const [load1] = os.loadavg();
console.log(`workspace: ${files.length} files, ${totalLines} lines, ${textBytes} chars (compiled JSON: ${jsonBytes} chars)`);
console.log(`parse+check per file: median ${fmt(quantile(perFile, 0.5))} ms, p95 ${fmt(quantile(perFile, 0.95))} ms (${perFile.length} runs)`);
console.log(`whole workspace (cold): median ${fmt(workspaceMedian)} ms`);
const referenceMedian = quantile(reference.wall, 0.5);
const busyP95 = quantile(busyRuns, 0.95);
console.log(`2,000-line file re-checked after an edit (blocks the edit left alone reused): median ${fmt(recheckMedian)} ms wall, ${fmt(recheckCpuMedian)} ms CPU; p95 ${fmt(quantile(recheck, 0.95))} ms wall; goals median < 4 ms, p95 < 8 ms: ${recheckMedian < 4 && quantile(recheck, 0.95) < 8 ? 'met' : 'MISSED'}; load average ${load1.toFixed(1)} on ${os.cpus().length} cores`);
console.log(`the same beside a busy process: p95 ${fmt(busyP95)} ms; reference, the file parsed and checked whole on each edit: median ${fmt(referenceMedian)} ms (${(recheckMedian / referenceMedian).toFixed(2)}x)`);
console.log(`the same once the incremental paths have run (a later pass, not the goal's figure): median ${fmt(quantile(warm, 0.5))} ms, p95 ${fmt(quantile(warm, 0.95))} ms`);
console.log(`reference JSON.parse of the compiled JSON: median ${fmt(jsonMedian)} ms; workspace parse+check / JSON.parse = ${(workspaceMedian / jsonMedian).toFixed(1)}x`);
console.log(
  `bench=parse files=${files.length} lines=${totalLines} edits=${EDITS} file_median_ms=${fmt(quantile(perFile, 0.5))} file_p95_ms=${fmt(quantile(perFile, 0.95))} ` +
    `workspace_ms=${fmt(workspaceMedian)} recheck2000_median_ms=${fmt(recheckMedian)} recheck2000_p95_ms=${fmt(quantile(recheck, 0.95))} ` +
    `recheck2000_cpu_median_ms=${fmt(recheckCpuMedian)} recheck2000_busy_p95_ms=${fmt(busyP95)} recheck2000_warm_median_ms=${fmt(quantile(warm, 0.5))} recheck2000_warm_p95_ms=${fmt(quantile(warm, 0.95))} recheck2000_whole_median_ms=${fmt(referenceMedian)} ratio_recheck_vs_whole=${(recheckMedian / referenceMedian).toFixed(3)} json_parse_ms=${fmt(jsonMedian)} ratio_vs_json_parse=${(workspaceMedian / jsonMedian).toFixed(1)} ` +
    `load1=${load1.toFixed(1)} goal_median4_p95_8=${recheckMedian < 4 && quantile(recheck, 0.95) < 8 ? 'met' : 'missed'}`,
);
