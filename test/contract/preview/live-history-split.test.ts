// History only for the contacts that need it (fetch-with-history.ts), against the emulator with the
// real SDK, proved with the emulator's request log: a workspace whose history filters are `updated in
// last N days` windows pages contacts at 100 without history and reads the history of only the contacts
// modified inside the widest window; one with `has ever been` / `has never been` takes the cheaper of
// pages of 50 with history and that split, by HubSpot's count of the contacts their current value
// decides. Either way every count equals the emulator's own membership of the list compiled there.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { cachePaths } from '../../../server/src/preview/hubspot/cache-files';
import { rawValue } from '../../../server/src/preview/columns';
import { loadPreviewData, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import type { HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { emulatorCount, liveWorkspace, previewResult, requestsTo, startLive, type LiveHarness } from './support';

const DAY = 86_400_000;
const PAGES = /^\/crm\/v3\/objects\/contacts$/;
const BATCH_READ = /^\/crm\/v3\/objects\/contacts\/batch\/read$/;
const SEARCH = /^\/crm\/v3\/objects\/contacts\/search$/;

const load = async (h: LiveHarness, ws: PreviewWorkspace): Promise<PreviewData> => {
  const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
  assert.ok(!('error' in data), 'error' in data ? data.error : '');
  return data;
};

/** The contact pages sent: their page size and whether they asked for history. */
function pagesSent(emulator: HubSpotEmulator) {
  return requestsTo(emulator, 'GET', PAGES).map((r) => new URLSearchParams(r.query)).map((q) => ({ limit: Number(q.get('limit')), history: q.getAll('propertiesWithHistory'), properties: q.getAll('properties') }));
}

/** The ids the history batch reads asked for, each read checked to ask for history and at most 50. */
function historyReadIds(emulator: HubSpotEmulator): string[] {
  const reads = requestsTo(emulator, 'POST', BATCH_READ).map((r) => r.body as { inputs: { id: string }[]; propertiesWithHistory: string[] });
  assert.ok(reads.every((b) => b.propertiesWithHistory.length > 0 && b.inputs.length <= 50), 'history batch reads of at most 50');
  return reads.flatMap((b) => b.inputs.map((i) => i.id));
}

async function assertCountsEqualEmulator(h: LiveHarness, ws: PreviewWorkspace, data: PreviewData, names: string[]): Promise<void> {
  for (const name of names) {
    const r = previewResult(h, ws, data, name);
    assert.equal(r.complete, true, `${name}: ${JSON.stringify(r.notPreviewable)}`);
    assert.ok(r.count > 0 && r.count < r.total, `${name}: ${r.count} of ${r.total}, a count that tells`);
    assert.equal(r.count, await emulatorCount(h, ws, name), name);
  }
}

describe('preview: history only for the contacts that need it, windows only', function () {
  this.timeout(30_000);
  let h: LiveHarness;
  const windows = `
list "Stage changed lately" {
  where lifecyclestage was updated in last 90 days
}
list "Status quiet for a month" {
  where hs_lead_status was not updated in last 30 days and email is known
}
`;
  before(async () => {
    h = await startLive(300);
  });
  after(async () => h.emulator.stop());

  it('pages at 100 without history, then reads the history of only the contacts modified inside the widest window', async () => {
    const ws = liveWorkspace(windows);
    const data = await load(h, ws);
    const since = h.now() - 90 * DAY;
    const recent = [...h.emulator.state.contacts.values()].filter((c) => !c.archived && Date.parse(String(c.properties.lastmodifieddate)) >= since).map((c) => c.id);
    assert.ok(recent.length > 0 && recent.length < 100, `${recent.length} contacts modified in the last 90 days`);
    const pages = pagesSent(h.emulator);
    assert.ok(pages.length >= 3 && pages.every((p) => p.limit === 100 && p.history.length === 0), 'pages of 100, no history');
    assert.ok(pages[0].properties.includes('lastmodifieddate'));
    assert.deepEqual(historyReadIds(h.emulator).sort(), recent.sort(), 'history of exactly the recently modified contacts');
    const estimate = requestsTo(h.emulator, 'POST', SEARCH).map((r) => (r.body as { filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[] }).filterGroups);
    assert.deepEqual(estimate.find((g) => g.length > 0)?.[0].filters, [{ propertyName: 'lastmodifieddate', operator: 'LT', value: String(since) }], 'HubSpot counts the contacts the window decides');
    assert.equal(estimate.length, 2, 'the count of all contacts is asked once, then the estimate');
    assert.equal(data.history?.size, 300, 'every contact has an entry: history, or none for a decided contact');
    await assertCountsEqualEmulator(h, ws, data, ['Stage changed lately', 'Status quiet for a month']);
    const manifest = JSON.parse(readFileSync(cachePaths(ws.root).manifest, 'utf8'));
    assert.equal(manifest.needs.historyScope.windowSince, since, 'the cache says which contacts it left out');
  });

  it('a later run refreshes that cache; lists asking a value the cache could not answer fetch again, with every count right', async () => {
    const ws = liveWorkspace(windows);
    await load(h, ws);
    h.tick(60 * 60_000);
    const changed = [...h.emulator.state.contacts.values()].find((c) => c.properties.lifecyclestage === 'lead')!;
    h.modify(changed.id, { lifecyclestage: 'customer' });
    h.emulator.requests.length = 0;
    const refreshed = await load(h, ws);
    assert.equal(refreshed.refresh?.mode, 'incremental');
    const reread = historyReadIds(h.emulator);
    assert.ok(reread.includes(changed.id) && reread.length === refreshed.refresh?.fetched, 'the modified contacts\' history is read again, all of theirs');
    await assertCountsEqualEmulator(h, ws, refreshed, ['Stage changed lately', 'Status quiet for a month']);
    const wider = liveWorkspace(`${windows}\nlist "Once a customer" {\n  where lifecyclestage has ever been customer\n}\n`, ws.root);
    const again = await load(h, wider);
    assert.deepEqual([again.refresh?.mode, again.refresh?.reason], ['full', 'the lists read the history of contacts whose history the cache did not read']);
    await assertCountsEqualEmulator(h, wider, again, ['Stage changed lately', 'Status quiet for a month', 'Once a customer']);
  });
});

describe('preview: a contact deleted between its page and its history read', function () {
  this.timeout(30_000);
  it('is left out (HubSpot no longer has it), never judged with no history; the counts are the emulator\'s', async () => {
    const h = await startLive(300);
    try {
      const recent = [...h.emulator.state.contacts.values()].filter((c) => Date.parse(String(c.properties.lastmodifieddate)) >= h.now() - 90 * DAY);
      const doomed = recent[0];
      const ws = liveWorkspace('list "Stage changed lately" {\n  where lifecyclestage was updated in last 90 days\n}\nlist "Stage quiet" {\n  where lifecyclestage was not updated in last 90 days\n}\n');
      // Once every page is read, HubSpot loses one of the contacts whose history is still to be read.
      const onProgress = (p: { phase: string; done: number }) => {
        if (p.phase === 'history' && p.done === 0) h.emulator.state.upsertContact({ ...doomed, archived: true });
      };
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress });
      assert.ok(!('error' in data));
      assert.ok(requestsTo(h.emulator, 'POST', BATCH_READ).some((r) => r.status === 207), 'HubSpot named it among the batch read\'s errors');
      assert.equal(data.store.size, 299);
      assert.equal(data.history?.get(doomed.id), undefined);
      await assertCountsEqualEmulator(h, ws, data, ['Stage changed lately', 'Stage quiet']);
    } finally {
      await h.emulator.stop();
    }
  });
});

