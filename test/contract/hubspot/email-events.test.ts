// The emulator's Email Analytics v1 "Get email events" (`GET /email/public/v1/events`): the events its
// evaluator holds, in the documented shape ({hasMore, offset, events: [{id, created, type, recipient,
// portalId, appId, appName, emailCampaignId, url?}]}), newest first, paged by an opaque offset, filtered
// by app, campaign, recipient, type and time; a 400 for a bad parameter, a 403 without the `content` scope.
// The account layer reads it through the real SDK.

import { strict as assert } from 'node:assert';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';
import { expectRejection, FIXED_NOW, startHarness, TOKEN, type Harness } from './support';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';

const PATH = '/email/public/v1/events';
const day = (n: number) => new Date(FIXED_NOW - n * 86_400_000).toISOString();

/** Events of contact k: email 456 of app 113 sent to all, opened by some, clicked by fewer; email 789 to a few; a reply (no API event). */
function eventsFor(k: number): NonNullable<PortalContact['emailEvents']> {
  const events: NonNullable<PortalContact['emailEvents']> = [{ appId: '113', emailId: '456', type: 'SENT', timestamp: day(40 + (k % 5)) }];
  if (k % 2 === 0) events.push({ appId: '113', emailId: '456', type: 'OPEN', timestamp: day(k % 60) });
  if (k % 6 === 0) events.push({ appId: '113', emailId: '456', type: 'CLICK', timestamp: day(k % 30), url: 'https://www.example.com/offer' });
  if (k % 10 === 0) events.push({ appId: '113', emailId: '789', type: 'OPEN', timestamp: day(3) });
  if (k % 7 === 0) events.push({ appId: '113', emailId: '456', type: 'REPLY', timestamp: day(2) });
  return events;
}

