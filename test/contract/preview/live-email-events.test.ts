// Marketing email events in the live source: the events of each email and type the lists ask about come
// from the Email Events API (through the real SDK, from the emulator), tied to contacts by recipient
// address; counts equal the emulator's own membership of the same lists. An incremental refresh reads only
// events since the last read; REPLY (no API event) and a token without the `content` scope stay "not in
// this data" with the reason; events of recipients who are no contact are counted in a note.

import { strict as assert } from 'node:assert';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { compileList } from '../../../server/src/hubspot/compile';
import type { Progress } from '../../../server/src/preview/hubspot/fetch-contacts';
import { EVENTS_OVERLAP_MS } from '../../../server/src/preview/hubspot/email-events';
import { loadPreviewData, previewList, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';
import { startHubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';
import { emulatorCount as emulatorCountOf, liveWorkspace, previewResult, requestsTo, START, startLive, TOKEN, type LiveHarness } from './support';

const dayAgo = (days: number) => new Date(START - days * 86_400_000).toISOString().slice(0, 10);

const LISTS = `
list "Opened" {
  type: active
  where marketing email #456 of app #113 opened
}

list "Clicked the offer lately" {
  type: active
  where marketing email #456 of app #113 clicked link "https://www.example.com/offer" in last 30 days
}

list "Opened, never clicked" {
  type: active
  where marketing email #456 of app #113 opened but not clicked
}

list "Bounced the other" {
  type: active
  where marketing email #789 of app #113 bounced in last 10 days
}

list "Opened in a range" {
  type: active
  where marketing email #456 of app #113 opened between ${dayAgo(30)} and ${dayAgo(10)} or marketing email #456 of app #113 opened after ${dayAgo(3)}
}

list "Replied" {
  type: active
  where marketing email #456 of app #113 replied
}
`;

const EVENTS = /^\/email\/public\/v1\/events$/;
const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(START - daysAgo * DAY).toISOString();

/** Events of the k-th contact with an email: 456 sent to all, opened by half, clicked (two links) by some; 789 bounced for a few. */
function eventsFor(k: number): NonNullable<PortalContact['emailEvents']> {
  const events: NonNullable<PortalContact['emailEvents']> = [{ appId: '113', emailId: '456', type: 'SENT', timestamp: at(50) }];
  if (k % 2 === 0) events.push({ appId: '113', emailId: '456', type: 'OPEN', timestamp: at(k % 45) });
  if (k % 6 === 0) events.push({ appId: '113', emailId: '456', type: 'CLICK', timestamp: at(k % 60), url: 'https://www.example.com/offer' });
  if (k % 8 === 0) events.push({ appId: '113', emailId: '456', type: 'CLICK', timestamp: at(1), url: 'https://www.example.com/other' });
  if (k % 9 === 0) events.push({ appId: '113', emailId: '789', type: 'BOUNCE', timestamp: at(k % 2 === 0 ? 5 : 15) });
  if (k % 5 === 0) events.push({ appId: '113', emailId: '456', type: 'REPLY', timestamp: at(2) });
  return events;
}

describe('preview: marketing email events from the live HubSpot source', function () {
  this.timeout(20_000);
  let h: LiveHarness;
  let ws: PreviewWorkspace;
  let data: PreviewData;
  let stranger: PortalContact;
  const progress: Progress[] = [];

  const result = (name: string) => previewResult(h, ws, data, name);
  const emulatorCount = (name: string) => emulatorCountOf(h, ws, name);
  const eventReads = () => requestsTo(h.emulator, 'GET', EVENTS).map((r) => new URLSearchParams(r.query));

  before(async () => {
    h = await startLive(250);
    const withEmail = [...h.emulator.state.contacts.values()].filter((c) => c.properties.email && !c.archived);
    withEmail.forEach((c, k) => h.emulator.state.upsertContact({ ...c, emailEvents: eventsFor(k) }));
    // A contact deleted since: HubSpot keeps its events, and no contact holds its address now.
    stranger = { ...withEmail[1], archived: true, emailEvents: [{ appId: '113', emailId: '456', type: 'OPEN', timestamp: at(3) }] };
    h.emulator.state.upsertContact(stranger);
    ws = liveWorkspace(LISTS);
    const loaded = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress: (p) => progress.push(p) });
    assert.ok(!('error' in loaded));
    data = loaded;
  });
  after(async () => h.emulator.stop());

  it('asks only for the emails and types the lists read, each once, from the widest window, with progress per email', () => {
    const reads = eventReads().map((q) => `${q.get('appId')}:${q.get('campaignId')}:${q.get('eventType')}:${q.get('startTimestamp') ?? 'all'}`);
    // CLICK of 456: `in last 30 days` for the link, all time for "opened but not clicked": all time wins.
    assert.deepEqual(reads.sort(), ['113:456:CLICK:all', '113:456:OPEN:all', `113:789:BOUNCE:${START - 10 * DAY}`]);
    const phase = progress.filter((p) => p.phase === 'emailEvents');
    assert.deepEqual(phase.map((p) => [p.done, p.total]), [[0, 2], [1, 2], [2, 2]]);
  });

  it('counts equal the emulator\'s own membership of each list', async () => {
    for (const name of ['Opened', 'Clicked the offer lately', 'Opened, never clicked', 'Bounced the other', 'Opened in a range']) {
      const r = result(name);
      assert.ok(r.count > 0, name);
      assert.equal(r.count, await emulatorCount(name), name);
    }
    assert.ok(result('Opened in a range').count < result('Opened').count, 'the windows leave some openers out');
  });

  it('a contact without an email address is unknown, never "no"', () => {
    const withoutEmail = [...h.emulator.state.contacts.values()].filter((c) => !c.archived && !c.properties.email).length;
    assert.ok(withoutEmail > 0, 'the seeded portal has contacts without an email address');
    const r = result('Opened');
    assert.equal(r.maxCount - r.count, withoutEmail);
    assert.match(r.notPreviewable[0].reason, /^marketing email events are not in this data for some contacts \(HubSpot gives events by recipient address/);
  });

  it('events of a recipient who is no contact are counted in a note, not silently dropped', () => {
    assert.deepEqual(data.report.notes, [`1 marketing email event of 1 recipient whose address no contact holds now was not counted for anyone (${stranger.properties.email!.toLowerCase()})`]);
  });

  it('replies stay "not in this data": the Email Events API has no reply event', () => {
    const r = result('Replied');
    assert.deepEqual([r.count, r.complete], [0, false]);
    assert.equal(r.notPreviewable[0].reason, "marketing email events are not in this data (HubSpot's Email Events API has no reply event)");
  });

  it('an incremental refresh reads only the events since the last read, and counts the new ones', async () => {
    const firstReads = eventReads().length;
    h.tick(3_600_000);
    const unopened = [...h.emulator.state.contacts.values()].find((c) => !c.archived && c.properties.email && !c.emailEvents?.some((e) => e.type === 'OPEN'))!;
    h.emulator.state.upsertContact({ ...unopened, emailEvents: [...(unopened.emailEvents ?? []), { appId: '113', emailId: '456', type: 'OPEN', timestamp: new Date(h.now() - 60_000).toISOString() }] });
    const before = result('Opened').count;
    const refreshed = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
    assert.ok(!('error' in refreshed));
    assert.equal(refreshed.refresh?.mode, 'incremental');
    data = refreshed;
    const again = eventReads().slice(firstReads);
    assert.equal(again.length, 3);
    assert.ok(again.every((q) => q.get('startTimestamp') === String(START - EVENTS_OVERLAP_MS)), 'from the first read less the margin');
    assert.equal(result('Opened').count, before + 1);
    for (const name of ['Opened', 'Clicked the offer lately', 'Opened, never clicked', 'Bounced the other']) assert.equal(result(name).count, await emulatorCount(name), name);
  });
});

describe('preview: an email written by its own id, not an email campaign id', function () {
  this.timeout(20_000);
  it('an email\'s own id stays "not in this data" with which ids it has; its campaign id and its name load, and HubSpot\'s lists agree', async () => {
    const h = await startLive(80);
    try {
      const withEmail = [...h.emulator.state.contacts.values()].filter((c) => c.properties.email && !c.archived);
      withEmail.forEach((c, k) => h.emulator.state.upsertContact({ ...c, emailEvents: k % 2 === 0 ? [{ appId: '113', emailId: '250001', type: 'OPEN', timestamp: at(3) }] : [] }));
      const ws = liveWorkspace('list "By own id" {\n  where marketing email #150001 of app #113 opened\n}\nlist "By campaign" {\n  where marketing email #250001 of app #113 opened\n}\nlist "By name" {\n  where marketing email "November newsletter" of app #113 opened\n}\n');
      const november = { id: '150001', name: 'November newsletter', subject: 'What changed in November', state: 'PUBLISHED', archived: false, emailCampaignIds: ['250001'] };
      ws.schema = { ...ws.schema, marketingEmails: [november] };
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
      assert.ok(!('error' in data));
      const own = previewList(ws, data, 'By own id', { now: h.now() });
      assert.ok(!('error' in own));
      assert.deepEqual([own.result.count, own.result.complete], [0, false]);
      assert.equal(own.result.notPreviewable[0].reason, 'marketing email events are not in this data (#150001 is the id of marketing email "November newsletter", not an email campaign id (its email campaign id is #250001), and HubSpot\'s Email Events API gives events by email campaign id)');
      assert.deepEqual(requestsTo(h.emulator, 'GET', EVENTS).map((r) => new URLSearchParams(r.query).get('campaignId')), ['250001']);
      const byCampaign = previewList(ws, data, 'By campaign', { now: h.now() });
      assert.ok(!('error' in byCampaign));
      const { request } = compileList(ws.lists[1], { schema: ws.schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
      const account = createHubSpotAccount(h.connection);
      const created = await account.createList({ ...request!, name: 'check: by campaign' } as never);
      assert.ok(byCampaign.result.count > 0);
      assert.equal(byCampaign.result.count, (await account.listMemberships(created.listId)).length);
      // By name: its campaign id (Assumed reading), previewed and published alike.
      const byName = previewList(ws, data, 'By name', { now: h.now() });
      assert.ok(!('error' in byName));
      assert.equal(byName.result.count, byCampaign.result.count);
      const named = compileList(ws.lists[2], { schema: ws.schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
      const createdByName = await account.createList({ ...named.request!, name: 'check: by name' } as never);
      assert.equal((await account.listMemberships(createdByName.listId)).length, byName.result.count);
    } finally {
      await h.emulator.stop();
    }
  });
});

describe('preview: email events HubSpot answers with an error', function () {
  this.timeout(30_000);
  it('a 400 for one email leaves its conditions "not in this data" with HubSpot\'s answer, the other email still loads; a 503 and a 429 are retried', async () => {
    const h = await startLive(120);
    try {
      const withEmail = [...h.emulator.state.contacts.values()].filter((c) => c.properties.email && !c.archived);
      withEmail.forEach((c, k) => h.emulator.state.upsertContact({ ...c, emailEvents: eventsFor(k) }));
      // The reads go email by email, 456 (CLICK, OPEN) before 789: the first read of 456 is refused.
      h.emulator.faults.add({ type: 'status', status: 400, path: '/email/public/v1/events' });
      h.emulator.faults.add({ type: 'status', status: 503, path: '/email/public/v1/events' });
      h.emulator.faults.add({ type: 'rate-limit', policy: 'SECONDLY', path: '/email/public/v1/events' });
      const ws = liveWorkspace(LISTS);
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
      assert.ok(!('error' in data));
      const opened = previewList(ws, data, 'Opened', { now: h.now() });
      assert.ok(!('error' in opened));
      assert.deepEqual([opened.result.count, opened.result.complete], [0, false]);
      assert.match(opened.result.notPreviewable[0].reason, /^marketing email events are not in this data \(HubSpot refused the events of email campaign 456 of app 113: HubSpot said 400 Bad Request: /);
      const bounced = previewList(ws, data, 'Bounced the other', { now: h.now() });
      assert.ok(!('error' in bounced));
      assert.ok(bounced.result.count > 0);
      const statuses = requestsTo(h.emulator, 'GET', EVENTS).map((r) => r.status);
      assert.deepEqual(statuses, [400, 503, 429, 200], 'one read of 456, then 789 after a 503 and a 429');
    } finally {
      await h.emulator.stop();
    }
  });
});

describe('preview: a token without the content scope', function () {
  this.timeout(20_000);
  it('names HubSpot\'s 403 and counts the contacts as unknown, never as "no"', async () => {
    const LIMITED = 'pat-na1-preview-noevents-31c9';
    const emulator = await startHubSpotEmulator({
      seed: 23, contacts: 60, tokens: [TOKEN, LIMITED], clock: () => START, processingDelayMs: 0,
      scopes: { [LIMITED]: ['crm.objects.contacts.read', 'crm.lists.read'] },
    });
    try {
      const ws = liveWorkspace(LISTS);
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: { accessToken: LIMITED, basePath: emulator.url, numberOfApiCallRetries: 0, throttle: false } }, { now: () => START });
      assert.ok(!('error' in data));
      const p = previewList(ws, data, 'Opened', { now: START });
      assert.ok(!('error' in p));
      assert.deepEqual([p.result.count, p.result.maxCount, p.result.complete], [0, p.result.total, false]);
      assert.match(p.result.notPreviewable[0].reason, /^marketing email events are not in this data \(HubSpot refused the marketing email events: HubSpot said 403 Forbidden: .*missing scope content/);
    } finally {
      await emulator.stop();
    }
  });
});
