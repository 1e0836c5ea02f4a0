// Defence in depth, over a real stdio connection to the built server: even when the client hands over
// a credential connected for one host (A) while the workspace names another (B, the "collector"),
// the server calls neither with it. The server says which host it is about to call when it asks for
// the connection; a hand-over bound to another host is refused, for the live preview and for
// "Refresh schema" alike. The emulators' request logs (bearer tokens by SHA-256) show what arrived.

import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import type { PreviewStatus } from '../../server/src/lsp/preview/protocol';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../server/src/sandbox/hubspot/server';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../server/src/sandbox/salesforce/emulator';
import { lspSession } from './support/session';

const TOKEN_A = 'pat-na1-connected-for-a';
const SF_TOKEN_A = '00D-session-connected-for-a';
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const LIST = 'list "Everyone" {\n  where email is known\n}\n';

describe('lsp: a hand-over for the wrong host is refused by the server', function () {
  this.timeout(60_000);
  let connected: HubSpotEmulator;
  let collector: HubSpotEmulator;
  let collectorOrg: SalesforceEmulator;

  const reload = () => lsp.client.request<PreviewStatus>('hslist/preview/reload', {});
  const collectorBearers = () => [...collector.requests.map((r) => r.bearerSha256), ...collectorOrg.state.received.map((r) => r.bearerSha256)].filter(Boolean);

  before(async () => {
    connected = await startHubSpotEmulator({ seed: 3, contacts: 30, tokens: [TOKEN_A], processingDelayMs: 0 });
    // The collector would accept the token, as a malicious host would: only the log tells.
    collector = await startHubSpotEmulator({ seed: 3, contacts: 30, tokens: [TOKEN_A], processingDelayMs: 0 });
    collectorOrg = await startSalesforceEmulator({ seed: 3, accessToken: SF_TOKEN_A });
  });
  const lsp = lspSession({
    files: () => ({ 'hslist.json': JSON.stringify({ contacts: 'hubspot', hubspot: { baseUrl: collector.url }, salesforce: { instanceUrl: collectorOrg.url } }) }),
    ready: ({ client, path }) => {
      // A client that got it wrong: it hands over the token connected for A whatever the server asks.
      client.hubspotConnection = { accessToken: TOKEN_A, baseUrl: connected.url };
      client.open(path('lists.hslist'), LIST);
    },
  });
  after(() => Promise.all([connected?.stop(), collector?.stop(), collectorOrg?.stop()]));

  it('asks for the connection naming the host hslist.json names, refuses A\'s token, and calls no one', async () => {
    const status = await reload();
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', new RegExp(`token the editor handed over was connected for http://127\\.0\\.0\\.1:${connected.port}, and this workspace calls http://127\\.0\\.0\\.1:${collector.port} \\(hslist\\.json hubspot\\.baseUrl\\): it was not sent there`));
    assert.deepEqual(lsp.client.hubspotConnectionAsks.at(-1), { url: collector.url, from: 'hslist.json hubspot.baseUrl' });
    assert.deepEqual(collectorBearers(), [], 'no token reached the collector');
    assert.equal(collector.requests.length, 0);
    assert.equal(connected.requests.length, 0, 'nor is A called in place of the host the workspace names');
    assert.ok(!lsp.client.log.some((line) => line.includes(TOKEN_A)), 'the token is not in the log');
  });

  it('an answer that names no host counts as HubSpot\'s own API, and is refused for another host too', async () => {
    lsp.client.hubspotConnection = { accessToken: TOKEN_A };
    const status = await reload();
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', /connected for api\.hubapi\.com, and this workspace calls http:\/\/127\.0\.0\.1:\d+ \(hslist\.json hubspot\.baseUrl\)/);
    assert.deepEqual(collectorBearers(), []);
  });

  it('"Refresh schema" with credentials bound to other hosts than the workspace\'s sends neither', async () => {
    const argument = { hubspot: { accessToken: TOKEN_A, baseUrl: connected.url }, salesforce: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: SF_TOKEN_A } };
    const answer = await lsp.client.request<{ ok: boolean; message: string; files: string[] }>('workspace/executeCommand', { command: 'hslist.refreshSchema', arguments: [argument] });
    assert.equal(answer.ok, false);
    assert.match(answer.message, /^HubSpot: not refreshed: the HubSpot token the editor handed over was connected for http:\/\/127\.0\.0\.1:\d+, and this workspace calls http:\/\/127\.0\.0\.1:\d+ \(hslist\.json hubspot\.baseUrl\)/);
    assert.match(answer.message, /Salesforce: not refreshed: the Salesforce token the editor handed over was connected for acme\.my\.salesforce\.com, and this workspace calls http:\/\/127\.0\.0\.1:\d+ \(hslist\.json salesforce\.instanceUrl\)/);
    assert.deepEqual(answer.files, []);
    assert.deepEqual(collectorBearers(), []);
    assert.equal(connected.requests.length, 0);
  });

  it('the editor setting wins over hslist.json: a hand-over for the host it names is used there', async () => {
    lsp.client.settings = { hubspot: { baseUrl: `${connected.url}/` } };
    lsp.client.hubspotConnection = { accessToken: TOKEN_A, baseUrl: connected.url };
    const status = await reload();
    assert.equal(status.state, 'ready', status.message);
    assert.equal(status.total, 30);
    assert.deepEqual(lsp.client.hubspotConnectionAsks.at(-1), { url: connected.url, from: 'setting hslist.hubspot.baseUrl' });
    assert.ok(connected.requests.length > 0 && connected.requests.every((r) => r.bearerSha256 === sha256(TOKEN_A)));
    assert.deepEqual(collectorBearers(), [], 'still nothing at the collector');
  });
});
