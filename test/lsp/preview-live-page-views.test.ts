// The editor preview of the live portal with a page-view condition: the language server's load reads
// each viewer's page views from the emulator's Events API, and the lens counts what the emulator puts in
// the same list, every contact decided (those with no views are known to have none).

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import type { HubSpotAccountOptions } from '../../server/src/hubspot/account/account';
import { emulatorMembers } from '../support/emulator-members';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../server/src/sandbox/hubspot/server';
import { livePortalSession } from './support/live-portal';

const TOKEN = 'pat-na1-editor-pageviews-7e41';
const listText = 'list "Pricing visitors" {\n  type: active\n  where visited page containing "/pricing"\n}\n';

describe('lsp: preview of page views from the live portal', function () {
  this.timeout(90_000);
  let emulator: HubSpotEmulator;
  let connection: HubSpotAccountOptions;

  before(async () => {
    emulator = await startHubSpotEmulator({ seed: 23, contacts: 200, tokens: [TOKEN], processingDelayMs: 0 });
    connection = { accessToken: TOKEN, basePath: emulator.url, throttle: false };
    [...emulator.state.contacts.values()].filter((c) => !c.archived).forEach((c, k) => {
      const url = k % 3 === 0 ? 'https://www.example.com/pricing' : 'https://www.example.com/blog/a';
      emulator.state.upsertContact({ ...c, pageViews: k % 2 === 0 ? [{ url, timestamp: '2025-11-02T10:00:00Z' }] : [] });
    });
  });
  const { lsp, uri } = livePortalSession(() => ({ url: emulator.url, token: TOKEN }), listText);
  after(() => emulator?.stop());

  it('counts the pricing visitors the emulator puts in the same list, asking only the contacts with views', async () => {
    const members = (await emulatorMembers(connection, parse(listText).file.lists[0], 'check: pricing visitors')).ids.length;
    assert.ok(members > 0);
    const live = [...emulator.state.contacts.values()].filter((c) => !c.archived);
    await lsp.lensTitled(uri(), `${members.toLocaleString('en-US')} of ${live.length.toLocaleString('en-US')} contacts`, 30_000);
    const asked = emulator.requests.filter((r) => r.path === '/events/v3/events').length;
    assert.equal(asked, live.filter((c) => (c.pageViews ?? []).length > 0).length);
  });
});
