import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { hslist, portalLists, startPortal, workspace, type Portal } from './support';

const LISTS = `list "Customers" {
  where lifecyclestage is customer
}

list "Qualified" {
  where email is known and in list "Customers"
}

sync salesforce {
  inclusion list: "Qualified"
}
`;

describe('publish: the CLI faces, bad input and formats', () => {
  let portal: Portal;
  before(async () => (portal = await startPortal()));
  after(async () => portal.stop());

  it('bad usage is exit 2 and starts nothing', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    const before = portal.emulator.requests.length;
    for (const argv of [['plan', '--format', 'xml'], ['plan', '--sample', 'x'], ['apply', '--concurrency', '0'], ['apply', '--bogus'], ['pull', '--id', 'abc'], ['pull', 'file.hslist'], ['plan', '--now', 'yesterday']]) {
      const run = await hslist(root, portal.env, ...argv);
      assert.equal(run.code, 2, `${argv.join(' ')}: ${run.err}`);
      assert.match(run.err, /^hslist (plan|apply|pull): /m);
    }
    const missing = await hslist(root, {}, 'plan');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /No HubSpot token: set HSLIST_HUBSPOT_TOKEN/);
    assert.equal(portal.emulator.requests.length, before, 'no request was sent');
  });

  it('an unreadable state file is an error naming it, and nothing is changed', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    writeFileSync(join(root, 'hslist.lock.json'), '{ "version": 1, "portals": { "4242001": { "lists": { "A": { "listId": 3 } } } } }');
    const run = await hslist(root, portal.env, 'apply', '--yes');
    assert.equal(run.code, 1);
    assert.match(run.err, /hslist\.lock\.json: portals\.4242001\.lists\["A"\]\.listId must be a string\./);
    writeFileSync(join(root, 'hslist.lock.json'), '{ "version": 1, ');
    assert.match((await hslist(root, portal.env, 'plan')).err, /hslist\.lock\.json: not valid JSON .*restore it from git/);
    assert.ok(!portalLists(portal).has('Customers'));
  });

  it('GitHub annotations on the lists\' lines, JSON, and text without colour when not on a terminal', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    const github = await hslist(root, portal.env, 'plan', '--format', 'github');
    assert.equal(github.code, 4);
    assert.match(github.out, /^::notice file=lists\.hslist,line=1,title=hslist plan%3A Customers::create: create it$/m);
    assert.match(github.out, /^::notice title=hslist plan::Plan: 2 to create/m);
    const json = JSON.parse((await hslist(root, portal.env, 'plan', '--json')).out) as { counts: Record<string, number>; inclusionList: string };
    assert.deepEqual([json.counts.create, json.inclusionList], [2, 'Qualified']);
    const text = await hslist(root, { ...portal.env, NO_COLOR: '1' }, 'plan');
    assert.ok(!text.out.includes('\x1b['), 'no escape codes');
  });

  it('on a terminal, apply asks before changing the inclusion list and does nothing on "no"', async () => {
    const root = workspace({ 'lists.hslist': LISTS });
    const asked: string[] = [];
    let out = '';
    const io = (answer: boolean) => ({ cwd: root, out: (t: string) => (out += t), err: (t: string) => (out += t), env: portal.env, confirm: async (q: string) => (asked.push(q), answer) });
    assert.equal(await runCli(['apply'], io(false)), 1);
    assert.match(asked[0], /change the inclusion list "Qualified": who would enter and leave is unknown \(no contact data\)\nApply\? \[y\/N\] $/);
    assert.match(out, /not confirmed; nothing was changed/);
    assert.ok(!portalLists(portal).has('Qualified'));
    assert.equal(await runCli(['apply'], io(true)), 0);
    assert.ok(portalLists(portal).has('Qualified'));
  });
});
