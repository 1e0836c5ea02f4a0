// Page views in the live source: each contact's e_visited_page events come from the Events API (through
// the real SDK, from the emulator), asked only for contacts whose hs_analytics_num_page_views is above 0
// or unknown; counts equal the emulator's own membership of the same lists. A refresh asks again only
// contacts whose view count changed; a portal without the Events API (403) leaves the conditions "not in
// this data" with HubSpot's answer; an error for one contact is retried, or named and left unknown.

import { strict as assert } from 'node:assert';
import type { Progress } from '../../../server/src/preview/hubspot/fetch-contacts';
import { PAGE_VIEWS_OVERLAP_MS } from '../../../server/src/preview/hubspot/page-views';
import { READ_CONCURRENCY } from '../../../server/src/hubspot/account/parallel-reads';
import { loadPreviewData, previewList, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';
import { startHubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { emulatorCount as emulatorCountOf, liveWorkspace, previewResult, requestsTo, START, startLive, TOKEN, type LiveHarness } from './support';

const LISTS = `
list "Pricing" {
  where visited page "https://www.example.com/pricing"
}

list "Pricing anywhere" {
  where visited page containing "/PRICING"
}

list "Blog" {
  where visited page matching "https://www\\\\.example\\\\.com/blog/.*"
}

list "Pricing three times" {
  where visited page containing "/pricing" at least 3 times
}

list "Pricing lately" {
  where visited page containing "/pricing" in last 10 days
}

list "Never pricing" {
  where not visited page containing "/pricing"
}
`;

const NAMES = ['Pricing', 'Pricing anywhere', 'Blog', 'Pricing three times', 'Pricing lately', 'Never pricing'];
const EVENTS = /^\/events\/v3\/events$/;
const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(START - daysAgo * DAY).toISOString();
const PRICING = 'https://www.example.com/pricing';

/** Views of the k-th contact: none for a quarter, one pricing view, three pricing views over 40 days, or blog posts (and a tagged pricing URL). */
function viewsFor(k: number): NonNullable<PortalContact['pageViews']> {
  if (k % 4 === 0) return [];
  if (k % 4 === 1) return [{ url: PRICING, timestamp: at(k % 20) }];
  if (k % 4 === 2) return [at(1), at(5), at(40)].map((timestamp) => ({ url: PRICING, timestamp }));
  const blog = [{ url: `https://www.example.com/blog/post-${k}`, timestamp: at(k % 50) }];
  return k % 8 === 3 ? [...blog, { url: 'https://www.example.com/Pricing?utm_source=x', timestamp: at(3) }] : blog;
}

/** Every live contact with its views, except every tenth, which keeps no hs_analytics_num_page_views at all. */
function seedViews(h: LiveHarness): { withViews: Set<string>; withoutCount: Set<string> } {
  const live = [...h.emulator.state.contacts.values()].filter((c) => !c.archived);
  const withViews = new Set<string>();
  const withoutCount = new Set<string>();
  live.forEach((c, k) => {
    if (k % 10 === 9) return void withoutCount.add(c.id);
    const pageViews = viewsFor(k);
    if (pageViews.length > 0) withViews.add(c.id);
    h.emulator.state.upsertContact({ ...c, pageViews });
  });
  return { withViews, withoutCount };
}

describe('preview: page views from the live HubSpot source', function () {
  this.timeout(30_000);
  let h: LiveHarness;
  let ws: PreviewWorkspace;
  let data: PreviewData;
  let seeded: ReturnType<typeof seedViews>;
  const progress: Progress[] = [];
  const result = (name: string) => previewResult(h, ws, data, name);
  const reads = () => requestsTo(h.emulator, 'GET', EVENTS).map((r) => new URLSearchParams(r.query));

  before(async () => {
    h = await startLive(200);
    seeded = seedViews(h);
    ws = liveWorkspace(LISTS);
    const loaded = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress: (p) => progress.push(p) });
    assert.ok(!('error' in loaded), 'error' in loaded ? loaded.error : '');
    data = loaded;
  });
  after(async () => h.emulator.stop());

  it('asks only the contacts with page views or without a view count, once each, over all time, with progress', () => {
    const asked = reads().map((q) => q.get('objectId')!);
    assert.deepEqual(new Set(asked), new Set([...seeded.withViews, ...seeded.withoutCount]));
    assert.equal(asked.length, seeded.withViews.size + seeded.withoutCount.size, 'one request each (no contact has 100 views)');
    assert.ok(reads().every((q) => q.get('objectType') === 'contact' && q.get('eventType') === 'e_visited_page' && q.get('occurredAfter') === null));
    const phase = progress.filter((p) => p.phase === 'pageViews');
    assert.deepEqual([phase[0].done, phase.at(-1)!.done, phase.at(-1)!.total], [0, asked.length, asked.length]);
    assert.deepEqual(phase.map((p) => p.done), Array.from({ length: asked.length + 1 }, (_, i) => i), 'read a few at a time, progress counts each finished contact once and only grows');
  });

  it('counts equal the emulator\'s own membership of each list (is, containing, matching, at least N times, in last N days, not)', async () => {
    for (const name of NAMES) {
      const r = result(name);
      assert.ok(r.count > 0, name);
      assert.equal(r.complete, true, name);
      assert.equal(r.count, await emulatorCountOf(h, ws, name), name);
    }
    assert.ok(result('Pricing lately').count < result('Pricing anywhere').count, 'the window leaves some viewers out');
  });

  it('an incremental refresh asks again only the contact whose view count changed, from its last read less the margin', async () => {
    const before = reads().length;
    h.tick(3_600_000);
    const stamp = new Date(h.now()).toISOString();
    // A blog reader who never viewed a pricing page views one now.
    const viewer = [...seeded.withViews].map((id) => h.emulator.state.contacts.get(id)!).find((c) => !c.pageViews!.some((v) => /\/pricing/i.test(v.url)))!;
    h.emulator.state.upsertContact({ ...viewer, pageViews: [...viewer.pageViews!, { url: PRICING, timestamp: new Date(h.now() - 60_000).toISOString() }], properties: { ...viewer.properties, lastmodifieddate: stamp }, updatedAt: stamp });
    const other = [...h.emulator.state.contacts.values()].find((c) => !c.archived && c.id !== viewer.id && seeded.withViews.has(c.id))!;
    h.modify(other.id, { firstname: 'Renamed' });
    const countBefore = result('Pricing lately').count;
    const refreshed = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
    assert.ok(!('error' in refreshed));
    assert.equal(refreshed.refresh?.mode, 'incremental');
    data = refreshed;
    const again = reads().slice(before);
    assert.deepEqual(again.map((q) => [q.get('objectId'), q.get('occurredAfter')]), [[viewer.id, new Date(START - PAGE_VIEWS_OVERLAP_MS).toISOString()]]);
    assert.equal(result('Pricing lately').count, countBefore + 1);
    for (const name of NAMES) assert.equal(result(name).count, await emulatorCountOf(h, ws, name), name);
  });
});

