import { strict as assert } from 'node:assert';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { HubSpotAccountError } from '../../../server/src/hubspot/account/errors';
import { expectRejection, startHarness, TOKEN, type Harness } from './support';
import { withoutLongWaits } from '../../support/long-waits';

const CORRELATION = '\\(correlation id [0-9a-f-]{36}\\)\\.$';


describe('HubSpot faults: what the service sends and the sentence the account layer makes of it', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ expiredTokens: ['expired-token-1234'], scopes: { 'read-only-token-1234': ['crm.lists.read', 'crm.objects.contacts.read'] }, tokens: [TOKEN, 'read-only-token-1234'] })));
  after(async () => h.emulator.stop());
  beforeEach(() => {
    h.emulator.requests.length = 0;
    h.emulator.faults.clear();
  });
  const statuses = () => h.emulator.requests.map((r) => r.status);
  const accountWith = (accessToken: string) => createHubSpotAccount({ accessToken, basePath: h.emulator.url, numberOfApiCallRetries: 3, throttle: false });

  it('an unknown token: 401 INVALID_AUTHENTICATION, "HubSpot said 401 Unauthorized: …"', async () => {
    const error = await expectRejection(accountWith('wrong-token-1234').getList('1'));
    assert.ok(error instanceof HubSpotAccountError);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, new RegExp(`^HubSpot said 401 Unauthorized: Authentication credentials not found ${CORRELATION}`));
  });

  it('an expired token and a missing scope', async () => {
    const expired = await expectRejection(accountWith('expired-token-1234').getProperties('contacts'));
    assert.match(expired.message, new RegExp(`^HubSpot said 401 Unauthorized: The OAuth token used to make this call expired 2 hour\\(s\\) ago ${CORRELATION}`));
    const forbidden = await expectRejection(accountWith('read-only-token-1234').createList({ name: 'x', objectTypeId: '0-1', processingType: 'MANUAL' }));
    assert.equal(forbidden.kind, 'scope');
    assert.match(forbidden.message, /^HubSpot said 403 Forbidden: This app hasn't been granted all required scopes to make this call \(missing scope crm\.lists\.write; correlation id [0-9a-f-]{36}\)\.$/);
  });

  it('5xx is retried by the SDK (visible in the request log), then reported with HubSpot’s message', async () => {
    h.emulator.faults.add({ type: 'status', status: 503, count: 2 });
    assert.ok((await h.account.getProperties('contacts')).length > 0);
    assert.deepEqual(statuses(), [503, 503, 200]);
    h.emulator.requests.length = 0;
    h.emulator.faults.add({ type: 'status', status: 502, count: 3 });
    const error = await expectRejection(h.account.getProperties('contacts'));
    assert.deepEqual(statuses(), [502, 502, 502]);
    assert.equal(error.kind, 'server');
    assert.match(error.message, new RegExp(`^HubSpot said 502 Bad Gateway: Bad Gateway ${CORRELATION}`));
  });

  it('the filter-carrying calls (apiRequest, which the SDK does not retry) are retried too: reads on 5xx, never a create', async () => {
    h.emulator.faults.add({ type: 'status', status: 503, count: 1, path: '/crm/v3/lists/object-type-id/' });
    assert.equal(await h.account.findListByName('No such list'), undefined);
    assert.deepEqual(statuses(), [503, 404]);
    h.emulator.requests.length = 0;
    h.emulator.faults.add({ type: 'status', status: 503, count: 1, path: '/crm/v3/lists' });
    const error = await expectRejection(h.account.createList({ name: 'Created once', objectTypeId: '0-1', processingType: 'MANUAL' }));
    assert.deepEqual(statuses(), [503], 'a POST that failed with 5xx may have been applied: not repeated');
    assert.equal(error.kind, 'server');
    h.emulator.requests.length = 0;
    h.emulator.faults.add({ type: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', count: 1, path: '/crm/v3/lists' });
    const created = await withoutLongWaits(() => h.account.createList({ name: 'Created after a 429', objectTypeId: '0-1', processingType: 'MANUAL' }));
    assert.equal(created.name, 'Created after a 429');
    assert.deepEqual(statuses(), [429, 200], 'a rate-limited request was not processed: repeated');
  });

  it('429 TEN_SECONDLY_ROLLING is retried; DAILY is not, and names its policy', async () => {
    h.emulator.faults.add({ type: 'rate-limit', policy: 'TEN_SECONDLY_ROLLING', count: 1 });
    await withoutLongWaits(() => h.account.getProperties('companies'));
    assert.deepEqual(statuses(), [429, 200]);
    h.emulator.requests.length = 0;
    h.emulator.faults.add({ type: 'rate-limit', policy: 'DAILY', count: 5 });
    const error = await expectRejection(h.account.getProperties('companies'));
    assert.deepEqual(statuses(), [429]);
    assert.equal(error.kind, 'rate-limit');
    assert.match(error.message, /^HubSpot said 429 Too Many Requests: You have reached your daily limit \(policy DAILY; correlation id [0-9a-f-]{36}\)\.$/);
  });

  it('a reset connection is retried for a read, and a closed port names the host and the request', async () => {
    h.emulator.faults.add({ type: 'reset', count: 1 });
    assert.ok((await h.account.getProperties('contacts')).length > 0, 'one reset: the read is repeated');
    assert.deepEqual(statuses(), ['reset', 200]);
    h.emulator.faults.add({ type: 'reset', count: 3 });
    const reset = await expectRejection(h.account.getProperties('contacts'));
    assert.equal(reset.kind, 'unreachable');
    assert.equal(reset.message, `Could not reach HubSpot at 127.0.0.1:${h.emulator.port} for GET /crm/v3/properties/contacts: the connection was reset.`);
    const closed = await startHarness();
    await closed.emulator.stop();
    const refused = await expectRejection(createHubSpotAccount({ accessToken: TOKEN, basePath: closed.emulator.url, numberOfApiCallRetries: 3, throttle: false }).getList('1'));
    assert.equal(refused.message, `Could not reach HubSpot at 127.0.0.1:${closed.emulator.port} for GET /crm/v3/lists/1: connection refused.`);
    assert.ok(!/\n\s+at /.test(refused.stack ?? ''), 'no stack trace');
  });

  it('faults armed over the admin endpoint: slow responses and a 5xx in HubSpot’s shape', async () => {
    const admin = await fetch(`${h.emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify([{ type: 'delay', ms: 120 }, { type: 'status', status: 500 }]) });
    assert.equal(admin.status, 200);
    const started = Date.now();
    const response = await fetch(`${h.emulator.url}/crm/v3/lists/1`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.ok(Date.now() - started >= 110);
    assert.equal(response.status, 500);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['category', 'correlationId', 'message', 'status']);
    assert.equal(body.status, 'error');
    const bad = await fetch(`${h.emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ type: 'boom' }) });
    assert.equal(bad.status, 400);
  });
});

