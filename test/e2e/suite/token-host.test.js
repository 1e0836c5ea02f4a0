// Issue 16 in a real VS Code: a token goes only to the host it was connected for. Both accounts are
// connected for one pair of emulators (`hslist sandbox`, host A); then the workspace's settings and
// hslist.json point at a second pair (the "collector", host B), as a cloned repository could. The
// collector's request logs (bearer tokens by SHA-256, never the token) must show that no token came,
// the user must hear why (the preview's status, the offer to connect for B), connecting for B must
// work with B's own token, and A's token must still work for A afterwards.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { extension, openHslist, readyApi, waitUntil, workspaceUri } = require('./helpers');
const { portal, startSandbox } = require('../fixtures/sandbox.cjs');
const { sha256, startCollector } = require('../fixtures/collector.cjs');

const FILE = 'token-host.hslist';
const TEXT = 'list "Everyone with an email" {\n  where email is known\n}\n';
const COLLECTOR_TOKENS = { hubspot: 'collector-hubspot-token', salesforce: 'collector-salesforce-token' };
const Workspace = vscode.ConfigurationTarget.Workspace;
const config = () => vscode.workspace.getConfiguration('hslist');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Points the workspace (settings and hslist.json) at one pair of hosts. */
async function pointAt(hubspot, salesforce) {
  fs.writeFileSync(workspaceUri('hslist.json').fsPath, JSON.stringify({ timezone: 'Europe/Warsaw', hubspot: { baseUrl: hubspot }, salesforce: { instanceUrl: salesforce } }, null, 2));
  await config().update('hubspot.baseUrl', hubspot, Workspace);
  await config().update('salesforce.instanceUrl', salesforce, Workspace);
}

/** Reloads the preview data until `accept(status)` holds (the server reads hslist.json when its watcher fires). */
function reloadUntil(accept, what) {
  return waitUntil(async () => {
    const status = await vscode.commands.executeCommand('hslist.reloadContactData');
    return status && accept(status) ? status : undefined;
  }, what, { ms: 90000 });
}

