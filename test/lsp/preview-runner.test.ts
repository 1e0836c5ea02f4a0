// The editor preview's worker (server/src/lsp/preview/worker.ts, run from source through tsx): an
// edit cancels the running evaluation at once, lists are evaluated together, and rows page and
// search without the whole match set leaving the worker.

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../grammar/src';
import { defaultSchema } from '../../server/src/language/schema';
import { PreviewRunner } from '../../server/src/lsp/preview/runner';
import { bigCustomerClauses, contactsCsv, funnel, generateContacts } from './preview-data';

const listsOf = (text: string) => parse(text).file.lists;

describe('lsp: preview worker', function () {
  this.timeout(120_000);
  const contacts = generateContacts(200_000, 3);
  const dir = mkdtempSync(join(tmpdir(), 'hslist-runner-'));
  const runner = new PreviewRunner();
  const now = Date.UTC(2025, 0, 15);

  before(async () => {
    writeFileSync(join(dir, 'contacts.csv'), contactsCsv(contacts));
    const loaded = await runner.load(join(dir, 'contacts.csv'), defaultSchema(), ['email', 'firstname', 'lastname', 'lifecyclestage', 'annualrevenue', 'country'], 'UTC');
    assert.equal(loaded.total, contacts.length);
  });
  after(async () => {
    await runner.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an edit cancels the running evaluation, and the next one answers', async () => {
    // Many distinct clauses, so the run is long enough to be overtaken.
    const slow = listsOf(`list "Slow" {\n  where ${Array.from({ length: 60 }, (_, k) => `email contains "x${k}q"`).join(' or ')}\n}\n`);
    const running = runner.evaluate(['Slow'], { lists: slow, now });
    await new Promise((r) => setTimeout(r, 15));
    runner.cancelRunning();
    assert.equal(await running, undefined);
    const lists = listsOf('list "Poles" {\n  where country is "Poland"\n}\n');
    const [poles] = (await runner.evaluate(['Poles'], { lists, now }))!;
    assert.equal(poles.result.count, contacts.filter((c) => c.country === 'Poland').length);
  });

  it('evaluates several lists in one request, each with its funnel and sample', async () => {
    const lists = listsOf([
      'list "Big" {\n  where email is known\n    and lifecyclestage is any of (customer, opportunity)\n    and annualrevenue >= 2000000\n}',
      'list "Spain" {\n  where country is "Spain"\n}',
    ].join('\n'));
    const previews = (await runner.evaluate(['Big', 'Spain'], { lists, now }))!;
    const expected = funnel(contacts, bigCustomerClauses(2_000_000));
    assert.deepEqual(previews.map((p) => p.name), ['Big', 'Spain']);
    assert.deepEqual(previews[0].result.clauses.map((c) => c.funnel), expected.left);
    assert.deepEqual(previews[0].sample.map((r) => r.id), expected.matches.slice(0, 5).map((c) => String(c.id)));
    assert.equal(previews[1].result.count, contacts.filter((c) => c.country === 'Spain').length);
  });

  it('pages to the last row and searches within the matches', async () => {
    const lists = listsOf('list "Poles" {\n  where country is "Poland"\n}\n');
    const poles = contacts.filter((c) => c.country === 'Poland');
    const end = await runner.rows('Poles', { lists, now }, poles.length - 3, 100, '');
    assert.equal(end.matches, poles.length);
    assert.deepEqual(end.rows.map((r) => r.id), poles.slice(-3).map((c) => String(c.id)));
    const found = await runner.rows('Poles', { lists, now }, 0, 10, 'HUGO.');
    assert.equal(found.matches, poles.filter((c) => c.email.startsWith('hugo.')).length);
    assert.ok(found.rows.every((r) => String(r.values[0]).startsWith('hugo.')));
  });
});
