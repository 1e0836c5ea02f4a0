// `npm run bench:fetch [-- --contacts N]`: the first `preview --data hubspot` of the examples/ workspace
// (its lists read history, companies and list memberships) against the HubSpot emulator holding N seeded
// contacts and enforcing HubSpot's Professional limit (190 requests per ten seconds), through the real
// SDK and the live source. Reported against the limit itself: the fetch time over the least time the
// limit allows for the requests it sent, the requests per contact, 429s, and peak memory during the fetch
// against the finished snapshot's size. The last line is one summary line of name=value figures.

import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../server/src/language/schema';
import { loadPreviewData, type PreviewWorkspace } from '../server/src/preview/run';
import { startHubSpotEmulator } from '../server/src/sandbox/hubspot/server';
import { argNumber } from './preview-args';

const CONTACTS = argNumber('--contacts', 100_000);
const SEED = argNumber('--seed', 7);
const TOKEN = 'pat-na1-bench-fetch-5e2d';
const LIMIT = 190;
const WINDOW_MS = 10_000;
const EXAMPLES = join(__dirname, '..', 'examples');
/** The emulator seeds its portal up to the start of today (its clock is the real one). */
const NOW = Date.now();

function workspaceOfExamples(): PreviewWorkspace {
  const lists = readdirSync(EXAMPLES).filter((f) => f.endsWith('.hslist')).flatMap((f) => parse(readFileSync(join(EXAMPLES, f), 'utf8')).file.lists);
  // `in list "Webinar registrants"` names a list of the portal not kept as code, as schema pull catalogues it.
  const catalogue = new Map([['webinar registrants', { listId: '3', name: 'Webinar registrants', processingType: 'MANUAL', objectTypeId: '0-1' }]]);
  return { schema: { ...defaultSchema(), lists: catalogue }, lists, defaultTimezone: 'Europe/Warsaw', root: mkdtempSync(join(tmpdir(), 'hslist-bench-fetch-')) };
}

async function main(): Promise<void> {
  const generated = Date.now();
  const emulator = await startHubSpotEmulator({ seed: SEED, contacts: CONTACTS, tokens: [TOKEN], rateLimits: { tenSecondMax: LIMIT } });
  console.log(`portal: ${CONTACTS.toLocaleString('en-US')} contacts generated in ${((Date.now() - generated) / 1000).toFixed(1)} s`);
  const workspace = workspaceOfExamples();
  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    emulator.requests.length = 0;
    const started = Date.now();
    const loaded = await loadPreviewData(workspace, { kind: 'hubspot', connection: { accessToken: TOKEN, basePath: emulator.url } }, { now: () => NOW });
    const fetchMs = Date.now() - started;
    if ('error' in loaded) throw new Error(loaded.error);
    const sent = emulator.requests.length;
    const limited = emulator.requests.filter((r) => r.status === 429).length;
    const leastMs = Math.floor((sent - 1) / LIMIT) * WINDOW_MS;
    const snapshotMb = statSync(join(workspace.root, '.hslist', 'cache', 'hubspot-contacts.snap')).size / 1e6;
    const peakMb = (peakRss - rssBefore) / 1e6;
    const kinds = new Map<string, number>();
    for (const r of emulator.requests) kinds.set(`${r.method} ${r.path.replace(/\/\d+/g, '/{id}')}`, (kinds.get(`${r.method} ${r.path.replace(/\/\d+/g, '/{id}')}`) ?? 0) + 1);
    console.log(`first fetch of ${loaded.store.size.toLocaleString('en-US')} contacts: ${(fetchMs / 1000).toFixed(1)} s, ${sent} requests (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), ${limited} answered 429`);
    console.log(`  the least time ${LIMIT} requests / 10 s allows for ${sent} requests: ${(leastMs / 1000).toFixed(1)} s (ratio ${(fetchMs / leastMs).toFixed(3)}, goal ≤ 1.1)`);
    console.log(`  memory during the fetch: +${peakMb.toFixed(0)} MB over the process at start; snapshot file ${snapshotMb.toFixed(1)} MB`);
    console.log([
      'bench=fetch', `contacts=${CONTACTS}`, `fetch_ms=${fetchMs}`, `requests=${sent}`, `requests_per_1000_contacts=${((sent / CONTACTS) * 1000).toFixed(1)}`,
      `least_ms=${leastMs}`, `ratio_vs_least_time=${(fetchMs / leastMs).toFixed(3)}`, `status_429=${limited}`, `peak_rss_growth_mb=${peakMb.toFixed(0)}`,
      `snapshot_mb=${snapshotMb.toFixed(1)}`, `load_avg=${loadavg()[0].toFixed(2)}`,
    ].join(' '));
  } finally {
    clearInterval(sampler);
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
