// A sync block that appears while the contacts are still loading (its file created on disk during a slow
// read of the live portal) must not be taken as loaded: the properties it maps were not in that load's
// request, so the preview loads again with them and the sync lens gets figures. Before the fix the load's
// needs were taken after it ended (counting the new block's properties as loaded), a created file started
// no round of its own, and the lens said "does not hold … no figures for it yet" for good (seen in CI in
// a real VS Code, test/e2e/suite/sync-org.test.js).

import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../server/src/sandbox/hubspot/server';
import { lspSession } from './support/session';
import { until } from './support/until';
import { CONTACT_DESCRIBE, LEAD_DESCRIBE, SYNC_SALESFORCE_CSV } from '../support/sync-world';

const TOKEN = 'pat-na1-late-sync-block-5d1';
const LIST = 'list "Known emails" {\n  where email is known\n}\n';
const SYNC = 'sync salesforce {\n  inclusion list: "Known emails"\n  hubspot creates in salesforce: lead\n  map jobtitle to Title: two way\n}\n';

describe('lsp: a sync block created while the contacts load', function () {
  this.timeout(60_000);
  let emulator: HubSpotEmulator;
  let syncUri: string;

  before(async () => {
    emulator = await startHubSpotEmulator({ seed: 31, contacts: 40, tokens: [TOKEN], processingDelayMs: 0 });
    // The first page of contacts answers slowly, so the sync block arrives during the load.
    emulator.faults.add({ type: 'delay', ms: 2500, count: 1, path: '/crm/v3/objects/contacts' });
  });
  const lsp = lspSession({
    files: () => ({
      'hslist.json': JSON.stringify({ contacts: 'hubspot', hubspot: { baseUrl: emulator.url }, salesforce: { records: 'salesforce.csv' } }),
      'salesforce.csv': SYNC_SALESFORCE_CSV,
      '.hslist/schema/salesforce/lead.json': JSON.stringify(LEAD_DESCRIBE),
      '.hslist/schema/salesforce/contact.json': JSON.stringify(CONTACT_DESCRIBE),
    }),
    ready: ({ client, path }) => {
      client.hubspotConnection = { accessToken: TOKEN, baseUrl: emulator.url };
      client.open(path('lists.hslist'), LIST);
    },
  });
  after(() => emulator?.stop());

  const syncLens = async () => ((await lsp.client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri: syncUri } })) ?? []).find((l) => l.command?.title.startsWith('Salesforce:'))?.command?.title;

  it('loads again with the mapped properties, and the lens shows figures', async () => {
    // The status request waits for the load, so the emulator's log tells when it is under way.
    await until(async () => (emulator.requests.some((r) => r.path.includes('/objects/contacts')) ? true : undefined), 'the load under way', 10_000);
    // Written on disk and announced by the watcher, as a file created beside the open one.
    writeFileSync(lsp.path('sync.hslist'), SYNC);
    lsp.client.filesChanged([{ path: lsp.path('sync.hslist'), type: 1 }]);
    syncUri = pathToFileURL(lsp.path('sync.hslist')).href;
    let last: string | undefined;
    const title = await until(async () => {
      last = await syncLens();
      return last && / will sync/.test(last) ? last : undefined;
    }, 'the sync lens with figures', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; the lens said: ${last}`);
    });
    assert.match(title, /^Salesforce: \d+ will sync/);
  });
});
