// The live HubSpot source against the emulator with the real @hubspot/api-client: full fetch, cache,
// incremental refresh (proved with the emulator's request log), `#id` memberships, companies,
// history, and counts equal to the emulator's own membership of the same list compiled there.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachePaths } from '../../../server/src/preview/hubspot/cache-files';
import { loadPreviewData, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { emulatorCount as emulatorCountOf, liveWorkspace, previewResult, requestsTo, startLive, type LiveHarness } from './support';
import { WEBINAR_FORM_ID } from '../../../server/src/sandbox/data/hubspot-portal';

const LISTS = (newsletter: string) => `
list "Polish leads" {
  type: active
  where country is "Poland" and lifecyclestage is any of (lead, marketingqualifiedlead)
}

list "Newsletter" {
  type: active
  where in list #${newsletter}
}

list "Software buyers" {
  type: active
  where associated company where (industry is any of (COMPUTER_SOFTWARE, RETAIL) and numberofemployees > 20)
}

list "Once an MQL" {
  type: active
  where lifecyclestage has ever been marketingqualifiedlead
}

list "Everything at once" {
  type: active
  where (in list #${newsletter} or hs_lead_status has ever been UNQUALIFIED or associated company where numberofemployees > 100)
    and email is known
    and not (lifecyclestage is customer)
}

list "Ghost" {
  type: active
  where in list #999999
}

list "Big deals" {
  type: active
  where associated deal where amount > 20000
}

list "Decision makers on deals" {
  type: active
  where associated deal labeled #101 where amount is known
}

list "Two deals or more" {
  type: active
  where number of associated deals >= 2
}

list "Urgent tickets" {
  type: active
  where associated ticket where hs_ticket_priority is any of (HIGH, URGENT)
}

list "Reporters without deals" {
  type: active
  where associated ticket labeled #201 where subject is known and number of associated deals is 0
}

list "Former employees" {
  type: active
  where associated company labeled #301 where name is known
}

list "Webinar registrants by form" {
  type: active
  where submitted form "${WEBINAR_FORM_ID}" and email is known
}

list "Any form lately" {
  type: active
  where submitted any form in last 365 days and email is known
}
`;

/** Lists on what the live source reads besides contacts: deals, tickets, labels, counts, form submissions. */
const EXTRA_LISTS = ['Former employees', 'Big deals', 'Decision makers on deals', 'Two deals or more', 'Urgent tickets', 'Reporters without deals', 'Webinar registrants by form', 'Any form lately'];

describe('preview: the live HubSpot source against the emulator', function () {
  this.timeout(20_000);
  let h: LiveHarness;
  let ws: PreviewWorkspace;
  let first: PreviewData;

  const load = async () => {
    const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
    assert.ok(!('error' in data));
    return data;
  };
  const count = (data: PreviewData, name: string) => previewResult(h, ws, data, name);
  /** The emulator's own membership count of the list compiled by hslist and created there. */
  const emulatorCount = (name: string) => emulatorCountOf(h, ws, name);

  /** The newest lastmodifieddate of the emulator's contacts, as ISO. */
  const newestModified = () => new Date(Math.max(...[...h.emulator.state.contacts.values()].map((c) => Date.parse(String(c.properties.lastmodifieddate))))).toISOString();

  before(async () => {
    h = await startLive(300);
    // Some company associations carry a label (the seeded portal labels only deals and tickets).
    [...h.emulator.state.contacts.values()].filter((c) => c.companyIds.length > 0 && Number(c.id) % 3 === 0)
      .forEach((c) => h.emulator.state.upsertContact({ ...c, companyLabels: { [c.companyIds[c.companyIds.length - 1]]: ['301'] } }));
    const newsletter = h.emulator.state.activeListByName('Newsletter import')!.listId;
    ws = liveWorkspace(LISTS(newsletter));
    first = await load();
  });
  after(async () => h.emulator.stop());

  it('fetches every contact in full the first time, only the properties the workspace reads, and caches them', () => {
    assert.equal(first.store.size, 300);
    assert.deepEqual([first.refresh?.mode, first.refresh?.reason], ['full', 'no cached snapshot yet']);
    const pages = requestsTo(h.emulator, 'GET', /^\/crm\/v3\/objects\/contacts$/);
    assert.ok(pages.length >= 3, `${pages.length} pages of contacts`);
    const asked = new URLSearchParams(pages[0].query).getAll('properties').flatMap((p) => p.split(','));
    assert.deepEqual(asked.sort(), ['country', 'email', 'firstname', 'hs_lead_status', 'lastname', 'lifecyclestage']);
    assert.deepEqual(new URLSearchParams(pages[0].query).getAll('propertiesWithHistory').flatMap((p) => p.split(',')).sort(), ['hs_lead_status', 'lifecyclestage']);
    const paths = cachePaths(ws.root);
    assert.ok(existsSync(paths.snapshot) && existsSync(paths.history));
    const ignore = readFileSync(join(dirname(paths.snapshot), '.gitignore'), 'utf8');
    assert.match(ignore, /^\*$/m, 'the cache holds contacts\' names and emails: git ignores all of it');
    const manifest = JSON.parse(readFileSync(paths.manifest, 'utf8'));
    assert.equal(manifest.portal, h.emulator.url);
    assert.equal(manifest.lastFetch, new Date(h.now()).toISOString());
    assert.equal(manifest.watermark, newestModified(), 'the newest lastmodifieddate HubSpot returned, not a clock');
    assert.deepEqual(manifest.needs.companyProperties, ['industry', 'name', 'numberofemployees']);
    assert.equal(manifest.contacts, 300);
  });

  it('counts equal the emulator\'s own membership of each list compiled and created there', async () => {
    for (const name of ['Polish leads', 'Newsletter', 'Software buyers', 'Once an MQL', 'Everything at once']) {
      const r = count(first, name);
      assert.equal(r.complete, true, `${name}: ${JSON.stringify(r.notPreviewable)}`);
      assert.ok(r.count > 0, `${name} matches someone`);
      assert.equal(r.count, await emulatorCount(name), name);
    }
  });

  it('loads associated deals and tickets, the labels of each association (companies\' too) and form submissions: counts equal the emulator\'s own', async () => {
    for (const name of EXTRA_LISTS) {
      const r = count(first, name);
      assert.equal(r.complete, true, `${name}: ${JSON.stringify(r.notPreviewable)}`);
      assert.ok(r.count > 0, `${name} matches someone`);
      assert.equal(r.count, await emulatorCount(name), name);
    }
    assert.equal(requestsTo(h.emulator, 'POST', /^\/crm\/v4\/associations\/contacts\/deals\/batch\/read$/).length, 1);
    assert.ok(requestsTo(h.emulator, 'POST', /^\/crm\/v3\/objects\/tickets\/batch\/read$/).length >= 1);
    const submissions = requestsTo(h.emulator, 'GET', /^\/form-integrations\/v1\/submissions\/forms\/[^/]+$/);
    assert.ok(submissions.some((r) => r.path.endsWith(WEBINAR_FORM_ID)), 'the named form');
    assert.equal(new Set(submissions.map((r) => r.path)).size, h.emulator.state.forms.length, '`any form` reads every form');
  });

  it('reads #id members from the memberships API, and names a list HubSpot does not have', () => {
    assert.ok(requestsTo(h.emulator, 'GET', /^\/crm\/v3\/lists\/\d+\/memberships$/).length >= 1);
    const ghost = count(first, 'Ghost');
    assert.deepEqual([ghost.count, ghost.complete], [0, false]);
    assert.equal(ghost.notPreviewable[0].reason, 'HubSpot has no list #999999');
  });

  it('a second run asks only for contacts modified since the last fetch, and merges them', async () => {
    h.tick(60 * 60_000);
    const polishBefore = count(first, 'Polish leads').count;
    const outsider = [...h.emulator.state.contacts.values()].find((c) => c.properties.country !== 'Poland' && c.properties.lifecyclestage === 'lead')!;
    h.modify(outsider.id, { country: 'Poland' });
    h.modify('5000', { email: 'new.pole@corp.pl', country: 'Poland', lifecyclestage: 'lead' });
    h.emulator.requests.length = 0;
    const manifest = JSON.parse(readFileSync(cachePaths(ws.root).manifest, 'utf8'));
    const second = await load();
    const changedSince = (at: number) => [...h.emulator.state.contacts.values()].filter((c) => Date.parse(String(c.properties.lastmodifieddate)) > at).length;
    assert.deepEqual([second.refresh?.mode, second.refresh?.fetched], ['incremental', changedSince(Date.parse(manifest.watermark) - 10 * 60_000 - manifest.fetchMs)]);
    assert.ok((second.refresh?.fetched ?? 0) >= 2);
    assert.equal(requestsTo(h.emulator, 'GET', /^\/crm\/v3\/objects\/contacts$/).length, 0, 'no full paging');
    const searches = requestsTo(h.emulator, 'POST', /^\/crm\/v3\/objects\/contacts\/search$/);
    assert.equal(searches.length, 1);
    const filter = (searches[0].body as { filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[] }).filterGroups[0].filters[0];
    assert.deepEqual([filter.propertyName, filter.operator], ['lastmodifieddate', 'GT']);
    const since = Date.parse(manifest.watermark) - 10 * 60_000 - manifest.fetchMs;
    assert.equal(Number(filter.value), since, 'the newest modification HubSpot returned, minus the safety margin and the fetch time');
    assert.equal(second.store.size, 301);
    assert.equal(count(second, 'Polish leads').count, polishBefore + 2);
    assert.equal(count(second, 'Polish leads').count, await emulatorCount('Polish leads'));
    assert.equal(count(second, 'Everything at once').count, await emulatorCount('Everything at once'), 'history of the modified contacts was read again');
    for (const name of EXTRA_LISTS) assert.equal(count(second, name).count, await emulatorCount(name), `${name} after a refresh`);
  });

  it('a refresh of more than 50 modified contacts reads their history 50 at a time, HubSpot\'s limit with history', async () => {
    h.tick(60 * 60_000);
    const ids = [...h.emulator.state.contacts.values()].slice(0, 120).map((c) => c.id);
    ids.forEach((id, i) => h.modify(id, { lifecyclestage: i % 2 === 0 ? 'marketingqualifiedlead' : 'customer', hs_lead_status: 'UNQUALIFIED' }));
    h.emulator.requests.length = 0;
    const refreshed = await load();
    assert.equal(refreshed.refresh?.mode, 'incremental');
    const reads = requestsTo(h.emulator, 'POST', /^\/crm\/v3\/objects\/contacts\/batch\/read$/);
    const sizes = reads.map((r) => (r.body as { inputs: unknown[] }).inputs.length);
    assert.ok(sizes.length >= 3 && sizes.every((n) => n <= 50), `batch sizes ${sizes.join(', ')}`);
    assert.ok(reads.every((r) => r.status === 200), 'HubSpot accepted every batch');
    for (const name of ['Once an MQL', 'Everything at once']) assert.equal(count(refreshed, name).count, await emulatorCount(name), name);
  });

  it('a cache written by the previous snapshot version is fetched anew, never read without its deals', async () => {
    const paths = cachePaths(ws.root);
    const bytes = readFileSync(paths.snapshot);
    bytes.write('HSLSNAP6', 0, 'latin1');
    writeFileSync(paths.snapshot, bytes);
    h.tick(60_000);
    const again = await load();
    assert.deepEqual([again.refresh?.mode, again.refresh?.reason], ['full', 'the cached snapshot is unreadable or incomplete']);
    for (const name of EXTRA_LISTS) assert.equal(count(again, name).count, await emulatorCount(name), name);
  });
});
