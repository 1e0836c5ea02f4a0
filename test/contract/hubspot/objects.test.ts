import { strict as assert } from 'node:assert';
import { expectRejection, startHarness, type Harness } from './support';

describe('HubSpot emulator ↔ @hubspot/api-client: contacts, companies, properties, associations', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.emulator.stop());

  it('pages contacts (default 10, repeated properties, after cursor) with string values', async () => {
    const first = await h.client.crm.contacts.basicApi.getPage(undefined, undefined, ['email', 'lifecyclestage']);
    assert.equal(first.results.length, 10);
    const sample = first.results[0];
    assert.deepEqual(Object.keys(sample.properties).sort(), ['createdate', 'email', 'hs_object_id', 'lastmodifieddate', 'lifecyclestage']);
    assert.ok(Object.values(sample.properties).every((v) => v === null || typeof v === 'string'));
    const query = h.emulator.requests[h.emulator.requests.length - 1].query;
    assert.match(query, /properties=email&properties=lifecyclestage/);
    const next = await h.client.crm.contacts.basicApi.getPage(100, first.paging!.next!.after);
    assert.equal(next.results[0].id, '11');
    assert.equal(next.paging?.next?.after, '111');
    const last = await h.client.crm.contacts.basicApi.getPage(100, next.paging!.next!.after);
    assert.equal(last.results.length, 10);
    assert.equal(last.paging, undefined, '120 contacts: nothing after the last page');
    assert.equal((await expectRejection(h.client.crm.contacts.basicApi.getPage(101))).code, 400);
  });

  it('reads history (page ≤ 50 with propertiesWithHistory) and v3 associations', async () => {
    const page = await h.client.crm.contacts.basicApi.getPage(50, undefined, ['lifecyclestage'], ['lifecyclestage'], ['companies']);
    const withHistory = page.results.find((c) => (c.propertiesWithHistory?.lifecyclestage.length ?? 0) > 1)!;
    assert.equal(withHistory.propertiesWithHistory!.lifecyclestage[0].value, withHistory.properties.lifecyclestage);
    assert.ok(page.results.some((c) => (c.associations?.companies?.results.length ?? 0) > 0));
    assert.equal((await expectRejection(h.client.crm.contacts.basicApi.getPage(51, undefined, ['email'], ['email']))).code, 400);
  });

  it('reads one contact, a batch (207 with missing ids), and companies', async () => {
    const one = await h.client.crm.contacts.basicApi.getById('5', ['email']);
    assert.equal(one.properties.hs_object_id, '5');
    const batch = await h.client.crm.contacts.batchApi.read({ inputs: [{ id: '1' }, { id: '2' }, { id: '77777' }], properties: ['email'], propertiesWithHistory: [] });
    assert.deepEqual(batch.results.map((r) => r.id).sort(), ['1', '2']);
    assert.equal((batch as { numErrors?: number }).numErrors, 1);
    const companies = await h.client.crm.companies.basicApi.getPage(3, undefined, ['name', 'industry']);
    assert.equal(companies.results.length, 3);
    assert.ok(companies.results[0].properties.name);
    assert.equal((await expectRejection(h.client.crm.contacts.basicApi.getById('424242'))).code, 404);
  });

  it('lists contact→company associations with v4', async () => {
    const contact = [...h.emulator.state.contacts.values()].find((c) => c.companyIds.length > 0)!;
    const page = await h.client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'companies');
    assert.deepEqual(page.results.map((r) => String(r.toObjectId)), contact.companyIds);
    assert.equal(page.results[0].associationTypes[0].category, 'HUBSPOT_DEFINED');
  });

  it('serves properties from the schema, all and by name', async () => {
    const all = await h.client.crm.properties.coreApi.getAll('contacts');
    const stage = all.results.find((p) => p.name === 'lifecyclestage')!;
    assert.equal(stage.type, 'enumeration');
    assert.ok(stage.options.some((o) => o.value === 'lead'));
    assert.equal((await h.client.crm.properties.coreApi.getByName('companies', 'industry')).type, 'enumeration');
    assert.equal((await expectRejection(h.client.crm.properties.coreApi.getByName('contacts', 'no_such_property'))).code, 404);
  });

  // Search allows 5 requests a second: each test search happens a second later on the emulator clock.
  const search = (body: Record<string, unknown>) => {
    h.tick(1000);
    return h.client.crm.contacts.searchApi.doSearch(body as never);
  };

  it('searches: groups ORed, filters ANDed, total, sorts and paging', async () => {
    const contacts = [...h.emulator.state.contacts.values()];
    const leadsInUs = contacts.filter((c) => c.properties.lifecyclestage === 'lead' && c.properties.country === 'United States');
    const customers = contacts.filter((c) => c.properties.lifecyclestage === 'customer');
    const result = await search({
      filterGroups: [
        { filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'lead' }, { propertyName: 'country', operator: 'EQ', value: 'united states' }] },
        { filters: [{ propertyName: 'lifecyclestage', operator: 'IN', values: ['customer'] }] },
      ],
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }], properties: ['email', 'createdate'], limit: 3, after: '0',
    });
    assert.equal(result.total, leadsInUs.length + customers.length);
    const dates = result.results.map((r) => r.properties.createdate!);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(result.paging?.next?.after, '3');
  });

  it('searches with HAS_PROPERTY, BETWEEN, CONTAINS_TOKEN wildcards and NOT_IN', async () => {
    const contacts = [...h.emulator.state.contacts.values()];
    const count = async (filters: unknown[]) => (await search({ filterGroups: [{ filters }], limit: 0 })).total;
    assert.equal(await count([{ propertyName: 'email', operator: 'NOT_HAS_PROPERTY' }]), contacts.filter((c) => !c.properties.email).length);
    assert.equal(await count([{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@example.com' }]), contacts.filter((c) => c.properties.email?.endsWith('@example.com')).length);
    const visits = (c: (typeof contacts)[number]) => Number(c.properties.hs_analytics_num_visits ?? NaN);
    assert.equal(await count([{ propertyName: 'hs_analytics_num_visits', operator: 'BETWEEN', value: '2', highValue: '20' }]), contacts.filter((c) => visits(c) >= 2 && visits(c) <= 20).length);
    assert.equal(await count([{ propertyName: 'lifecyclestage', operator: 'NOT_IN', values: ['lead', 'subscriber'] }]), contacts.filter((c) => !['lead', 'subscriber'].includes(c.properties.lifecyclestage ?? '')).length);
  });

  it('enforces search limits with VALIDATION_ERROR (5 groups, 6 a group, 18 in all, 200 a page, 10,000 results)', async () => {
    const filter = { propertyName: 'email', operator: 'HAS_PROPERTY' };
    const groups = (n: number, per: number) => Array.from({ length: n }, () => ({ filters: Array.from({ length: per }, () => filter) }));
    for (const body of [{ filterGroups: groups(6, 1) }, { filterGroups: groups(1, 7) }, { filterGroups: groups(4, 5) }, { limit: 201 }, { after: '9990', limit: 20 }]) {
      const error = await expectRejection(search(body));
      assert.equal(error.code, 400, JSON.stringify(body).slice(0, 80));
      assert.equal(error.body?.category, 'VALIDATION_ERROR');
    }
  });
});
