import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entry, hslist, planJson, portalFolders, portalLists, startPortal, stateOf, workspace, write, type Portal } from './support';

const HYGIENE = `list "Test contacts" {
  type: active
  folder: "Hygiene"
  where email ends with any of ("@example.com", "@test.com")
}
`;

const ENGAGED = `list "Engaged" {
  type: active
  folder: "Engagement/2025"
  where hs_analytics_num_visits >= 3
    and lifecyclestage is any of (salesqualifiedlead, lead, marketingqualifiedlead)
}
`;

const INCLUSION = `list "Qualified for Salesforce" {
  type: active
  folder: "Salesforce"
  where email is known
    and not in list "Test contacts"
    and in list "Engaged"
}

sync salesforce {
  inclusion list: "Qualified for Salesforce"
}
`;

describe('publish: plan and apply against the HubSpot emulator, through the real SDK', () => {
  let portal: Portal;
  beforeEach(async () => (portal = await startPortal()));
  afterEach(async () => portal.stop());

  it('creates lists in dependency order with real ids and folders, then plans nothing; a second apply changes nothing', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE, 'engaged.hslist': ENGAGED, 'sync.hslist': INCLUSION });
    const first = await planJson(root, portal.env);
    assert.equal(first.code, 4, first.err);
    assert.deepEqual(first.plan.counts.create, 3);
    const applied = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(applied.code, 0, applied.out + applied.err);
    const lists = portalLists(portal);
    const inclusion = lists.get('Qualified for Salesforce')!;
    const ids = JSON.stringify(inclusion.filterBranch);
    assert.ok(ids.includes(`"listId":"${lists.get('Test contacts')!.listId}"`) && ids.includes(`"listId":"${lists.get('Engaged')!.listId}"`), ids);
    assert.ok(!ids.includes('$list:'), 'no placeholder reaches HubSpot');
    const folders = portalFolders(portal).map((f) => f.name).sort();
    assert.deepEqual(folders, ['2025', 'Engagement', 'Hygiene', 'Salesforce']);
    const state = stateOf(root).portals['4242001'];
    assert.equal(state.inclusionList, 'Qualified for Salesforce');
    assert.equal(state.lists['Engaged'].folder, 'Engagement/2025');
    assert.equal(state.lists['Engaged'].folderId, portalFolders(portal).find((f) => f.name === '2025')!.id);
    assert.equal(state.lists['Qualified for Salesforce'].listId, inclusion.listId);
    const again = await planJson(root, portal.env);
    assert.equal(again.code, 0, JSON.stringify(again.plan.entries, null, 1));
    assert.deepEqual(again.plan.entries.map((e) => e.status), ['unchanged', 'unchanged', 'unchanged']);
    const requestsBefore = portal.emulator.requests.length;
    const second = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(second.code, 0);
    assert.match(second.out, /Nothing to apply/);
    const writes = portal.emulator.requests.slice(requestsBefore).filter((r) => r.method !== 'GET' && !r.path.endsWith('/search'));
    assert.deepEqual(writes, [], 'a second apply writes nothing');
  });

  it('an edited clause: the plan says "change" with who enters and leaves; apply keeps the list id', async () => {
    const root = workspace({ 'engaged.hslist': ENGAGED, 'contacts.json': JSON.stringify(contacts()) }, '{ "contacts": "contacts.json" }\n');
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    const id = portalLists(portal).get('Engaged')!.listId;
    write(root, 'engaged.hslist', ENGAGED.replace('>= 3', '>= 1'));
    const { code, plan } = await planJson(root, portal.env);
    assert.equal(code, 4);
    const engaged = entry(plan, 'Engaged');
    assert.equal(engaged.status, 'change');
    assert.deepEqual(engaged.changes.map((c) => c.kind), ['filters']);
    assert.deepEqual({ enter: engaged.impact?.enter, leave: engaged.impact?.leave, after: engaged.impact?.after }, { enter: 1, leave: 0, after: 3 });
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    assert.equal(portalLists(portal).get('Engaged')!.listId, id, 'the id stays');
    assert.equal((await planJson(root, portal.env)).code, 0);
  });

  it('a list renamed in the files with the same criteria is renamed in HubSpot, keeping its id; a new folder moves it', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE });
    await hslist(root, portal.env, 'apply', '--yes');
    const id = portalLists(portal).get('Test contacts')!.listId;
    write(root, 'hygiene.hslist', HYGIENE.replace('"Test contacts"', '"Test and internal contacts"').replace('"Hygiene"', '"Data quality"'));
    const { plan } = await planJson(root, portal.env);
    const renamed = entry(plan, 'Test and internal contacts');
    assert.equal(renamed.status, 'change');
    assert.deepEqual(renamed.changes.map((c) => c.kind), ['rename', 'move']);
    assert.equal(renamed.listId, id);
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    const after = portalLists(portal).get('Test and internal contacts')!;
    assert.equal(after.listId, id);
    const folder = portalFolders(portal).find((f) => f.name === 'Data quality');
    assert.ok(folder && portal.emulator.state.lists.get(id)!.folderId === folder.id);
    assert.deepEqual(Object.keys(stateOf(root).portals['4242001'].lists), ['Test and internal contacts']);
    assert.equal((await planJson(root, portal.env)).code, 0);
  });

  it('drift: criteria changed in HubSpot are shown as .hslist with a diff, left alone without --force, replaced with it', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE });
    await hslist(root, portal.env, 'apply', '--yes');
    const id = portalLists(portal).get('Test contacts')!.listId;
    await portal.account.updateListFilters(id, orOf([{ filterType: 'PROPERTY', property: 'email', operation: { operationType: 'STRING', operator: 'ENDS_WITH', value: '@example.org' } }]));
    const { code, plan } = await planJson(root, portal.env);
    assert.equal(code, 5);
    const drifted = entry(plan, 'Test contacts');
    assert.equal(drifted.status, 'drifted');
    assert.match(drifted.reasons[0], /changed in HubSpot since the last publish/);
    assert.match(drifted.drift?.remoteText ?? '', /where email ends with "@example\.org"/);
    assert.match(drifted.drift?.diff ?? '', /^- {3}where email ends with any of \("@example\.com", "@test\.com"\)$/m);
    assert.match(drifted.drift?.diff ?? '', /^\+ {3}where email ends with "@example\.org"$/m);
    const refused = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(refused.code, 5);
    assert.match(refused.out, /left as it is: .*not applied without --force/);
    assert.match(JSON.stringify(portal.emulator.state.lists.get(id)!.filterBranch), /@example\.org/);
    assert.equal((await hslist(root, portal.env, 'apply', '--yes', '--force')).code, 0);
    assert.match(JSON.stringify(portal.emulator.state.lists.get(id)!.filterBranch), /@test\.com/);
    assert.equal((await planJson(root, portal.env)).code, 0);
  });

  it('drift: a list deleted in HubSpot is restored with --force, keeping its id', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE });
    await hslist(root, portal.env, 'apply', '--yes');
    const id = portalLists(portal).get('Test contacts')!.listId;
    await portal.account.deleteList(id);
    const { plan } = await planJson(root, portal.env);
    assert.equal(entry(plan, 'Test contacts').status, 'drifted');
    assert.match(entry(plan, 'Test contacts').reasons[0], /deleted in HubSpot/);
    assert.equal((await hslist(root, portal.env, 'apply', '--yes', '--force')).code, 0);
    assert.equal(portalLists(portal).get('Test contacts')!.listId, id);
    assert.equal((await planJson(root, portal.env)).code, 0);
  });

  it('blocked: a change of type HubSpot cannot make, a list with errors, and the lists that depend on them', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE });
    await hslist(root, portal.env, 'apply', '--yes');
    write(root, 'hygiene.hslist', HYGIENE.replace('type: active', 'type: snapshot'));
    write(root, 'broken.hslist', 'list "Broken" {\n  where emial is known\n}\n\nlist "Needs broken" {\n  where in list "Broken"\n}\n');
    write(root, 'cycle.hslist', 'list "Ping" {\n  where in list "Pong"\n}\n\nlist "Pong" {\n  where in list "Ping"\n}\n');
    const { code, plan } = await planJson(root, portal.env);
    assert.equal(code, 5);
    assert.match(entry(plan, 'Test contacts').reasons[0], /cannot turn the active list #\d+ into a snapshot list in place/);
    assert.equal(entry(plan, 'Broken').status, 'blocked');
    assert.match(entry(plan, 'Broken').reasons[0], /broken\.hslist:2: .*emial/);
    assert.equal(entry(plan, 'Needs broken').status, 'blocked');
    assert.match(entry(plan, 'Needs broken').reasons[0], /refers to "Broken", which cannot be published/);
    for (const name of ['Ping', 'Pong']) assert.match(entry(plan, name).reasons[0], /reference each other in a cycle/, name);
    const applied = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(applied.code, 5);
    assert.equal(portalLists(portal).get('Test contacts')!.processingType, 'DYNAMIC');
  });

  it('a list gone from the files stays in HubSpot unless --prune, which asks first and never deletes the inclusion list without --force', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE, 'engaged.hslist': ENGAGED, 'sync.hslist': INCLUSION });
    await hslist(root, portal.env, 'apply', '--yes');
    write(root, 'sync.hslist', INCLUSION.replace(/list "Qualified for Salesforce" \{[\s\S]*?\n\}\n/, '').replace('"Qualified for Salesforce"', '"Engaged"'));
    write(root, 'hygiene.hslist', '');
    const kept = await planJson(root, portal.env);
    assert.equal(entry(kept.plan, 'Test contacts').status, 'not-in-code');
    assert.equal(kept.code, 0, 'nothing to publish: the inclusion list is chosen in HubSpot\'s UI');
    assert.ok(kept.plan.notes.some((n) => /the inclusion list is now "Engaged" \(it was "Qualified for Salesforce"\): select it in HubSpot/.test(n)));
    const noConfirm = await hslist(root, portal.env, 'apply', '--prune');
    assert.equal(noConfirm.code, 1);
    assert.match(noConfirm.err, /need a confirmation[\s\S]*delete "Test contacts"[\s\S]*pass --yes/);
    assert.equal(portalLists(portal).size, 6, 'nothing was changed');
    const pruned = await hslist(root, portal.env, 'apply', '--prune', '--yes');
    assert.equal(pruned.code, 5, pruned.out);
    assert.match(pruned.out, /"Qualified for Salesforce" left as it is: it was the inclusion list at the last publish/);
    assert.ok(!portalLists(portal).has('Test contacts'));
    assert.ok(portalLists(portal).has('Qualified for Salesforce'));
    assert.equal((await hslist(root, portal.env, 'apply', '--prune', '--yes', '--force')).code, 0);
    assert.ok(!portalLists(portal).has('Qualified for Salesforce'));
  });

  it('a list already in HubSpot by that name: taken over when its criteria are the same, drifted when not', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE });
    await hslist(root, portal.env, 'apply', '--yes');
    const other = workspace({ 'hygiene.hslist': HYGIENE, 'engaged.hslist': ENGAGED.replace('"Engaged"', '"Engaged"') });
    await portal.account.createList({ name: 'Engaged', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: orOf([{ filterType: 'PROPERTY', property: 'email', operation: { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN' } }]) });
    const { plan } = await planJson(other, portal.env);
    assert.equal(entry(plan, 'Test contacts').status, 'change');
    assert.match(entry(plan, 'Test contacts').reasons[0], /already in HubSpot as #\d+ with these criteria/);
    assert.equal(entry(plan, 'Engaged').status, 'drifted');
    assert.match(entry(plan, 'Engaged').reasons[0], /is in HubSpot but not in the state file, with other criteria/);
    assert.equal((await hslist(other, portal.env, 'apply', '--yes')).code, 5);
    assert.ok(stateOf(other).portals['4242001'].lists['Test contacts']);
    assert.equal((await planJson(other, portal.env)).plan.counts.unchanged, 1);
  });

  it('a list not kept as code is found by name in the portal; a #id that is not there is blocked', async () => {
    const root = workspace({ 'a.hslist': 'list "From the trade show" {\n  where in list "Trade show 2024 attendees" and email is known\n}\n\nlist "Ghost" {\n  where in list #99999\n}\n' });
    write(root, '.hslist/schema/lists.json', JSON.stringify({ results: [{ listId: '1', name: 'Trade show 2024 attendees', processingType: 'MANUAL', objectTypeId: '0-1' }] }));
    for (const type of ['contacts', 'companies']) write(root, `.hslist/schema/${type}.json`, readFileSync(join(__dirname, `../../../server/src/language/default-schema/${type}.json`), 'utf8'));
    const { plan } = await planJson(root, portal.env);
    assert.equal(entry(plan, 'From the trade show').status, 'create');
    assert.equal(entry(plan, 'Ghost').status, 'blocked');
    assert.match(entry(plan, 'Ghost').reasons[0], /list #99999, which is not in the portal/);
    await hslist(root, portal.env, 'apply', '--yes');
    assert.match(JSON.stringify(portalLists(portal).get('From the trade show')!.filterBranch), /"listId":"1"/);
  });

  it('the inclusion list: a change asks first, with who would start and stop syncing; without a terminal it needs --yes', async () => {
    const root = workspace({ 'hygiene.hslist': HYGIENE, 'engaged.hslist': ENGAGED, 'sync.hslist': INCLUSION, 'contacts.json': JSON.stringify(contacts()) }, '{ "contacts": "contacts.json" }\n');
    const refused = await hslist(root, portal.env, 'apply');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /change the inclusion list "Qualified for Salesforce": \+\d+ would enter \(start syncing to Salesforce\)/);
    assert.equal(portalLists(portal).size, 3, 'nothing was created');
    const done = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(done.code, 0, done.out);
    assert.match(done.out, /Selecting a list in the Salesforce integration does not sync it by itself/);
    assert.match(done.out, /Settings > Integrations > Connected apps > Salesforce > Contacts/);
  });
});

function orOf(filters: unknown[]) {
  return { filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filters, filterBranches: [] }] };
}

/** Four contacts for enter/leave: visits 0, 1, 3, 5, all leads. */
function contacts() {
  return [0, 1, 3, 5].map((visits, i) => ({ id: String(9000 + i), properties: { email: `c${i}@acme.io`, hs_analytics_num_visits: String(visits), lifecyclestage: 'lead' } }));
}
