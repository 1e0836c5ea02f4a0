// The account layer's reads for the live preview's extras, against the emulator over the real SDK:
// each contact's deals, tickets and companies with the labels of each association (v4 batch read, its
// per-contact paging), those records' properties (batch read), and a form's submissions (Form
// Integrations v1, paged by `after`), with HubSpot's answers for a missing scope and an unknown form.

import { strict as assert } from 'node:assert';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { WEBINAR_FORM_ID } from '../../../server/src/sandbox/data/hubspot-portal';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';
import { expectRejection, startHarness, TOKEN, type Harness } from './support';

const NO_DEALS_TOKEN = 'pat-na1-contract-no-deals-7e21';

describe('HubSpot account layer: associated deals, tickets and labels; form submissions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      tokens: [TOKEN, NO_DEALS_TOKEN],
      scopes: { [NO_DEALS_TOKEN]: ['crm.objects.contacts.read', 'crm.objects.companies.read', 'tickets'] },
    });
  });
  after(async () => h.emulator.stop());

  const contacts = () => [...h.emulator.state.contacts.values()];
  const wire = async (path: string, body: unknown) => {
    const response = await fetch(`${h.emulator.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { results: { from: { id: string }; to: { toObjectId: number; associationTypes: { category: string; typeId: number; label: string | null }[] }[] }[] } };
  };

  it('reads each contact\'s deals with their properties and the labels of each association', async () => {
    const ids = contacts().map((c) => c.id);
    const deals = await h.account.getAssociatedFor(ids, 'deals', ['amount', 'dealname']);
    let labelled = 0;
    for (const contact of contacts()) {
      const expected = contact.deals ?? [];
      const got = deals.get(contact.id)!;
      assert.deepEqual(got.map((d) => d.id), expected.map((d) => d.id), contact.id);
      got.forEach((deal, i) => {
        assert.equal(deal.properties.amount, expected[i].properties.amount);
        assert.deepEqual(deal.labels, expected[i].associationLabels ?? []);
        if (deal.labels.length > 0) labelled++;
      });
    }
    assert.ok(labelled > 0 && [...deals.values()].flat().length > labelled, 'the seeded portal has labelled and unlabelled deal associations');
  });

  it('answers the v4 batch read in HubSpot\'s shape: the HubSpot-defined type beside each label', async () => {
    const holder = contacts().find((c) => (c.tickets ?? []).some((t) => t.associationLabels))!;
    const { status, body } = await wire('/crm/v4/associations/contacts/tickets/batch/read', { inputs: [{ id: holder.id }] });
    assert.equal(status, 200);
    const labelled = body.results[0].to.find((t) => t.associationTypes.length > 1)!;
    assert.deepEqual(labelled.associationTypes, [{ category: 'HUBSPOT_DEFINED', typeId: 15, label: null }, { category: 'USER_DEFINED', typeId: 201, label: 'Reporter' }]);
  });

  it('answers a contact without associations with a NO_ASSOCIATIONS_FOUND error (207), read as none', async () => {
    const holder = contacts().find((c) => (c.tickets ?? []).length > 0)!;
    const without = contacts().find((c) => (c.tickets ?? []).length === 0)!;
    const response = await fetch(`${h.emulator.url}/crm/v4/associations/contacts/tickets/batch/read`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ inputs: [{ id: holder.id }, { id: without.id }] }) });
    assert.equal(response.status, 207);
    const body = (await response.json()) as { results: { from: { id: string } }[]; numErrors: number; errors: { category: string; subCategory: string; message: string; context: { fromObjectId: string[] } }[] };
    assert.deepEqual(body.results.map((r) => r.from.id), [holder.id]);
    assert.equal(body.numErrors, 1);
    assert.deepEqual(body.errors.map((e) => [e.category, e.subCategory, e.message, e.context.fromObjectId]), [['OBJECT_NOT_FOUND', 'crm.associations.NO_ASSOCIATIONS_FOUND', `No ticket is associated with contact ${without.id}.`, [without.id]]]);
    const read = await h.account.getAssociatedFor([holder.id, without.id], 'tickets', ['subject']);
    assert.deepEqual([read.get(holder.id)!.length, read.get(without.id)], [holder.tickets!.length, []]);
  });

  it('lists the association types and labels from contacts (Associations Schema v4 and its 2026-09 path)', async () => {
    const get = (path: string) => fetch(`${h.emulator.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then(async (r) => ({ status: r.status, body: (await r.json()) as { results: unknown[] } }));
    const deals = await get('/crm/associations/v4/contacts/deals/labels');
    assert.deepEqual(deals.body.results, [
      { category: 'HUBSPOT_DEFINED', typeId: 4, label: null }, { category: 'USER_DEFINED', typeId: 101, label: 'Decision maker' }, { category: 'USER_DEFINED', typeId: 102, label: 'Billing contact' },
    ]);
    assert.deepEqual((await get('/crm/associations/2026-09/contacts/deals/labels')).body, deals.body);
    assert.equal((await get('/crm/associations/v4/contacts/companies/labels')).body.results.length, 3, '279, Primary and one label');
    assert.equal((await get('/crm/associations/v4/contacts/quotes/labels')).status, 404);
  });

  it('follows a contact\'s association paging until every deal is read', async () => {
    const many: PortalContact = { ...contacts()[0], id: '990001', deals: Array.from({ length: 1203 }, (_, k) => ({ id: String(90_000_000 + k), properties: { dealname: `Bulk ${k}`, amount: String(k) } })) };
    h.emulator.state.upsertContact(many);
    h.emulator.requests.length = 0;
    const deals = await h.account.getAssociatedFor(['990001', '1'], 'deals', ['amount']);
    assert.equal(deals.get('990001')!.length, 1203);
    assert.equal(deals.get('990001')![1202].properties.amount, '1202');
    const reads = h.emulator.requests.filter((r) => r.path === '/crm/v4/associations/contacts/deals/batch/read');
    assert.equal(reads.length, 3, '500 associations a result: two more requests with `after`');
    assert.deepEqual((reads[2].body as { inputs: unknown[] }).inputs, [{ id: '990001', after: '1000' }]);
  });

  it('reads company labels and the primary company', async () => {
    const contact = contacts().find((c) => c.companyIds.length > 0)!;
    h.emulator.state.upsertContact({ ...contact, companyLabels: { [contact.companyIds[0]]: ['301'] } });
    const companies = await h.account.getCompaniesFor([contact.id], ['name']);
    const first = companies.get(contact.id)![0];
    assert.deepEqual([first.id, first.primary, first.labels], [contact.companyIds[0], true, ['301']]);
    // HubSpot's answer carries createdate, hs_lastmodifieddate and hs_object_id too: only what was asked is kept (issue 15).
    assert.deepEqual(Object.keys(first.properties), ['name']);
    const twice = await h.account.getCompaniesFor([contact.id, contact.id], ['name']);
    assert.deepEqual([twice.size, twice.get(contact.id)], [1, companies.get(contact.id)], 'a contact named twice has one entry, with its companies once');
  });

  it('holds one record object for every contact with the same link, and one empty list for all contacts without (issue 15: memory at 100k contacts)', async () => {
    const ids = contacts().map((c) => c.id);
    const companies = await h.account.getAssociatedFor(ids, 'companies', ['name']);
    assert.equal(companies.size, ids.length, 'every contact asked about has an entry');
    const byLink = new Map<string, object>();
    let shared = 0;
    for (const list of companies.values()) {
      for (const company of list) {
        const key = `${company.id} ${company.primary === true} ${company.labels.join(',')}`;
        const seen = byLink.get(key);
        if (seen) assert.equal(company, seen, key);
        if (seen) shared++;
        else byLink.set(key, company);
      }
    }
    assert.ok(shared > 0, 'the seeded portal has contacts that share a company');
    const without = ids.filter((id) => companies.get(id)!.length === 0);
    assert.ok(without.length > 1 && without.every((id) => companies.get(id) === companies.get(without[0])), 'contacts without a company share one empty list');
    assert.throws(() => companies.get(without[0])!.push(companies.get(ids.find((id) => companies.get(id)!.length > 0)!)![0]), TypeError, 'that list is frozen: nothing can add to every contact at once');
    assert.deepEqual(Object.keys([...byLink.values()][0]).sort().filter((k) => k !== 'primary'), ['id', 'labels', 'properties'], 'a record holds what the preview keeps, nothing more');
    // Contacts with the same links hold one list (a list each took 160 MB at 1M contacts).
    const listOf = new Map<string, unknown>();
    let sharedLists = 0;
    for (const list of companies.values()) {
      if (list.length === 0) continue;
      assert.ok(Object.isFrozen(list), 'a shared list is frozen');
      const key = list.map((c) => `${c.id} ${c.primary === true} ${c.labels.join(',')}`).join('|');
      const seen = listOf.get(key);
      if (seen) assert.equal(list, seen, key);
      if (seen) sharedLists++;
      else listOf.set(key, list);
    }
    assert.ok(sharedLists > 0, 'the seeded portal has contacts with the same companies');
  });

  it('leaves out a company deleted between the association read and the record read, for every contact that had it', async () => {
    const ids = contacts().map((c) => c.id);
    const asked = await h.account.getAssociatedFor(ids, 'companies', ['name']);
    // The records are read 100 at a time, in the order the contacts first name them: the first batch is
    // sent first, and HubSpot's answer to it lacks its first company (the one deleted meanwhile).
    const batch = [...new Set([...asked.values()].flat().map((c) => c.id))].slice(0, 100);
    const gone = batch[0];
    const sharing = ids.filter((id) => asked.get(id)!.some((c) => c.id === gone));
    assert.ok(sharing.length > 1, 'the seeded portal has contacts sharing that company');
    const answer = await (await fetch(`${h.emulator.url}/crm/v3/objects/companies/batch/read`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ inputs: batch.map((id) => ({ id })), properties: ['name'] }) })).json() as { results: { id: string }[] };
    h.emulator.faults.add({ type: 'body', path: '/crm/v3/objects/companies/batch/read', json: { ...answer, results: answer.results.filter((r) => r.id !== gone) }, count: 1 });
    const read = await h.account.getAssociatedFor(ids, 'companies', ['name']);
    for (const id of sharing) {
      assert.deepEqual(read.get(id)!.map((c) => c.id), asked.get(id)!.map((c) => c.id).filter((c) => c !== gone), id);
      assert.ok(Object.isFrozen(read.get(id)), 'the list without it is frozen too');
    }
    assert.ok([...read.values()].every((list) => list.every((c) => c.properties.name !== undefined)), 'every company left has its properties');
  });

  it('fails a records batch read whose errors are other than not found, rather than read those companies as deleted', async () => {
    const account = createHubSpotAccount({ accessToken: TOKEN, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false });
    const ids = contacts().map((c) => c.id);
    const failed = { status: 'error', category: 'INTERNAL_ERROR', message: 'Could not read some companies.', context: { ids: ['1'] } };
    h.emulator.faults.add({ type: 'body', path: '/crm/v3/objects/companies/batch/read', status: 207, json: { status: 'COMPLETE', results: [], numErrors: 1, errors: [failed] }, count: 1 });
    const error = await expectRejection(account.getAssociatedFor(ids, 'companies', ['name']));
    assert.match(error.message, /^HubSpot at 127\.0\.0\.1:\d+ answered a batch of companies with an error other than "not found": INTERNAL_ERROR: "Could not read some companies\."; the records it names would otherwise be read as not there\.$/);
    h.emulator.faults.clear();
  });

  it('serves deal and ticket properties and records', async () => {
    const amount = (await fetch(`${h.emulator.url}/crm/v3/properties/deals/amount`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json())) as { type: string };
    assert.equal(amount.type, 'number');
    const ticket = contacts().flatMap((c) => c.tickets ?? [])[0];
    const one = (await fetch(`${h.emulator.url}/crm/v3/objects/tickets/${ticket.id}?properties=hs_ticket_priority`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json())) as { id: string; properties: Record<string, string | null> };
    assert.deepEqual([one.id, one.properties.hs_ticket_priority], [ticket.id, ticket.properties.hs_ticket_priority ?? null]);
  });

  it('an associations answer cut short, malformed or of the wrong shape is an error naming it, never fewer associations (answers read from their bytes)', async () => {
    // A body cut short stalls under node-fetch rather than failing: the time limit ends it (1 s here).
    const account = createHubSpotAccount({ accessToken: TOKEN, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false, timeoutMs: 1000 });
    const path = '/crm/v4/associations/contacts/deals/batch/read';
    const cases: [Parameters<typeof h.emulator.faults.add>[0], RegExp][] = [
      [{ type: 'truncate', path, bytes: 40 }, /broke off its answer to POST \/crm\/v4\/associations\/contacts\/deals\/batch\/read: 40 of [\d,]+ bytes arrived/],
      [{ type: 'body', path, raw: '{"results":[{"from":{"id":"1"},"to":[{"toObjectId":7}' }, /answered a batch of contact → deals associations with something that is not JSON \(the end where "," or "]" was expected at byte 53\)/],
      [{ type: 'body', path, json: { status: 'COMPLETE' } }, /answered a batch of contact → deals associations without a "results" array/],
      [{ type: 'body', path, json: { results: [{ from: { id: '1' }, to: [{ associationTypes: [] }] }] } }, /sent an association without "toObjectId"/],
      // HubSpot could not read one contact's associations: an error, not a contact shown without any.
      [{ type: 'body', path, status: 207, json: { status: 'COMPLETE', results: [], numErrors: 1, errors: [{ status: 'error', category: 'INTERNAL_ERROR', message: 'Could not read associations for 2.' }] } }, /answered a batch of contact → deals associations with an error other than "no associations": INTERNAL_ERROR: "Could not read associations for 2\."/],
    ];
    for (const [fault, message] of cases) {
      h.emulator.faults.clear();
      h.emulator.faults.add(fault);
      const error = await expectRejection(account.getAssociatedFor(['1', '2'], 'deals', ['amount']));
      assert.match(error.message, message, fault.type);
      assert.match(error.message, /^HubSpot at 127\.0\.0\.1:\d+ /, 'the host is named first');
    }
    h.emulator.faults.clear();
    assert.equal((await account.getAssociatedFor(['1', '2'], 'deals', ['amount'])).size, 2, 'the next read is whole');
  });

  it('says 403 for deals a token has no scope for', async () => {
    const account = createHubSpotAccount({ accessToken: NO_DEALS_TOKEN, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false });
    const error = await expectRejection(account.getAssociatedFor(['1'], 'deals', ['amount']));
    assert.equal(error.status, 403);
    assert.match(error.message, /403/);
    assert.equal((await account.getAssociatedFor(['1'], 'tickets', ['subject'])).size, 1);
  });

  it('reads every submission of a form, page by page, with the email each carried', async () => {
    const carrier = contacts().find((c) => c.properties.email)!;
    const at = (k: number) => new Date(Date.UTC(2025, 0, 1) + k * 60_000).toISOString();
    h.emulator.state.upsertContact({ ...carrier, formSubmissions: [...carrier.formSubmissions, ...Array.from({ length: 60 }, (_, k) => ({ formId: WEBINAR_FORM_ID, timestamp: at(k) }))] });
    const expected = contacts().flatMap((c) => c.formSubmissions.filter((s) => s.formId === WEBINAR_FORM_ID).map((s) => ({ email: c.properties.email ?? undefined, at: Date.parse(s.timestamp) })));
    h.emulator.requests.length = 0;
    const pages: number[] = [];
    const found = await h.account.getFormSubmissions(WEBINAR_FORM_ID, (n) => pages.push(n));
    assert.equal(found.length, expected.length);
    assert.ok(pages.length >= 2 && pages.length === h.emulator.requests.length, `${pages.length} pages of at most 50`);
    assert.match(h.emulator.requests[0].query, /limit=50/);
    const key = (s: { email?: string; at: number }) => `${s.email ?? ''}@${s.at}`;
    assert.deepEqual(found.map((s) => key({ email: s.email, at: s.submittedAt })).sort(), expected.map(key).sort());
    assert.ok(found.every((s, i) => i === 0 || found[i - 1].submittedAt >= s.submittedAt), 'newest first');
  });

  it('sees a submission added after a read (the emulator gathers a form\'s submissions once per change of its state)', async () => {
    const before = await h.account.getFormSubmissions(WEBINAR_FORM_ID);
    const carrier = contacts().find((c) => c.properties.email && c.properties.email !== before[0]?.email)!;
    const newest = new Date(Date.UTC(2025, 11, 31, 23, 59)).toISOString();
    h.emulator.state.upsertContact({ ...carrier, formSubmissions: [...carrier.formSubmissions, { formId: WEBINAR_FORM_ID, timestamp: newest }] });
    const after = await h.account.getFormSubmissions(WEBINAR_FORM_ID);
    assert.equal(after.length, before.length + 1);
    assert.deepEqual([after[0].email, after[0].submittedAt], [carrier.properties.email, Date.parse(newest)]);
  });

  it('reads the same under the 2026-09 API version (dated associations and objects paths; submissions have only v1)', async () => {
    const dated = createHubSpotAccount({ accessToken: TOKEN, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false, apiVersion: '2026-09' });
    h.emulator.requests.length = 0;
    const holder = contacts().find((c) => (c.tickets ?? []).length > 0)!;
    const tickets = await dated.getAssociatedFor([holder.id], 'tickets', ['hs_ticket_priority']);
    assert.deepEqual(tickets.get(holder.id)!.map((t) => t.id), holder.tickets!.map((t) => t.id));
    assert.ok((await dated.getFormSubmissions(WEBINAR_FORM_ID)).length > 0);
    assert.deepEqual([...new Set(h.emulator.requests.map((r) => r.path.replace(/\/[^/]*$/, '')))].sort(), [
      '/crm/associations/2026-09/contacts/tickets/batch', '/crm/objects/2026-09/tickets/batch', '/form-integrations/v1/submissions/forms',
    ]);
  });

  it('says 404 for a form HubSpot does not have', async () => {
    const error = await expectRejection(h.account.getFormSubmissions('00000000-0000-4000-8000-000000000000'));
    assert.equal(error.status, 404);
  });
});
