// The editor preview of the live HubSpot portal, over a real stdio connection to the built server,
// against the HubSpot emulator: hslist.json says `"contacts": "hubspot"`, the client hands over the
// connection when asked (as the VS Code client does from its secret storage), the load reports
// cancellable progress, Cancel stops it for good (until a reload), and a published list shows who
// would enter and who would leave. Expected numbers are the emulator's own memberships of the same
// criteria compiled and created there, never the engine's.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import type { HubSpotAccountOptions } from '../../server/src/hubspot/account/account';
import type { PreviewStatus, PreviewSummary, RowsPage } from '../../server/src/lsp/preview/protocol';
import { emulatorMembers as membersInEmulator } from '../support/emulator-members';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../server/src/sandbox/hubspot/server';
import { lspSession } from './support/session';
import { until } from './support/until';

const TOKEN = 'pat-na1-editor-live-7c3e';
const fmt = (n: number) => n.toLocaleString('en-US');
const listText = (where: string) => `list "Polish leads" {\n  type: active\n  where ${where}\n}\n`;
const FIRST = 'country is "Poland"';
const SECOND = 'country is "Poland" and lifecyclestage is any of (lead, marketingqualifiedlead)';

describe('lsp: preview of the live HubSpot portal', function () {
  this.timeout(90_000);
  let emulator: HubSpotEmulator;
  let connection: HubSpotAccountOptions;
  let uri: string;

  const lenses = () => lsp.lenses(uri);
  const lensTitled = (title: string) => lsp.lensTitled(uri, title, 30_000);
  const summary = () => lsp.client.request<PreviewSummary>('hslist/preview/summary', { name: 'Polish leads' });

  /** The ids the emulator itself puts in a list of these criteria (created under another name). */
  async function emulatorMembers(where: string, name: string): Promise<{ listId: string; ids: string[] }> {
    return membersInEmulator(connection, parse(listText(where)).file.lists[0], name);
  }

  before(async () => {
    emulator = await startHubSpotEmulator({ seed: 23, contacts: 300, tokens: [TOKEN], processingDelayMs: 0 });
    connection = { accessToken: TOKEN, basePath: emulator.url, throttle: false };
  });
  const lsp = lspSession({
    files: () => ({ 'hslist.json': JSON.stringify({ contacts: 'hubspot', hubspot: { baseUrl: emulator.url } }) }),
    workDoneProgress: true,
    // A short time limit, so the test of an answer cut short does not wait the default minute.
    env: { HSLIST_HUBSPOT_TIMEOUT_SECONDS: '1' },
    ready: ({ client, path }) => {
      client.hubspotConnection = { accessToken: TOKEN, baseUrl: emulator.url };
      uri = client.open(path('lists.hslist'), listText(FIRST)).uri;
    },
  });
  after(() => emulator?.stop());

  it('counts the live portal\'s contacts, as many as the emulator puts in the same list', async () => {
    const { ids } = await emulatorMembers(FIRST, 'check: Poland');
    await lensTitled(`${fmt(ids.length)} of 300 contacts`);
    const status = await lsp.client.request<PreviewStatus>('hslist/preview/status', {});
    assert.deepEqual([status.state, status.kind, status.source], ['ready', 'hubspot', `HubSpot (${new URL(emulator.url).host})`]);
  });

  it('reports the load as cancellable work-done progress: begin, reports, end', () => {
    const [token] = lsp.client.progressTokens;
    const events = lsp.client.progress.filter((p) => p.token === token).map((p) => p.value);
    assert.equal(events[0].kind, 'begin');
    assert.equal(events[0].cancellable, true);
    assert.match(events[0].title ?? '', /^hslist: loading contacts from HubSpot \(127\.0\.0\.1:\d+\)$/);
    assert.ok(events.some((e) => e.kind === 'report' && /^Loading contacts: \d+ of 300$/.test(e.message ?? '')), JSON.stringify(events));
    assert.equal(events.at(-1)?.kind, 'end');
  });

  it('says the list is not published yet, and then who would enter and leave once it is', async () => {
    const before = await until(async () => (await summary()).published, 'a comparison state');
    assert.equal(before.state, 'not-published');
    // Published with the first criteria; the text then narrows them.
    const published = await emulatorMembers(FIRST, 'Polish leads');
    const narrowed = await emulatorMembers(SECOND, 'check: Polish leads');
    await lsp.client.request('hslist/preview/reload', {});
    const updatesBefore = lsp.client.previewUpdates.length;
    lsp.client.change(uri, listText(SECOND));
    const leave = published.ids.filter((id) => !narrowed.ids.includes(id));
    assert.ok(leave.length > 0, 'the narrowed criteria drop some members');
    await lensTitled(`${fmt(narrowed.ids.length)} of 300 contacts · +0 would enter · −${fmt(leave.length)} would leave (HubSpot list #${published.listId})`);
    // The client hears of each new preview too (the panel then asks for the summary again).
    assert.ok(lsp.client.previewUpdates.slice(updatesBefore).some((names) => names.includes('Polish leads')), JSON.stringify(lsp.client.previewUpdates));
    const compared = (await summary()).published;
    assert.deepEqual(compared && compared.state === 'compared' && [compared.listId, compared.members, compared.enter, compared.leave, compared.undecided, compared.membersNotInData],
      [published.listId, published.ids.length, 0, leave.length, 0, 0]);
    const page = await lsp.client.request<RowsPage>('hslist/preview/rows', { name: 'Polish leads', offset: 0, limit: 500, view: 'leave' });
    assert.deepEqual(page.rows.map((r) => r.id).sort(), [...leave].sort());
  });

  it('Cancel stops a slow load; edits do not start it again; a reload does', async () => {
    // Every contacts request now waits 20 s: the load is still running when Cancel arrives.
    emulator.faults.add({ type: 'delay', ms: 20_000, count: 50, path: '/crm/v3/objects/contacts' });
    const tokensBefore = lsp.client.progressTokens.length;
    const reloading = lsp.client.request<PreviewStatus>('hslist/preview/reload', {});
    const token = await until(() => lsp.client.progressTokens[tokensBefore], 'a new progress token');
    await until(() => lsp.client.progress.find((p) => p.token === token && p.value.kind === 'begin'), 'progress begin');
    await lsp.client.connection.sendNotification('window/workDoneProgress/cancel', { token });
    const status = await reloading;
    assert.equal(status.state, 'cancelled');
    assert.equal(status.source, `HubSpot (${new URL(emulator.url).host})`);
    assert.match(status.message ?? '', /loading contacts from HubSpot \(127\.0\.0\.1:\d+\) was cancelled.*Reload preview contact data/);
    assert.deepEqual(await lenses(), []);
    lsp.client.change(uri, listText(FIRST));
    assert.equal((await lsp.client.request<PreviewStatus>('hslist/preview/status', {})).state, 'cancelled');
    assert.equal(lsp.client.progressTokens.length, tokensBefore + 1, 'no new load after an edit');
    emulator.faults.clear();
    const again = await lsp.client.request<PreviewStatus>('hslist/preview/reload', {});
    assert.equal(again.state, 'ready');
    assert.ok((await lenses()).length > 0);
  });

  it('a page of contacts cut short ends the load with an error naming it, never a count and never "Starting…" for ever', async () => {
    // The cache is there: the reload asks the search API for what changed; cut that answer short.
    emulator.faults.add({ type: 'truncate', bytes: 30, count: 50, path: '/crm/v3/objects/contacts' });
    const status = await lsp.client.request<PreviewStatus>('hslist/preview/reload', {});
    assert.equal(status.state, 'error', JSON.stringify(status));
    assert.match(status.message ?? '', /broke off its answer to (GET|POST) \/crm\/v3\/objects\/contacts/);
    assert.deepEqual(await lenses(), []);
    emulator.faults.clear();
    assert.equal((await lsp.client.request<PreviewStatus>('hslist/preview/reload', {})).state, 'ready');
  });

  it('without a connected account, says so instead of counting; the token never reaches the log', async () => {
    lsp.client.hubspotConnection = { unavailable: 'no HubSpot account is connected (run "hslist: Connect HubSpot account")' };
    await lsp.client.connection.sendNotification('hslist/account/changed', {});
    const status = await until(async () => {
      const s = await lsp.client.request<PreviewStatus>('hslist/preview/status', {});
      return s.state === 'error' ? s : undefined;
    }, 'status error');
    assert.match(status.message ?? '', /reads the live HubSpot portal \(hslist\.json contacts is "hubspot"\), but no HubSpot account is connected/);
    assert.deepEqual(await lenses(), []);
    assert.ok(lsp.client.log.some((line) => line.includes('no HubSpot account is connected')));
    assert.ok(!lsp.client.log.some((line) => line.includes(TOKEN)), 'the token is not in the log');
  });
});
