// A number or date filter re-evaluated after its bound was edited, from the rows of the previous
// bound (compiled-ranges.ts), gives exactly the rows a pass over the column gives: on thousands of
// contacts with repeated values, values exactly at the bounds, no value, and edits that move one end,
// both ends, flip the interval to its complement's shape, or jump far (a pass then).

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { planList } from '../../server/src/preview/plan';
import { buildStore } from '../../server/src/preview/columns-build';
import { evaluateFilter } from '../../server/src/preview/compiled-leaves';
import { distinctIndexLimit, rangeIndex, RangeMemo } from '../../server/src/preview/compiled-ranges';
import { count, knownCount } from '../../server/src/preview/compiled-funnel';
import { popcount } from '../../server/src/preview/bitset';
import type { ContactRecord } from '../../server/src/preview/types';
import type { PropertyFilter } from '../../server/src/preview/plan-types';
import { listOf, testSchema } from '../unit/preview/lists';
import { NOW } from '../unit/preview/judge-helper';

const schema = testSchema();
const defs = [...schema.objects.contacts.values()];
const DAY = 86_400_000;

/**
 * Values of num_employees: a few dozen whole numbers (many rows share one), tenths, or values so fine
 * that a bucket of the index holds several, on both sides of a bound; about one in eight has none.
 */
const valueArb = fc.oneof(fc.integer({ min: -3, max: 60 }), fc.integer({ min: -30, max: 600 }).map((n) => n / 10), fc.integer({ min: -300_000, max: 6_000_000 }).map((n) => n / 100_000));
const employeesArb = fc.array(fc.option(valueArb, { nil: null, freq: 8 }), { minLength: 2000, maxLength: 3000 });
/** Whole numbers only (a score, a count): the column a bucket per value serves. */
const wholeEmployeesArb = fc.array(fc.option(fc.oneof(fc.integer({ min: -3, max: 60 }), fc.integer({ min: -2000, max: 2000 })), { nil: null, freq: 8 }), { minLength: 2000, maxLength: 3000 });

const bound = fc.integer({ min: -5, max: 62 });
const unknown = fc.constantFrom('', ' including unknown');
const numberCondition = fc.oneof(
  fc.tuple(fc.constantFrom('>', '>=', '<', '<=', 'is', 'is not'), bound, unknown).map(([op, x, u]) => `num_employees ${op} ${x}${u}`),
  fc.tuple(fc.constantFrom('is between', 'is not between'), bound, bound, unknown).map(([op, x, y, u]) => `num_employees ${op} ${Math.min(x, y)} and ${Math.max(x, y)}${u}`),
);
const dateCondition = fc
  .tuple(fc.constantFrom('is after', 'is before'), fc.integer({ min: 0, max: 40 }), unknown)
  .map(([op, d, u]) => `createdate ${op} ${new Date(NOW - d * DAY).toISOString().slice(0, 10)}${u}`);

/** Mostly one shape with its bounds nudged (as a user edits a number), now and then any other condition. */
const editsArb = fc
  .tuple(fc.constantFrom('>', '>=', '<', '<=', 'is', 'is not', 'is between', 'is not between'), unknown, fc.integer({ min: 0, max: 55 }))
  .chain(([op, u, at]) => {
    const near = fc.integer({ min: at - 2, max: at + 4 });
    const nudged = fc.tuple(near, near).map(([x, y]) => (op.endsWith('between') ? `num_employees ${op} ${Math.min(x, y)} and ${Math.max(x, y)}${u}` : `num_employees ${op} ${x}${u}`));
    return fc.array(fc.oneof({ weight: 4, arbitrary: nudged }, { weight: 1, arbitrary: numberCondition }, { weight: 1, arbitrary: dateCondition }), { minLength: 2, maxLength: 8 });
  });

function filterOf(where: string): PropertyFilter {
  const plan = planList(listOf(where), { schema, now: NOW });
  assert.equal(plan.kind, 'filter', where);
  return (plan as Extract<typeof plan, { kind: 'filter' }>).filter;
}

function contactsOf(employees: (number | null)[]): ContactRecord[] {
  return employees.map((n, i) => ({
    id: String(i + 1),
    properties: { num_employees: n === null ? null : String(n), createdate: n === null ? null : new Date(NOW - ((Math.round(n * 7) + i) % 41) * DAY).toISOString() },
  }));
}

describe('number and date filters re-evaluated after an edit of their bounds', () => {
  // Both indexes: a bucket per distinct value (whole numbers), and equal-width buckets of value ranges
  // (fractions, or forced here for whole numbers too).
  for (const index of ['a bucket per value', 'buckets of value ranges'] as const) describe(`with ${index}`, () => {
  const perValue = index === 'a bucket per value';
  before(() => {
    distinctIndexLimit.max = perValue ? 4096 : 0;
  });
  after(() => {
    distinctIndexLimit.max = 4096;
  });

  it('give the rows a pass over the column gives, edit after edit', () => {
    let fromKept = 0;
    fc.assert(
      fc.property(perValue ? wholeEmployeesArb : employeesArb, editsArb, (employees, wheres) => {
        const store = buildStore(contactsOf(employees), defs);
        const column = store.columns.get('num_employees') as { values: Float64Array };
        assert.equal(rangeIndex(column.values).distinct !== undefined, perValue && employees.some((n) => n !== null), 'the index under test');
        const memo = new RangeMemo();
        for (const where of wheres) {
          const f = filterOf(where);
          let passes = 0;
          const rows = memo.rows(f, store, () => (passes++, evaluateFilter(f, store)));
          assert.deepEqual(rows, evaluateFilter(f, store), where);
          // The count kept for flipped rows is their popcount (when a flip had a count to start from).
          if (rows instanceof Uint32Array && knownCount(rows) !== undefined) assert.equal(knownCount(rows), popcount(rows), `${where}: the remembered count`);
          // As the clause's count is taken on each evaluation: the next flip starts from it.
          if (rows instanceof Uint32Array) count(rows);
          if (passes === 0) fromKept++;
        }
      }),
      { numRuns: Math.ceil(Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) / 3) },
    );
    assert.ok(fromKept > 50, `only ${fromKept} edits were re-evaluated from the kept rows`);
  });
  });

  it('an edit of a bound compares only the rows between the old and the new bound, not the column', () => {
    const store = buildStore(contactsOf(Array.from({ length: 4000 }, (_, i) => i % 50)), defs);
    const memo = new RangeMemo();
    let passes = 0;
    const rows = (where: string) => memo.rows(filterOf(where), store, () => (passes++, evaluateFilter(filterOf(where), store)));
    rows('num_employees > 20');
    rows('num_employees > 21');
    rows('num_employees > 22 including unknown');
    assert.equal(passes, 2, 'the first evaluation, and the first with `including unknown` (another shape), are passes');
    rows('num_employees < 10');
    assert.equal(passes, 3, 'half of the rows change: a pass');
  });

  it('a column of one value (every row in one bucket) with a bound at -Infinity, as `<=` has', () => {
    const store = buildStore(contactsOf([1.5, null, 1.5]), defs);
    const memo = new RangeMemo();
    for (const where of ['num_employees <= 0', 'num_employees is between 0 and 2', 'num_employees >= 2', 'num_employees <= 1.5']) {
      assert.deepEqual(memo.rows(filterOf(where), store, () => evaluateFilter(filterOf(where), store)), evaluateFilter(filterOf(where), store), where);
    }
  });
});