describe('preview: the widest page-view window', function () {
  this.timeout(20_000);
  it('asks from the start of the widest `in last N days` when every list has one', async () => {
    const h = await startLive(60);
    try {
      seedViews(h);
      const ws = liveWorkspace('list "A" {\n  where visited page containing "/pricing" in last 10 days\n}\nlist "B" {\n  where visited page containing "/blog" in last 30 days\n}\n');
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
      assert.ok(!('error' in data));
      const after = new Set(requestsTo(h.emulator, 'GET', EVENTS).map((r) => new URLSearchParams(r.query).get('occurredAfter')));
      assert.deepEqual([...after], [at(30)]);
      for (const name of ['A', 'B']) assert.equal(previewResult(h, ws, data, name).count, await emulatorCountOf(h, ws, name), name);
    } finally {
      await h.emulator.stop();
    }
  });
});

describe('preview: page views HubSpot answers with an error', function () {
  this.timeout(30_000);
  it('a 500 is retried; a 400 for one contact leaves that contact unknown and named in a note, the others load', async () => {
    const h = await startLive(80);
    try {
      seedViews(h);
      h.emulator.faults.add({ type: 'status', status: 500, path: '/events/v3/events', count: 2 });
      // Once the first contact is read, the second one's read is refused.
      const refuseSecond = (p: Progress) => {
        if (p.phase === 'pageViews' && p.done === 1) h.emulator.faults.add({ type: 'status', status: 400, path: '/events/v3/events' });
      };
      const ws = liveWorkspace(LISTS);
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress: refuseSecond });
      assert.ok(!('error' in data));
      // Contacts are read a few at a time, so which contacts met the faults depends on who came first.
      const asked = requestsTo(h.emulator, 'GET', EVENTS);
      const statuses = asked.map((r) => r.status);
      assert.deepEqual([statuses.filter((s) => s === 500).length, statuses.filter((s) => s === 400).length], [2, 1], 'two 500s and one refusal');
      const objectOf = (r: (typeof asked)[number]) => new URLSearchParams(r.query).get('objectId');
      const refused = objectOf(asked.find((r) => r.status === 400)!);
      for (const failed of asked.filter((r) => r.status === 500)) assert.ok(asked.some((r) => r.status === 200 && objectOf(r) === objectOf(failed)), 'a contact answered 500 is asked again and read');
      assert.equal(data.report.notes?.length, 1);
      assert.match(data.report.notes![0], new RegExp(`^page views of 1 contact could not be read and count as unknown \\(#${refused}: HubSpot said 400 Bad Request: `));
      const p = previewResult(h, ws, data, 'Pricing anywhere');
      assert.equal(p.maxCount - p.count, 1, 'that one contact is undecided, never "no"');
      assert.match(p.notPreviewable[0].reason, /^page views are not in this data for some contacts/);
    } finally {
      await h.emulator.stop();
    }
  });
});

