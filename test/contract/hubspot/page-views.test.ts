// The emulator's Events API read (`GET /events/v3/events`, dated `/events/event-occurrences/{version}`):
// a contact's page views as ExternalUnifiedEvents of type e_visited_page with the URL in `hs_url`,
// paged by `paging.next.after`, filtered by object, type and an exclusive time window; a 400 without
// objectId or objectProperty, a 403 for a portal without Enterprise. `hs_analytics_num_page_views`
// follows the seeded views. The account layer reads it through the real SDK.

import { strict as assert } from 'node:assert';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { expectRejection, FIXED_NOW, startHarness, TOKEN, type Harness } from './support';

const PATH = '/events/v3/events';
const DAY = 86_400_000;
const at = (days: number) => new Date(FIXED_NOW - days * DAY).toISOString();

/** 23 views of the pricing and blog pages over 46 days. */
const VIEWS: NonNullable<PortalContact['pageViews']> = Array.from({ length: 23 }, (_, k) => ({ url: k % 3 === 0 ? 'https://www.example.com/pricing' : `https://www.example.com/blog/post-${k}`, timestamp: at(2 * k + 1) }));

describe('HubSpot emulator: GET /events/v3/events (page views)', () => {
  let h: Harness;
  let viewer: PortalContact;
  before(async () => {
    h = await startHarness();
    const [first, second] = [...h.emulator.state.contacts.values()].filter((c) => !c.archived);
    h.emulator.state.upsertContact({ ...first, pageViews: VIEWS });
    h.emulator.state.upsertContact({ ...second, pageViews: [] });
    viewer = h.emulator.state.contacts.get(first.id)!;
  });
  after(async () => h.emulator.stop());

  const call = async (qs: Record<string, string>, path = PATH) => {
    const response = await h.client.apiRequest({ method: 'GET', path, qs });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('answers in the spec\'s shape, newest first: e_visited_page events with the URL in hs_url', async () => {
    const page = await call({ objectType: 'contact', objectId: viewer.id, eventType: 'e_visited_page', limit: '100' });
    assert.equal(page.status, 200);
    const results = page.json.results as Record<string, unknown>[];
    assert.equal(results.length, VIEWS.length);
    assert.equal(page.json.paging, undefined, 'one page holds them all');
    assert.deepEqual(Object.keys(results[0]).sort(), ['eventType', 'id', 'objectId', 'objectType', 'occurredAt', 'properties']);
    assert.deepEqual([results[0].eventType, results[0].objectId, results[0].occurredAt], ['e_visited_page', viewer.id, at(1)]);
    assert.equal((results[0].properties as Record<string, string>).hs_url, 'https://www.example.com/pricing');
    const times = results.map((r) => Date.parse(r.occurredAt as string));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  it('pages by paging.next.after, ten by default, and filters by an exclusive window and another event type', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await call({ objectType: 'contact', objectId: viewer.id, ...(after ? { after } : {}) });
      ids.push(...(page.json.results as { id: string }[]).map((r) => r.id));
      after = (page.json.paging as { next?: { after: string } } | undefined)?.next?.after;
      pages++;
    } while (after);
    assert.deepEqual([ids.length, new Set(ids).size, pages], [23, 23, 3]);
    const recent = await call({ objectType: 'contact', objectId: viewer.id, occurredAfter: at(11), limit: '100' });
    assert.equal((recent.json.results as unknown[]).length, 5, 'days 1, 3, 5, 7, 9: the view at day 11 itself is not after it');
    const other = await call({ objectType: 'contact', objectId: viewer.id, eventType: 'e_opened_email', limit: '100' });
    assert.deepEqual(other.json.results, []);
    const dated = await call({ objectType: 'contact', objectId: viewer.id, limit: '100' }, '/events/event-occurrences/2026-09');
    assert.equal((dated.json.results as unknown[]).length, 23, 'the dated path serves the same');
  });

  it('refuses a read that names no object, and a bad parameter, with a 400 naming it', async () => {
    const none = await call({ objectType: 'contact', eventType: 'e_visited_page' });
    assert.equal(none.status, 400);
    assert.equal(none.json.message, 'objectId or objectProperty.{propertyName} is required.');
    for (const [name, value] of [['limit', '101'], ['occurredAfter', 'yesterday'], ['sort', 'newest']]) {
      const answer = await call({ objectType: 'contact', objectId: viewer.id, [name]: value });
      assert.equal(answer.status, 400, name);
      assert.match(String(answer.json.message), new RegExp(`^${name} must be`));
    }
    const byEmail = await call({ objectType: 'contact', 'objectProperty.email': viewer.properties.email!.toUpperCase(), limit: '100' });
    assert.equal((byEmail.json.results as unknown[]).length, 23, 'objectProperty.email names the contact too');
  });

  it('keeps hs_analytics_num_page_views equal to the views a contact holds', async () => {
    const [viewed, none] = [...h.emulator.state.contacts.values()].filter((c) => !c.archived);
    assert.deepEqual([viewed.properties.hs_analytics_num_page_views, none.properties.hs_analytics_num_page_views], ['23', '0']);
  });

  it('the account layer reads every page (100 a request) from a time on, and a portal without Enterprise gets a 403', async () => {
    const before = h.emulator.requests.length;
    const views = await h.account.getPageViews({ contactId: viewer.id, occurredAfter: Date.parse(at(11)) });
    assert.deepEqual(views.map((v) => v.url), VIEWS.slice(0, 5).map((v) => v.url));
    assert.deepEqual(Object.keys(views[0]).sort(), ['id', 'occurredAt', 'url']);
    const sent = h.emulator.requests.slice(before).map((r) => new URLSearchParams(r.query));
    assert.deepEqual(sent.map((q) => [q.get('objectType'), q.get('objectId'), q.get('eventType'), q.get('occurredAfter'), q.get('limit')]), [['contact', viewer.id, 'e_visited_page', at(11), '100']]);
    const dated = createHubSpotAccount({ accessToken: TOKEN, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false, apiVersion: '2026-09' });
    assert.equal((await dated.getPageViews({ contactId: viewer.id })).length, 23);
    const plain = await startHarness({ eventsApi: false });
    try {
      const refused = await expectRejection(plain.account.getPageViews({ contactId: '1' }));
      assert.equal(refused.status, 403);
      assert.match(refused.message, /^HubSpot said 403 Forbidden: The Events API requires a Marketing, Sales, Service, Content or Data Hub Enterprise subscription/);
    } finally {
      await plain.emulator.stop();
    }
  });

  it('names an event without hs_url instead of reading it as a view of no page', async () => {
    h.emulator.faults.add({ type: 'body', path: PATH, json: { results: [{ objectType: 'CONTACT', objectId: viewer.id, eventType: 'e_visited_page', occurredAt: at(1), id: 'x1', properties: {} }] } });
    const broken = await expectRejection(h.account.getPageViews({ contactId: viewer.id }));
    assert.match(broken.message, new RegExp(`page views of contact ${viewer.id} \\(event 1\\) without the page's URL \\(hs_url\\)`));
  });
});
