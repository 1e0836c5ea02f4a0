// Association labels by name: with the portal's labels pulled (association-labels.json), `associated
// deal labeled "Decision maker" where …` names the label whose type id HubSpot's association branch
// gets; without them a name is an error (it cannot be sent), a name nobody has gets did-you-mean, a name
// two labels share is ambiguous, and `labeled #id` keeps working and is shown by its name.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import { parseAssociationLabels } from '../../../server/src/language/association-labels';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { marked } from '../../support/markers';
import { analyzeText, expectClean, expectDiagnostics, fixed, MAIN } from './expect';

const problems: { path: string; message: string }[] = [];
const pulled = parseAssociationLabels({
  objects: ['companies', 'deals'],
  results: [
    { toObjectType: 'companies', category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
    { toObjectType: 'companies', category: 'USER_DEFINED', typeId: 301, label: 'Former employer' },
    { toObjectType: 'deals', category: 'USER_DEFINED', typeId: 101, label: 'Decision maker' },
    { toObjectType: 'deals', category: 'USER_DEFINED', typeId: 102, label: 'Billing contact' },
    { toObjectType: 'deals', category: 'USER_DEFINED', typeId: 103, label: 'Champion' },
    { toObjectType: 'deals', category: 'USER_DEFINED', typeId: 104, label: 'Champion' },
  ],
}, 'association-labels.json', problems)!;
const schema = { ...defaultSchema(), associationLabels: pulled };
const withLabels = { schema };

describe('language: association labels by name (association-labels.json pulled)', () => {
  it('reads the labels file and which objects it covers; a bad entry is named', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual([pulled.labels.length, pulled.objects], [6, ['companies', 'deals']]);
    const bad: { path: string; message: string }[] = [];
    parseAssociationLabels({ results: [{ toObjectType: 'leads', typeId: 1, label: 'x' }] }, 'association-labels.json', bad);
    assert.deepEqual(bad, [{ path: 'results[0]', message: 'association-labels.json: results[0] needs a toObjectType (companies, deals or tickets), a typeId and a label' }]);
  });

  it('without the labels, a name is label-not-id (error); an id is clean; the printer keeps each form', () => {
    const [d] = expectDiagnostics('list "A" { where associated deal labeled ⟦"Decision maker"⟧ where amount > 5 }', ['label-not-id']);
    assert.match(d.message, /HubSpot's association branch takes a label's id \(`labeled #12`\), so "Decision maker" cannot be sent\. Write the label's id, or run hslist schema pull/);
    expectClean('list "A" { where associated deal labeled #101 where amount > 5 }');
  });

  it('a name resolves (any case); a name nobody has is unknown-label with did-you-mean; two labels of one name are ambiguous', () => {
    expectClean('list "A" { where associated deal labeled "decision MAKER" where amount > 5 }', withLabels);
    const [typo] = expectDiagnostics('list "A" { where associated deal labeled ⟦"Decision makr"⟧ where amount > 5 }', ['unknown-label'], withLabels);
    assert.equal(typo.message, 'No contact–deal association label named "Decision makr" among the 4 pulled into the schema; did you mean "Decision maker"?');
    assert.equal(fixed('list "A" { where associated deal labeled "Decision makr" where amount > 5 }', 'unknown-label', withLabels), 'list "A" { where associated deal labeled "Decision maker" where amount > 5 }');
    const [twice] = expectDiagnostics('list "A" { where associated deal labeled ⟦"Champion"⟧ where amount > 5 }', ['ambiguous-label'], withLabels);
    assert.match(twice.message, /"Champion" names 2 contact–deal association labels: #103, #104/);
    assert.equal(fixed('list "A" { where associated deal labeled "Champion" where amount > 5 }', 'ambiguous-label', withLabels, 1), 'list "A" { where associated deal labeled #104 where amount > 5 }');
    const [id] = expectDiagnostics('list "A" { where associated deal labeled ⟦#999⟧ where amount > 5 }', ['unknown-label'], withLabels);
    assert.equal(id.severity, 'warning');
  });

  it('labels of an object the pull could not read are not taken for unknown ones', () => {
    expectDiagnostics('list "A" { where associated ticket labeled ⟦"Reporter"⟧ where hs_ticket_priority is HIGH }', ['label-not-id'], withLabels);
  });

  it('the compiler writes the type id (and HubSpot\'s category); the preview judges by it', () => {
    const [list] = parse('list "A" {\n  where associated deal labeled "Decision maker" where amount > 10000\n    or associated company labeled "Primary" where name is known\n}\n').file.lists;
    const { request, diagnostics } = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    assert.deepEqual(diagnostics, []);
    const branches = (request!.filterBranch!.filterBranches as { filterBranches: { associationTypeId: number; associationCategory: string }[] }[]).map((b) => b.filterBranches[0]);
    assert.deepEqual(branches.map((b) => [b.associationTypeId, b.associationCategory]), [[101, 'USER_DEFINED'], [1, 'HUBSPOT_DEFINED']]);
    const plan = planList(list, { schema, now: Date.parse('2026-01-01T00:00:00Z'), lists: new Map() });
    const deal = (labels: string[]) => ({ id: 'd', properties: { amount: '20000' }, labels });
    const judge = (labels: string[]) => evaluateContact(plan, { id: '1', properties: {}, deals: [deal(labels)], companies: [] });
    assert.deepEqual([judge(['101']), judge(['102']), judge([])], [true, false, false]);
  });

  it('hover names the label and its id; completion after `labeled` offers the labels of that object', () => {
    const text = 'list "A" { where associated deal labeled "Billing contact" where amount > 5 or associated company labeled #301 where name is known }';
    const analysis = analyzeText(text, withLabels);
    const at = (needle: string) => hoverAt({ analysis, path: MAIN, offset: text.indexOf(needle) + 2, schema })?.markdown;
    assert.equal(at('"Billing'), 'Association label **Billing contact** (contact → deal, USER_DEFINED): id #102. HubSpot\'s association branch gets type id 102.');
    assert.equal(at('#301'), 'Association label **Former employer** (contact → company, USER_DEFINED): id #301.');
    const m = marked('list "A" {\n  where associated deal labeled <|>\n}');
    const entries = complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] });
    assert.deepEqual(entries.map((e) => [e.label, e.insertText]).sort(), [['Billing contact', '"Billing contact"'], ['Champion (#103)', '#103'], ['Champion (#104)', '#104'], ['Decision maker', '"Decision maker"']]);
  });
});
