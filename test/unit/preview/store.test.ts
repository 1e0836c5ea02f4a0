import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { associatedDefs, buildStore, StoreBuilder } from '../../../server/src/preview/columns-build';
import { readSnapshot, writeSnapshot } from '../../../server/src/preview/snapshot';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import { explainContact, recordAt } from '../../../server/src/preview/explain';
import { TEXT_PIECE_CHARS } from '../../../server/src/preview/chunk-file';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import type { ContactRecord } from '../../../server/src/preview/types';
import { listOf, testSchema } from './lists';
import { NOW } from './judge-helper';

const schema = testSchema();
const DAY = 86_400_000;
const contacts: ContactRecord[] = [
  {
    id: 'a', properties: { email: 'A@x.com', country: 'Poland', num_employees: '50', hs_tags: 'a;b', is_vip: 'true', createdate: '2024-01-01T00:00:00Z' },
    listMemberships: ['7'], companies: [{ id: 'c1', properties: { industry: 'SOFTWARE' } }],
    history: { country: [{ value: 'Poland', timestamp: NOW - DAY }, { value: 'Spain', timestamp: NOW - 90 * DAY }] },
    formSubmissions: [{ formId: 'f1', timestamp: NOW - 3 * DAY }],
  },
  { id: 'b', properties: { email: 'b@y.com', country: 'Spain', num_employees: '5', hs_tags: null, is_vip: 'false', createdate: null }, listMemberships: [], companies: [], history: {}, formSubmissions: [] },
  { id: 'c', properties: { email: 'c\u0000@z.com', country: 'poland', num_employees: 'x', hs_tags: 'c', is_vip: null, createdate: '1706745600000' }, listMemberships: ['7'], companies: [{ id: 'c1', properties: { industry: 'SOFTWARE' } }] },
];
const store = (records = contacts) => buildStore(records, [...schema.objects.contacts.values()], [...schema.objects.companies.values()]);
const plan = (where: string) => planList(listOf(where), { schema, now: NOW });
const snapshotPath = () => join(mkdtempSync(join(tmpdir(), 'hslist-snap-')), 'cache', 'contacts.snap');

