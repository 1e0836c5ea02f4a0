import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStore } from '../../../server/src/preview/columns-build';
import { readSnapshot, writeSnapshot } from '../../../server/src/preview/snapshot';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import { explainContact, recordAt } from '../../../server/src/preview/explain';
import { planList } from '../../../server/src/preview/plan';
import type { ContactRecord } from '../../../server/src/preview/types';
import { and, company, cond, inList, list, many, not, num, one, str, submitted, testSchema, word } from './ast-helpers';
import { NOW } from './judge-helper';

const schema = testSchema();
const contacts: ContactRecord[] = [
  { id: 'a', properties: { email: 'A@x.com', country: 'Poland', num_employees: '50', hs_tags: 'a;b', is_vip: 'true', createdate: '2024-01-01T00:00:00Z' }, listMemberships: ['7'], companies: [{ id: 'c1', properties: { industry: 'SOFTWARE' } }] },
  { id: 'b', properties: { email: 'b@y.com', country: 'Spain', num_employees: '5', hs_tags: null, is_vip: 'false', createdate: null }, listMemberships: [], companies: [] },
  { id: 'c', properties: { email: 'c\u0000@z.com', country: 'poland', num_employees: 'x', hs_tags: 'c', is_vip: null, createdate: '1706745600000' }, listMemberships: ['7'], companies: [{ id: 'c1', properties: { industry: 'SOFTWARE' } }] },
];
const store = () => buildStore(contacts, [...schema.objects.contacts.values()], [...schema.objects.companies.values()]);
const plan = (where: Parameters<typeof list>[1]) => planList(list('L', where), { schema, now: NOW });

describe('preview store: snapshot, counts, funnel, explain, cache', () => {
  it('a snapshot round trip keeps every column, membership and association', () => {
    const original = store();
    const path = join(mkdtempSync(join(tmpdir(), 'hslist-snap-')), 'cache', 'contacts.snap');
    writeSnapshot(original, path);
    const loaded = readSnapshot(path);
    assert.ok(!('error' in loaded), 'the snapshot should load');
    assert.equal(loaded.version, original.version);
    assert.deepEqual([0, 1, 2].map((r) => loaded.ids.at(r)), ['a', 'b', 'c']);
    for (let r = 0; r < 3; r++) assert.deepEqual(recordAt(loaded, r), recordAt(original, r));
    assert.equal(recordAt(loaded, 2).properties.email, 'c\u0000@z.com');
    assert.deepEqual(recordAt(loaded, 0).companies, [{ id: 'c1', properties: { industry: 'SOFTWARE', name: null } }]);
  });

  it('a file that is not a snapshot is an error, not a crash', () => {
    const r = readSnapshot(__filename);
    assert.ok('error' in r && /not an hslist snapshot/.test(r.error));
  });

  it('counts, per-clause counts and the funnel of top-level clauses', () => {
    const ev = new CompiledEvaluator(store());
    const r = ev.evaluate(plan(and(cond('country', 'is', one(str('poland'))), cond('num_employees', '>', one(num(10))), inList('#7'))));
    assert.equal(r.count, 1);
    assert.deepEqual(r.sampleIds, ['a']);
    assert.deepEqual(r.clauses.map((c) => [c.count, c.funnel]), [[2, 2], [1, 1], [2, 1]]);
    assert.ok(r.complete);
  });

  it('not-previewable clauses are flagged, with a range for the count', () => {
    const r = new CompiledEvaluator(store()).evaluate(plan(and(cond('country', 'is', one(str('poland'))), submitted('f1'))));
    assert.equal(r.complete, false);
    assert.deepEqual([r.count, r.maxCount], [0, 2]);
    assert.deepEqual(r.notPreviewable.map((n) => n.reason), ['form submissions are not loaded']);
  });

  it('explain shows which filters pass with the contact values', () => {
    const e = explainContact(store(), plan(and(cond('country', 'is', one(str('Poland'))), not(cond('hs_tags', 'is any of', many(word('c')))), company(cond('industry', 'is', one(word('SOFTWARE')))))), 'c');
    assert.ok(!('error' in e));
    assert.equal(e.result, false);
    assert.deepEqual(e.children.map((c) => [c.text, c.result]), [['country is "Poland"', true], ['not hs_tags is any of (c)', false], ['associated company where industry is SOFTWARE', true]]);
    assert.deepEqual(e.children[0].values, { country: 'poland' });
    assert.ok('error' in explainContact(store(), plan(cond('country', 'is known')), 'nobody'));
  });

  it('after editing one clause only that clause and the group holding it are computed again', () => {
    const ev = new CompiledEvaluator(store());
    const where = (n: number) => and(cond('country', 'is', one(str('poland'))), cond('num_employees', '>', one(num(n))));
    ev.evaluate(plan(where(10)));
    let computed = 0;
    const count = () => computed++;
    ev.evaluate(plan(where(20)), { shouldStop: () => (count(), false) });
    assert.equal(computed, 2); // `num_employees > 20` and the `and` around it; `country is "poland"` comes from the cache
  });
});
