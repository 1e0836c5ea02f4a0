// Preview of associated deals, tickets and companies: labels, the primary company and counts, in the
// reference interpreter and the fast evaluator (judgeAll checks they agree).

import { strict as assert } from 'node:assert';
import { planList } from '../../../server/src/preview/plan';
import { associatedDefs, buildStore, StoreBuilder } from '../../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import { hasBit } from '../../../server/src/preview/bitset';
import { markUnanswerable } from '../../../server/src/preview/run-plan';
import { contact, judgeAll, NOW } from './judge-helper';
import { listOf, testSchema } from './lists';

describe('preview semantics: deals, tickets, labels and counts of associated records (both evaluators)', () => {
  const deal = (id: string, amount: string, labels?: string[]) => ({ id, properties: { amount, dealstage: 'closedwon' }, ...(labels ? { labels } : {}) });
  const contacts = [
    contact({}, { deals: [deal('d1', '5000'), deal('d2', '20000', ['12'])], tickets: [{ id: 't1', properties: { hs_ticket_priority: 'HIGH' } }] }),
    contact({}, { deals: [deal('d3', '50000')], tickets: [] }),
    contact({}, { deals: [], tickets: [] }),
    contact({}),
  ];

  it('some associated deal or ticket meets the criteria; none → false; not loaded → unknown', () => {
    assert.deepEqual(judgeAll('associated deal where amount > 10000', contacts), [true, true, false, 'unknown']);
    assert.deepEqual(judgeAll('associated ticket where hs_ticket_priority is HIGH', contacts), [true, false, false, 'unknown']);
  });

  it('a label narrows to the records associated with it', () => {
    assert.deepEqual(judgeAll('associated deal labeled #12 where amount > 10000', contacts), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('associated deal labeled #12 where amount < 10000', contacts), [false, false, false, 'unknown']);
  });

  it('counts: between min and max, 0 when there are none', () => {
    assert.deepEqual(judgeAll('number of associated deals >= 2', contacts), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('number of associated deals is 0', contacts), [false, false, true, 'unknown']);
    assert.deepEqual(judgeAll('not (number of associated deals is between 1 and 1)', contacts), [true, false, true, 'unknown']);
    assert.deepEqual(judgeAll('number of associated tickets <= 0', contacts), [false, true, true, 'unknown']);
  });

  it('companies: the primary one and counts, rows without companies loaded are unknown', () => {
    const people = [
      contact({}, { companies: [{ id: 'c1', properties: {}, primary: true }, { id: 'c2', properties: {} }] }),
      contact({}, { companies: [{ id: 'c2', properties: {} }] }),
      contact({}),
    ];
    assert.deepEqual(judgeAll('number of associated companies >= 2', people), [true, false, 'unknown']);
    assert.deepEqual(judgeAll('number of associated primary companies is 0', people), [false, true, 'unknown']);
  });

  it('rows the live source copies from its cache get their associations with labels, so a labeled association is judged', () => {
    const schema = testSchema();
    const people = [contact({}, { companies: [{ id: 'c1', properties: { industry: 'SOFTWARE' }, labels: ['12'] }] }), contact({}, { companies: [{ id: 'c1', properties: { industry: 'SOFTWARE' } }] })];
    const base = buildStore(people, [...schema.objects.contacts.values()]);
    const builder = new StoreBuilder([...schema.objects.contacts.values()], [...schema.objects.companies.values()], associatedDefs(schema));
    // The live source adds cached rows with the companies it read again, labels included (addRowsOf, as contact-set.ts does).
    people.forEach((p, row) => builder.addRowOf(base, row, { companies: p.companies }));
    const store = builder.finish();
    const verdicts = (where: string) => {
      const { lo, hi } = new CompiledEvaluator(store).rows(planList(listOf(where), { schema, now: NOW }));
      return people.map((_, r) => (hasBit(lo, r) ? true : hasBit(hi, r) ? 'unknown' : false));
    };
    assert.deepEqual(verdicts('associated company labeled #12 where industry is SOFTWARE'), [true, false]);
    assert.deepEqual(verdicts('associated company where industry is SOFTWARE'), [true, true]);
    const marked = markUnanswerable(planList(listOf('associated company labeled #12 where industry is SOFTWARE'), { schema, now: NOW }), {
      store, historyProperties: new Set(), missingLists: new Map(), hint: 'preview with --data hubspot',
    });
    assert.doesNotMatch(JSON.stringify(marked), /not in this data/);
  });
});
