// The editor preview's worker (server/src/lsp/preview/worker.ts, run from source through tsx): an
// edit cancels the running evaluation at once, lists are evaluated together, and rows page and
// search without the whole match set leaving the worker.

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../server/src/language/schema';
import { PreviewRunner, workerEntry } from '../../server/src/lsp/preview/runner';
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
    // The worker loads what the workspace's lists read: here every property the tests below use.
    const lists = listsOf('list "All" {\n  where email is known and lifecyclestage is known and annualrevenue is known and country is known\n}\n');
    const loaded = await runner.load({ source: { kind: 'file', path: join(dir, 'contacts.csv'), exportZone: 'UTC' }, schema: defaultSchema(), defaultTimezone: 'UTC', root: dir, scope: { lists, now } }).outcome;
    assert.equal(loaded.kind, 'loaded');
    assert.equal(loaded.kind === 'loaded' && loaded.total, contacts.length);
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

  it('says who would enter and who would leave a published list, and pages and exports each view', async () => {
    const lists = listsOf('list "Poles" {\n  where country is "Poland"\n}\n');
    const poles = contacts.filter((c) => c.country === 'Poland').map((c) => String(c.id));
    // Members now: the first 100 Poles and the first 50 Spaniards (who would leave); one id unknown to the data.
    const spaniards = contacts.filter((c) => c.country === 'Spain').slice(0, 50).map((c) => String(c.id));
    await runner.setMembers('Poles', '77', [...poles.slice(0, 100), ...spaniards, '999999999']);
    const [preview] = (await runner.evaluate(['Poles'], { lists, now }))!;
    assert.deepEqual(preview.diff, { listId: '77', members: 151, enter: poles.length - 100, leave: 50, undecided: 0, membersNotInData: 1 });
    const entering = await runner.rows('Poles', { lists, now }, 0, 3, '', 'enter');
    assert.equal(entering.matches, poles.length - 100);
    assert.deepEqual(entering.rows.map((r) => r.id), poles.slice(100, 103));
    const leaving = await runner.exportCsv('Poles', { lists, now }, '', 'leave');
    assert.equal(leaving.rows, 50);
    assert.deepEqual(leaving.csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]), spaniards);
    await runner.forgetMembers();
    const [after] = (await runner.evaluate(['Poles'], { lists, now }))!;
    assert.equal(after.diff, undefined);
    await assert.rejects(runner.rows('Poles', { lists, now }, 0, 3, '', 'enter'), /has not been compared with a published HubSpot list/);
  });

  it('aborts a load: the outcome is "cancelled" and nothing stays loaded', async () => {
    const other = new PreviewRunner();
    try {
      const lists = listsOf('list "Poles" {\n  where country is "Poland"\n}\n');
      const load = other.load({ source: { kind: 'file', path: join(dir, 'contacts.csv'), exportZone: 'UTC' }, schema: defaultSchema(), defaultTimezone: 'UTC', root: dir, scope: { lists, now } });
      await other.abort(load.id);
      assert.deepEqual(await load.outcome, { kind: 'cancelled', id: load.id });
      await assert.rejects(other.rows('Poles', { lists, now }, 0, 1, ''), /No contacts are loaded yet/);
    } finally {
      await other.terminate();
    }
  });

  it('a missing worker file is a clear error naming where it was expected', () => {
    const empty = mkdtempSync(join(tmpdir(), 'hslist-noworker-'));
    assert.throws(() => workerEntry(empty), (e: Error) => e.message.includes(join(empty, 'preview-worker.js')) && /node scripts\/build\.mjs/.test(e.message));
  });
});
