// What the live source cannot read stays "not in this data" with HubSpot's reason: a token without the
// deals and forms scopes still previews tickets, while deal and form conditions are counted as unknown,
// never as "no"; a form HubSpot does not have is named.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSchema } from '../../../server/src/language/schema';
import { loadPreviewData, previewList, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { START, TOKEN } from './support';

const LISTS = `
list "Big deals" {
  type: active
  where associated deal where amount > 20000
}

list "Urgent tickets" {
  type: active
  where associated ticket where hs_ticket_priority is any of (HIGH, URGENT)
}

list "Any form" {
  type: active
  where submitted any form
}

list "Unknown form" {
  type: active
  where submitted form "00000000-0000-4000-8000-000000000000"
}
`;

async function preview(emulator: HubSpotEmulator, token: string): Promise<{ ws: PreviewWorkspace; data: PreviewData }> {
  const root = mkdtempSync(join(tmpdir(), 'hslist-refused-'));
  writeFileSync(join(root, 'lists.hslist'), LISTS);
  const ws: PreviewWorkspace = { root, schema: defaultSchema(), lists: parse(LISTS).file.lists, defaultTimezone: 'UTC' };
  const connection = { accessToken: token, basePath: emulator.url, numberOfApiCallRetries: 0, throttle: false };
  const data = await loadPreviewData(ws, { kind: 'hubspot', connection }, { now: () => START, clock: () => START });
  assert.ok(!('error' in data));
  return { ws, data };
}

describe('preview: what HubSpot refuses the live source stays "not in this data"', function () {
  this.timeout(20_000);
  const LIMITED = 'pat-na1-preview-limited-91c0';
  let emulator: HubSpotEmulator;
  before(async () => {
    emulator = await startHubSpotEmulator({
      seed: 23, contacts: 200, tokens: [TOKEN, LIMITED], clock: () => START, processingDelayMs: 0,
      scopes: { [LIMITED]: ['crm.objects.contacts.read', 'crm.objects.companies.read', 'crm.lists.read', 'tickets'] },
    });
  });
  after(async () => emulator.stop());

  it('names the 403 for deals and forms, and still counts tickets', async () => {
    const { ws, data } = await preview(emulator, LIMITED);
    const result = (name: string) => {
      const p = previewList(ws, data, name, { now: START });
      assert.ok(!('error' in p));
      return p.result;
    };
    const deals = result('Big deals');
    assert.deepEqual([deals.count, deals.complete], [0, false]);
    assert.match(deals.notPreviewable[0].reason, /^associated deals are not in this data \(HubSpot refused the associated deals: HubSpot said 403/);
    assert.equal(deals.maxCount, deals.total, 'every contact may match: up to all of them');
    const forms = result('Any form');
    assert.equal(forms.complete, false);
    assert.match(forms.notPreviewable[0].reason, /^form submissions are not in this data \(HubSpot refused the form submissions: HubSpot said 403/);
    const tickets = result('Urgent tickets');
    assert.equal(tickets.complete, true);
    assert.ok(tickets.count > 0);
  });

  it('names a form HubSpot does not have', async () => {
    const { ws, data } = await preview(emulator, TOKEN);
    const p = previewList(ws, data, 'Unknown form', { now: START });
    assert.ok(!('error' in p));
    assert.equal(p.result.complete, false);
    assert.equal(p.result.notPreviewable[0].reason, 'form submissions are not in this data (HubSpot has no form 00000000-0000-4000-8000-000000000000)');
  });
});
