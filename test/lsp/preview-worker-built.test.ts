// The bundled preview worker (dist/preview-worker.js from `node scripts/build.mjs`), as the language
// server in dist/server.js starts it: found next to the bundle, and able to load an NDJSON file whose
// records carry property history and form submissions, and judge has-ever and form filters with it.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PreviewRunner, workerEntry } from '../../server/src/lsp/preview/runner';
import { listOf, testSchema } from '../unit/preview/lists';
import { NOW } from '../unit/preview/judge-helper';

describe('lsp: preview worker, built (node scripts/build.mjs)', function () {
  this.timeout(240_000);
  const root = resolve(__dirname, '..', '..');
  const dist = join(root, 'dist');
  let runner: PreviewRunner;

  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    runner = new PreviewRunner(dist);
  });
  after(() => runner?.terminate());

  it('the server bundled into dist/ finds dist/preview-worker.js next to it', () => {
    assert.deepEqual(workerEntry(dist), { file: join(dist, 'preview-worker.js'), execArgv: [] });
  });

  it('loads NDJSON with history and form submissions and judges has-ever and form filters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hslist-built-'));
    const source = join(dir, 'contacts.ndjson');
    const day = 86_400_000;
    const records = [
      { id: '1', properties: { country: 'Poland', num_employees: '40' }, propertiesWithHistory: { country: [{ value: 'Poland', timestamp: new Date(NOW - day).toISOString() }, { value: 'Spain', timestamp: new Date(NOW - 99 * day).toISOString() }] }, formSubmissions: [{ formId: 'f1', timestamp: NOW - 2 * day }] },
      { id: '2', properties: { country: 'Spain', num_employees: '4' }, propertiesWithHistory: {}, formSubmissions: [] },
      { id: '3', properties: { country: 'poland', num_employees: '400' }, propertiesWithHistory: {}, formSubmissions: [] },
    ];
    writeFileSync(source, records.map((r) => JSON.stringify(r)).join('\n'));
    const plain = listOf('country is "poland" and num_employees > 10', undefined, 'Plain');
    const history = listOf('country has ever been "Spain" and submitted form "f1" in last 7 days', undefined, 'History');
    const scope = { lists: [plain, history], now: NOW };
    const loaded = await runner.load({ source: { kind: 'file', path: source, exportZone: 'UTC' }, schema: testSchema(), defaultTimezone: 'UTC', root: dir, scope }).outcome;
    assert.equal(loaded.kind === 'loaded' && loaded.total, 3);
    const [p, h] = (await runner.evaluate(['Plain', 'History'], scope))!;
    assert.deepEqual([p.result.count, p.result.sampleIds, p.result.complete], [2, ['1', '3'], true]);
    assert.deepEqual([h.result.count, h.result.sampleIds, h.result.complete], [1, ['1'], true]);
  });
});