describe('HubSpot rate limits on an injected clock', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ rateLimits: { tenSecondMax: 3, dailyMax: 6 } })));
  after(async () => h.emulator.stop());
  const get = (path = '/crm/v3/lists/1') => fetch(`${h.emulator.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });

  it('the ten-second window: 429 TEN_SECONDLY_ROLLING with headers, open again 10 s later, then DAILY', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await get()).status, 200);
    const limited = await get();
    assert.equal(limited.status, 429);
    const body = (await limited.json()) as Record<string, unknown>;
    assert.equal(body.message, 'You have reached your ten_secondly_rolling limit.');
    assert.deepEqual([body.status, body.errorType, body.policyName], ['error', 'RATE_LIMIT', 'TEN_SECONDLY_ROLLING']);
    assert.ok(typeof body.correlationId === 'string' && typeof body.requestId === 'string');
    assert.equal(limited.headers.get('x-hubspot-ratelimit-max'), '3');
    assert.equal(limited.headers.get('x-hubspot-ratelimit-remaining'), '0');
    assert.equal(limited.headers.get('x-hubspot-ratelimit-interval-milliseconds'), '10000');
    h.tick(10_000);
    for (let i = 0; i < 3; i++) assert.equal((await get()).status, 200);
    h.tick(10_000);
    const daily = await get();
    assert.equal(daily.status, 429);
    assert.equal(((await daily.json()) as { policyName: string }).policyName, 'DAILY');
    assert.equal(daily.headers.get('x-hubspot-ratelimit-daily-remaining'), '0');
    h.tick(86_400_000);
    assert.equal((await get()).status, 200, 'a new day');
  });

  it('search allows 5 requests a second: the 6th gets the secondly limit', async () => {
    h.tick(86_400_000);
    const fresh = await startHarness();
    const search = () => fetch(`${fresh.emulator.url}/crm/v3/objects/contacts/search`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: '{"limit":1}' });
    for (let i = 0; i < 5; i++) assert.equal((await search()).status, 200);
    const limited = await search();
    assert.equal(limited.status, 429);
    assert.equal(((await limited.json()) as { message: string }).message, 'You have reached your secondly limit.');
    fresh.tick(1000);
    assert.equal((await search()).status, 200);
    await fresh.emulator.stop();
  });
});
