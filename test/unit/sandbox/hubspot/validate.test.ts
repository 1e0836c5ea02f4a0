import { strict as assert } from 'node:assert';
import { FALLBACK_COMPANY_PROPERTIES, FALLBACK_CONTACT_PROPERTIES } from '../../../../server/src/sandbox/data/hubspot-schema';
import { validateFilterBranch } from '../../../../server/src/sandbox/hubspot/list-validate';
import { normaliseFilterBranch } from '../../../../server/src/sandbox/hubspot/filter-rewrite';
import { list, property, type Json } from './helpers';

const ctx = {
  contactProperties: new Map(FALLBACK_CONTACT_PROPERTIES.map((p) => [p.name, p])),
  companyProperties: new Map(FALLBACK_COMPANY_PROPERTIES.map((p) => [p.name, p])),
  listExists: (id: string) => id === '1',
};
const isLead = property('lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['lead'] });

describe('HubSpot emulator: filterBranch validation', () => {
  it('accepts the documented shape', () => {
    assert.equal(validateFilterBranch(list(isLead, { filterType: 'IN_LIST', listId: '1', operator: 'NOT_IN_LIST' }), ctx), undefined);
    assert.equal(validateFilterBranch(list({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'NOT_FILLED_OUT', pageId: '1001', formId: 'f-1' }), ctx), undefined);
    const refined = { coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 }, pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: 1, upperTimestamp: 2 } };
    assert.equal(validateFilterBranch(list({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'FILLED_OUT', pageId: '1001', ...refined }), ctx), undefined, 'its spec takes both refine-bys');
  });
  const rejects: [string, unknown, RegExp][] = [
    ['a root that is not OR', { filterBranchType: 'AND', filters: [], filterBranches: [] }, /root filter branch must be of type OR/],
    ['filters on the root', { filterBranchType: 'OR', filters: [isLead], filterBranches: [] }, /must not have filters/],
    ['a root without AND children', { filterBranchType: 'OR', filters: [], filterBranches: [] }, /at least one AND branch/],
    ['an unknown filterType', list({ filterType: 'MAGIC' }), /filters\[0\]: unknown filterType "MAGIC"/],
    ['an operator of another type', list(property('lifecyclestage', { operationType: 'ENUMERATION', operator: 'CONTAINS', values: ['x'] })), /operator "CONTAINS" is not valid for ENUMERATION/],
    ['a missing value', list(property('firstname', { operationType: 'STRING', operator: 'IS_EQUAL_TO' })), /STRING requires "value"/],
    ['an unknown property', list(property('nope', { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN' })), /property "nope" does not exist/],
    ['a type mismatch', list(property('firstname', { operationType: 'NUMBER', operator: 'IS_EQUAL_TO', value: 1 })), /NUMBER cannot filter property "firstname" of type string/],
    ['a form-on-page filter without its page id', list({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'FILLED_OUT' }), /FORM_SUBMISSION_ON_PAGE filter requires "pageId"/],
    ['a form-on-page filter with a malformed window', list({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'FILLED_OUT', pageId: '1', pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER' } }), /pruningRefineBy\.timestamp must be epoch milliseconds/],
    ['a form-on-page filter with another operator', list({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'SUBMITTED', pageId: '1' }), /operator must be FILLED_OUT or NOT_FILLED_OUT/],
    ['an unknown list', list({ filterType: 'IN_LIST', listId: '99', operator: 'IN_LIST' }), /list 99 does not exist/],
  ];
  for (const [what, branch, message] of rejects) {
    it(`rejects ${what}`, () => assert.match(validateFilterBranch(branch, ctx) ?? 'accepted', message));
  }
  it('rejects an ASSOCIATION branch without filters, and one under OR', () => {
    const association = { filterBranchType: 'ASSOCIATION', objectTypeId: '0-2', associationTypeId: 279, associationCategory: 'HUBSPOT_DEFINED', operator: 'IN_LIST', filters: [], filterBranches: [] };
    const root = (inner: Json): Json => ({ filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filters: [], filterBranches: [inner] }] });
    assert.match(validateFilterBranch(root(association), ctx) ?? '', /needs at least one filter/);
    const nested = { filterBranchType: 'NOT_ANY', filters: [], filterBranches: [{ ...association, filters: [property('name', { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN' })] }] };
    assert.match(validateFilterBranch(root(nested), ctx) ?? '', /only allowed inside AND branches/);
  });
  it('normalises like HubSpot: branch operators echoed, the no-value flag defaulted', () => {
    const normal = normaliseFilterBranch(list(isLead));
    const and = (normal.filterBranches as Json[])[0];
    assert.equal(normal.filterBranchOperator, 'OR');
    assert.equal(and.filterBranchOperator, 'AND');
    assert.equal(((and.filters as Json[])[0].operation as Json).includeObjectsWithNoValueSet, false);
  });
});
