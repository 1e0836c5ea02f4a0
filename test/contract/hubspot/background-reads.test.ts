// Which reads give way in the rate-limit window (rate-pacer.ts): those nothing waits on (a form's
// submissions, a list's members, page views, email events) go as `background`; the reads a fetch's next
// step waits on (contacts, an export's status, the count) go as `foreground`; the many batch reads of
// the contacts' associations and those records go as `bulk`, which gives way to a background chain of
// pages. Checked through the real SDK against the emulator, on the pacer the account's calls really go
// through.

import { strict as assert } from 'node:assert';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { transportFor } from '../../../server/src/hubspot/account/client';
import type { Priority, RatePacer } from '../../../server/src/hubspot/account/rate-pacer';
import type { HubSpotAccount } from '../../../server/src/hubspot/account/types';
import { WEBINAR_FORM_ID } from '../../../server/src/sandbox/data/hubspot-portal';
import { LEADS_OR_POLAND, startHarness, TOKEN, type Harness } from './support';

describe('HubSpot account: reads nothing waits on give way in the rate-limit window', () => {
  let h: Harness;
  let paced: HubSpotAccount;
  const asked: Priority[] = [];
  let pacer: RatePacer;
  let acquire: RatePacer['acquire'];

  before(async () => {
    h = await startHarness();
    const options = { accessToken: TOKEN, basePath: h.emulator.url };
    paced = createHubSpotAccount(options);
    pacer = transportFor(options).pacer!;
    acquire = pacer.acquire;
    pacer.acquire = (signal, priority = 'foreground') => (asked.push(priority), acquire.call(pacer, signal, priority));
  });
  after(async () => {
    pacer.acquire = acquire;
    await h.emulator.stop();
  });

  async function firstContactIds(account: HubSpotAccount, count: number): Promise<string[]> {
    for await (const page of account.pageContacts(['email'])) return page.slice(0, count).map((c) => c.id);
    return [];
  }

  /** The priorities of the requests `read` sent through the paced account. */
  async function prioritiesOf(read: () => Promise<unknown>): Promise<Set<Priority>> {
    asked.length = 0;
    await read();
    assert.ok(asked.length > 0, 'the read went through the pacer');
    return new Set(asked);
  }

  it('a form\'s submissions, a list\'s members, page views and email events are background', async () => {
    const list = await h.account.createList({ name: 'Background members', objectTypeId: '0-1', processingType: 'DYNAMIC', filterBranch: LEADS_OR_POLAND });
    const [viewer] = await firstContactIds(h.account, 1);
    assert.deepEqual(await prioritiesOf(() => paced.getFormSubmissions(WEBINAR_FORM_ID)), new Set(['background']));
    assert.deepEqual(await prioritiesOf(() => paced.listMemberships(list.listId)), new Set(['background']));
    assert.deepEqual(await prioritiesOf(() => paced.getPageViews({ contactId: viewer })), new Set(['background']));
    assert.deepEqual(await prioritiesOf(() => paced.getEmailEvents({ appId: '113', campaignId: '456', eventType: 'SENT' })), new Set(['background']));
  });

  it('contacts and the count are foreground; the associations\' and records\' batch reads are bulk', async () => {
    const ids = await firstContactIds(h.account, 5);
    assert.deepEqual(await prioritiesOf(() => firstContactIds(paced, 5)), new Set(['foreground']));
    assert.deepEqual(await prioritiesOf(() => paced.countContacts()), new Set(['foreground']));
    assert.deepEqual(await prioritiesOf(() => paced.getCompaniesFor(ids, ['name'])), new Set(['bulk']));
    assert.deepEqual(await prioritiesOf(() => paced.getAssociatedFor(ids, 'deals', ['amount'])), new Set(['bulk']));
  });
});
