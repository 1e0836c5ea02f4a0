// `node --expose-gc -r ./test/support/register-ts.cjs bench/fetch-loaded.ts ROOT`: the memory a preview
// holds for the finished snapshot of a live fetch, in a fresh process (bench/fetch.ts forks it once the
// fetch is over): the cached snapshot and history files of ROOT's .hslist/cache read as a preview
// reads them, the RSS they add (each reading once settled: fetch-kit.ts settledRss), and the highest RSS reading them reached. It
// prints one JSON line. This is "the finished snapshot's" memory of issue 15's fetch goal, as the
// refresh goal reads it (bench/preview-refresh.ts: the RSS the loaded snapshot takes).

import { cachePaths, readHistoryFile } from '../server/src/preview/hubspot/cache-files';
import { readSnapshot } from '../server/src/preview/snapshot';
import { maxRss, requireOneHeap, settledRss } from './fetch-kit';

async function main(): Promise<void> {
  requireOneHeap();
  const root = process.argv[2];
  if (!root) throw new Error('name the workspace root whose cache to read');
  const paths = cachePaths(root);
  const before = await settledRss();
  const maxBefore = maxRss();
  const store = readSnapshot(paths.snapshot);
  if ('error' in store) throw new Error(store.error);
  const history = readHistoryFile(paths);
  // The kernel's high-water mark counts only when reading raised it (else it is from starting up).
  const peak = maxRss() > maxBefore ? maxRss() : process.memoryUsage().rss;
  const held = await settledRss();
  // Kept referenced until measured.
  const rows = store.size + (history?.size ?? 0);
  console.log(JSON.stringify({ loaded_rss_mb: (held - before) / 1e6, load_peak_mb: (peak - before) / 1e6, rows }));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
