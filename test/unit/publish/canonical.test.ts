import { strict as assert } from 'node:assert';
import { canonicalBranch, definitionHash, sameDefinition, stableStringify } from '../../../server/src/publish/canonical';

const sent = {
  filterBranchType: 'OR', filters: [], filterBranches: [{
    filterBranchType: 'AND', filterBranches: [], filters: [
      { filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['salesqualifiedlead', 'marketingqualifiedlead'] } },
      { filterType: 'IN_LIST', listId: '12', operator: 'NOT_IN_LIST' },
    ],
  }],
};

/** What HubSpot echoes for `sent` (its update-list-filters example): operator fields, no-value flag, values reordered. */
const echoed = {
  filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [], filterBranches: [{
    filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters: [
      { filterType: 'IN_LIST', listId: '12', operator: 'NOT_IN_LIST' },
      { filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['marketingqualifiedlead', 'salesqualifiedlead'], includeObjectsWithNoValueSet: false } },
    ],
  }],
};

describe('publish: the canonical form of a list definition', () => {
  it('undoes HubSpot\'s rewrites: echoed operators, the default no-value flag, reordered values and filters', () => {
    assert.equal(stableStringify(canonicalBranch(sent)), stableStringify(canonicalBranch(echoed)));
    assert.ok(sameDefinition({ processingType: 'DYNAMIC', filterBranch: sent }, { processingType: 'DYNAMIC', filterBranch: echoed }));
  });

  it('still tells apart what means something else: another value, the no-value flag set, another list, another type', () => {
    const other = structuredClone(sent);
    (other.filterBranches[0].filters[0] as { operation: { values: string[] } }).operation.values = ['lead'];
    assert.notEqual(definitionHash('DYNAMIC', sent), definitionHash('DYNAMIC', other));
    const unknownToo = structuredClone(sent);
    (unknownToo.filterBranches[0].filters[0] as { operation: Record<string, unknown> }).operation.includeObjectsWithNoValueSet = true;
    assert.notEqual(definitionHash('DYNAMIC', sent), definitionHash('DYNAMIC', unknownToo));
    const otherList = structuredClone(sent);
    (otherList.filterBranches[0].filters[1] as { listId: string }).listId = '13';
    assert.notEqual(definitionHash('DYNAMIC', sent), definitionHash('DYNAMIC', otherList));
    assert.notEqual(definitionHash('DYNAMIC', sent), definitionHash('SNAPSHOT', sent));
  });

  it('reads numbers HubSpot echoes as strings as numbers, and a static list has no filters', () => {
    const number = (value: unknown) => ({ filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filterBranches: [], filters: [{ filterType: 'PROPERTY', property: 'annualrevenue', operation: { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', value } }] }] });
    assert.equal(definitionHash('DYNAMIC', number(1000)), definitionHash('DYNAMIC', number('1000')));
    assert.equal(definitionHash('MANUAL', undefined), definitionHash('MANUAL', undefined));
    assert.match(definitionHash('MANUAL', undefined), /^sha256:[0-9a-f]{64}$/);
  });
});
