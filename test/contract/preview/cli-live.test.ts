// `hslist preview --data hubspot` as a user runs it (a child process, credentials in its environment):
// who would enter and leave a published list, Ctrl-C mid-fetch, and the search API's 10,000 ceiling.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { compileList } from '../../../server/src/hubspot/compile';
import { cachePaths, CACHE_DIR } from '../../../server/src/preview/hubspot/cache-files';
import { loadPreviewData } from '../../../server/src/preview/run';
import { liveWorkspace, startLive, TOKEN, type LiveHarness } from './support';

const ROOT = join(__dirname, '..', '..', '..');
const ENTRY = `process.argv.splice(1, 0, 'hslist'); require(${JSON.stringify(join(ROOT, 'server/src/cli/main'))}).runCliProcess();`;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function hslist(cwd: string, env: Record<string, string>, args: string[], interruptWhen?: (stderr: string) => boolean): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/register-ts.cjs'), '-e', ENTRY, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (interruptWhen && !sent && interruptWhen(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const OLD = 'list "Polish leads" {\n  type: active\n  where country is "Poland"\n}\n';
const NEW = 'list "Polish leads" {\n  type: active\n  where country is "Poland" and lifecyclestage is any of (lead, marketingqualifiedlead)\n}\n';

describe('hslist preview --data hubspot (child process against the emulator)', function () {
  // Each run is a child process compiling the CLI from source: seconds each, more on a loaded CI machine.
  this.timeout(60_000);
  let h: LiveHarness;
  let env: Record<string, string>;
  before(async () => {
    h = await startLive(300);
    env = { HSLIST_HUBSPOT_TOKEN: TOKEN, HSLIST_HUBSPOT_BASE_URL: h.emulator.url };
  });
  after(async () => h.emulator.stop());

  const membersOf = async (text: string, name: string) => {
    const ws = liveWorkspace(text);
    const { request } = compileList(ws.lists[0], { schema: ws.schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    const account = createHubSpotAccount(h.connection);
    const list = await account.createList({ ...request!, name } as never);
    return new Set((await account.listMemberships(list.listId)).map((m) => m.recordId));
  };

  it('reports who would enter and who would leave the published list, with samples', async () => {
    const published = await membersOf(OLD, 'Polish leads');
    const wanted = await membersOf(NEW, 'Polish leads, as edited (check)');
    const ws = liveWorkspace(NEW);
    const run = await hslist(ws.root, env, ['preview', 'lists.hslist', '--data', 'hubspot', '--json', '--sample', '2', '--now', new Date(h.now()).toISOString()]);
    assert.equal(run.code, 0, run.stderr);
    const [list] = JSON.parse(run.stdout).lists;
    assert.equal(list.count, wanted.size);
    const enter = [...wanted].filter((id) => !published.has(id));
    const leave = [...published].filter((id) => !wanted.has(id));
    assert.ok(leave.length > 0, 'the edit removes someone');
    assert.deepEqual([list.published.members, list.published.enter.count, list.published.leave.count], [published.size, enter.length, leave.length]);
    assert.deepEqual(list.published.leave.samples.map((s: { id: string }) => s.id), leave.slice(0, 2));
    assert.equal(JSON.parse(run.stdout).data.refresh.mode, 'full');
  });

  it('Ctrl-C while fetching exits 130 and leaves no cache file, not even a partial one', async () => {
    const ws = liveWorkspace(NEW);
    h.emulator.faults.add({ type: 'delay', ms: 400, count: 10, path: '/crm/v3/objects/contacts' });
    const run = await hslist(ws.root, env, ['preview', 'lists.hslist', '--data', 'hubspot'], (err) => /Loading contacts/.test(err));
    h.emulator.faults.clear();
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /cancelled; nothing was written/);
    const dir = join(ws.root, CACHE_DIR);
    assert.deepEqual(existsSync(dir) ? readdirSync(dir) : [], []);
  });

  it('falls back to a full fetch when more contacts changed than the search API can page (its ceiling lowered to 100 here)', async () => {
    const big = await startLive(150);
    try {
      const ws = liveWorkspace(NEW);
      const source = { kind: 'hubspot' as const, connection: big.connection, searchCeiling: 100 };
      await loadPreviewData(ws, source, { now: big.now });
      big.tick(60_000);
      for (const id of [...big.emulator.state.contacts.keys()].slice(0, 120)) big.modify(id, { jobtitle: 'changed' });
      big.emulator.requests.length = 0;
      const second = await loadPreviewData(ws, source, { now: big.now });
      assert.ok(!('error' in second));
      assert.equal(second.refresh?.mode, 'full');
      const changed = /^(\d+) contacts changed since the last fetch, over the search API's 100/.exec(second.refresh?.reason ?? '');
      assert.ok(changed && Number(changed[1]) >= 120, second.refresh?.reason);
      assert.equal(second.store.size, 150);
      assert.equal(big.emulator.requests.filter((r) => r.path === '/crm/v3/objects/contacts/search').length, 2, 'the modified-since search, then the count for the full fetch');
      assert.ok(big.emulator.requests.some((r) => r.path === '/crm/v3/objects/contacts'), 'then paged in full');
      assert.ok(existsSync(cachePaths(ws.root).snapshot));
    } finally {
      await big.emulator.stop();
    }
  });

  it('a future --now does not stop later runs from seeing changes: the refresh follows HubSpot\'s modification times', async () => {
    const ws = liveWorkspace(OLD);
    const first = await hslist(ws.root, env, ['preview', 'lists.hslist', '--data', 'hubspot', '--json', '--now', '2027-06-01']);
    assert.equal(first.code, 0, first.stderr);
    const before = JSON.parse(first.stdout).lists[0].count;
    const manifest = JSON.parse(readFileSync(cachePaths(ws.root).manifest, 'utf8'));
    assert.ok(Date.parse(manifest.watermark) <= h.now(), `watermark ${manifest.watermark} comes from the data, not from --now`);
    const outsider = [...h.emulator.state.contacts.values()].find((c) => c.properties.country !== 'Poland')!;
    h.tick(60_000);
    h.modify(outsider.id, { country: 'Poland' });
    const second = await hslist(ws.root, env, ['preview', 'lists.hslist', '--data', 'hubspot', '--json']);
    assert.equal(second.code, 0, second.stderr);
    const report = JSON.parse(second.stdout);
    assert.equal(report.data.refresh.mode, 'incremental');
    assert.ok(report.data.refresh.fetched >= 1);
    assert.equal(report.lists[0].count, before + 1, 'the contact changed after the first run is counted');
  });

  it('HSLIST_HUBSPOT_EXPORTS=1: the full fetch reads HubSpot\'s CRM export and says so while it waits', async () => {
    h.tick(1_000);
    const ws = liveWorkspace(NEW);
    const run = await hslist(ws.root, { ...env, HSLIST_HUBSPOT_EXPORTS: '1' }, ['preview', 'lists.hslist', '--data', 'hubspot', '--now', new Date(h.now()).toISOString()]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^HubSpot is preparing an export of the contacts…\nWaited \d+ s for HubSpot's export \(COMPLETE\)\nLoading contacts from HubSpot's export…\nLoaded contacts from HubSpot's export: 300 of 300\n/m);
    assert.match(run.stdout, /full fetch \(no cached snapshot yet\) through HubSpot's CRM export/);
    assert.doesNotMatch(run.stderr, /Loading contacts…/, 'no contact page was read');
  });

  it('HSLIST_HUBSPOT_EXPORTS with a value that is neither off nor a number is an error that says so', async () => {
    const run = await hslist(liveWorkspace(NEW).root, { ...env, HSLIST_HUBSPOT_EXPORTS: 'sometimes' }, ['preview', 'lists.hslist', '--data', 'hubspot']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /HSLIST_HUBSPOT_EXPORTS must be "off" or the fewest contacts a full fetch uses HubSpot's CRM export for \(such as 100000\); it is "sometimes"/);
  });

  it('"contacts": "hubspot" in hslist.json previews the live portal without --data, and says what is missing without a token', async () => {
    const ws = liveWorkspace(OLD);
    writeFileSync(join(ws.root, 'hslist.json'), JSON.stringify({ contacts: 'hubspot' }));
    const run = await hslist(ws.root, env, ['preview', 'lists.hslist', '--json', '--now', new Date(h.now()).toISOString()]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual([report.data.kind, report.data.rowsLoaded], ['hubspot', 300]);
    const bare = await hslist(ws.root, {}, ['preview', 'lists.hslist']);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /"contacts": "hubspot" in hslist\.json needs a HubSpot account: set HSLIST_HUBSPOT_TOKEN/);
  });
});
