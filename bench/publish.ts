// `npm run bench:publish [-- --lists N]`: publishing N seeded lists with cross-references (several
// levels deep) and nested folders to the HubSpot emulator enforcing HubSpot's Professional limit (190
// requests per ten seconds), through the real SDK and the pacer. Reported against the limit itself:
// the total time over the least time the limit allows for the requests sent, the requests sent over
// the least number a fresh portal needs, failed requests and 429s; then a plan of the same N lists,
// unchanged: how many requests it takes. The last line is one summary line of name=value figures.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHubSpotAccount } from '../server/src/hubspot/account/account';
import { defaultSchema } from '../server/src/language/schema';
import { analyzeWorkspace } from '../server/src/language/workspace';
import { applyPublish, planPublish } from '../server/src/publish/session';
import { startHubSpotEmulator } from '../server/src/sandbox/hubspot/server';
import { publishBenchWorkspace } from './data/publish-lists';
import { argNumber } from './preview-args';

const LISTS = argNumber('--lists', 200);
const SEED = argNumber('--seed', 11);
const TOKEN = 'pat-na1-bench-publish-0b1c';
const LIMIT = 190;
const WINDOW_MS = 10_000;

async function main(): Promise<void> {
  const emulator = await startHubSpotEmulator({ seed: 5, contacts: 100, tokens: [TOKEN], rateLimits: { tenSecondMax: LIMIT }, processingDelayMs: 0 });
  const root = mkdtempSync(join(tmpdir(), 'hslist-bench-publish-'));
  const text = publishBenchWorkspace(LISTS, SEED);
  writeFileSync(join(root, 'hslist.json'), '{}\n');
  const workspace = { root, analysis: analyzeWorkspace([{ path: join(root, 'bench.hslist'), text }], defaultSchema()), schema: defaultSchema(), defaultTimezone: 'UTC' };
  const account = createHubSpotAccount({ accessToken: TOKEN, basePath: emulator.url });
  try {
    const started = Date.now();
    const planned = await planPublish(workspace, account);
    const outcome = await applyPublish(planned, account, { concurrency: 8 });
    const applyMs = Date.now() - started;
    const sent = emulator.requests.length;
    const limited = emulator.requests.filter((r) => r.status === 429).length;
    const failedRequests = emulator.requests.filter((r) => typeof r.status !== 'number' || r.status >= 400).length;
    const folders = outcome.foldersCreated.length;
    const searchPages = Math.ceil((emulator.state.lists.size - LISTS + 1) / 500);
    const leastRequests = 1 + searchPages + 1 + folders + LISTS; // account-info, list search, folder tree, each folder, each list
    const leastMs = Math.floor((sent - 1) / LIMIT) * WINDOW_MS;
    emulator.requests.length = 0;
    const unchanged = await planPublish(workspace, account);
    const planRequests = emulator.requests.length;
    const allUnchanged = unchanged.plan.entries.every((e) => e.status === 'unchanged');
    const ratio = leastMs > 0 ? applyMs / leastMs : Number.NaN;
    console.log(`apply of ${LISTS} lists (${folders} folders, dependency order, concurrency 8) against ${LIMIT} requests / 10 s: ${(applyMs / 1000).toFixed(2)} s`);
    console.log(`  the least time the limit allows for ${sent} requests: ${(leastMs / 1000).toFixed(2)} s (ratio ${ratio.toFixed(3)}, goal ≤ 1.1)`);
    console.log(`  requests: ${sent} sent, ${leastRequests} the least a fresh portal needs (ratio ${(sent / leastRequests).toFixed(3)}); ${limited} answered 429, ${failedRequests} failed; lists failed: ${outcome.failed.length}`);
    console.log(`  lists applied ${outcome.applied.length}, skipped ${outcome.skipped.length}`);
    console.log(`plan of ${LISTS} unchanged lists: ${planRequests} requests (${allUnchanged ? 'all unchanged' : 'NOT ALL UNCHANGED'})`);
    console.log([
      'bench=publish', `lists=${LISTS}`, `folders=${folders}`, `apply_ms=${applyMs}`, `least_ms=${leastMs}`, `ratio_vs_least_time=${ratio.toFixed(3)}`,
      `requests=${sent}`, `least_requests=${leastRequests}`, `ratio_vs_least_requests=${(sent / leastRequests).toFixed(3)}`, `status_429=${limited}`,
      `failed_requests=${failedRequests}`, `failed_lists=${outcome.failed.length}`, `plan_unchanged_requests=${planRequests}`, `load_avg=${loadavg()[0].toFixed(2)}`,
    ].join(' '));
    if (outcome.failed.length > 0 || !allUnchanged) process.exitCode = 1;
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