describe('HubSpot emulator: GET /email/public/v1/events', () => {
  let h: Harness;
  let withEmail: PortalContact[];
  before(async () => {
    h = await startHarness({ tokens: [TOKEN, 'pat-no-content'], scopes: { 'pat-no-content': ['crm.objects.contacts.read'] } });
    withEmail = [...h.emulator.state.contacts.values()].filter((c) => c.properties.email);
    withEmail.forEach((c, k) => h.emulator.state.upsertContact({ ...c, emailEvents: eventsFor(k) }));
  });
  after(async () => h.emulator.stop());

  const call = async (qs: Record<string, string>) => {
    const response = await h.client.apiRequest({ method: 'GET', path: PATH, qs });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('answers in the documented shape, newest first, each event with its recipient, app and email campaign', async () => {
    const page = await call({ appId: '113', campaignId: '456', eventType: 'CLICK', limit: '1000' });
    assert.equal(page.status, 200);
    assert.deepEqual(Object.keys(page.json).sort(), ['events', 'hasMore', 'offset']);
    const events = page.json.events as Record<string, unknown>[];
    assert.equal(events.length, withEmail.filter((_, k) => k % 6 === 0).length);
    assert.equal(page.json.hasMore, false);
    const first = events[0];
    assert.deepEqual(Object.keys(first).sort(), ['appId', 'appName', 'created', 'emailCampaignId', 'id', 'portalId', 'recipient', 'type', 'url']);
    assert.deepEqual([first.type, first.appId, first.emailCampaignId, first.url, typeof first.created, typeof first.id], ['CLICK', 113, 456, 'https://www.example.com/offer', 'number', 'string']);
    const times = events.map((e) => e.created as number);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const recipients = new Set(withEmail.map((c) => c.properties.email));
    assert.ok(events.every((e) => recipients.has(e.recipient as string)));
  });

  it('pages by an opaque offset: ten at a time gives what one page gives', async () => {
    const whole = (await call({ appId: '113', campaignId: '456', eventType: 'OPEN', limit: '1000' })).json.events as { id: string }[];
    const ids: string[] = [];
    let offset: string | undefined;
    let pages = 0;
    do {
      const page = await call({ appId: '113', campaignId: '456', eventType: 'OPEN', ...(offset ? { offset } : {}) });
      ids.push(...(page.json.events as { id: string }[]).map((e) => e.id));
      offset = page.json.hasMore === true ? (page.json.offset as string) : undefined;
      pages++;
    } while (offset);
    assert.deepEqual(ids, whole.map((e) => e.id));
    assert.equal(pages, Math.ceil(whole.length / 10), 'the default limit is 10');
  });

  it('filters by campaign, recipient, type and an inclusive time window; REPLY has no API event', async () => {
    const other = (await call({ appId: '113', campaignId: '789', limit: '1000' })).json.events as Record<string, unknown>[];
    assert.equal(other.length, withEmail.filter((_, k) => k % 10 === 0).length);
    const one = withEmail[0].properties.email!;
    const mine = (await call({ recipient: one.toUpperCase(), limit: '1000' })).json.events as Record<string, unknown>[];
    assert.deepEqual(mine.map((e) => e.type).sort(), ['CLICK', 'OPEN', 'OPEN', 'SENT'], 'contact 0: sent, opened, clicked 456 and opened 789; its reply is not served');
    const start = Date.parse(day(10));
    const recent = (await call({ appId: '113', campaignId: '456', eventType: 'OPEN', startTimestamp: String(start), limit: '1000' })).json.events as { created: number }[];
    assert.equal(recent.length, withEmail.filter((_, k) => k % 2 === 0 && k % 60 <= 10).length);
    const exact = (await call({ appId: '113', campaignId: '456', eventType: 'OPEN', startTimestamp: String(recent.at(-1)!.created), endTimestamp: String(recent.at(-1)!.created), limit: '1000' })).json.events as unknown[];
    assert.ok(exact.length >= 1, 'both ends are inclusive');
  });

  it('refuses a bad parameter with a 400 naming it', async () => {
    for (const [name, value, message] of [
      ['limit', '1001', 'limit must be from 1 to 1000; got "1001".'],
      ['appId', 'x', 'appId must be a whole number; got "x".'],
      ['eventType', 'open', /^eventType must be one of SENT, DROPPED, .*; got "open"\.$/],
      ['offset', 'nonsense', 'offset must be a token from an earlier page; got "nonsense".'],
      ['excludeFilteredEvents', 'yes', 'excludeFilteredEvents must be true or false; got "yes".'],
    ] as const) {
      const answer = await call({ [name]: value });
      assert.equal(answer.status, 400, name);
      if (typeof message === 'string') assert.equal(answer.json.message, message);
      else assert.match(String(answer.json.message), message);
    }
  });

  it('the account layer names a broken answer: an event without a recipient, hasMore without an offset', async () => {
    const query = { appId: '113', campaignId: '456', eventType: 'OPEN' };
    h.emulator.faults.add({ type: 'body', path: PATH, json: { hasMore: false, events: [{ id: 'e1', created: 1, type: 'OPEN', appId: 113, emailCampaignId: 456 }] } });
    const noRecipient = await expectRejection(h.account.getEmailEvents(query));
    assert.match(noRecipient.message, /sent the OPEN events of email campaign 456 of app 113 \(event 1\) without a created time, type and recipient/);
    h.emulator.faults.add({ type: 'body', path: PATH, json: { hasMore: true, events: [] } });
    const noOffset = await expectRejection(h.account.getEmailEvents(query));
    assert.match(noOffset.message, /answered the OPEN events of email campaign 456 of app 113 with hasMore but no offset to read on from/);
  });

  it('the account layer pages through every event of a type with the SDK, and a token without `content` gets a 403', async () => {
    const events = await h.account.getEmailEvents({ appId: '113', campaignId: '456', eventType: 'SENT' });
    assert.equal(events.length, withEmail.length);
    assert.deepEqual(Object.keys(events[0]).sort(), ['appId', 'created', 'emailCampaignId', 'id', 'recipient', 'type']);
    const sent = h.emulator.requests.filter((r) => r.path === PATH && new URLSearchParams(r.query).get('eventType') === 'SENT');
    assert.deepEqual(sent.map((r) => new URLSearchParams(r.query).get('limit')), ['1000'], 'one page of at most 1,000');
    assert.equal(new URLSearchParams(sent[0].query).get('excludeFilteredEvents'), 'true');
    const limited = createHubSpotAccount({ accessToken: 'pat-no-content', basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false });
    const refused = await expectRejection(limited.getEmailEvents({ appId: '113', campaignId: '456', eventType: 'SENT' }));
    assert.equal(refused.status, 403);
    assert.match(refused.message, /^HubSpot said 403 Forbidden: .*\(missing scope content/);
  });
});
