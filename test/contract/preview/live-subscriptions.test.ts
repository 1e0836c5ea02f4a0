// Subscription statuses in the live source: email statuses come from Communication Preferences v4's
// batch reads (by email address, with progress), counts equal the emulator's own membership of the same
// lists; SMS and a refused token stay "not in this data" with the reason; a contact without an email
// address is unknown, never "not opted".

import { strict as assert } from 'node:assert';
import type { Progress } from '../../../server/src/preview/hubspot/fetch-contacts';
import { loadPreviewData, previewList, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import type { SubscriptionStatus } from '../../../server/src/sandbox/data/hubspot-records';
import { emulatorCount as emulatorCountOf, liveWorkspace, previewResult, requestsTo, startLive, TOKEN, type LiveHarness } from './support';
import { startHubSpotEmulator } from '../../../server/src/sandbox/hubspot/server';

const LISTS = `
list "Newsletter" {
  type: active
  where opted in to email subscription #81537745
}

list "Not asked" {
  type: active
  where opted neither in nor out of email subscription #81537745
}

list "Unsubscribed from all" {
  type: active
  where opted out of all email
}

list "Both newsletters" {
  type: active
  where opted in to email subscriptions (#81537745, #321981152) and email is known
}

list "SMS" {
  type: active
  where opted in to sms subscription #4711
}
`;

/** Statuses by the contact's position among those with an email: a mix of all three, several ids and the portal-wide one. */
function statusesFor(k: number): SubscriptionStatus[] {
  const statuses: SubscriptionStatus[] = [];
  if (k % 3 === 0) statuses.push({ channel: 'EMAIL', subscriptionId: '81537745', status: 'OPT_IN' });
  if (k % 3 === 1) statuses.push({ channel: 'EMAIL', subscriptionId: '81537745', status: 'OPT_OUT' });
  if (k % 4 === 0) statuses.push({ channel: 'EMAIL', subscriptionId: '321981152', status: 'OPT_IN' });
  if (k % 7 === 0) statuses.push({ channel: 'EMAIL', status: 'OPT_OUT' });
  if (k % 5 === 0) statuses.push({ channel: 'SMS', subscriptionId: '4711', status: 'OPT_IN' });
  return statuses;
}

describe('preview: subscription statuses from the live HubSpot source', function () {
  this.timeout(20_000);
  let h: LiveHarness;
  let ws: PreviewWorkspace;
  let data: PreviewData;
  const progress: Progress[] = [];

  const result = (name: string) => previewResult(h, ws, data, name);
  const emulatorCount = (name: string) => emulatorCountOf(h, ws, name);

  before(async () => {
    h = await startLive(250);
    const withEmail = [...h.emulator.state.contacts.values()].filter((c) => c.properties.email);
    withEmail.forEach((c, k) => h.emulator.state.upsertContact({ ...c, subscriptions: statusesFor(k) }));
    ws = liveWorkspace(LISTS);
    const loaded = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress: (p) => progress.push(p) });
    assert.ok(!('error' in loaded));
    data = loaded;
  });
  after(async () => h.emulator.stop());

  it('reads email statuses in batches of 100 addresses, both the per-subscription and the portal-wide read, with progress', () => {
    const emails = [...h.emulator.state.contacts.values()].filter((c) => c.properties.email).length;
    const batches = Math.ceil(emails / 100);
    const individual = requestsTo(h.emulator, 'POST', /^\/communication-preferences\/v4\/statuses\/batch\/read$/);
    const wide = requestsTo(h.emulator, 'POST', /^\/communication-preferences\/v4\/statuses\/batch\/unsubscribe-all\/read$/);
    assert.deepEqual([individual.length, wide.length], [batches, batches]);
    assert.equal(new URLSearchParams(individual[0].query).get('channel'), 'EMAIL');
    const phase = progress.filter((p) => p.phase === 'subscriptions');
    // Batches go a few at a time: progress grows by one batch's addresses as each is answered, in any order.
    const done = phase.map((p) => p.done);
    assert.equal(done.length, batches + 1);
    assert.deepEqual([done[0], done.at(-1)], [0, emails]);
    assert.ok(done.every((n, i) => i === 0 || [100, emails % 100 || 100].includes(n - done[i - 1])), done.join(', '));
    assert.ok(phase.every((p) => p.total === emails));
  });

  it('counts equal the emulator\'s own membership of each email list', async () => {
    for (const name of ['Newsletter', 'Unsubscribed from all', 'Both newsletters']) {
      const r = result(name);
      assert.ok(r.count > 0, name);
      if (name === 'Both newsletters') assert.equal(r.maxCount, r.count, 'email is known: every contact that may match has statuses');
      assert.equal(r.count, await emulatorCount(name), name);
    }
  });

  it('a contact without an email address is unknown for email statuses, never "not opted"', async () => {
    const withoutEmail = [...h.emulator.state.contacts.values()].filter((c) => !c.properties.email).length;
    assert.ok(withoutEmail > 0, 'the seeded portal has contacts without an email address');
    const r = result('Not asked');
    assert.equal(r.maxCount - r.count, withoutEmail);
    assert.match(r.notPreviewable[0].reason, /^subscription statuses are not in this data for some contacts \(HubSpot reads email statuses by address: a contact without one has none/);
    assert.equal(r.maxCount, await emulatorCount('Not asked'), 'the emulator counts them in: the preview says "up to"');
  });

  it('after an incremental refresh (the cached store patched in place) the statuses are still there, and a changed one is read again', async () => {
    h.tick(3_600_000);
    const at = new Date(h.now()).toISOString();
    const optedOut = [...h.emulator.state.contacts.values()].find((c) => c.properties.email && c.subscriptions?.some((st) => st.subscriptionId === '81537745' && st.status === 'OPT_OUT'))!;
    const subscriptions = optedOut.subscriptions!.map((st) => (st.subscriptionId === '81537745' ? { ...st, status: 'OPT_IN' as const } : st));
    h.emulator.state.upsertContact({ ...optedOut, subscriptions, properties: { ...optedOut.properties, lastmodifieddate: at }, updatedAt: at });
    const before = result('Newsletter').count;
    const refreshed = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
    assert.ok(!('error' in refreshed));
    assert.equal(refreshed.refresh?.mode, 'incremental');
    data = refreshed;
    assert.equal(result('Newsletter').count, before + 1);
    for (const name of ['Newsletter', 'Unsubscribed from all', 'Both newsletters']) assert.equal(result(name).count, await emulatorCount(name), name);
  });

  it('SMS statuses stay "not in this data": HubSpot reads many contacts\' statuses only for email', () => {
    const r = result('SMS');
    assert.deepEqual([r.count, r.complete], [0, false]);
    assert.equal(r.notPreviewable[0].reason, "SMS subscription statuses are not in this data (HubSpot's Communication Preferences API reads many contacts' statuses only for email (v4 statuses/batch/read takes channel EMAIL))");
  });
});

