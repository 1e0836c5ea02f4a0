// One case of `npm run bench:hostile`, in its own process so its peak RSS is its own: runs the CLI
// in-process on a folder (`hslist check DIR`) and prints one JSON line with the wall time, CPU time,
// peak RSS, output size and exit code, and the reference measured here too: JSON.parse of a JSON text
// as large as the folder's .hslist files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../server/src/cli/main';

async function main(): Promise<void> {
  const dir = process.argv[2];
  const inputBytes = readdirSync(dir).reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
  const rssBefore = process.memoryUsage().rss;
  let outBytes = 0;
  const io = { cwd: dir, out: (t: string) => (outBytes += Buffer.byteLength(t)), err: (t: string) => (outBytes += Buffer.byteLength(t)), env: {} };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const exit = await runCli(['check', '.'], io);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  // Reference: native JSON parsing of the same amount of text (strings of list-like words).
  const json = JSON.stringify(Array.from({ length: Math.ceil(inputBytes / 40) }, (_, i) => `list number ${i} where email is known`));
  const jsonRuns = [0, 1, 2].map(() => {
    const t = performance.now();
    JSON.parse(json);
    return performance.now() - t;
  });
  const jsonMs = jsonRuns.sort((a, b) => a - b)[1];
  console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb: peakRss / 2 ** 20, outBytes, exit, inputBytes, jsonMs }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