describe('preview: a contact changed, then deleted before the refresh reads its history', function () {
  this.timeout(30_000);
  it('is not merged with no history: it stays as the last fetch had it, and a note says so', async () => {
    const h = await startLive(300);
    try {
      const ws = liveWorkspace('list "Once a customer" {\n  where lifecyclestage has ever been customer\n}\n');
      const first = await load(h, ws);
      const [doomed, kept] = [...h.emulator.state.contacts.values()].filter((c) => c.properties.lifecyclestage !== 'customer' && (first.history?.get(c.id)?.lifecyclestage ?? []).some((e) => e.value === 'customer'));
      assert.ok(doomed && kept, 'two contacts that were customers once');
      const before = first.history!.get(doomed.id);
      h.tick(60_000);
      h.modify(doomed.id, { firstname: 'Gone' });
      h.modify(kept.id, { firstname: 'Kept' });
      h.tick(60_000);
      // The search has found both; HubSpot loses one before their history is read.
      const onProgress = (p: { phase: string; done: number }) => {
        if (p.phase === 'history' && p.done === 0) h.emulator.state.upsertContact({ ...h.emulator.state.contacts.get(doomed.id)!, archived: true });
      };
      const again = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress });
      assert.ok(!('error' in again), 'error' in again ? again.error : '');
      assert.equal(again.kind === 'hubspot' && again.refresh?.mode, 'incremental');
      assert.deepEqual(again.history?.get(doomed.id), before, 'its history as the last fetch read it, not an empty one');
      const row = again.store.ids.rowOf(doomed.id);
      assert.notEqual(rawValue(again.store.columns.get('firstname')!, row!), 'Gone', 'its values as the last fetch had them');
      assert.equal(rawValue(again.store.columns.get('firstname')!, again.store.ids.rowOf(kept.id)!), 'Kept');
      assert.match((again.report.notes ?? []).join('\n'), new RegExp(`A contact changed since the last fetch \\(#${doomed.id}\\) was deleted in HubSpot before its history was read`));
      const r = previewResult(h, ws, again, 'Once a customer');
      assert.equal(r.count, (await emulatorCount(h, ws, 'Once a customer')) + 1, 'the emulator no longer counts it; the preview does until the next full fetch');
    } finally {
      await h.emulator.stop();
    }
  });
});

