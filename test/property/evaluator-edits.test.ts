// What the compiled evaluator keeps between evaluations (clause results by key, funnels per list, the
// last funnel corrected after a one-clause edit) never changes an answer: a list edited clause by
// clause, evaluated by one long-lived evaluator, gives what a fresh evaluator gives for every version.
// And the funnel corrected after an edit equals the funnel computed in one pass.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { planList } from '../../server/src/preview/plan';
import { buildStore } from '../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../server/src/preview/compiled';
import { funnelAfterEdit, funnelPass } from '../../server/src/preview/compiled-funnel';
import { clearTail } from '../../server/src/preview/bitset';
import type { PreviewResult } from '../../server/src/preview/result-types';
import { listOf, testSchema } from '../unit/preview/lists';
import { NOW } from '../unit/preview/judge-helper';
import { contactArb, toContact, whereArb } from './preview-gen';

const schema = testSchema();
const defs = [...schema.objects.contacts.values()];
const companyDefs = [...schema.objects.companies.values()];
const RUNS = Number(process.env.HSLIST_PROPERTY_RUNS ?? 300);

/** A bitset of `size` rows from random words (the bits past `size` zero, as every bitset keeps them). */
function bitsetArb(size: number): fc.Arbitrary<Uint32Array> {
  const words = (size + 31) >>> 5;
  // Sparse, dense and random words, so that runs of rows survive several clauses or none.
  const word = fc.oneof(fc.constant(0), fc.constant(0xffffffff), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 31 }).map((b) => 2 ** b));
  return fc.array(word, { minLength: words, maxLength: words }).map((ws) => {
    const b = Uint32Array.from(ws);
    clearTail(b, size);
    return b;
  });
}

const funnelEdit = fc
  .tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 2, max: 7 }))
  .chain(([size, k]) => fc.tuple(fc.array(bitsetArb(size), { minLength: k, maxLength: k }), fc.integer({ min: 0, max: k - 1 }), bitsetArb(size)));

/** A list as top-level clauses, and edits: each replaces one clause (with a new one, or one it had before). */
const editedList = fc.tuple(fc.array(whereArb, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), whereArb, fc.boolean()), { minLength: 1, maxLength: 6 }));

function versionsOf([clauses, edits]: [string[], [number, string, boolean][]]): string[] {
  const current = [...clauses];
  const seen = clauses.map((c) => [c]);
  const versions = [current.join('\n    and ')];
  for (const [at, clause, reuse] of edits) {
    const i = at % current.length;
    current[i] = reuse ? seen[i][at % seen[i].length] : clause;
    seen[i].push(current[i]);
    versions.push(current.join('\n    and '));
  }
  return versions;
}

/** The result without its timing. */
function answer(r: PreviewResult): Omit<PreviewResult, 'elapsedMs'> {
  const { elapsedMs, ...rest } = r;
  void elapsedMs;
  return rest;
}

describe('compiled evaluator: what it keeps between evaluations', () => {
  it('the funnel after a one-clause edit equals the funnel computed afresh', () => {
    fc.assert(
      fc.property(funnelEdit, ([parts, c, replacement]) => {
        const edited = parts.map((p, i) => (i === c ? replacement : p));
        const corrected = funnelAfterEdit(funnelPass(parts), parts, edited, c);
        const fresh = funnelPass(edited);
        assert.deepEqual(corrected.counts, fresh.counts);
        assert.deepEqual([...corrected.last], [...fresh.last]);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('a list edited clause by clause gives, version after version, what a fresh evaluator gives', () => {
    fc.assert(
      fc.property(editedList, fc.array(contactArb, { minLength: 1, maxLength: 40 }), fc.constantFrom(256, 2), (list, raw, cacheEntries) => {
        const contacts = raw.map(toContact);
        const store = buildStore(contacts, defs, companyDefs);
        // A small cache as well: evicted clauses are computed again as new arrays, never mixed up with kept ones.
        const kept = new CompiledEvaluator(store, cacheEntries);
        for (const where of versionsOf(list)) {
          const plan = planList(listOf(where, 'UTC', 'Edited'), { schema, now: NOW });
          const options = { sampleSize: contacts.length };
          assert.deepEqual(answer(kept.evaluate(plan, options)), answer(new CompiledEvaluator(store).evaluate(plan, options)), where);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