describe('preview: a token without the communication preferences scope', function () {
  this.timeout(20_000);
  it('names HubSpot\'s 403 and counts the contacts as unknown, never as "no"', async () => {
    const LIMITED = 'pat-na1-preview-nosubs-77a1';
    const emulator = await startHubSpotEmulator({
      seed: 23, contacts: 60, tokens: [TOKEN, LIMITED], clock: () => Date.parse('2026-01-15T00:00:00Z'), processingDelayMs: 0,
      scopes: { [LIMITED]: ['crm.objects.contacts.read', 'crm.lists.read'] },
    });
    try {
      const ws = liveWorkspace(LISTS);
      const data = await loadPreviewData(ws, { kind: 'hubspot', connection: { accessToken: LIMITED, basePath: emulator.url, numberOfApiCallRetries: 0, throttle: false } }, { now: () => Date.parse('2026-01-15T00:00:00Z') });
      assert.ok(!('error' in data));
      const p = previewList(ws, data, 'Newsletter', { now: Date.parse('2026-01-15T00:00:00Z') });
      assert.ok(!('error' in p));
      assert.deepEqual([p.result.count, p.result.maxCount, p.result.complete], [0, p.result.total, false]);
      assert.match(p.result.notPreviewable[0].reason, /^subscription statuses are not in this data \(HubSpot refused the subscription statuses: HubSpot said 403/);
    } finally {
      await emulator.stop();
    }
  });
});
