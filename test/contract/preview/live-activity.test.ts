// Webinars, CTAs and ads against the live HubSpot source (the emulator over HTTP): HubSpot's public APIs
// have no per-contact read of them, so the count is "up to N" with that reason, never a silent zero, and
// the rest of a list is still judged.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSchema } from '../../../server/src/language/schema';
import { loadPreviewData, previewList } from '../../../server/src/preview/run';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { START, TOKEN } from './support';

const LISTS = `
list "Webinar attendees" {
  where attended any webinar
}

list "CTA clickers" {
  where clicked cta "b7988654-536d-4f7f-976b-8e9e2c7bb54" at least 2 times in last 30 days
}

list "Recent ad viewers or none" {
  where saw any ad in last 7 days and email is unknown
}
`;

describe('preview: webinars, CTAs and ads on the live HubSpot source', function () {
  this.timeout(20_000);
  let emulator: HubSpotEmulator;
  before(async () => (emulator = await startHubSpotEmulator({ seed: 29, contacts: 120, tokens: [TOKEN], clock: () => START, processingDelayMs: 0 })));
  after(async () => emulator.stop());

  it('counts "up to N" with the reason, and still judges the rest of the list', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hslist-activity-'));
    writeFileSync(join(root, 'lists.hslist'), LISTS);
    const ws = { root, schema: defaultSchema(), lists: parse(LISTS).file.lists, defaultTimezone: 'UTC' };
    const connection = { accessToken: TOKEN, basePath: emulator.url, numberOfApiCallRetries: 0, throttle: false };
    const data = await loadPreviewData(ws, { kind: 'hubspot', connection }, { now: () => START, clock: () => START });
    assert.ok(!('error' in data));
    const result = (name: string) => {
      const p = previewList(ws, data, name, { now: START });
      assert.ok(!('error' in p));
      return p.result;
    };
    const expected: [string, RegExp][] = [
      ['Webinar attendees', /^webinar registrations and attendance are not in this data \(the live HubSpot source does not load them: HubSpot's public APIs have no per-contact read of them; only JSON records with "webinars" carry them\)$/],
      ['CTA clickers', /^CTA clicks and views are not in this data \(the live HubSpot source does not load them/],
      ['Recent ad viewers or none', /^ad views are not in this data \(the live HubSpot source does not load them/],
    ];
    for (const [name, reason] of expected) {
      const r = result(name);
      assert.equal(r.count, 0, name);
      assert.equal(r.complete, false, name);
      assert.equal(r.notPreviewable.length, 1, name);
      assert.match(r.notPreviewable[0].reason, reason, name);
      if (name !== 'Recent ad viewers or none') assert.equal(r.maxCount, r.total, `${name}: up to every contact`);
    }
    // The known part still narrows: only contacts without an email may match.
    const ads = result('Recent ad viewers or none');
    assert.ok(ads.maxCount < ads.total, `up to ${ads.maxCount} of ${ads.total}: the email condition was judged`);
  });
});