describe('preview store: snapshot, counts, funnel, explain, cache', () => {
  it('a snapshot round trip keeps every column, membership, association, history and form submission', () => {
    const original = store();
    const path = snapshotPath();
    writeSnapshot(original, path);
    const loaded = readSnapshot(path);
    assert.ok(!('error' in loaded), 'the snapshot should load');
    assert.equal(loaded.version, original.version);
    assert.deepEqual([0, 1, 2].map((r) => loaded.ids.at(r)), ['a', 'b', 'c']);
    for (let r = 0; r < 3; r++) assert.deepEqual(recordAt(loaded, r), recordAt(original, r));
    assert.equal(recordAt(loaded, 2).properties.email, 'c\u0000@z.com');
    assert.deepEqual(recordAt(loaded, 0).companies, [{ id: 'c1', properties: { industry: 'SOFTWARE', name: null } }]);
    assert.deepEqual(recordAt(loaded, 0).history?.country, contacts[0].history?.country);
    assert.deepEqual(recordAt(loaded, 0).formSubmissions, contacts[0].formSubmissions);
    assert.equal(recordAt(loaded, 2).history, undefined, 'a record without history stays without');
  });

  it('a snapshot keeps associated deals and tickets, the labels of each association and which rows carried them', () => {
    const labelled = testSchema();
    labelled.objects.deals = new Map([['amount', { ...labelled.objects.contacts.get('num_employees')!, name: 'amount' }]]);
    labelled.objects.tickets = new Map([['subject', { ...labelled.objects.contacts.get('email')!, name: 'subject' }]]);
    const records: ContactRecord[] = [
      { id: '1', properties: {}, companies: [{ id: 'c1', properties: {}, labels: ['301'], primary: true }], deals: [{ id: 'd1', properties: { amount: '5000' }, labels: ['101', '102'] }, { id: 'd2', properties: { amount: '20000' } }], tickets: [] },
      { id: '2', properties: {}, companies: [], deals: [{ id: 'd2', properties: { amount: '20000' }, labels: ['101'] }], tickets: [{ id: 't1', properties: { subject: 'Broken' } }] },
      { id: '3', properties: {} },
    ];
    const original = buildStore(records, [], [...labelled.objects.companies.values()], associatedDefs(labelled));
    const path = snapshotPath();
    writeSnapshot(original, path);
    const loaded = readSnapshot(path);
    assert.ok(!('error' in loaded));
    for (let r = 0; r < 3; r++) assert.deepEqual(recordAt(loaded, r), recordAt(original, r));
    assert.deepEqual(recordAt(loaded, 0).deals?.map((d) => d.labels ?? []), [['101', '102'], []]);
    assert.equal(recordAt(loaded, 2).deals, undefined, 'a row whose record carried no deals stays unknown');
    const counts = (store: typeof original) => ['associated deal labeled #101 where amount > 10000', 'number of associated tickets >= 1', 'associated company labeled #301 where name is unknown']
      .map((where) => new CompiledEvaluator(store).evaluate(planList(listOf(where), { schema: labelled, now: NOW })))
      .map((r) => [r.count, r.maxCount]);
    assert.deepEqual(counts(loaded), [[1, 2], [1, 2], [1, 2]]);
    assert.deepEqual(counts(loaded), counts(original));
  });

  it('dictionaries in UTF-16 (lone surrogates included) and lower-cased forms survive the round trip', () => {
    const odd = ['İstanbul', 'Ωmega', '\ud800 lone', 'plain'].map((country, i) => ({ id: String(i + 1), properties: { country } }));
    const path = snapshotPath();
    writeSnapshot(store(odd), path);
    const loaded = readSnapshot(path);
    assert.ok(!('error' in loaded));
    assert.deepEqual(odd.map((_, r) => recordAt(loaded, r).properties.country), odd.map((o) => o.properties.country));
    assert.equal(new CompiledEvaluator(loaded).evaluate(plan('country starts with "i̇s" or country contains "ωm" or country ends with "lone"')).count, 3);
  });

  it('dictionaries longer than a piece of writing (TEXT_PIECE_CHARS) survive it, a surrogate pair on the boundary included', () => {
    // Texts are encoded a piece at a time when a snapshot is written (issue 15); one pair sits across each piece's end.
    const long = (fill: string, pair: string) => fill.repeat(TEXT_PIECE_CHARS - 2) + pair + fill.repeat(50);
    // email: a latin1 part and a UTF-8 part; country: a UTF-16 part (a lone surrogate).
    const values = [[long('a', 'bb'), long('ω', '\ud800z')], [long('ś', '😀'), 'short']];
    for (const offset of [0, 1]) {
      const x = 'x'.repeat(offset);
      const records = values.map(([email, country], i) => ({ id: String(i + 1), properties: { email: x + email, country: x + country } }));
      const path = snapshotPath();
      writeSnapshot(store(records), path);
      const loaded = readSnapshot(path);
      assert.ok(!('error' in loaded));
      assert.deepEqual(records.map((_, r) => [recordAt(loaded, r).properties.email, recordAt(loaded, r).properties.country]), records.map((r) => [r.properties.email, r.properties.country]), `shifted by ${offset}`);
    }
  });

  it('a file that is not a snapshot, or one of another version, is an error, not a crash', () => {
    const r = readSnapshot(__filename);
    assert.ok('error' in r && /not an hslist snapshot/.test(r.error));
    const old = join(mkdtempSync(join(tmpdir(), 'hslist-snap-')), 'old.snap');
    writeFileSync(old, Buffer.concat([Buffer.from('HSLSNAP2', 'latin1'), Buffer.alloc(8)]));
    const o = readSnapshot(old);
    assert.ok('error' in o && /another version of hslist/.test(o.error), JSON.stringify(o));
    // Version 6 held no deals, tickets or labels: refused, so the live source fetches anew.
    writeFileSync(old, Buffer.concat([Buffer.from('HSLSNAP6', 'latin1'), Buffer.alloc(8)]));
    const six = readSnapshot(old);
    assert.ok('error' in six && /another version of hslist/.test(six.error), JSON.stringify(six));
  });

  it('counts, per-clause counts and the funnel of top-level clauses', () => {
    const ev = new CompiledEvaluator(store());
    const r = ev.evaluate(plan('country is "poland" and num_employees > 10 and in list #7'));
    assert.equal(r.count, 1);
    assert.deepEqual(r.sampleIds, ['a']);
    assert.deepEqual(r.clauses.map((c) => [c.count, c.funnel]), [[2, 2], [1, 1], [2, 1]]);
    assert.ok(r.complete);
  });

  it('nested clause counts are right after their group came from the cache', () => {
    const ev = new CompiledEvaluator(store());
    const where = (n: number) => `(country is "poland" or num_employees > 40) and num_employees > ${n}`;
    const first = ev.evaluate(plan(where(1)));
    const again = ev.evaluate(plan(where(2)));
    assert.deepEqual(again.clauses[0].children.map((c) => [c.count, c.maxCount]), [[2, 2], [1, 1]]);
    assert.deepEqual(again.clauses[0], first.clauses[0]);
  });

  it('data that is not loaded for some contacts is flagged, with a range for the count', () => {
    const r = new CompiledEvaluator(store()).evaluate(plan('country is "poland" and submitted form "f1"'));
    assert.equal(r.complete, false);
    assert.deepEqual([r.count, r.maxCount], [1, 2]);
    assert.deepEqual(r.notPreviewable.map((n) => n.reason), ['form submissions are not loaded']);
    const h = new CompiledEvaluator(store()).evaluate(plan('country has ever been "Spain"'));
    assert.deepEqual([h.count, h.maxCount, h.notPreviewable.map((n) => n.reason)], [2, 3, ['property history for "country" is not loaded']]);
  });

  it('history and forms loaded for every contact make those clauses complete', () => {
    const all = contacts.map((c) => ({ ...c, history: c.history ?? {}, formSubmissions: c.formSubmissions ?? [] }));
    const r = new CompiledEvaluator(store(all)).evaluate(plan('country has ever been "Spain" and submitted form "f1" in last 7 days'));
    assert.deepEqual([r.count, r.maxCount, r.complete, r.sampleIds], [1, 1, true, ['a']]);
  });

  it('explain shows which filters pass with the contact values', () => {
    const e = explainContact(store(), plan('country is "Poland" and not (hs_tags is any of (c)) and associated company where industry is SOFTWARE'), 'c');
    assert.ok(!('error' in e));
    assert.equal(e.result, false);
    assert.deepEqual(e.children.map((c) => [c.text, c.result]), [['country is "Poland"', true], ['not hs_tags is any of (c)', false], ['associated company where industry is SOFTWARE', true]]);
    assert.deepEqual(e.children[0].values, { country: 'poland' });
    assert.ok('error' in explainContact(store(), plan('country is known'), 'nobody'));
  });

  it('after editing one clause only that clause and the groups holding it are computed again', () => {
    const ev = new CompiledEvaluator(store());
    const where = (n: number) => `country is "poland" and (num_employees > ${n} or is_vip is true) and in list #7`;
    const before = ev.evaluate(plan(where(10)));
    let computed = 0;
    const count = () => computed++;
    const after = ev.evaluate(plan(where(20)), { shouldStop: () => (count(), false) });
    // `num_employees > 20` and the `or` around it; the list's result is the funnel's last step (one pass, not a cached clause)
    assert.equal(computed, 2);
    assert.deepEqual([before.count, after.count, after.clauses.map((c) => c.funnel)], [1, 1, [2, 1, 1]]);
    assert.equal(new CompiledEvaluator(store()).evaluate(plan(where(20))).count, after.count, 'the same as computed afresh');
  });

  it('large dictionaries (sorted orders, rows-by-code index) agree with the reference interpreter, before and after a snapshot', () => {
    const wide = ['Ωmega', 'ŚLĄSK', 'İzmir'];
    const many: ContactRecord[] = Array.from({ length: 12_000 }, (_, i) => ({
      id: String(i + 1),
      properties: { email: i % 3 ? `p${i}@Host${i % 7}.com` : null, country: i % 11 === 0 ? `${wide[i % 3]}${i % 50}` : `C${i % 5000}` },
    }));
    const built = store(many);
    const path = snapshotPath();
    writeSnapshot(built, path);
    const loaded = readSnapshot(path);
    assert.ok(!('error' in loaded));
    const wheres = [
      'email ends with "7@host3.com"', 'email ends with "@host3.com"', 'email ends with "x"', 'email contains "@host"', 'email starts with "p11"',
      'email starts with "P11"', 'country is "c42"', 'country is "c4"', 'email is not "p1@host1.com"', 'email contains exactly "host2"',
      'country starts with "śl"', 'country ends with "ąsk1"', 'country is "i̇zmir22"', 'country is any of ("ωmega0", "c1", "c10")',
    ];
    for (const s of [built, loaded]) {
      const ev = new CompiledEvaluator(s);
      for (const where of wheres) {
        const p = plan(where);
        const expected = many.filter((c) => evaluateContact(p, c) === true).length;
        assert.equal(ev.evaluate(p).count, expected, where);
      }
    }
  });
});

