import { strict as assert } from 'node:assert';
import { startHarness, TOKEN, type Harness } from './support';

const RATE_HEADERS = ['x-hubspot-ratelimit-max', 'x-hubspot-ratelimit-remaining', 'x-hubspot-ratelimit-interval-milliseconds', 'x-hubspot-ratelimit-daily', 'x-hubspot-ratelimit-daily-remaining'];

describe('HubSpot rate-limit headers on every API answer', () => {
  let h: Harness;
  const readOnly = 'read-only-token-9012';
  before(async () => (h = await startHarness({ rateLimits: { tenSecondMax: 4, dailyMax: 100 }, tokens: [TOKEN, readOnly], scopes: { [readOnly]: ['crm.lists.read'] } })));
  after(async () => h.emulator.stop());
  beforeEach(() => {
    h.emulator.faults.clear();
    h.tick(10_000);
  });

  const send = (path: string, init: { method?: string; body?: string; token?: string } = {}) =>
    fetch(`${h.emulator.url}${path}`, {
      method: init.method ?? 'GET', body: init.body,
      headers: { Authorization: `Bearer ${init.token ?? TOKEN}`, 'Content-Type': 'application/json' },
    });
  const rate = (response: Response): Record<string, string | null> => Object.fromEntries(RATE_HEADERS.map((name) => [name, response.headers.get(name)]));

  it('-Remaining counts the request it answers: 3 of 4 left after the first in a window', async () => {
    const first = rate(await send('/crm/v3/lists/1'));
    assert.equal(first['x-hubspot-ratelimit-max'], '4');
    assert.equal(first['x-hubspot-ratelimit-remaining'], '3');
    assert.equal(first['x-hubspot-ratelimit-interval-milliseconds'], '10000');
    const daily = Number(first['x-hubspot-ratelimit-daily-remaining']);
    const second = rate(await send('/crm/v3/lists/1'));
    assert.equal(second['x-hubspot-ratelimit-remaining'], '2');
    assert.equal(Number(second['x-hubspot-ratelimit-daily-remaining']), daily - 1);
  });

  it('on errors too: 404, 405, 400 bad JSON, 403, the limiter\'s 429, and fault answers; never on 401', async () => {
    const answers = [
      await send('/crm/v3/lists/999999'),
      await send('/crm/v3/nowhere'),
      await send('/crm/v3/lists/1', { method: 'PATCH' }),
      await send('/crm/v3/lists', { method: 'POST', body: '{not json' }),
      await send('/crm/v3/lists', { method: 'POST', body: '{}', token: readOnly }),
    ];
    assert.deepEqual(answers.map((r) => r.status), [404, 404, 405, 400, 403]);
    for (const answer of answers) assert.ok(RATE_HEADERS.every((name) => answer.headers.has(name)), `headers on ${answer.status}`);
    const limited = await send('/crm/v3/lists/1');
    assert.equal(limited.status, 429, 'the window of 4 is full (a 403 is answered before the limiter counts it)');
    assert.equal(rate(limited)['x-hubspot-ratelimit-remaining'], '0');
    assert.equal(limited.headers.get('retry-after'), null, 'HubSpot does not document Retry-After');
    h.tick(10_000);
    for (const fault of [{ type: 'status', status: 503 }, { type: 'rate-limit', policy: 'DAILY' }, { type: 'body', raw: 'x' }] as const) {
      h.emulator.faults.add(fault);
      const answer = await send('/crm/v3/lists/1');
      assert.ok(RATE_HEADERS.every((name) => answer.headers.has(name)), `headers on the ${fault.type} fault`);
    }
    const unauthorised = await send('/crm/v3/lists/1', { token: 'wrong-token-1234' });
    assert.equal(unauthorised.status, 401);
    assert.ok(RATE_HEADERS.every((name) => !unauthorised.headers.has(name)));
  });

  it('on date-based paths, sharing the same window', async () => {
    const v3 = rate(await send('/crm/v3/lists/1'));
    const dated = rate(await send('/crm/lists/2026-09/1'));
    assert.equal(Number(dated['x-hubspot-ratelimit-remaining']), Number(v3['x-hubspot-ratelimit-remaining']) - 1);
  });
});