describe('a token goes only to the host it was connected for', function () {
  this.timeout(240000);
  let api;
  let sandbox;
  let collector;
  let originalConfig;
  let a;
  const b = {};
  const tokensOfA = () => [sandbox.env.HSLIST_HUBSPOT_TOKEN, sandbox.env.HSLIST_SF_ACCESS_TOKEN].map(sha256);
  /** Every bearer token hash the collector's two emulators received. */
  const collectorBearers = async () => [...await collector.requests('hubspot'), ...await collector.requests('salesforce')].map((r) => r.bearerSha256).filter(Boolean);
  const bearersOfA = async () => [
    ...(await portal(sandbox.env).call('GET', '/__emulator/requests')).requests,
    ...(await (await fetch(`${a.salesforce}/__emulator/requests`)).json()).requests,
  ].map((r) => r.bearerSha256).filter(Boolean);

  before(async () => {
    api = await readyApi();
    const repo = extension().extensionPath;
    originalConfig = fs.readFileSync(workspaceUri('hslist.json').fsPath, 'utf8');
    sandbox = await startSandbox(repo, 60);
    collector = await startCollector(repo, COLLECTOR_TOKENS);
    a = { hubspot: sandbox.env.HSLIST_HUBSPOT_BASE_URL, salesforce: sandbox.env.HSLIST_SF_INSTANCE_URL };
    b.hubspot = collector.urls.hubspot;
    b.salesforce = collector.urls.salesforce;
    fs.writeFileSync(workspaceUri(FILE).fsPath, TEXT);
    await pointAt(b.hubspot, b.salesforce);
    await config().update('contactData', 'hubspot', Workspace);
    // Connected for A once, as the admin did for production.
    await api.connectHubSpotForTest(sandbox.env.HSLIST_HUBSPOT_TOKEN, a.hubspot);
    await api.connectSalesforceForTest(a.salesforce, sandbox.env.HSLIST_SF_ACCESS_TOKEN);
    await openHslist(FILE);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of ['contactData', 'hubspot.baseUrl', 'salesforce.instanceUrl']) await config().update(key, undefined, Workspace);
    await vscode.commands.executeCommand('hslist.disconnectAccounts');
    if (originalConfig !== undefined) fs.writeFileSync(workspaceUri('hslist.json').fsPath, originalConfig);
    fs.rmSync(workspaceUri(FILE).fsPath, { force: true });
    fs.rmSync(workspaceUri('.hslist', 'schema').fsPath, { recursive: true, force: true });
    await Promise.all([sandbox?.stop(), collector?.stop()]);
  });

  it('the live preview gets no token for the collector: the status says why, and connecting for it is offered', async () => {
    const notConnected = new RegExp(`HubSpot is not connected for ${escape(b.hubspot)} \\(setting hslist\\.hubspot\\.baseUrl\\); the account connected for ${escape(a.hubspot)} is only ever sent to that host`);
    const status = await reloadUntil((s) => notConnected.test(s.message || ''), 'the preview saying HubSpot is not connected for the collector');
    assert.strictEqual(status.state, 'error');
    assert.ok(api.connectOffersForTest().some((o) => o.service === 'HubSpot' && o.host === b.hubspot), JSON.stringify(api.connectOffersForTest()));
    // With the setting gone, hslist.json alone names the collector: the same refusal, naming the file.
    await config().update('hubspot.baseUrl', undefined, Workspace);
    await reloadUntil((s) => (s.message || '').includes(`HubSpot is not connected for ${b.hubspot} (hslist.json hubspot.baseUrl)`), 'the refusal naming hslist.json');
    await config().update('hubspot.baseUrl', b.hubspot, Workspace);
    assert.deepStrictEqual(await collectorBearers(), [], 'no bearer token reached the collector');
  });

  it('"Refresh schema" sends neither token to the collector and says which hosts are not connected', async () => {
    const outcome = await vscode.commands.executeCommand('hslist.reloadSchema');
    assert.strictEqual(outcome.ok, false);
    assert.match(outcome.message, new RegExp(`HubSpot is not connected for ${escape(b.hubspot)}`));
    assert.match(outcome.message, new RegExp(`Salesforce is not connected for ${escape(b.salesforce)} \\(setting hslist\\.salesforce\\.instanceUrl\\); the org connected for ${escape(a.salesforce)} is only ever sent to that host`));
    assert.ok(api.connectOffersForTest().some((o) => o.service === 'Salesforce' && o.host === b.salesforce));
    assert.deepStrictEqual(await collectorBearers(), []);
  });

  it('connecting for the collector stores a second credential; the collector then gets its own tokens only', async () => {
    await api.connectHubSpotForTest(COLLECTOR_TOKENS.hubspot, b.hubspot);
    await api.connectSalesforceForTest(b.salesforce, COLLECTOR_TOKENS.salesforce);
    const hosts = await api.connectedHostsForTest();
    assert.deepStrictEqual([hosts.hubspot, hosts.salesforce], [[a.hubspot, b.hubspot], [a.salesforce, b.salesforce]]);
    const status = await reloadUntil((s) => s.state === 'ready' && s.total === 40, 'the collector\'s 40 contacts');
    assert.strictEqual(status.source, `HubSpot (${new URL(b.hubspot).host})`);
    const outcome = await vscode.commands.executeCommand('hslist.reloadSchema');
    assert.ok(outcome.ok, outcome.message);
    const bearers = await collectorBearers();
    assert.ok(bearers.length > 0, 'the collector was called');
    assert.deepStrictEqual([...new Set(bearers)].sort(), Object.values(COLLECTOR_TOKENS).map(sha256).sort());
  });

  it('back on the first host, its own token is used there, untouched; the collector never saw it', async () => {
    await pointAt(a.hubspot, a.salesforce);
    await reloadUntil((s) => s.state === 'ready' && s.total === sandbox.contacts, 'the first host\'s contacts again');
    const outcome = await vscode.commands.executeCommand('hslist.reloadSchema');
    assert.ok(outcome.ok, outcome.message);
    assert.deepStrictEqual([...new Set(await bearersOfA())].sort(), tokensOfA().sort(), 'A got its own two tokens, and only those');
    const atCollector = await collectorBearers();
    assert.ok(!tokensOfA().some((hash) => atCollector.includes(hash)), 'no token of A ever reached the collector');
  });
});