describe('preview: a portal without the Events API (no Enterprise subscription)', function () {
  this.timeout(20_000);
  it('names HubSpot\'s 403 and counts the contacts as unknown, never as "no"; the rest of the preview loads', async () => {
    const emulator = await startHubSpotEmulator({ seed: 23, contacts: 60, tokens: [TOKEN], clock: () => START, processingDelayMs: 0, eventsApi: false });
    try {
      const ws = liveWorkspace(`${LISTS}\nlist "Known emails" {\n  where email is known\n}\n`);
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: { accessToken: TOKEN, basePath: emulator.url, numberOfApiCallRetries: 0, throttle: false } }, { now: () => START });
      assert.ok(!('error' in data));
      // Contacts are read a few at a time: the first 403 starts no further read, the ones in flight end.
      const asked = requestsTo(emulator, 'GET', EVENTS);
      assert.ok(asked.length >= 1 && asked.length <= READ_CONCURRENCY, `${asked.length} reads`);
      assert.ok(asked.every((r) => r.status === 403));
      const p = previewList(ws, data, 'Pricing', { now: START });
      assert.ok(!('error' in p));
      assert.deepEqual([p.result.count, p.result.maxCount, p.result.complete], [0, p.result.total, false]);
      assert.match(p.result.notPreviewable[0].reason, /^page views are not in this data \(HubSpot refused the page views: HubSpot said 403 Forbidden: The Events API requires a Marketing, Sales, Service, Content or Data Hub Enterprise subscription/);
      const known = previewList(ws, data, 'Known emails', { now: START });
      assert.ok(!('error' in known));
      assert.ok(known.result.complete && known.result.count > 0);
    } finally {
      await emulator.stop();
    }
  });
});
