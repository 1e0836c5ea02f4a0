// The portal's subscription definitions through the account layer and the real @hubspot/api-client, against
// the emulator's Communication Preferences route in HubSpot's wire format: v4 (the legacy version's) and
// 2026-09 alike, a token without communication_preferences.read refused with 403, an answer without what
// the language needs refused with a sentence naming it.

import { strict as assert } from 'node:assert';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { SANDBOX_SUBSCRIPTIONS } from '../../../server/src/sandbox/data/hubspot-subscriptions';
import { expectRejection, startHarness, TOKEN, type Harness } from './support';

const NO_PREFERENCES = 'no-preferences-token-4321';

describe('HubSpot account layer ↔ emulator: subscription definitions (Communication Preferences)', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ tokens: [TOKEN, NO_PREFERENCES], scopes: { [NO_PREFERENCES]: ['crm.objects.contacts.read'] } })));
  after(async () => h.emulator.stop());
  afterEach(() => h.emulator.faults.clear());

  it('reads every definition with its id, name, description, channel, state and business unit', async () => {
    const definitions = await h.account.getSubscriptionDefinitions();
    assert.equal(definitions.length, SANDBOX_SUBSCRIPTIONS.length);
    assert.deepEqual(definitions.find((d) => d.id === '81537745'), { id: '81537745', name: 'Newsletter', description: 'The monthly newsletter', communicationMethod: 'EMAIL', archived: false, businessUnitId: '0' });
    assert.equal(definitions.find((d) => d.id === '81530001')?.archived, true, 'isActive false is kept, marked archived');
    assert.deepEqual([...new Set(definitions.map((d) => d.communicationMethod))].sort(), ['EMAIL', 'SMS', 'WHATSAPP']);
  });

  it('the emulator answers in the spec\'s shape: ActionResponseWithResults of SubscriptionDefinition with its required fields', async () => {
    const response = await h.client.apiRequest({ method: 'GET', path: '/communication-preferences/v4/definitions', qs: { includeTranslations: 'true' } });
    const body = (await response.json()) as { status: string; startedAt: string; completedAt: string; results: Record<string, unknown>[] };
    assert.equal(body.status, 'COMPLETE');
    assert.ok(body.startedAt && body.completedAt);
    for (const field of ['createdAt', 'description', 'id', 'isActive', 'isDefault', 'isInternal', 'name', 'updatedAt']) assert.ok(field in body.results[0], field);
    assert.deepEqual(body.results[0].subscriptionTranslations, []);
    const other = await h.client.apiRequest({ method: 'GET', path: '/communication-preferences/v4/definitions', qs: { businessUnitId: '7' } });
    assert.deepEqual(((await other.json()) as { results: unknown[] }).results, [], 'no definition of another business unit');
  });

  it('reads the same under the 2026-09 API version, on its dated path', async () => {
    const dated = createHubSpotAccount({ accessToken: TOKEN, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false, apiVersion: '2026-09' });
    h.emulator.requests.length = 0;
    assert.deepEqual(await dated.getSubscriptionDefinitions(), await h.account.getSubscriptionDefinitions());
    assert.deepEqual(h.emulator.requests.map((r) => r.path), ['/communication-preferences/2026-09/definitions', '/communication-preferences/v4/definitions']);
  });

  it('a token without the scope is refused with 403 naming communication_preferences.read', async () => {
    const account = createHubSpotAccount({ accessToken: NO_PREFERENCES, basePath: h.emulator.url, numberOfApiCallRetries: 0, throttle: false });
    const error = await expectRejection(account.getSubscriptionDefinitions());
    assert.equal(error.status, 403);
    assert.match(error.message, /^HubSpot said 403 Forbidden: .*missing scope communication_preferences\.read/);
  });

  it('an answer without results, or an entry without an id of digits, is an error naming what is missing', async () => {
    h.emulator.faults.add({ type: 'body', json: { subscriptionDefinitions: [] }, path: '/communication-preferences/v4/definitions', count: 1 });
    assert.match((await expectRejection(h.account.getSubscriptionDefinitions())).message, /answered the subscription definitions without a "results" array/);
    h.emulator.faults.add({ type: 'body', json: { status: 'COMPLETE', results: [{ id: 'abc', name: 'X', isActive: true }] }, path: '/communication-preferences/v4/definitions', count: 1 });
    assert.match((await expectRejection(h.account.getSubscriptionDefinitions())).message, /an entry that has no id of digits, name or isActive/);
  });
});
