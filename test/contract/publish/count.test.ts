// `hslist count`: HubSpot's own count through temporary lists, against the emulator over the real SDK.
// The temporary lists never stay: deleted after counting, after a time-out, and (when a run died) by the
// next run; one that cannot be deleted is named, and the run is not a success.

import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { countInHubSpot } from '../../../server/src/publish/hubspot-count';
import { hslist, portalLists, startPortal, TOKEN, workspace, type Portal } from './support';

const LISTS = `list "Poles" {
  where country is "Poland"
}

list "Form fillers" {
  where submitted any form
}

list "Poles who filled a form" {
  where in list "Poles" and submitted any form
}

list "Hand picked" {
  type: static
}
`;

const temporaries = (portal: Portal) => [...portalLists(portal).keys()].filter((n) => n.startsWith('hslist temporary count'));

describe('hslist count: HubSpot counts the lists as the files define them', function () {
  this.timeout(60_000);
  let clock = Date.parse('2026-11-02T10:00:00Z');
  let portal: Portal;
  before(async () => (portal = await startPortal({ clock: () => clock })));
  after(async () => portal.stop());
  afterEach(() => portal.emulator.faults.clear());

  it('counts each list as the portal does, refuses what it cannot count honestly, and leaves no list behind', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    const run = await hslist(root, portal.env, 'count', '--json');
    assert.equal(run.code, 1, 'the unpublished reference and the static list are not counted');
    const counts = JSON.parse(run.out) as { lists: { name: string; size?: number; reason?: string }[] };
    const byName = new Map(counts.lists.map((l) => [l.name, l]));
    const contacts = [...portal.emulator.state.contacts.values()];
    const poles = contacts.filter((c) => c.properties.country === 'Poland').length;
    const formFillers = contacts.filter((c) => (c.formSubmissions ?? []).length > 0).length;
    assert.ok(poles > 0 && formFillers > 0, `the seeded portal has both (${poles} Poles, ${formFillers} form fillers)`);
    assert.equal(byName.get('Poles')?.size, poles);
    assert.equal(byName.get('Form fillers')?.size, formFillers);
    assert.match(byName.get('Poles who filled a form')?.reason ?? '', /refers to "Poles", not in this portal yet \(hslist apply publishes it first\)/);
    assert.match(byName.get('Hand picked')?.reason ?? '', /static list holds the members it is given/);
    assert.deepEqual(temporaries(portal), [], 'every temporary list is deleted');
    assert.match(run.err, /creating 2 temporary lists in portal \d+, deleted once counted/);
  });

  it('after apply, a list that refers to another is counted with its id; unpublished edits of that list are said', async () => {
    const root = workspace({ 'lists.hslist': LISTS.replace(/list "Hand picked"[\s\S]*$/, '') });
    assert.equal((await hslist(root, portal.env, 'apply', '--yes')).code, 0);
    const published = await hslist(root, portal.env, 'count', '--list', 'poles who filled a form');
    assert.equal(published.code, 0, published.err);
    const both = [...portal.emulator.state.contacts.values()].filter((c) => c.properties.country === 'Poland' && (c.formSubmissions ?? []).length > 0).length;
    assert.match(published.out, new RegExp(`"Poles who filled a form"\\s+${both} contacts?\\n`));
    assert.doesNotMatch(published.out, /not applied yet/);
    const edited = workspace({ 'lists.hslist': LISTS.replace('"Poland"', '"Germany"').replace(/list "Hand picked"[\s\S]*$/, '') });
    writeFileSync(join(edited, 'hslist.lock.json'), readFileSync(join(root, 'hslist.lock.json')));
    const stale = await hslist(edited, portal.env, 'count', 'lists.hslist', '--list', 'Poles who filled a form');
    assert.match(stale.out, /"Poles" is counted as HubSpot holds it now: its edits in the files are not applied yet\./);
  });

  it('a temporary list HubSpot has not processed in time is not counted, and is deleted all the same', async () => {
    const slow = await startPortal({ processingDelayMs: Number.POSITIVE_INFINITY, clock: () => clock });
    try {
      const run = await hslist(workspace({ 'lists.hslist': 'list "Poles" {\n  where country is "Poland"\n}\n' }), slow.env, 'count', '--timeout', '1');
      assert.equal(run.code, 1);
      assert.match(run.out, /"Poles"\s+not counted: HubSpot was still processing it when the time ran out \(--timeout\)/);
      assert.deepEqual(temporaries(slow), []);
    } finally {
      await slow.stop();
    }
  });

  it('Ctrl-C while HubSpot processes: the temporary lists are deleted by the account no signal aborts', async () => {
    const slow = await startPortal({ processingDelayMs: Number.POSITIVE_INFINITY, clock: () => clock });
    try {
      const controller = new AbortController();
      const connection = { accessToken: TOKEN, basePath: slow.emulator.url, throttle: false };
      const request = { objectTypeId: '0-1', processingType: 'DYNAMIC' as const, filterBranch: {
        filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [],
        filterBranches: [{ filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters: [{ filterType: 'PROPERTY', property: 'email', operation: { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN' } }] }],
      } };
      const counting = countInHubSpot(createHubSpotAccount({ ...connection, signal: controller.signal }), [{ name: 'Everyone', request }], {
        cleanupAccount: createHubSpotAccount(connection),
        signal: controller.signal,
        intervalMs: 50,
        onProgress: (message) => message.startsWith('created') && setTimeout(() => controller.abort(), 100),
      });
      const result = await counting;
      assert.deepEqual(result.outcomes, [{ name: 'Everyone', counted: false, reason: 'stopped before it was counted' }]);
      assert.deepEqual(result.left, []);
      assert.deepEqual(temporaries(slow), [], 'deleted although the run was stopped');
      assert.ok(slow.emulator.requests.some((r) => r.method === 'DELETE'), 'a delete was sent');
    } finally {
      await slow.stop();
    }
  });

  it('a temporary list that cannot be deleted is named with its id, and the run fails', async () => {
    portal.emulator.faults.add({ type: 'status', status: 500, method: 'DELETE', path: '/crm/v3/lists/', count: 10 });
    const run = await hslist(workspace({ 'lists.hslist': 'list "Poles" {\n  where country is "Poland"\n}\n' }), portal.env, 'count');
    assert.equal(run.code, 1);
    const [left] = temporaries(portal);
    assert.ok(left, 'the list the fault kept is still there');
    const id = portalLists(portal).get(left)!.listId;
    assert.match(run.err, new RegExp(`the temporary list #${id} "hslist temporary count · Poles · [0-9a-f]{8}" could not be deleted \\(.*500.*\\): delete it in HubSpot`));
    portal.emulator.faults.clear();
    // The next run, an hour and more later, deletes what the failed one left.
    clock += 2 * 3_600_000;
    const next = await hslist(workspace({ 'lists.hslist': 'list "Poles" {\n  where country is "Poland"\n}\n' }), portal.env, 'count');
    assert.equal(next.code, 0, next.err);
    assert.match(next.out, new RegExp(`deleted #${id} "hslist temporary count · Poles · [0-9a-f]{8}", a temporary list an earlier run left behind`));
    assert.deepEqual(temporaries(portal), []);
  });

  it('bad usage and missing credentials are exit 2, and nothing is created', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    const before = portal.emulator.requests.length;
    for (const argv of [['count', '--timeout', 'soon'], ['count', '--list', 'Nope'], ['count', 'missing.hslist']]) {
      const run = await hslist(root, portal.env, ...argv);
      assert.equal(run.code, 2, `${argv.join(' ')}: ${run.err}`);
      assert.match(run.err, /^hslist count: /m);
    }
    const missing = await hslist(root, {}, 'count');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /No HubSpot token: set HSLIST_HUBSPOT_TOKEN/);
    assert.equal(portal.emulator.requests.filter((r) => r.method !== 'GET').length, portal.emulator.requests.slice(0, before).filter((r) => r.method !== 'GET').length, 'no write was sent');
  });
});
