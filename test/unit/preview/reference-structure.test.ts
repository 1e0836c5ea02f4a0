import { strict as assert } from 'node:assert';
import type { Expr } from '../../../grammar/src/ast';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import type { ContactRecord } from '../../../server/src/preview/types';
import { and, company, cond, days, everyone, inList, list, many, not, num, one, or, str, submitted, testSchema, word } from './ast-helpers';
import { NOW, contact, judgeAll } from './judge-helper';

describe('preview semantics: lists, associations, forms, history, logic', () => {
  it('and / or / not combine, and everyone matches all', () => {
    const contacts = [contact({ country: 'Poland', num_employees: '5' }), contact({ country: 'Spain', num_employees: '50' }), contact({ country: null, num_employees: null })];
    const expr = or(and(cond('country', 'is', one(str('poland'))), cond('num_employees', '<', one(num(10)))), cond('num_employees', '>', one(num(10))));
    assert.deepEqual(judgeAll(expr, contacts), [true, true, false]);
    assert.deepEqual(judgeAll(not(expr), contacts), [false, false, true]);
    assert.deepEqual(judgeAll(everyone(), contacts), [true, true, true]);
  });

  it('in list "Name" evaluates the workspace list, in its own time zone', () => {
    const customers = list('Customers', cond('lifecyclestage', 'is', one(word('customer'))));
    const contacts = [contact({ lifecyclestage: 'customer' }), contact({ lifecyclestage: 'lead' })];
    assert.deepEqual(judgeAll(inList('Customers'), contacts, { lists: [customers] }), [true, false]);
    assert.deepEqual(judgeAll(not(inList('customers')), contacts, { lists: [customers] }), [false, true]);
  });

  it('in list #id uses loaded memberships; without them it is not previewable (unknown)', () => {
    const loaded = [contact({}, { listMemberships: ['12', '13'] }), contact({}, { listMemberships: [] })];
    assert.deepEqual(judgeAll(inList('#12'), loaded), [true, false]);
    assert.deepEqual(judgeAll(inList('#12'), [contact({})]), ['unknown']);
  });

  it('a cycle of lists and an unknown list name are unknown, never guessed', () => {
    const a = list('A', inList('B'));
    const b = list('B', inList('A'));
    assert.deepEqual(judgeAll(inList('A'), [contact({})], { lists: [a, b] }), ['unknown']);
    assert.deepEqual(judgeAll(inList('Nope'), [contact({})]), ['unknown']);
  });

  it('unknown is absorbed where the answer is certain anyway (Kleene logic)', () => {
    const expr = and(cond('country', 'is', one(str('Poland'))), inList('#1'));
    assert.deepEqual(judgeAll(expr, [contact({ country: 'Spain' }), contact({ country: 'Poland' })]), [false, 'unknown']);
    assert.deepEqual(judgeAll(or(cond('country', 'is', one(str('Spain'))), inList('#1')), [contact({ country: 'Spain' })]), [true]);
  });

  it('associated company where …: some company passes; none associated → false', () => {
    const expr = company(cond('industry', 'is any of', many(word('SOFTWARE'))));
    const contacts = [
      contact({}, { companies: [{ id: 'c1', properties: { industry: 'RETAIL' } }, { id: 'c2', properties: { industry: 'SOFTWARE' } }] }),
      contact({}, { companies: [{ id: 'c1', properties: { industry: 'RETAIL' } }] }),
      contact({}, { companies: [] }),
    ];
    assert.deepEqual(judgeAll(expr, contacts), [true, false, false]);
  });

  it('form submissions without loaded data are unknown in both evaluators', () => {
    assert.deepEqual(judgeAll(submitted('form-1', 30), [contact({})]), ['unknown']);
  });

  it('history operators without loaded history are unknown', () => {
    assert.deepEqual(judgeAll(cond('country', 'has ever been', one(str('Poland'))), [contact({ country: 'Poland' })]), ['unknown']);
  });

  it('properties the schema does not know are unknown, never guessed', () => {
    assert.deepEqual(judgeAll(cond('no_such_property', 'is known'), [contact({ no_such_property: 'x' })]), ['unknown']);
  });
});

describe('reference interpreter: history and forms when loaded', () => {
  // The columnar store does not hold history or forms, so these check the reference alone.
  const judge = (expr: Expr, c: ContactRecord) => evaluateContact(planList(list('L', expr), { schema: testSchema(), now: NOW }), c);

  it('has ever been / has never been look at every past value, the current one included', () => {
    const c = contact({ country: 'Spain' }, { history: { country: [{ value: 'Spain', timestamp: NOW - 10 }, { value: 'poland', timestamp: NOW - 1e9 }] } });
    assert.equal(judge(cond('country', 'has ever been', one(str('Poland'))), c), true);
    assert.equal(judge(cond('country', 'has never been', one(str('Poland'))), c), false);
    assert.equal(judge(cond('country', 'has ever contained', one(str('pai'))), c), true);
    assert.equal(judge(cond('lifecyclestage', 'has ever been', many(word('lead'))), c), false);
  });

  it('updated in last N days reads the newest history timestamp', () => {
    const c = contact({ country: 'Spain' }, { history: { country: [{ value: 'Spain', timestamp: NOW - 2 * 86_400_000 }] } });
    assert.equal(judge(cond('country', 'updated in last', days(3)), c), true);
    assert.equal(judge(cond('country', 'not updated in last', days(1)), c), true);
  });

  it('submitted form in last N days', () => {
    const c = contact({}, { formSubmissions: [{ formId: 'f1', timestamp: NOW - 5 * 86_400_000 }] });
    assert.equal(judge(submitted('f1', 10), c), true);
    assert.equal(judge(submitted('f1', 2), c), false);
    assert.equal(judge(submitted(undefined), c), true);
    assert.equal(judge(not(submitted('f2')), c), true);
  });
});
