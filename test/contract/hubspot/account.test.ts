import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pullHubSpotSchema } from '../../../server/src/hubspot/account/pull-schema';
import { hubSpotCredentialsFromEnv } from '../../../server/src/hubspot/account/credentials';
import { matchesFilterBranch } from '../../../server/src/sandbox/hubspot/evaluate';
import { FIXED_NOW, LEADS_OR_POLAND, startHarness, type Harness } from './support';

const STAGE_IS_CUSTOMER_AT_SOFTWARE_COMPANY = {
  filterBranchType: 'OR', filters: [], filterBranches: [{
    filterBranchType: 'AND', filters: [
      { filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['customer', 'opportunity'] } },
    ],
    filterBranches: [{
      filterBranchType: 'ASSOCIATION', objectTypeId: '0-2', associationTypeId: 279, associationCategory: 'HUBSPOT_DEFINED', operator: 'IN_LIST', filterBranches: [],
      filters: [{ filterType: 'PROPERTY', property: 'industry', operation: { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', values: ['RETAIL'] } }],
    }],
  }],
};

describe('HubSpot account layer over the real SDK, end to end', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.emulator.stop());

  /** What the evaluator says independently of the emulator's list machinery. */
  const expectedMembers = (branch: unknown): string[] =>
    [...h.emulator.state.contacts.values()]
      .filter((c) => matchesFilterBranch(branch, h.emulator.state.toEvalContact(c), { now: FIXED_NOW }))
      .map((c) => c.id)
      .sort((a, b) => Number(a) - Number(b));

  it('creates a list, finds it by name, updates its filters, and reads memberships that match the evaluator', async () => {
    const created = await h.account.createList({ name: 'SFDC inclusion', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: LEADS_OR_POLAND });
    assert.equal(created.processingStatus, 'PROCESSING');
    assert.equal((await h.account.findListByName('sfdc INCLUSION'))?.listId, created.listId);
    assert.equal(await h.account.findListByName('No such list'), undefined);
    const members = await h.account.listMemberships(created.listId);
    assert.deepEqual(members.map((m) => m.recordId), expectedMembers(LEADS_OR_POLAND));
    const updated = await h.account.updateListFilters(created.listId, STAGE_IS_CUSTOMER_AT_SOFTWARE_COMPANY);
    assert.equal(updated.listVersion, 2);
    const after = (await h.account.listMemberships(created.listId)).map((m) => m.recordId);
    assert.ok(after.length > 0);
    assert.deepEqual(after, expectedMembers(STAGE_IS_CUSTOMER_AT_SOFTWARE_COMPANY));
    const fetched = await h.account.getList(created.listId, true);
    assert.equal((fetched.filterBranch?.filterBranches as { filterBranches: { filterBranchOperator: string }[] }[])[0].filterBranches[0].filterBranchOperator, 'ASSOCIATION');
  });

  it('pages every contact, with history when asked', async () => {
    let count = 0;
    let sawHistory = false;
    for await (const page of h.account.pageContacts(['email', 'lifecyclestage'], { history: ['lifecyclestage'] })) {
      assert.ok(page.length <= 50);
      count += page.length;
      sawHistory ||= page.some((c) => (c.history?.lifecyclestage.length ?? 0) > 1);
    }
    assert.equal(count, h.emulator.state.contacts.size);
    assert.ok(sawHistory);
  });

  it('finds each contact’s companies with their properties', async () => {
    const ids = ['1', '2', '3', '4', '5', '6'];
    const companies = await h.account.getCompaniesFor(ids, ['name', 'industry']);
    for (const id of ids) {
      const expected = h.emulator.state.contacts.get(id)!.companyIds;
      assert.deepEqual(companies.get(id)!.map((c) => c.id), expected);
      for (const company of companies.get(id)!) assert.equal(company.properties.name, h.emulator.state.companies.get(company.id)!.properties.name);
    }
  });

  it('searches lists across pages', async () => {
    const found = await h.account.searchLists({ processingTypes: ['MANUAL'] });
    assert.deepEqual(found.map((l) => l.name).sort(), ['Newsletter import', 'Trade show 2024 attendees', 'Webinar registrants']);
  });

  it('pulls the schema as sorted, stable, committable JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hslist-schema-'));
    const pulled = await pullHubSpotSchema(h.account, dir);
    const first = fs.readFileSync(path.join(dir, 'contacts.json'), 'utf8');
    const parsed = JSON.parse(first) as { results: { name: string }[] };
    const names = parsed.results.map((p) => p.name);
    assert.deepEqual(names, [...names].sort());
    assert.equal(pulled.counts.contacts, h.emulator.state.schema.contacts.length);
    assert.ok(first.endsWith('}\n') && first.includes('\n  "results": ['));
    await pullHubSpotSchema(h.account, dir);
    assert.equal(fs.readFileSync(path.join(dir, 'contacts.json'), 'utf8'), first, 'a second pull writes the same bytes');
    assert.ok(fs.existsSync(path.join(dir, 'companies.json')));
    fs.rmSync(dir, { recursive: true });
  });

  it('reads credentials from HSLIST_HUBSPOT_TOKEN and HSLIST_HUBSPOT_BASE_URL', () => {
    assert.deepEqual(hubSpotCredentialsFromEnv({ HSLIST_HUBSPOT_TOKEN: 't0k', HSLIST_HUBSPOT_BASE_URL: 'http://127.0.0.1:9' }), { ok: true, options: { accessToken: 't0k', basePath: 'http://127.0.0.1:9' } });
    const missing = hubSpotCredentialsFromEnv({});
    assert.ok(!missing.ok && /HSLIST_HUBSPOT_TOKEN/.test(missing.message));
    const bad = hubSpotCredentialsFromEnv({ HSLIST_HUBSPOT_TOKEN: 't0k', HSLIST_HUBSPOT_BASE_URL: 'ftp://x' });
    assert.ok(!bad.ok && /HSLIST_HUBSPOT_BASE_URL must be an http\(s\) URL/.test(bad.message));
  });
});
