import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { defaultSchema } from '../../../server/src/language/schema';
import { analyzeWorkspace } from '../../../server/src/language/workspace';
import { applyPublish, planPublish } from '../../../server/src/publish/session';
import { hslist, portalFolders, portalLists, startPortal, stateOf, TOKEN, workspace, type Portal } from './support';

const LISTS = `list "A" {
  folder: "Ops"
  where email is known
}

list "B" {
  where in list "A" and lifecyclestage is lead
}
`;

async function applyWith(root: string, portal: Portal, options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  const account = createHubSpotAccount({ accessToken: TOKEN, basePath: portal.emulator.url, timeoutMs: options.timeoutMs ?? 5000, signal: options.signal });
  const analysis = analyzeWorkspace([{ path: join(root, 'lists.hslist'), text: LISTS }], defaultSchema());
  const planned = await planPublish({ root, analysis, schema: defaultSchema(), defaultTimezone: 'UTC' }, account);
  return applyPublish(planned, account, { concurrency: 1, signal: options.signal });
}

describe('publish: apply through faults', () => {
  let portal: Portal;
  beforeEach(async () => (portal = await startPortal()));
  afterEach(async () => portal.stop());
  const writes = (path: RegExp) => portal.emulator.requests.filter((r) => r.method === 'POST' && path.test(r.path)).map((r) => r.status);

  it('a create whose answer is lost is never repeated: the list is found by name, and the folder too', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    portal.emulator.faults.add({ type: 'reset', after: true, method: 'POST', path: '/crm/v3/lists/folders$', count: 1 });
    portal.emulator.faults.add({ type: 'reset', after: true, method: 'POST', path: '/crm/v3/lists$', count: 2 });
    const outcome = await applyWith(root, portal);
    assert.deepEqual(outcome.failed, []);
    assert.deepEqual(writes(/^\/crm\/v3\/lists$/), ['reset', 'reset'], 'two creates, each answered by a reset, none repeated');
    assert.deepEqual(writes(/^\/crm\/v3\/lists\/folders$/), ['reset']);
    assert.deepEqual([...portalLists(portal).keys()].filter((n) => n.length === 1).sort(), ['A', 'B']);
    assert.deepEqual(portalFolders(portal).map((f) => f.name), ['Ops']);
    assert.deepEqual(Object.keys(stateOf(root).portals['4242001'].lists).sort(), ['A', 'B']);
  });

  it('a create held past the time limit is looked up, not repeated; a 5xx create that HubSpot did not carry out is tried again', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    portal.emulator.faults.add({ type: 'delay', ms: 600, after: true, method: 'POST', path: '/crm/v3/lists$', count: 1 });
    portal.emulator.faults.add({ type: 'status', status: 503, method: 'POST', path: '/crm/v3/lists$', count: 1 });
    const outcome = await applyWith(root, portal, { timeoutMs: 250 });
    assert.deepEqual(outcome.failed, []);
    const creates = portal.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/crm/v3/lists');
    assert.equal(creates.length, 3, 'A (held, found by name), B (503, not there), B again');
    assert.equal([...portalLists(portal).keys()].filter((n) => n === 'A' || n === 'B').length, 2);
  });

  it('the DAILY limit stops the apply with a clear sentence and a true state file; the next apply finishes', async () => {
    const root = workspace({ 'lists.hslist': LISTS, 'more.hslist': 'list "C" {\n  where email is known\n}\n' });
    portal.emulator.faults.add({ type: 'rate-limit', policy: 'DAILY', method: 'POST', path: '/crm/v3/lists$', count: 1 });
    const stopped = await hslist(root, portal.env, 'apply', '--yes', '--concurrency', '1');
    assert.equal(stopped.code, 1);
    assert.match(stopped.out, /Stopped: HubSpot's daily API limit is reached \(HubSpot said 429 Too Many Requests: You have reached your daily limit/);
    const recorded = existsSync(join(root, 'hslist.lock.json')) ? Object.keys(stateOf(root).portals['4242001']?.lists ?? {}) : [];
    for (const name of recorded) assert.ok(portalLists(portal).has(name), `the state file records only what exists: ${name}`);
    const finished = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(finished.code, 0, finished.out);
    assert.deepEqual(Object.keys(stateOf(root).portals['4242001'].lists).sort(), ['A', 'B', 'C']);
  });

  it('cancelled part way: what was done is in the state file, and the next apply does the rest', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    const controller = new AbortController();
    portal.emulator.faults.add({ type: 'delay', ms: 300, method: 'POST', path: '/crm/v3/lists$', count: 2 });
    setTimeout(() => controller.abort(), 450);
    const outcome = await applyWith(root, portal, { signal: controller.signal });
    assert.equal(outcome.stopped, 'the apply was cancelled', JSON.stringify(outcome));
    const recorded = stateOf(root).portals['4242001'].lists;
    assert.deepEqual(Object.keys(recorded), ['A']);
    assert.equal(recorded.A.listId, portalLists(portal).get('A')!.listId);
    const rest = await applyWith(root, portal);
    assert.deepEqual(rest.applied.map((a) => a.name), ['B']);
  });
});
