// Publishing lists that use named value sets and conditions: HubSpot gets the values and criteria
// written in, a change of a definition changes every list that uses it (and no other), and a broken
// definition blocks the lists that use it.

import { strict as assert } from 'node:assert';
import { entry, hslist, planJson, portalLists, startPortal, workspace, write, type Portal } from './support';

const SHARED = `values competitors = ("acme.com", "globex.com")

condition engaged {
  where hs_analytics_num_visits >= 3
}
`;

const LISTS = `list "Prospects" {
  where hs_email_domain is none of competitors including unknown
    and condition engaged
}

list "Competitor contacts" {
  where hs_email_domain is any of competitors
}

list "Customers" {
  where lifecyclestage is customer
}
`;

/** The values of the first MULTISTRING filter of a list's filterBranch. */
function domains(filterBranch: unknown): string[] {
  const found = JSON.stringify(filterBranch).match(/"values":\[([^\]]*)\]/);
  return found ? (JSON.parse(`[${found[1]}]`) as string[]) : [];
}

describe('publish: lists that use named value sets and conditions', () => {
  let portal: Portal;
  beforeEach(async () => (portal = await startPortal()));
  afterEach(async () => portal.stop());

  it('publishes the values and criteria written in; a changed value set changes exactly the lists that use it', async () => {
    const root = workspace({ 'shared.hslist': SHARED, 'lists.hslist': LISTS });
    const applied = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(applied.code, 0, applied.out + applied.err);
    const prospects = portalLists(portal).get('Prospects')!;
    assert.deepEqual(domains(prospects.filterBranch), ['acme.com', 'globex.com']);
    assert.match(JSON.stringify(prospects.filterBranch), /"property":"hs_analytics_num_visits","operation":\{"operationType":"NUMBER","operator":"IS_GREATER_THAN_OR_EQUAL_TO"/);
    assert.equal((await planJson(root, portal.env)).code, 0, 'nothing to do after apply');

    write(root, 'shared.hslist', SHARED.replace('"globex.com")', '"globex.com", "initech.com")'));
    const { code, plan } = await planJson(root, portal.env);
    assert.equal(code, 4);
    assert.deepEqual(
      plan.entries.map((e) => [e.name, e.status]).sort(),
      [['Competitor contacts', 'change'], ['Customers', 'unchanged'], ['Prospects', 'change']],
    );
    assert.deepEqual(entry(plan, 'Prospects').changes.map((c) => c.kind), ['filters']);
    const ids = [...portalLists(portal).values()].map((l) => l.listId).sort();
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    assert.deepEqual(domains(portalLists(portal).get('Competitor contacts')!.filterBranch), ['acme.com', 'globex.com', 'initech.com']);
    assert.deepEqual([...portalLists(portal).values()].map((l) => l.listId).sort(), ids, 'the lists keep their ids');
    assert.equal((await planJson(root, portal.env)).code, 0);
  });

  it('a changed named condition changes the lists that use it; a broken one blocks them', async () => {
    const root = workspace({ 'shared.hslist': SHARED, 'lists.hslist': LISTS });
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    write(root, 'shared.hslist', SHARED.replace('>= 3', '>= 5'));
    const changed = await planJson(root, portal.env);
    assert.deepEqual(changed.plan.entries.filter((e) => e.status === 'change').map((e) => e.name), ['Prospects']);

    write(root, 'shared.hslist', SHARED.replace('hs_analytics_num_visits', 'hs_analytics_num_visit'));
    const blocked = await planJson(root, portal.env);
    assert.equal(blocked.code, 5);
    const prospects = entry(blocked.plan, 'Prospects');
    assert.equal(prospects.status, 'blocked');
    assert.match(prospects.reasons[0], /lists\.hslist:3: The condition `engaged` has errors \(shared\.hslist:4: Unknown contact property `hs_analytics_num_visit`/);
    assert.equal(entry(blocked.plan, 'Competitor contacts').status, 'unchanged');
    const applied = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(applied.code, 5);
    assert.match(JSON.stringify(portalLists(portal).get('Prospects')!.filterBranch), /"operator":"IS_GREATER_THAN_OR_EQUAL_TO","includeObjectsWithNoValueSet":false,"value":3/);
  });
});
