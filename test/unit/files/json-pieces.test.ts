// The cache writer's JSON parts join to exactly what JSON.stringify writes, whatever the depth streamed.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { jsonParts } from '../../../server/src/files/json-pieces';

describe('JSON in pieces', () => {
  it('joins to JSON.stringify of the same value, at every depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        assert.equal([...jsonParts(value, depth)].join(''), JSON.stringify(value));
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 300) },
    );
  });

  it('leaves out keys whose value is undefined, as JSON.stringify does, and cuts a large object into pieces', () => {
    const byContact = Object.fromEntries(Array.from({ length: 20000 }, (_, i) => [String(i), [{ id: `c${i}`, name: 'Acme', skipped: undefined }]]));
    const value = { format: 1, gone: undefined, associations: { companies: { properties: ['name'], byContact } }, submissions: {} };
    const pieces = [...jsonParts(value, 4)];
    assert.equal(pieces.join(''), JSON.stringify(value));
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    assert.ok(pieces.every((p) => p.length < 2 * 65536), 'no piece is much larger than 64 KB');
  });

  it('writes arrays element by element, holes and undefined as null, so one long array is many pieces', () => {
    const submissions = { f1: Array.from({ length: 20000 }, (_, i) => ({ submittedAt: i, email: `p${i}@x.com`, pageUrl: undefined })) };
    const odd: unknown[] = [1, undefined, () => 2, Symbol('s'), { toJSON: () => 'j' }, [undefined]];
    odd.length = 8; // two holes at the end
    for (const value of [submissions, odd, { odd }]) {
      const pieces = [...jsonParts(value, 3)];
      assert.equal(pieces.join(''), JSON.stringify(value));
      assert.ok(pieces.every((p) => p.length < 2 * 65536), 'no piece is much larger than 64 KB');
    }
    assert.ok([...jsonParts(submissions, 3)].length > 10, 'the long array is cut into pieces');
  });
});
