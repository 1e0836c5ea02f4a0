// The live cache belongs to one portal: every HubSpot portal answers at api.hubapi.com, so a token of
// another portal behind the same API base must never refresh (merge into) the cached contacts of the
// first. The portal is told by account-info's portalId.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { cachePaths } from '../../../server/src/preview/hubspot/cache-files';
import { loadPreviewData, zoneNote, type PreviewData } from '../../../server/src/preview/run';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { liveWorkspace, START, TOKEN } from './support';

describe('preview: the live cache is keyed by the portal, not by the API base', function () {
  this.timeout(30_000);
  const ws = liveWorkspace('list "Poles" {\n  type: active\n  where country is "Poland"\n}\n');
  let emulator: HubSpotEmulator | undefined;
  after(async () => emulator?.stop());

  const load = async (url: string): Promise<PreviewData> => {
    const data = await loadPreviewData(ws, { kind: 'hubspot', connection: { accessToken: TOKEN, basePath: url, throttle: false } }, { now: () => START });
    assert.ok(!('error' in data), 'error' in data ? data.error : '');
    return data;
  };

  it('another portal at the same base URL gets a full fetch, and only its own contacts', async () => {
    emulator = await startHubSpotEmulator({ seed: 23, contacts: 120, tokens: [TOKEN], portalId: 1001, clock: () => START });
    const { port, url } = emulator;
    const first = await load(url);
    assert.equal(first.store.size, 120);
    assert.equal(JSON.parse(readFileSync(cachePaths(ws.root).manifest, 'utf8')).portalId, '1001');
    const again = await load(url);
    assert.equal(again.refresh?.mode, 'incremental', 'the same portal refreshes incrementally');
    await emulator.stop();
    // Let the client side see its keep-alive sockets close (else the next request may reuse a dead one).
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Another portal answers on the same host and port: another account behind api.hubapi.com.
    emulator = await startHubSpotEmulator({ seed: 24, contacts: 80, tokens: [TOKEN], portalId: 2002, port, clock: () => START, timeZone: 'US/Eastern' });
    const other = await load(url);
    assert.deepEqual([other.refresh?.mode, other.refresh?.reason], ['full', 'the cache holds contacts of portal 1001, not of portal 2002']);
    assert.equal(other.store.size, 80, 'none of the first portal\'s contacts are kept');
    assert.deepEqual(other.portal, { id: '2002', timeZone: 'US/Eastern' });
  });

  it('a portal in another time zone than the default UTC gets a note; an alias of the same zone or a zone chosen in hslist.json does not', () => {
    assert.equal(zoneNote('US/Eastern', { timezone: 'UTC' }), 'The portal\'s time zone is US/Eastern; lists without `timezone:` are compiled and previewed in UTC, as hslist.json names no "timezone". Set "timezone": "US/Eastern" there to read dates in the portal\'s zone.');
    assert.equal(zoneNote('US/Eastern', { timezone: 'America/New_York', timezoneChosen: true }), undefined);
    assert.equal(zoneNote('US/Eastern', { timezone: 'Europe/Warsaw', timezoneChosen: true }), undefined, 'the user chose the zone');
    assert.equal(zoneNote(undefined, { timezone: 'UTC' }), undefined);
  });
});
