// Our SOQL builder (server/src/salesforce/soql.ts) checked against the emulator's parser: whatever a
// value contains, the literal it produces parses back to exactly that value, and bad names never get in.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildCondition, buildSelect, quoteLikePattern, quoteSoqlString, soqlLiteral } from '../../../server/src/salesforce/soql';
import { parseSoql } from '../../../server/src/sandbox/salesforce/soql/parser';
import { likeMatcher } from '../../../server/src/sandbox/salesforce/soql/values';
import type { Literal } from '../../../server/src/sandbox/salesforce/soql/ast';

function parsedValue(soql: string): Literal {
  const query = parseSoql(soql);
  if ('errorCode' in query) return assert.fail(`${soql}: ${query.message}`);
  assert.ok(query.where?.kind === 'compare');
  return query.where.value;
}

describe('SOQL building', () => {
  it('quotes quotes, backslashes and control characters', () => {
    assert.equal(quoteSoqlString(`O'Brien \\ "x"\n\t`), `'O\\'Brien \\\\ \\"x\\"\\n\\t'`);
  });

  it('any string round-trips through the Salesforce parser unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
      const built = buildSelect({ object: 'Lead', fields: ['Id'], where: { field: 'Email', op: '=', value: text } });
      assert.ok('soql' in built);
      const value = parsedValue(built.soql);
      assert.ok(value.kind === 'string' && value.value === text);
    }), { numRuns: 300 });
  });

  it('LIKE text with % and _ matches only itself once escaped', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (text, other) => {
      const pattern = parsedValue(`SELECT Id FROM Lead WHERE Email LIKE ${quoteLikePattern({ likeText: text })}`);
      assert.ok(pattern.kind === 'string');
      const matches = likeMatcher(pattern.value);
      assert.ok(matches(text));
      if (other.toLowerCase() !== text.toLowerCase()) assert.ok(!matches(other));
    }), { numRuns: 300 });
  });

  it('LIKE patterns add wildcards only where asked', () => {
    assert.equal(quoteLikePattern({ likeText: "50%_off'\\", anyAfter: true }), "'50\\%\\_off\\'\\\\%'");
    const pattern = parsedValue(`SELECT Id FROM Lead WHERE Email LIKE ${quoteLikePattern({ likeText: '50%', anyBefore: true, anyAfter: true })}`);
    assert.ok(pattern.kind === 'string');
    const matches = likeMatcher(pattern.value);
    assert.deepEqual(['up to 50% off', '50', 'x50%'].map(matches), [true, false, true]);
  });

  it('builds AND / OR / NOT, IN lists and typed literals', () => {
    const where = buildCondition({ or: [
      { and: [{ field: 'Status', op: 'IN', values: ['A', "B'"] }, { field: 'AnnualRevenue', op: '>=', value: 1.5 }] },
      { not: { field: 'HasOptedOutOfEmail', op: '=', value: true } },
      { field: 'CreatedDate', op: '=', value: { soqlDate: 'LAST_N_DAYS:30' } },
      { field: 'Email', op: '=', value: null },
    ] });
    assert.deepEqual(where, { soql: "((Status IN ('A', 'B\\'') AND AnnualRevenue >= 1.5) OR (NOT HasOptedOutOfEmail = true) OR CreatedDate = LAST_N_DAYS:30 OR Email = null)" });
    const select = buildSelect({ object: 'Lead', fields: ['Id'], where: { field: 'Status', op: '=', value: 'x' }, orderBy: [{ field: 'Email', descending: true }], limit: 5 });
    assert.ok('soql' in select && !('errorCode' in parseSoql(select.soql)));
  });

  it('refuses what it cannot write safely, saying why', () => {
    assert.deepEqual(buildSelect({ object: 'Lead WHERE', fields: ['Id'] }), { error: '"Lead WHERE" is not a Salesforce object or field name' });
    assert.deepEqual(buildCondition({ field: 'Status', op: 'IN', values: [] }), { error: 'IN on Status needs at least one value' });
    assert.deepEqual(soqlLiteral({ soqlDate: "2024-01-01' OR Id != null" }), { error: `"2024-01-01' OR Id != null" is not a SOQL date, datetime or date literal` });
    assert.deepEqual(soqlLiteral(Number.NaN), { error: 'NaN is not a number SOQL can compare with' });
    assert.deepEqual(soqlLiteral('x'.repeat(4001)), { error: 'a SOQL string value may hold at most 4000 characters, this one has 4001' });
    assert.deepEqual(buildSelect({ object: 'Lead', fields: ['Id'], limit: -1 }), { error: 'LIMIT must be a whole number, not -1' });
  });
});