describe('store builder: finishing in turns', () => {
  it('gives the store finish gives, and lets other work run between its columns', async () => {
    const defs = [...testSchema().objects.contacts.values()].filter((d) => ['email', 'firstname', 'lifecyclestage', 'annualrevenue', 'hs_email_optout'].includes(d.name));
    const records: ContactRecord[] = Array.from({ length: 5000 }, (_, i) => ({
      id: String(i + 1),
      properties: { email: `p${(i * 7919) % 5000}@x${i % 13}.com`, firstname: i % 3 === 0 ? null : `Ann${i % 17}`, lifecyclestage: ['lead', 'customer'][i % 2], annualrevenue: String(i * 10), hs_email_optout: i % 5 === 0 ? 'true' : 'false' },
    }));
    const build = () => {
      const b = new StoreBuilder(defs);
      for (const r of records) b.add(r);
      return b;
    };
    const whole = build().finish();
    const builder = build();
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const inTurns = await builder.finishInTurns();
    assert.equal(otherWorkRan, true, 'work queued behind the finish ran before it ended');
    for (const row of [0, 1, 2, 999, 4999]) assert.deepEqual(recordAt(inTurns, row), recordAt(whole, row), `row ${row}`);
    assert.deepEqual([...inTurns.columns.keys()], [...whole.columns.keys()]);
  });
});

