// The editor's live preview through HubSpot's CRM export, over a real stdio connection to the built
// server, against the HubSpot emulator: with HSLIST_HUBSPOT_EXPORTS=1 in the server's environment (any
// portal size), a workspace whose lists read no history loads its contacts from the export, the work-done
// progress says HubSpot is preparing it, the count equals the emulator's own list of the same criteria,
// and the file host never sees the token.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { emulatorMembers } from '../support/emulator-members';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../server/src/sandbox/hubspot/server';
import { lspSession } from './support/session';

const TOKEN = 'pat-na1-editor-export-41d9';
const LIST = 'list "Polish leads" {\n  type: active\n  where country is "Poland" and lifecyclestage is any of (lead, marketingqualifiedlead)\n}\n';

describe('lsp: the live preview through HubSpot\'s CRM export', function () {
  this.timeout(90_000);
  let emulator: HubSpotEmulator;
  let uri: string;

  before(async () => {
    emulator = await startHubSpotEmulator({ seed: 23, contacts: 300, tokens: [TOKEN], processingDelayMs: 0 });
  });
  const lsp = lspSession({
    files: () => ({ 'hslist.json': JSON.stringify({ contacts: 'hubspot', hubspot: { baseUrl: emulator.url } }) }),
    workDoneProgress: true,
    env: { HSLIST_HUBSPOT_EXPORTS: '1' },
    ready: ({ client, path }) => {
      client.hubspotConnection = { accessToken: TOKEN, baseUrl: emulator.url };
      uri = client.open(path('lists.hslist'), LIST).uri;
    },
  });
  after(() => emulator?.stop());

  it('counts the contacts of the export as the emulator counts the list, saying what it waits for', async () => {
    const { ids } = await emulatorMembers({ accessToken: TOKEN, basePath: emulator.url, throttle: false }, parse(LIST).file.lists[0], 'check: Polish leads');
    await lsp.lensTitled(uri, `${ids.length} of 300 contacts`, 30_000);
    const messages = lsp.client.progress.map((p) => p.value.message ?? '');
    assert.ok(messages.some((m) => /^HubSpot is preparing an export of the contacts \(PROCESSING, \d+ s\)$/.test(m)), JSON.stringify(messages));
    assert.ok(messages.includes("Loading contacts from HubSpot's export: 300 of 300"), JSON.stringify(messages));
    assert.ok(!messages.some((m) => /^Loading contacts: /.test(m)), 'no contact page was read');
    assert.equal(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/crm/v3/exports/export/async').length, 1);
    assert.equal(emulator.files.requests.length, 1);
    assert.ok(emulator.files.requests.every((r) => !r.authorization && r.bearerSha256 === undefined), 'no token reached the file host');
  });
});
