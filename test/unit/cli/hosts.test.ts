// The CLI sends a token only to the host its credentials name (HSLIST_HUBSPOT_BASE_URL, else HubSpot's
// own API; HSLIST_SF_INSTANCE_URL): a committed hslist.json naming another host is refused, and each
// command says on stderr which host it calls before the first call. A second emulator stands in for
// the host a cloned repository would name (the "collector"); its log shows which bearer tokens came.

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/sandbox';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import { workspace, type CliRun } from './cli-support';

async function hslistWith(env: NodeJS.ProcessEnv, cwd: string, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

const LIST = 'list "Everyone" {\n  where email is known\n}\n';

describe('hslist: credentials go only to their own host', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let collector: HubSpotEmulator;
  let collectorOrg: SalesforceEmulator;
  let env: NodeJS.ProcessEnv;
  const port = (url: string) => new URL(url).port;
  const nothingAtTheCollector = () => {
    assert.equal(collector.requests.length, 0, 'the collector got no request');
    assert.equal(collectorOrg.state.received.length, 0, 'the collector org got no request');
  };

  before(async () => {
    sandbox = await startSandbox({ seed: 4, contacts: 30 });
    env = { ...sandbox.env };
    collector = await startHubSpotEmulator({ tokens: [sandbox.hubspotToken] });
    collectorOrg = await startSalesforceEmulator({ accessToken: sandbox.salesforceToken });
  });
  after(() => Promise.all([sandbox.stop(), collector.stop(), collectorOrg.stop()]));

  it('schema pull says which hosts it calls, one line each on stderr', async () => {
    const run = await hslistWith(env, workspace({ 'hslist.json': '{}' }), 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
    assert.equal(run.err, `HubSpot: http://127.0.0.1:${port(sandbox.hubspot.url)}\nSalesforce: http://127.0.0.1:${port(sandbox.salesforce.url)}\n`);
  });

  it('hslist.json naming the same hosts written differently is no conflict', async () => {
    const config = { hubspot: { baseUrl: `${sandbox.hubspot.url.toUpperCase().replace('HTTP', 'http')}/` }, salesforce: { instanceUrl: `${sandbox.salesforce.url}/` } };
    const run = await hslistWith(env, workspace({ 'hslist.json': JSON.stringify(config) }), 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
  });

  it('hslist.json naming other hosts than the credentials\' is refused before any call', async () => {
    const config = { hubspot: { baseUrl: collector.url }, salesforce: { instanceUrl: collectorOrg.url } };
    const before = sandbox.hubspot.requests.length;
    const run = await hslistWith(env, workspace({ 'hslist.json': JSON.stringify(config) }), 'schema', 'pull');
    assert.equal(run.code, 2);
    assert.match(run.err, new RegExp(`hslist\\.json names HubSpot at http://127\\.0\\.0\\.1:${port(collector.url)} \\(hubspot\\.baseUrl\\), but the token in HSLIST_HUBSPOT_TOKEN was not given for that host: it is for http://127\\.0\\.0\\.1:${port(sandbox.hubspot.url)} \\(HSLIST_HUBSPOT_BASE_URL\\)\\. The token is not sent to`));
    assert.match(run.err, /hslist\.json names the Salesforce org at http:\/\/127\.0\.0\.1:\d+ \(salesforce\.instanceUrl\), but the session in HSLIST_SF_ACCESS_TOKEN is for http:\/\/127\.0\.0\.1:\d+ \(HSLIST_SF_INSTANCE_URL\)/);
    assert.equal(run.err.includes(sandbox.hubspotToken), false, 'no token in the message');
    nothingAtTheCollector();
    assert.equal(sandbox.hubspot.requests.length, before, 'nor is the credentials\' own host called');
  });

  it('a token without HSLIST_HUBSPOT_BASE_URL is for api.hubapi.com, so a repository cannot redirect it', async () => {
    const run = await hslistWith({ HSLIST_HUBSPOT_TOKEN: 'pat-na1-production' }, workspace({ 'hslist.json': JSON.stringify({ hubspot: { baseUrl: collector.url } }) }), 'schema', 'pull');
    assert.equal(run.code, 2);
    assert.match(run.err, /HSLIST_HUBSPOT_BASE_URL is not set, so it is for api\.hubapi\.com\. The token is not sent to http:\/\/127\.0\.0\.1:\d+/);
    nothingAtTheCollector();
  });

  it('a sandbox token is only sent to a loopback host', async () => {
    const run = await hslistWith({ HSLIST_HUBSPOT_TOKEN: sandbox.hubspotToken }, workspace({}), 'schema', 'pull');
    assert.equal(run.code, 2);
    assert.match(run.err, /HSLIST_HUBSPOT_TOKEN: This is a test token of "hslist sandbox": it only goes to the loopback URL the sandbox printed/);
  });

  it('preview --data hubspot says which host it calls, and refuses another host in hslist.json', async () => {
    const ok = await hslistWith(env, workspace({ 'hslist.json': '{}', 'lists.hslist': LIST }), 'preview', 'lists.hslist', '--data', 'hubspot');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.err, new RegExp(`^HubSpot: http://127\\.0\\.0\\.1:${port(sandbox.hubspot.url)}$`, 'm'));
    assert.equal(ok.err.match(/^HubSpot: /gm)?.length, 1, 'one line, though the comparison calls HubSpot too');
    const root = workspace({ 'hslist.json': JSON.stringify({ contacts: 'hubspot', hubspot: { baseUrl: collector.url } }), 'lists.hslist': LIST });
    const refused = await hslistWith(env, root, 'preview', join(root, 'lists.hslist'));
    assert.equal(refused.code, 2);
    assert.match(refused.err, /hslist\.json names HubSpot at http:\/\/127\.0\.0\.1:\d+ \(hubspot\.baseUrl\)/);
    nothingAtTheCollector();
  });

  it('preview of a file compares with HubSpot only after saying where, under the same rule', async () => {
    const files = { 'contacts.csv': 'Record ID,Email\n1,a@example.com\n', 'lists.hslist': LIST };
    const ok = await hslistWith(env, workspace({ 'hslist.json': JSON.stringify({ contacts: 'contacts.csv' }), ...files }), 'preview', 'lists.hslist');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.err, /^HubSpot: http:\/\/127\.0\.0\.1:\d+$/m);
    const refused = await hslistWith(env, workspace({ 'hslist.json': JSON.stringify({ contacts: 'contacts.csv', hubspot: { baseUrl: collector.url } }), ...files }), 'preview', 'lists.hslist');
    assert.equal(refused.code, 2);
    nothingAtTheCollector();
  });
});
