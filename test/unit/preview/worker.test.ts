import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PreviewWorker, workerEntry } from '../../../server/src/preview/worker-client';
import { StoreBuilder } from '../../../server/src/preview/columns-build';
import { writeSnapshot } from '../../../server/src/preview/snapshot';
import { listOf, testSchema } from './lists';
import { NOW } from './judge-helper';

describe('preview worker', function () {
  this.timeout(30_000);
  const schema = testSchema();
  let worker: PreviewWorker;
  const snapshot = join(mkdtempSync(join(tmpdir(), 'hslist-worker-')), 'contacts.snap');

  before(async () => {
    const b = new StoreBuilder([...schema.objects.contacts.values()]);
    for (let i = 0; i < 200_000; i++) b.add({ id: String(i), properties: { country: i % 3 ? 'Poland' : 'Spain', num_employees: String(i % 1000), email: `p${i}@x${i % 97}.com` } });
    writeSnapshot(b.finish(), snapshot);
    worker = new PreviewWorker();
    assert.equal((await worker.loadSnapshot(snapshot)).total, 200_000);
  });
  after(() => worker.terminate());

  // Many distinct clauses (`contains` scans the whole dictionary), so the run takes long enough to be overtaken.
  const slowList = (tag: string) => listOf(Array.from({ length: 400 }, (_, k) => `email contains "${tag}${k}"`).join(' and '));

  it('evaluates off the main thread', async () => {
    const r = await worker.evaluate(schema, listOf('num_employees >= 500'), [], NOW);
    assert.ok(!('cancelled' in r));
    assert.equal(r.count, 100_000);
  });

  it('a newer request cancels the running one', async () => {
    const first = worker.evaluate(schema, slowList('a'), [], NOW);
    await new Promise((r) => setTimeout(r, 20));
    const second = worker.evaluate(schema, listOf('country is "spain"'), [], NOW);
    assert.deepEqual(await first, { cancelled: true });
    const r = await second;
    assert.ok(!('cancelled' in r));
    assert.equal(r.count, 66_667);
  });

  it('explains a contact', async () => {
    const e = await worker.explain(schema, listOf('country is "spain"'), [], NOW, '3');
    assert.ok(!('cancelled' in e) && !('error' in e));
    assert.equal(e.result, true);
  });

  it('a missing worker file is a clear error naming where it was expected', () => {
    const empty = mkdtempSync(join(tmpdir(), 'hslist-noworker-'));
    assert.throws(() => workerEntry(empty), (e: Error) => e.message.includes(join(empty, 'worker.js')) && /node scripts\/build\.mjs/.test(e.message));
  });
});

describe('preview worker, built (node scripts/build.mjs)', function () {
  this.timeout(240_000);
  const root = resolve(__dirname, '..', '..', '..');
  const dist = join(root, 'dist');
  let worker: PreviewWorker;

  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    worker = new PreviewWorker(dist);
  });
  after(() => worker?.terminate());

  it('the client bundled into dist/ finds dist/worker.js next to it', () => {
    assert.deepEqual(workerEntry(dist), { file: join(dist, 'worker.js'), execArgv: [] });
  });

  it('dist/worker.js loads an NDJSON file with history and form submissions and evaluates a small list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hslist-built-'));
    const source = join(dir, 'contacts.ndjson');
    const day = 86_400_000;
    const records = [
      { id: '1', properties: { country: 'Poland', num_employees: '40' }, propertiesWithHistory: { country: [{ value: 'Poland', timestamp: new Date(NOW - day).toISOString() }, { value: 'Spain', timestamp: new Date(NOW - 99 * day).toISOString() }] }, formSubmissions: [{ formId: 'f1', timestamp: NOW - 2 * day }] },
      { id: '2', properties: { country: 'Spain', num_employees: '4' }, propertiesWithHistory: {}, formSubmissions: [] },
      { id: '3', properties: { country: 'poland', num_employees: '400' }, propertiesWithHistory: {}, formSubmissions: [] },
    ];
    writeFileSync(source, records.map((r) => JSON.stringify(r)).join('\n'));
    const schema = testSchema();
    const loaded = await worker.loadSource(source, schema, ['country', 'num_employees'], {}, join(dir, 'contacts.snap'));
    assert.equal(loaded.total, 3);
    const r = await worker.evaluate(schema, listOf('country is "poland" and num_employees > 10'), [], NOW);
    assert.ok(!('cancelled' in r));
    assert.deepEqual([r.count, r.sampleIds, r.complete], [2, ['1', '3'], true]);
    const h = await worker.evaluate(schema, listOf('country has ever been "Spain" and submitted form "f1" in last 7 days'), [], NOW);
    assert.ok(!('cancelled' in h));
    assert.deepEqual([h.count, h.sampleIds, h.complete], [1, ['1'], true]);
    assert.equal((await worker.loadSnapshot(join(dir, 'contacts.snap'))).total, 3, 'the snapshot it wrote loads');
  });
});
