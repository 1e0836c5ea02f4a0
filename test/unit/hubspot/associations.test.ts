// Associations beyond contact → company (issue 14, family 2): deals and tickets with their properties,
// association labels, and counts of associated records (NUM_ASSOCIATIONS), text ↔ HubSpot JSON.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileText, listText } from './compile-support';
import { and, decompiled, root } from './decompile-support';
import { expectDiagnostics } from '../language/expect';

const branches = (where: string) => compileText(listText(where)).request?.filterBranch?.filterBranches;
const count = (typeId: number, refine: object) => ({ filterType: 'NUM_ASSOCIATIONS', associationTypeId: typeId, associationCategory: 'HUBSPOT_DEFINED', coalescingRefineBy: { type: 'NUM_OCCURRENCES', ...refine } });

describe('associations: deals, tickets, labels and counts', () => {
  it('prints what it parses', () => {
    for (const text of [
      'associated deal where amount > 10000',
      'associated ticket labeled #77 where hs_ticket_priority is HIGH',
      'associated primary company where industry is COMPUTER_SOFTWARE',
      'number of associated deals >= 2',
      'number of associated primary companies is 1',
      'number of associated tickets is between 1 and 3',
    ]) {
      const { file, diagnostics } = parse(listText(text));
      assert.deepEqual(diagnostics, []);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
    // Plural words read as the object: `associated deals where` is `associated deal where`.
    assert.equal(printExpr(parse(listText('associated deals where amount > 1')).file.lists[0].where!), 'associated deal where amount > 1');
  });

  it('`number` starts a count, so a property of that name is written in backticks (and printed so)', () => {
    const { file, diagnostics } = parse(listText('`number` > 5 and number of associated deals >= 1'));
    assert.deepEqual(diagnostics, []);
    assert.equal(printExpr(file.lists[0].where!), '`number` > 5 and number of associated deals >= 1');
    assert.equal(parse(listText('number > 5')).diagnostics.length, 1);
  });

  it('a deal or ticket branch has its object type and contact association type (4, 15); a label is USER_DEFINED', () => {
    const [dealAnd] = branches('associated deal where (amount > 10000 and dealstage is closedwon)') ?? [];
    assert.deepEqual({ ...dealAnd.filterBranches[0], filters: dealAnd.filterBranches[0].filters.map((f) => f.property) }, {
      filterBranchType: 'ASSOCIATION', objectTypeId: '0-3', associationTypeId: 4, associationCategory: 'HUBSPOT_DEFINED', operator: 'IN_LIST', filters: ['amount', 'dealstage'], filterBranches: [],
    });
    const [ticketAnd] = branches('associated ticket labeled #77 where hs_ticket_priority is HIGH') ?? [];
    assert.deepEqual([ticketAnd.filterBranches[0].objectTypeId, ticketAnd.filterBranches[0].associationTypeId, ticketAnd.filterBranches[0].associationCategory], ['0-5', 77, 'USER_DEFINED']);
  });

  it('`primary` with a label, or a label #0, is not compiled (one of the two types would be dropped and the list grow)', () => {
    for (const where of ['associated primary company labeled #12 where name is known', 'associated deal labeled #0 where amount > 1', 'associated primary deal where amount > 1']) {
      const { request, diagnostics } = compileText(listText(where));
      assert.equal(request, undefined, where);
      assert.match(diagnostics.map((d) => d.message).join('\n'), /This association cannot be compiled: /);
    }
  });

  it('counts are NUM_ASSOCIATIONS with NUM_OCCURRENCES; `not` is the complementary count', () => {
    const only = (where: string) => branches(where)?.map((b) => b.filters);
    assert.deepEqual(only('number of associated deals >= 2'), [[count(4, { minOccurrences: 2 })]]);
    assert.deepEqual(only('number of associated deals > 2'), [[count(4, { minOccurrences: 3 })]]);
    assert.deepEqual(only('number of associated tickets < 3'), [[count(15, { maxOccurrences: 2 })]]);
    assert.deepEqual(only('number of associated companies is 0'), [[count(279, { maxOccurrences: 0 })]]);
    assert.deepEqual(only('number of associated primary companies is 1'), [[count(1, { minOccurrences: 1, maxOccurrences: 1 })]]);
    assert.deepEqual(only('not (number of associated deals is between 2 and 4)'), [[count(4, { maxOccurrences: 1 })], [count(4, { minOccurrences: 5 })]]);
    assert.deepEqual(only('not (number of associated deals <= 3)'), [[count(4, { minOccurrences: 4 })]]);
    assert.deepEqual(only('not (number of associated deals >= 0)'), [[{ filterType: 'CONSTANT', shouldAccept: false }]]);
  });

  it('decompiles HubSpot\'s deal association example and counts; labels on counts and other association types are refused', () => {
    const dealBranch = { filterBranchType: 'ASSOCIATION', objectTypeId: '0-3', associationTypeId: 4, associationCategory: 'HUBSPOT_DEFINED', operator: 'IN_LIST',
      filters: [{ filterType: 'PROPERTY', property: 'hs_is_closed_won', operation: { operationType: 'BOOL', operator: 'IS_EQUAL_TO', value: true } }] };
    assert.equal(decompiled(root({ ...and(), filterBranches: [dealBranch] })).where, 'associated deal where (hs_is_closed_won is true)');
    const labeled = { ...dealBranch, associationTypeId: 12, associationCategory: 'USER_DEFINED' };
    assert.equal(decompiled(root({ ...and(), filterBranches: [labeled] })).where, 'associated deal labeled #12 where (hs_is_closed_won is true)');
    assert.equal(decompiled(root(and(count(15, { minOccurrences: 1, maxOccurrences: 3 })))).where, 'number of associated tickets is between 1 and 3');
    assert.equal(decompiled(root(and(count(4, { maxOccurrences: 0 })))).where, 'number of associated deals is 0');
    const refused = (f: object, branch = false) => decompiled(root(branch ? { ...and(), filterBranches: [f] } : and(f))).result.diagnostics.map((d) => d.message.split(':')[0]);
    assert.deepEqual(refused({ ...count(12, {}), associationCategory: 'USER_DEFINED' }), ['filterBranch.filterBranches[0].filters[0].associationTypeId']);
    assert.deepEqual(refused({ ...dealBranch, associationCategory: 'INTEGRATOR_DEFINED' }, true), ['filterBranch.filterBranches[0].filterBranches[0].associationTypeId']);
    assert.deepEqual(refused({ ...dealBranch, objectTypeId: '0-7' }, true), ['filterBranch.filterBranches[0].filterBranches[0].objectTypeId']);
  });

  it('checks deal and ticket properties against their schema, `primary` on a company only, and counts', () => {
    expectDiagnostics('list "A" { where associated deal where ⟦amout⟧ > 10 }', ['unknown-property']);
    expectDiagnostics('list "A" { where associated ticket where hs_ticket_priority is ⟦HIHG⟧ }', ['unknown-option']);
    expectDiagnostics('list "A" { where associated primary ⟦deal⟧ where amount > 10 }', ['invalid-association']);
    expectDiagnostics('list "A" { where number of associated deals ⟦< 0⟧ }', ['invalid-number']);
    expectDiagnostics('list "A" { where number of associated deals ⟦is between 3 and 1⟧ }', ['invalid-number']);
    expectDiagnostics('list "A" { where number of associated primary ⟦tickets⟧ is 1 }', ['invalid-association']);
    expectDiagnostics('list "A" { where associated primary company labeled ⟦#12⟧ where name is known }', ['invalid-association']);
    expectDiagnostics('list "A" { where associated deal labeled ⟦#0⟧ where amount > 1 }', ['invalid-association']);
    expectDiagnostics('list "A" { where associated deal where amount > 10000 and number of associated tickets is 0 }', []);
    // Pipelines, stages and currencies are each portal's own: the bundled schema does not check their values.
    expectDiagnostics('list "A" { where associated deal where (dealstage is "84215731" and pipeline is "12") }', []);
  });
});
