import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { expectRejection, startHarness, TOKEN, type Harness } from './support';

interface RawAnswer {
  status: number;
  declared: number;
  received: Buffer;
  complete: boolean;
}

/** One GET over node:http, reading whatever arrives until the connection ends. */
function rawGet(base: string, path: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => undefined); // "aborted": expected when the body is cut short
      res.on('close', () => resolve({ status: res.statusCode ?? 0, declared: Number(res.headers['content-length']), received: Buffer.concat(chunks), complete: res.complete }));
    });
    request.on('error', reject);
  });
}

const MANUAL = { objectTypeId: '0-1', processingType: 'MANUAL' };

describe('HubSpot faults for publishing: processed but unheard, cut short, never answered, odd bodies', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.emulator.stop());
  beforeEach(() => {
    h.emulator.requests.length = 0;
    h.emulator.faults.clear();
  });
  const create = (name: string) => h.client.apiRequest({ method: 'POST', path: '/crm/v3/lists', body: { name, ...MANUAL } });
  const exists = (name: string): boolean => h.emulator.state.activeListByName(name) !== undefined;

  it('reset after: the list IS created, the client sees a connection error, the SDK does not repeat the POST', async () => {
    h.emulator.faults.add({ type: 'reset', after: true, method: 'POST', path: '/crm/v3/lists' });
    const error = await expectRejection(create('Created unheard'));
    assert.equal((error as { code?: unknown }).code, 'ECONNRESET');
    assert.ok(exists('Created unheard'), 'the create succeeded although the client never heard');
    assert.deepEqual(h.emulator.requests.map((r) => [r.method, r.status, r.fault, r.handled]), [['POST', 'reset', 'reset', 200]]);
    const found = await h.client.apiRequest({ path: '/crm/v3/lists/object-type-id/0-1/name/Created%20unheard' });
    assert.equal(found.status, 200, 'a client that looks before retrying finds it');
  });

  it('reset before (the default): nothing is processed', async () => {
    h.emulator.faults.add({ type: 'reset', method: 'POST' });
    await expectRejection(create('Never created'));
    assert.ok(!exists('Never created'));
    assert.equal(h.emulator.requests[0].handled, undefined);
  });

  it('delay after: the list exists before the answer comes; a client that times out first never sees it', async () => {
    h.emulator.faults.add({ type: 'delay', ms: 400, after: true, method: 'POST' });
    const slow = fetch(`${h.emulator.url}/crm/v3/lists`, {
      method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Slow create', ...MANUAL }), signal: AbortSignal.timeout(100),
    });
    await assert.rejects(slow, (e: Error) => e.name === 'TimeoutError');
    assert.ok(exists('Slow create'));
  });

  it('truncate: the real status and full Content-Length, fewer bytes, then the connection closes', async () => {
    h.emulator.faults.add({ type: 'truncate', method: 'GET', path: '/crm/v3/lists/1' });
    const cut = await rawGet(h.emulator.url, '/crm/v3/lists/1');
    assert.equal(cut.status, 200);
    assert.ok(!cut.complete);
    assert.ok(cut.received.length < cut.declared, `${cut.received.length} bytes of ${cut.declared}`);
    assert.ok(cut.received.length > 0, 'half the body by default');
    const whole = await rawGet(h.emulator.url, '/crm/v3/lists/1');
    assert.ok(whole.complete);
    assert.equal(whole.declared, cut.declared);
    assert.ok(whole.received.subarray(0, cut.received.length).equals(cut.received), 'a prefix of the real body');
  });

  it('truncate on a create: the list exists, the SDK response says 200 but its body never parses', async () => {
    h.emulator.faults.add({ type: 'truncate', method: 'POST', bytes: 10 });
    const response = await create('Created, body cut');
    assert.equal(response.status, 200);
    // node-fetch 2 (under the SDK) does not pass the socket's "aborted" on to a Content-Length body:
    // reading it stalls rather than fails, so a client needs its own timeout around body reads.
    const read = response.json().then(() => 'parsed', () => 'failed');
    const outcome = await Promise.race([read, new Promise((resolve) => setTimeout(() => resolve('stalled'), 300))]);
    assert.ok(outcome === 'failed' || outcome === 'stalled', `the body read ${String(outcome)}`);
    assert.ok(exists('Created, body cut'));
    assert.deepEqual([h.emulator.requests[0].status, h.emulator.requests[0].fault], [200, 'truncate']);
  });

  it('body: the exact raw bytes with the status asked for, or JSON; after: the handler ran first', async () => {
    const raw = '{"results":[{"id":null,"properties":5},"x"]}';
    h.emulator.faults.add({ type: 'body', raw, method: 'GET', path: '/crm/v3/objects/contacts' });
    const page = await h.client.apiRequest({ path: '/crm/v3/objects/contacts' });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'application/json;charset=utf-8');
    assert.equal(await page.text(), raw);
    h.emulator.faults.add({ type: 'body', status: 502, raw: '<html>Bad gateway</html>' });
    const gateway = await h.client.apiRequest({ path: '/crm/v3/lists/1' });
    assert.deepEqual([gateway.status, await gateway.text()], [502, '<html>Bad gateway</html>']);
    h.emulator.faults.add({ type: 'body', json: { list: null }, after: true, method: 'POST' });
    const created = await create('Created, odd answer');
    assert.deepEqual(await created.json(), { list: null });
    assert.ok(exists('Created, odd answer'));
  });

  it('method filter: only POSTs under the path fail; GETs there pass untouched', async () => {
    h.emulator.faults.add({ type: 'status', status: 503, method: 'POST', path: '/crm/v3/lists', count: 1 });
    assert.equal((await h.client.apiRequest({ path: '/crm/v3/lists/1' })).status, 200);
    assert.equal(h.emulator.faults.pending().length, 1, 'the GET did not use the fault up');
    assert.equal((await create('Refused once')).status, 503);
    assert.ok(!exists('Refused once'));
    assert.deepEqual(h.emulator.faults.pending(), []);
  });

  it('a fault armed for a v3 path also hits its date-based path', async () => {
    h.emulator.faults.add({ type: 'status', status: 500, path: '/crm/v3/lists' });
    assert.equal((await h.client.apiRequest({ path: '/crm/lists/2026-09/1' })).status, 500);
  });

  it('new faults over the admin endpoint, and a clear message for a malformed one', async () => {
    const armed = await fetch(`${h.emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ type: 'body', status: 200, json: { results: 'x' }, method: 'GET' }) });
    assert.equal(armed.status, 200);
    assert.deepEqual(await (await h.client.apiRequest({ path: '/crm/v3/lists/1' })).json(), { results: 'x' });
    const bad = await fetch(`${h.emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify([{ type: 'hold' }, { type: 'truncate', bytes: -3 }]) });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /truncate fault's "bytes" must be a whole number/);
    assert.deepEqual(h.emulator.faults.pending(), [], 'nothing armed from a batch with a bad fault');
  });
});

describe('HubSpot faults: hold', () => {
  it('a held request never gets an answer: a client timeout aborts it, and stop() still returns promptly', async () => {
    const h = await startHarness();
    const get = (signal?: AbortSignal) => fetch(`${h.emulator.url}/crm/v3/lists/1`, { headers: { Authorization: `Bearer ${TOKEN}` }, signal });
    h.emulator.faults.add({ type: 'hold', count: 2 });
    await assert.rejects(get(AbortSignal.timeout(100)), (e: Error) => e.name === 'TimeoutError');
    const waiting = get().then(() => 'answered', (e: Error) => e.name);
    while (h.emulator.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(h.emulator.requests.map((r) => r.status), ['held', 'held']);
    const started = Date.now();
    await h.emulator.stop();
    assert.ok(Date.now() - started < 1000, `stop took ${Date.now() - started} ms`);
    assert.equal(await waiting, 'TypeError', 'the held request fails when the emulator stops (fetch failed)');
  });
});
