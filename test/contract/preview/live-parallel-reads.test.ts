// Id-based reads a few at a time (parallel-reads.ts) against an emulator that takes a while to answer, as
// a real HubSpot does: the same workspace loaded with one read after another (`readConcurrency: 1`) and
// with the default gives the same requests, byte for byte the same snapshot, history and extras files,
// and counts equal the emulator's own membership of each list compiled there.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { READ_CONCURRENCY } from '../../../server/src/hubspot/account/parallel-reads';
import { cachePaths } from '../../../server/src/preview/hubspot/cache-files';
import { recordAt } from '../../../server/src/preview/explain';
import { readSnapshot } from '../../../server/src/preview/snapshot';
import { loadPreviewData, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { emulatorCount, liveWorkspace, previewResult, startLive, type LiveHarness } from './support';

const LISTS = (newsletter: string) => `
list "Newsletter" {
  where in list #${newsletter} or in list #999999
}
list "Stage changed lately" {
  where lifecyclestage was updated in last 90 days
}
list "Software buyers" {
  where associated company where industry is any of (FINANCIAL_SERVICES, AUTOMOTIVE)
}
list "Big deals" {
  where associated deal where amount > 20000
}
list "Urgent tickets" {
  where associated ticket where hs_ticket_priority is any of (HIGH, URGENT)
}
list "Any form lately" {
  where submitted any form in last 365 days
}
list "Pricing" {
  where visited page containing "/pricing"
}
list "Newsletter subscribers" {
  where opted in to email subscription #81537745 and email is known
}
`;
const NAMES = ['Newsletter', 'Stage changed lately', 'Software buyers', 'Big deals', 'Urgent tickets', 'Any form lately', 'Pricing', 'Newsletter subscribers'];

describe('preview: reads a few at a time give what reads one after another give', function () {
  this.timeout(60_000);
  let h: LiveHarness;
  const runs: { ws: PreviewWorkspace; data: PreviewData; requests: string[] }[] = [];

  before(async () => {
    // The emulator's clock stands still here, so its ten-second window would never empty: no limit for this test.
    h = await startLive(150, { latencyMs: 5, rateLimits: { tenSecondMax: 1_000_000 } });
    const contacts = [...h.emulator.state.contacts.values()];
    // Page views for a third of the contacts (the others, without a view count, are asked one request each
    // too), and the newsletter's subscribers among a quarter.
    contacts.forEach((c, k) => {
      const pageViews = k % 3 === 0 ? [{ url: `https://www.example.com/${k % 2 ? 'pricing' : 'blog'}`, timestamp: new Date(h.now() - k * 3_600_000).toISOString() }] : undefined;
      const subscriptions = k % 4 === 0 ? [{ channel: 'EMAIL' as const, subscriptionId: '81537745', status: 'OPT_IN' as const }] : undefined;
      h.emulator.state.upsertContact({ ...c, ...(pageViews ? { pageViews } : {}), ...(subscriptions ? { subscriptions } : {}) });
    });
    const text = LISTS(h.emulator.state.activeListByName('Newsletter import')!.listId);
    for (const readConcurrency of [1, undefined]) {
      const ws = liveWorkspace(text);
      h.emulator.requests.length = 0;
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: { ...h.connection, readConcurrency } }, { now: h.now, clock: h.now });
      assert.ok(!('error' in data), 'error' in data ? data.error : '');
      runs.push({ ws, data, requests: h.emulator.requests.map((r) => `${r.method} ${r.path}?${r.query} ${JSON.stringify(r.body)}`).sort() });
    }
  });
  after(async () => h.emulator.stop());

  it('sends the same requests (in another order)', () => {
    const [one, many] = runs;
    assert.ok(one.requests.length > 150, `${one.requests.length} requests`);
    assert.deepEqual(many.requests, one.requests);
    assert.ok(READ_CONCURRENCY > 1);
  });

  it('writes the same snapshot (every contact with its extras), history and extras files', () => {
    const pathOf = (run: (typeof runs)[number], file: string) => join(dirname(cachePaths(run.ws.root).snapshot), file);
    const [one, many] = runs.map((run) => readSnapshot(pathOf(run, 'hubspot-contacts.snap')));
    assert.ok(!('error' in one) && !('error' in many));
    assert.equal(many.size, one.size);
    for (let row = 0; row < one.size; row++) assert.deepEqual(recordAt(many, row), recordAt(one, row), `row ${row}`);
    /** The file's text with its store version (a fresh id each build) replaced by a placeholder. */
    const textOf = (run: (typeof runs)[number], file: string) => readFileSync(pathOf(run, file), 'utf8').split(run.data.store.version).join('<version>');
    assert.ok(readFileSync(pathOf(runs[1], 'hubspot-history.bin')).equals(readFileSync(pathOf(runs[0], 'hubspot-history.bin'))), 'hubspot-history.bin differs');
    assert.ok(textOf(runs[1], 'hubspot-extras.json') === textOf(runs[0], 'hubspot-extras.json'), 'hubspot-extras.json differs');
    assert.equal(runs[1].data.report.notes, undefined, 'every page view read');
  });

  it('counts equal the emulator\'s own membership of each list', async () => {
    const [, many] = runs;
    for (const name of NAMES) {
      const r = previewResult(h, many.ws, many.data, name);
      assert.ok(r.count > 0, `${name} matches someone`);
      if (name === 'Newsletter') {
        assert.equal(r.complete, false, 'a list HubSpot does not have stays unknown');
        continue;
      }
      // `email is known`: a contact without an address (no statuses) cannot match, so nothing is undecided.
      assert.equal(r.maxCount, r.count, `${name}: ${JSON.stringify(r.notPreviewable)}`);
      assert.equal(r.count, await emulatorCount(h, many.ws, name), name);
    }
  });
});
