import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PreviewWorker } from '../../../server/src/preview/worker-client';
import { StoreBuilder } from '../../../server/src/preview/columns-build';
import { writeSnapshot } from '../../../server/src/preview/snapshot';
import { and, cond, list, num, one, str } from './ast-helpers';
import { NOW } from './judge-helper';
import { testSchema } from './ast-helpers';

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

  // Many distinct clauses, so the run takes long enough to be overtaken.
  const slowList = (tag: string) => list('Slow', and(...Array.from({ length: 40 }, (_, k) => cond('email', 'contains', one(str(`${tag}${k}`))))));

  it('evaluates off the main thread', async () => {
    const r = await worker.evaluate(schema, list('L', cond('num_employees', '>=', one(num(500)))), [], NOW);
    assert.ok(!('cancelled' in r));
    assert.equal(r.count, 100_000);
  });

  it('a newer request cancels the running one', async () => {
    const first = worker.evaluate(schema, slowList('a'), [], NOW);
    await new Promise((r) => setTimeout(r, 20));
    const second = worker.evaluate(schema, list('L', cond('country', 'is', one(str('spain')))), [], NOW);
    assert.deepEqual(await first, { cancelled: true });
    const r = await second;
    assert.ok(!('cancelled' in r));
    assert.equal(r.count, 66_667);
  });

  it('explains a contact', async () => {
    const e = await worker.explain(schema, list('L', cond('country', 'is', one(str('spain')))), [], NOW, '3');
    assert.ok(!('cancelled' in e) && !('error' in e));
    assert.equal(e.result, true);
  });
});
