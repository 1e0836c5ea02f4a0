import { strict as assert } from 'node:assert';
import { LEADS_OR_POLAND, startHarness, TOKEN, type Harness } from './support';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';

const READ_ONLY = 'read-only-token-5678';

describe('HubSpot emulator ↔ @hubspot/api-client: date-based API paths (2026-09, 2026-03)', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ tokens: [TOKEN, READ_ONLY], scopes: { [READ_ONLY]: ['crm.lists.read', 'crm.objects.contacts.read'] } })));
  after(async () => h.emulator.stop());

  const call = async (method: string, path: string, body?: unknown, qs?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await h.client.apiRequest({ method, path, body, qs });
    const text = await response.text();
    return { status: response.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };

  it('Lists under /crm/lists/2026-09: create, get by id and name, search, filters, memberships, delete', async () => {
    const created = await call('POST', '/crm/lists/2026-09', { name: 'Dated leads', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: LEADS_OR_POLAND });
    assert.equal(created.status, 200, JSON.stringify(created.json));
    const { listId } = created.json.list as { listId: string };
    assert.equal((await call('POST', '/crm/lists/2026-09/', { name: 'Dated slash', objectTypeId: '0-1', processingType: 'MANUAL' })).status, 200);
    const byId = await call('GET', `/crm/lists/2026-09/${listId}`, undefined, { includeFilters: 'true' });
    assert.equal((byId.json.list as { name: string }).name, 'Dated leads');
    assert.ok((byId.json.list as { filterBranch?: unknown }).filterBranch);
    assert.equal(((await call('GET', '/crm/lists/2026-09/object-type-id/0-1/name/dated%20leads')).json.list as { listId: string }).listId, listId);
    assert.equal((await call('POST', '/crm/lists/2026-09/search', { query: 'dated', additionalProperties: [] })).json.total, 2);
    assert.equal((await call('PUT', `/crm/lists/2026-09/${listId}/update-list-filters`, { filterBranch: LEADS_OR_POLAND })).status, 200);
    const members = await call('GET', `/crm/lists/2026-09/${listId}/memberships`);
    assert.ok(Array.isArray(members.json.results));
    assert.equal((await call('DELETE', `/crm/lists/2026-09/${listId}`)).status, 204);
    assert.equal((await call('GET', `/crm/v3/lists/${listId}`)).status, 404, 'one portal behind both paths');
    assert.ok(h.emulator.requests.some((r) => r.path === '/crm/lists/2026-09'), 'the request log keeps the path as sent');
  });

  it('Lists under /crm/lists/2026-03, folders included', async () => {
    const folder = await call('POST', '/crm/lists/2026-03/folders', { name: 'Dated folder' });
    assert.equal(folder.status, 200);
    const { id } = folder.json.folder as { id: string };
    const created = await call('POST', '/crm/lists/2026-03', { name: 'Dated manual', objectTypeId: '0-1', processingType: 'MANUAL', listFolderId: Number(id) });
    const { listId } = created.json.list as { listId: string };
    assert.deepEqual(((await call('GET', '/crm/lists/2026-09/folders', undefined, { folderId: id })).json.folder as { childLists: number[] }).childLists, [Number(listId)]);
    assert.equal((await call('PUT', `/crm/lists/2026-03/${listId}/memberships/add`, ['1', '2'])).status, 200);
  });

  it('contacts and companies under /crm/objects/2026-09: page, one record, batch read, search', async () => {
    const page = await call('GET', '/crm/objects/2026-09/contacts', undefined, { limit: '5', properties: 'email' });
    assert.equal((page.json.results as unknown[]).length, 5);
    assert.equal(((await call('GET', '/crm/objects/2026-09/contacts/3')).json as { id: string }).id, '3');
    const companyId = h.emulator.state.companyIds()[0];
    const batch = await call('POST', '/crm/objects/2026-09/companies/batch/read', { inputs: [{ id: companyId }], properties: ['name'], propertiesWithHistory: [] });
    assert.equal((batch.json.results as unknown[]).length, 1);
    const search = await call('POST', '/crm/objects/2026-09/contacts/search', { limit: 2 });
    assert.equal(search.json.total, h.emulator.state.contacts.size);
  });

  it('a dated search counts against the search limit like a v3 one (5 a second)', async () => {
    h.tick(1000);
    const search = (path: string) => call('POST', path, { limit: 1 });
    for (let i = 0; i < 3; i++) assert.equal((await search('/crm/objects/2026-09/contacts/search')).status, 200);
    for (let i = 0; i < 2; i++) assert.equal((await search('/crm/v3/objects/contacts/search')).status, 200);
    const limited = await fetch(`${h.emulator.url}/crm/objects/2026-03/contacts/search`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: '{"limit":1}' });
    assert.equal(limited.status, 429);
    h.tick(1000);
  });

  it('properties under /crm/properties/2026-09 and 2026-03', async () => {
    const all = await call('GET', '/crm/properties/2026-09/contacts');
    assert.ok((all.json.results as { name: string }[]).some((p) => p.name === 'email'));
    assert.equal(((await call('GET', '/crm/properties/2026-03/companies/name')).json as { name: string }).name, 'name');
  });

  it('v4 associations batch read under /crm/associations/2026-09; one contact\'s companies only under 2026-03', async () => {
    const batch = await call('POST', '/crm/associations/2026-09/contacts/companies/batch/read', { inputs: [{ id: '1' }, { id: '2' }] });
    assert.equal(batch.status, 200);
    assert.equal(batch.json.status, 'COMPLETE');
    assert.equal((await call('GET', '/crm/objects/2026-03/contacts/1/associations/companies')).status, 200);
    assert.equal((await call('GET', '/crm/objects/2026-09/contacts/1/associations/companies')).status, 404, 'the 2026-09 spec has no such GET');
  });

  it('account information under /account-info/2026-09/details and 2026-03', async () => {
    for (const version of ['2026-09', '2026-03']) {
      const details = await call('GET', `/account-info/${version}/details`);
      assert.equal(details.status, 200);
      assert.equal(details.json.portalId, 4242001);
    }
    assert.equal((await call('GET', '/account-info/2025-01/details')).status, 404, 'an unknown version is an unknown path');
  });

  it('Marketing Forms under /marketing/v3/forms, /marketing/forms/2026-09(-beta): pages by after, archived apart, the forms scope', async () => {
    const first = await call('GET', '/marketing/v3/forms', undefined, { limit: '3' });
    assert.equal(first.status, 200);
    const page = first.json.results as { id: string; name: string; formType: string; archived: boolean }[];
    assert.equal(page.length, 3);
    const after = (first.json.paging as { next: { after: string } }).next.after;
    const rest = (await call('GET', '/marketing/v3/forms', undefined, { limit: '3', after })).json;
    assert.deepEqual([...page, ...(rest.results as { id: string }[])].map((f) => f.id), h.emulator.state.forms.map((f) => f.id));
    assert.equal(rest.paging, undefined, 'the last page has no next');
    assert.deepEqual(Object.keys(page[0]).sort(), ['archived', 'configuration', 'createdAt', 'displayOptions', 'fieldGroups', 'formType', 'id', 'legalConsentOptions', 'name', 'updatedAt'], 'the fields the spec requires');
    assert.deepEqual((await call('GET', '/marketing/v3/forms', undefined, { archived: 'true' })).json.results, []);
    assert.equal((await call('GET', '/marketing/v3/forms', undefined, { limit: '51' })).status, 400);
    for (const version of ['2026-09', '2026-09-beta']) assert.equal(((await call('GET', `/marketing/forms/${version}`)).json.results as unknown[]).length, h.emulator.state.forms.length);
    const denied = await fetch(`${h.emulator.url}/marketing/v3/forms`, { headers: { Authorization: `Bearer ${READ_ONLY}` } });
    assert.equal(denied.status, 403);
    assert.match(JSON.stringify(await denied.json()), /forms/);
  });

  it('CMS Pages under /cms/v3/pages/{landing-pages,site-pages} and /cms/pages/2026-03: pages by after, archived apart, the content scope; the account layer reads both kinds', async () => {
    const first = await call('GET', '/cms/v3/pages/site-pages', undefined, { limit: '2' });
    assert.equal(first.status, 200);
    assert.equal(first.json.total, 3);
    const after = (first.json.paging as { next: { after: string } }).next.after;
    const rest = (await call('GET', '/cms/v3/pages/site-pages', undefined, { limit: '2', after })).json;
    assert.deepEqual([...(first.json.results as { id: string }[]), ...(rest.results as { id: string }[])].map((p) => p.id), ['51000001', '51000002', '51000003']);
    const archived = (await call('GET', '/cms/pages/2026-03/site-pages', undefined, { archived: 'true' })).json.results as { id: string; url: string; subcategory: string }[];
    assert.deepEqual(archived.map((p) => [p.id, p.url, p.subcategory]), [['51000004', 'https://www.example.com/pricing-2023', 'site_page']]);
    assert.equal((await call('GET', '/cms/pages/2026-09/landing-pages')).status, 404, 'CMS Pages publishes no 2026-09 version');
    const denied = await fetch(`${h.emulator.url}/cms/v3/pages/landing-pages`, { headers: { Authorization: `Bearer ${READ_ONLY}` } });
    assert.equal(denied.status, 403);
    for (const version of ['v3', '2026-09']) {
      const pages = await createHubSpotAccount({ accessToken: TOKEN, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false, apiVersion: version }).getPages();
      assert.deepEqual(pages.map((p) => `${p.id} ${p.kind}${p.archived ? ' archived' : ''}`).sort(), [
        '51000001 website page', '51000002 website page', '51000003 website page', '51000004 website page archived',
        '52000001 landing page', '52000002 landing page', '52000003 landing page',
      ], version);
    }
  });

  it('Communication Preferences batch reads under /communication-preferences/v4 and 2026-09: the wire shape, 207 for an unknown address, EMAIL only, their scope', async () => {
    const contact = [...h.emulator.state.contacts.values()].find((c) => c.properties.email)!;
    h.emulator.state.upsertContact({ ...contact, subscriptions: [{ channel: 'EMAIL', subscriptionId: '81537745', status: 'OPT_OUT' }, { channel: 'EMAIL', status: 'OPT_IN' }] });
    const email = contact.properties.email!;
    for (const version of ['v4', '2026-09']) {
      const read = await call('POST', `/communication-preferences/${version}/statuses/batch/read`, { inputs: [email.toUpperCase()] }, { channel: 'EMAIL' });
      assert.equal(read.status, 200);
      const [result] = read.json.results as { subscriberIdString: string; statuses: Record<string, unknown>[] }[];
      assert.equal(result.subscriberIdString, email.toUpperCase(), 'the address as it was asked for');
      assert.deepEqual(result.statuses.map((x) => [x.subscriptionId, x.status, x.channel]), [[81537745, 'UNSUBSCRIBED', 'EMAIL']]);
      assert.deepEqual(Object.keys(result.statuses[0]).sort(), ['channel', 'source', 'status', 'subscriberIdString', 'subscriptionId', 'subscriptionName', 'timestamp'], 'the fields the spec requires, and the name');
      const wide = await call('POST', `/communication-preferences/${version}/statuses/batch/unsubscribe-all/read`, { inputs: [email, 'nobody@nowhere.example'] }, { channel: 'EMAIL' });
      assert.equal(wide.status, 207, 'an address no contact holds is an error of the batch');
      assert.deepEqual((wide.json.results as { wideStatuses: Record<string, unknown>[] }[])[0].wideStatuses.map((x) => [x.wideStatusType, x.status]), [['PORTAL_WIDE', 'SUBSCRIBED']]);
      assert.equal(wide.json.numErrors, 1);
    }
    assert.equal((await call('POST', '/communication-preferences/v4/statuses/batch/read', { inputs: [email] }, { channel: 'SMS' })).status, 400, 'the spec\'s channel enum is EMAIL');
    const denied = await fetch(`${h.emulator.url}/communication-preferences/v4/statuses/batch/read?channel=EMAIL`, { method: 'POST', headers: { Authorization: `Bearer ${READ_ONLY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ inputs: [email] }) });
    assert.equal(denied.status, 403);
    assert.match(JSON.stringify(await denied.json()), /communication_preferences\.statuses\.batch\.read/);
  });

  it('scopes apply to a dated path as to its v3 path', async () => {
    const asReadOnly = (method: string, path: string, body?: unknown) =>
      fetch(`${h.emulator.url}${path}`, { method, headers: { Authorization: `Bearer ${READ_ONLY}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    assert.equal((await asReadOnly('GET', '/crm/lists/2026-09/1')).status, 200);
    const denied = await asReadOnly('POST', '/crm/lists/2026-09', { name: 'Not allowed', objectTypeId: '0-1', processingType: 'MANUAL' });
    assert.equal(denied.status, 403);
    assert.match(JSON.stringify(await denied.json()), /crm\.lists\.write/);
  });
});