describe('store builder: what finishing a column lets go of', () => {
  const defs = () => [...testSchema().objects.contacts.values()].filter((d) => ['email', 'annualrevenue', 'is_vip', 'lifecyclestage'].includes(d.name));
  const records = (n: number): ContactRecord[] =>
    Array.from({ length: n }, (_, i) => ({ id: String(i + 1), properties: { email: `p${i}@x.com`, annualrevenue: String(i), is_vip: 'false', lifecyclestage: 'lead' } }));
  const releasedByColumn = async (b: StoreBuilder) => {
    const released: number[] = [];
    const store = await b.finishInTurns((bytes) => released.push(bytes));
    return { store, byName: new Map([...store.columns.keys()].map((name, i) => [name, released[i]])) };
  };

  it('reports each column\'s let-go bytes once: a dictionary\'s tables, a buffer copied to its size, a bool column\'s states', async () => {
    const b = new StoreBuilder(defs());
    // 3,000 rows reserved for 2,000 added (buffers made at exactly the reserved size): each is copied to its size and the reserved one dropped.
    b.reserve(3000);
    for (const r of records(2000)) b.add(r);
    const { store, byName } = await releasedByColumn(b);
    assert.equal(store.size, 2000);
    // 2,000 distinct emails: a table of at least 2,000 / 0.7 slots of two 4-byte arrays, the starts and the codes' reserve.
    assert.ok(byName.get('email')! >= 2 * 4 * 2048 + 3000 * 4, `email let go of ${byName.get('email')} bytes`);
    assert.equal(byName.get('annualrevenue'), 3000 * 8, 'the reserved Float64Array');
    assert.equal(byName.get('is_vip'), 3000, 'one state byte per reserved row');
    assert.ok(byName.get('lifecyclestage')! > 0, 'the option bits and counts copied to their size');
  });

  it('reports nothing copied for number columns reserved at exactly their size', async () => {
    const b = new StoreBuilder(defs());
    b.reserve(2000);
    for (const r of records(2000)) b.add(r);
    const { byName } = await releasedByColumn(b);
    assert.equal(byName.get('annualrevenue'), 0);
  });
});

describe('store builder: associated records shared between contacts', () => {
  it('gives the same links whether contacts share record objects (a live fetch) or each has its own (a file), past the memo\'s trial', () => {
    const companyDefs = [...testSchema().objects.companies.values()];
    const companies = Array.from({ length: 40 }, (_, k) => ({ id: `c${k}`, properties: { industry: k % 2 ? 'SOFTWARE' : 'RETAIL' }, labels: k % 3 ? [] : ['301', '7'], ...(k % 5 ? {} : { primary: true }) }));
    const records = (shared: boolean): ContactRecord[] => Array.from({ length: 70_000 }, (_, i) => {
      const linked = [companies[i % 40], companies[(i * 7) % 40]].map((c) => (shared ? c : { ...c, labels: [...c.labels] }));
      return { id: String(i + 1), properties: {}, companies: i % 9 === 0 ? [] : linked };
    });
    const built = (shared: boolean) => buildStore(records(shared), [], companyDefs).associations!;
    const [own, shared] = [built(false), built(true)];
    assert.deepEqual(shared.offsets, own.offsets);
    assert.deepEqual(shared.rows, own.rows);
    assert.deepEqual(shared.primary, own.primary);
    assert.deepEqual(shared.labels, own.labels);
    assert.equal(shared.records.size, 40);
    assert.ok(shared.labels!.includes('301;7') && shared.labels!.includes(''), 'labels joined, and none for a link without');
  });
});
