// Properties of the compiler over generated lists: the root shape HubSpot requires, meaning kept
// through decompile (compile ∘ decompile ∘ compile = compile), and no throwing on any input.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compileList, type CompileContext } from '../../server/src/hubspot/compile';
import { parse } from '@hslist/grammar';
import { decompileList } from '../../server/src/hubspot/decompile';
import { MAX_FILTERS, type ListCreateRequest } from '../../server/src/hubspot/filter-branch';
import { anyCriteria, criteria, listOf, zone } from '../unit/hubspot/compile-gen';
import { TEST_SCHEMA } from '../unit/hubspot/compile-schema';

const IDS: Record<string, string> = { 'Webinar attendees': '77' };
const CTX: CompileContext = { schema: TEST_SCHEMA, listIdFor: (n) => IDS[n], defaultTimezone: 'UTC' };
const NAMES = (id: string) => Object.keys(IDS).find((k) => IDS[k] === id);

function assertRootShape(request: ListCreateRequest): void {
  const root = request.filterBranch;
  assert.ok(root, 'an active list has a filterBranch');
  assert.equal(root.filterBranchType, 'OR');
  assert.deepEqual(root.filters, []);
  assert.ok(root.filterBranches.length >= 1);
  let filters = 0;
  for (const and of root.filterBranches) {
    assert.equal(and.filterBranchType, 'AND');
    assert.ok(and.filters.length + and.filterBranches.length >= 1, 'no empty AND branch');
    filters += and.filters.length;
    for (const assoc of and.filterBranches) {
      assert.equal(assoc.filterBranchType, 'ASSOCIATION');
      assert.ok(assoc.filters.length >= 1);
      assert.deepEqual(assoc.filterBranches, []);
      filters += assoc.filters.length;
    }
  }
  assert.ok(filters <= MAX_FILTERS);
}

describe('compile (property-based)', () => {
  it('compiled output always has the required root shape', () => {
    fc.assert(
      fc.property(criteria, zone, (where, z) => {
        const { request } = compileList(listOf(where, z), CTX);
        if (request) assertRootShape(request);
      }),
      { numRuns: 400 },
    );
  });

  it('most generated lists compile (the generator is not vacuous)', () => {
    const samples = fc.sample(fc.tuple(criteria, zone), { numRuns: 300, seed: 7 });
    const compiled = samples.filter(([w, z]) => compileList(listOf(w, z), CTX).request !== undefined).length;
    assert.ok(compiled > 100, `only ${compiled} of 300 compiled`);
  });

  it('compile(decompile(compile(x))) deep-equals compile(x)', () => {
    fc.assert(
      fc.property(criteria, zone, (where, z) => {
        const first = compileList(listOf(where, z), CTX).request;
        if (!first) return;
        const back = decompileList(first, { schema: TEST_SCHEMA, listNameFor: NAMES });
        assert.deepEqual(back.diagnostics, []);
        assert.ok(back.list);
        const second = compileList(back.list, CTX);
        assert.deepEqual(second.diagnostics, []);
        assert.deepEqual(second.request, first);
      }),
      { numRuns: 400 },
    );
  });

  it('through text: compile(parse(print(decompile(compile(x))))) deep-equals compile(x)', () => {
    fc.assert(
      fc.property(criteria, zone, (where, z) => {
        const first = compileList(listOf(where, z), CTX).request;
        if (!first) return;
        const text = decompileList(first, { schema: TEST_SCHEMA, listNameFor: NAMES }).text;
        assert.ok(text);
        const parsed = parse(text);
        assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], text);
        const second = compileList(parsed.file.lists[0], CTX);
        assert.deepEqual(second.diagnostics, [], text);
        assert.deepEqual(second.request, first, text);
      }),
      { numRuns: 300 },
    );
  });

  it('compiling never throws, whatever the criteria', () => {
    fc.assert(
      fc.property(anyCriteria, fc.constantFrom('UTC', 'Nowhere/City', 'Europe/Warsaw'), fc.constantFrom('active', 'static', 'snapshot', 'odd'), (where, z, type) => {
        const result = compileList(listOf(where, z, type), CTX);
        assert.ok(Array.isArray(result.diagnostics));
        if (result.request?.filterBranch) assertRootShape(result.request);
      }),
      { numRuns: 400 },
    );
  });

  it('decompiling never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = decompileList(json, { schema: TEST_SCHEMA, listNameFor: NAMES });
        assert.ok(Array.isArray(result.diagnostics));
      }),
      { numRuns: 300 },
    );
  });
});