describe('preview: has-ever and has-never get exact counts under either way of reading history', function () {
  this.timeout(30_000);
  const lists = (value: string) => `
list "Ever" {
  where lifecyclestage has ever been ${value}
}
list "Never" {
  where lifecyclestage has never been ${value} and email is known
}
list "Ever, changed lately" {
  where lifecyclestage has ever been ${value} and hs_lead_status was updated in last 60 days
}
`;

  it('few contacts decided by their current value: pages of 50 with every contact\'s history', async () => {
    const h = await startLive(300);
    try {
      // Three contacts that were evangelists once get a new lead status now.
      const evangelists = [...h.emulator.state.contacts.values()].filter((c) => c.history.lifecyclestage?.some((e) => e.value === 'evangelist'));
      assert.ok(evangelists.length >= 3, `${evangelists.length} contacts were evangelists`);
      evangelists.slice(0, 3).forEach((c) => h.modify(c.id, { hs_lead_status: 'CONNECTED' }));
      const ws = liveWorkspace(lists('evangelist'));
      const data = await load(h, ws);
      const pages = pagesSent(h.emulator);
      assert.ok(pages.length >= 6 && pages.every((p) => p.limit === 50 && p.history.length > 0), 'pages of 50 with history');
      assert.equal(historyReadIds(h.emulator).length, 0, 'no batch read of history');
      await assertCountsEqualEmulator(h, ws, data, ['Ever', 'Never', 'Ever, changed lately']);
      assert.equal(JSON.parse(readFileSync(cachePaths(ws.root).manifest, 'utf8')).needs.historyScope, undefined, 'every contact\'s history: the cache covers any list');
    } finally {
      await h.emulator.stop();
    }
  });

  it('most contacts decided by their current value: pages of 100, then the history of only the others', async () => {
    const h = await startLive(300);
    try {
      // Four contacts in five become customers (their history records the change, as HubSpot's does), three months ago.
      const contacts = [...h.emulator.state.contacts.values()];
      contacts.filter((_, i) => i % 5 !== 0).forEach((c) => h.modify(c.id, { lifecyclestage: 'customer' }));
      h.tick(90 * DAY);
      // A few of them, and a few others, get a new lead status now.
      contacts.filter((_, i) => i % 7 === 0).forEach((c) => h.modify(c.id, { hs_lead_status: 'CONNECTED' }));
      const ws = liveWorkspace(lists('customer'));
      const data = await load(h, ws);
      const since = h.now() - 60 * DAY;
      const undecided = [...h.emulator.state.contacts.values()].filter((c) => c.properties.lifecyclestage !== 'customer' || Date.parse(String(c.properties.lastmodifieddate)) >= since).map((c) => c.id);
      assert.ok(undecided.length > 0 && undecided.length < 150, `${undecided.length} undecided`);
      assert.ok(pagesSent(h.emulator).every((p) => p.limit === 100 && p.history.length === 0), 'pages of 100, no history');
      assert.deepEqual(historyReadIds(h.emulator).sort(), undecided.sort(), 'history of exactly the contacts their value and lastmodifieddate leave undecided');
      await assertCountsEqualEmulator(h, ws, data, ['Ever', 'Never', 'Ever, changed lately']);
    } finally {
      await h.emulator.stop();
    }
  });
});
