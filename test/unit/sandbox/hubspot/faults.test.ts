import { strict as assert } from 'node:assert';
import { faultProblem } from '../../../../server/src/sandbox/hubspot/fault-check';
import { faultMatches, faultResponse, FaultInjector } from '../../../../server/src/sandbox/hubspot/faults';

describe('HubSpot emulator: fault matching', () => {
  const v3 = ['/crm/v3/lists'];

  it('matches by method (case-insensitive) and by path prefix, as sent or in its v3 form', () => {
    assert.ok(faultMatches({ method: 'post' }, 'POST', v3));
    assert.ok(!faultMatches({ method: 'POST' }, 'GET', v3));
    assert.ok(faultMatches({ path: '/crm/v3/lists' }, 'GET', ['/crm/lists/2026-09/7', '/crm/v3/lists/7']));
    assert.ok(faultMatches({ path: '/crm/lists/2026-09' }, 'GET', ['/crm/lists/2026-09/7', '/crm/v3/lists/7']));
    assert.ok(!faultMatches({ path: '/crm/v3/objects' }, 'GET', v3));
    assert.ok(faultMatches({}, 'DELETE', v3), 'no filter: every request');
  });

  it('consumes `count` matching requests, skipping those that do not match', () => {
    const faults = new FaultInjector();
    faults.add({ type: 'status', status: 503, method: 'POST', count: 2 });
    assert.equal(faults.next('GET', v3).terminal, undefined);
    assert.equal(faults.next('POST', v3).terminal?.type, 'status');
    assert.equal(faults.pending()[0].count, 1);
    assert.equal(faults.next('POST', v3).terminal?.type, 'status');
    assert.deepEqual(faults.pending(), []);
  });

  it('takes one delay and one other fault per request; `after` moves the delay past the handler', () => {
    const faults = new FaultInjector();
    faults.add({ type: 'delay', ms: 30 });
    faults.add({ type: 'delay', ms: 40, after: true });
    faults.add({ type: 'reset', after: true });
    const first = faults.next('POST', v3);
    assert.deepEqual([first.delayBeforeMs, first.delayAfterMs, first.terminal?.type], [30, 0, 'reset']);
    const second = faults.next('POST', v3);
    assert.deepEqual([second.delayBeforeMs, second.delayAfterMs, second.terminal], [0, 40, undefined]);
  });

  it('status, rate-limit and body faults have an answer of their own; reset, truncate and hold do not', () => {
    assert.equal(faultResponse({ type: 'status', status: 502 })?.status, 502);
    assert.equal(faultResponse({ type: 'rate-limit', policy: 'DAILY' })?.status, 429);
    assert.deepEqual(faultResponse({ type: 'body', raw: '{"results":' }), { status: 200, raw: '{"results":' });
    assert.deepEqual(faultResponse({ type: 'body', status: 201, json: { results: [null] } }), { status: 201, body: { results: [null] } });
    for (const type of ['reset', 'truncate', 'hold'] as const) assert.equal(faultResponse({ type }), undefined);
  });
});

describe('HubSpot emulator: fault validation (POST /__emulator/faults)', () => {
  const accepted = [
    { type: 'status', status: 503, method: 'POST', path: '/crm/v3/lists' },
    { type: 'delay', ms: 100, after: true },
    { type: 'reset', after: true, count: 2 },
    { type: 'rate-limit', policy: 'SECONDLY' },
    { type: 'truncate' },
    { type: 'truncate', status: 200, bytes: 10 },
    { type: 'hold', method: 'get' },
    { type: 'body', raw: 'not json' },
    { type: 'body', status: 200, json: { results: [{ id: null, properties: 5 }, 'x'] }, after: true },
  ];
  for (const fault of accepted) it(`accepts ${JSON.stringify(fault)}`, () => assert.equal(faultProblem(fault), undefined));

  const refused: [unknown, RegExp][] = [
    ['boom', /must be an object/],
    [{ type: 'boom' }, /Unknown fault type "boom"; use status, delay, reset, rate-limit, truncate, hold, body/],
    [{ type: 'status', status: 200 }, /"status" between 400 and 599/],
    [{ type: 'delay' }, /needs "ms"/],
    [{ type: 'delay', ms: 10, after: 'yes' }, /delay fault's "after" must be true or false/],
    [{ type: 'reset', after: 1 }, /reset fault's "after" must be true or false/],
    [{ type: 'rate-limit', policy: 'HOURLY' }, /"policy" must be one of TEN_SECONDLY_ROLLING, DAILY, SECONDLY/],
    [{ type: 'truncate', bytes: -1 }, /"bytes" must be a whole number/],
    [{ type: 'truncate', status: 99 }, /truncate fault's "status" must be between 200 and 599/],
    [{ type: 'body' }, /exactly one of "json".*or "raw"/],
    [{ type: 'body', json: {}, raw: '' }, /exactly one of/],
    [{ type: 'body', raw: 5 }, /"raw" must be a string/],
    [{ type: 'hold', method: 'PO ST' }, /"method" must be an HTTP method/],
    [{ type: 'hold', path: 'crm/v3' }, /"path" must be a path prefix starting with "\/"/],
    [{ type: 'hold', count: 0 }, /"count" must be a whole number ≥ 1/],
  ];
  for (const [fault, message] of refused) it(`refuses ${JSON.stringify(fault)}`, () => assert.match(faultProblem(fault) ?? 'accepted', message));
});
