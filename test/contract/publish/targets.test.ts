import { strict as assert } from 'node:assert';
import { hslist, planJson, portalLists, startPortal, stateOf, workspace, type Portal } from './support';

const LISTS = `list "Customers" {
  where lifecyclestage is customer
}

list "Customers with an email" {
  where in list "Customers" and email is known
}
`;

const TARGETS = JSON.stringify({ targets: { sandbox: { portalId: '4242001', env: 'HSLIST_SANDBOX' }, production: { portalId: '7777777' } } });

describe('publish: named targets and API versions', () => {
  let sandbox: Portal;
  let production: Portal;
  before(async () => {
    sandbox = await startPortal();
    production = await startPortal({ portalId: 7777777 });
  });
  after(async () => Promise.all([sandbox.stop(), production.stop()]));

  const envFor = (portal: Portal, prefix: string) => ({ [`${prefix}_HUBSPOT_TOKEN`]: portal.env.HSLIST_HUBSPOT_TOKEN, [`${prefix}_HUBSPOT_BASE_URL`]: portal.env.HSLIST_HUBSPOT_BASE_URL });

  it('the same files go to two portals, each with its own ids in the state file', async () => {
    const root = workspace({ 'lists.hslist': LISTS }, TARGETS);
    const env = { ...envFor(sandbox, 'HSLIST_SANDBOX'), ...envFor(production, 'HSLIST_PRODUCTION') };
    assert.equal((await hslist(root, env, 'apply', '--target', 'sandbox', '--yes')).code, 0);
    const toProduction = await hslist(root, env, 'apply', '--target', 'production', '--yes');
    assert.equal(toProduction.code, 0, toProduction.err);
    assert.match(toProduction.err, /HubSpot at 127\.0\.0\.1:\d+ \(target "production", API v3\)/);
    const state = stateOf(root);
    assert.deepEqual(Object.keys(state.portals).sort(), ['4242001', '7777777']);
    assert.equal(state.portals['7777777'].lists['Customers'].listId, portalLists(production).get('Customers')!.listId);
    assert.equal((await planJson(root, env, '--target', 'sandbox')).code, 0);
    assert.equal((await planJson(root, env, '--target', 'production')).code, 0);
    const compiled = await hslist(root, env, 'compile', 'lists.hslist', '--list', 'customers WITH an email', '--target', 'production');
    assert.equal(compiled.code, 0, compiled.err);
    assert.match(compiled.out, new RegExp(`"listId": "${portalLists(production).get('Customers')!.listId}"`));
    const placeholders = await hslist(root, env, 'compile', 'lists.hslist', '--list', 'Customers with an email');
    assert.match(placeholders.out, /"listId": "\$list:Customers"/);
  });

  it('credentials of another portal than the target names: nothing is read or changed', async () => {
    const root = workspace({ 'lists.hslist': LISTS }, TARGETS);
    const wrong = envFor(sandbox, 'HSLIST_PRODUCTION');
    const run = await hslist(root, wrong, 'apply', '--target', 'production', '--yes');
    assert.equal(run.code, 1);
    assert.match(run.err, /the credentials of target "production" belong to portal 4242001, not to portal 7777777 that hslist\.json names; nothing was read or changed/);
    const unknown = await hslist(root, wrong, 'plan', '--target', 'staging');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /hslist\.json has no target "staging"; its targets are "sandbox", "production"/);
    const missing = await hslist(root, {}, 'plan', '--target', 'production');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /target "production": No HubSpot token: set HSLIST_PRODUCTION_HUBSPOT_TOKEN/);
  });

  it('hubspot.apiVersion 2026-09 sends every call to the date-based paths', async () => {
    const root = workspace({ 'lists.hslist': LISTS }, JSON.stringify({ hubspot: { apiVersion: '2026-09' } }));
    const env = { HSLIST_HUBSPOT_TOKEN: production.env.HSLIST_HUBSPOT_TOKEN, HSLIST_HUBSPOT_BASE_URL: production.env.HSLIST_HUBSPOT_BASE_URL };
    production.emulator.requests.length = 0;
    const run = await hslist(root, env, 'plan');
    assert.match(run.err, /\(API 2026-09\)/);
    const paths = production.emulator.requests.map((r) => r.path);
    assert.ok(paths.length >= 3);
    assert.deepEqual(paths.filter((p) => !/^\/(crm\/lists|account-info)\/2026-09\b/.test(p)), [], paths.join(' '));
    const bad = await hslist(workspace({}, JSON.stringify({ hubspot: { apiVersion: 'v4' } })), env, 'plan');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /"hubspot\.apiVersion" must be "v3" or a date-based version such as "2026-09"/);
  });
});
