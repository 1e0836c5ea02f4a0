// Navigation, hover and code actions, pure, over a workspace of several files.

import { strict as assert } from 'node:assert';
import { codeActions } from '../../../server/src/language/code-actions';
import { hoverAt } from '../../../server/src/language/hover';
import { definitionAt, fuzzyScore, prepareRename, referencesOf, renameList, workspaceSymbols } from '../../../server/src/language/navigation';
import { defaultSchema } from '../../../server/src/language/schema';
import { documentOutline } from '../../../server/src/language/symbols-outline';
import { foldingRegions } from '../../../server/src/language/folding';
import { semanticTokens } from '../../../server/src/language/semantic-tokens';
import { analyzeWorkspace } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';

const A = 'list "Alpha" {\n  type: snapshot\n  where in list "Beta" and email is known\n}\n';
const B = 'list "Beta" {\n  where lifecyclestage is lead\n}\n\nsync salesforce {\n  inclusion list: "Alpha"\n}\n';

function workspace(a = A, b = B) {
  return analyzeWorkspace([{ path: 'a.hslist', text: a }, { path: 'b.hslist', text: b }], defaultSchema());
}

describe('language: navigation, hover, actions', () => {
  it('goes from `in list` to the definition in another file', () => {
    const at = A.indexOf('"Beta"') + 2;
    assert.deepEqual(definitionAt(workspace(), 'a.hslist', at), { path: 'b.hslist', span: { start: 5, end: 11 } });
  });

  it('finds references in every file and renames them all', () => {
    const analysis = workspace();
    const refs = referencesOf(analysis, 'alpha', true).map((r) => `${r.path}:${r.span.start}`);
    assert.deepEqual(refs, ['a.hslist:5', `b.hslist:${B.indexOf('"Alpha"')}`]);
    const result = renameList(analysis, 'b.hslist', B.indexOf('"Alpha"') + 1, 'Gamma');
    assert.ok(result.ok);
    assert.deepEqual([...result.edits.keys()], ['a.hslist', 'b.hslist']);
    assert.deepEqual(result.edits.get('a.hslist'), [{ start: 5, end: 12, newText: '"Gamma"' }]);
  });

  it('refuses to rename to an existing name, or to nothing', () => {
    const analysis = workspace();
    const taken = renameList(analysis, 'a.hslist', 6, 'BETA');
    assert.ok(!taken.ok && /A list named "Beta" already exists at b\.hslist:1/.test(taken.message));
    assert.ok(!renameList(analysis, 'a.hslist', 6, '  ').ok);
    assert.ok(renameList(analysis, 'a.hslist', 6, 'ALPHA').ok, 'a change of case is a rename');
    assert.deepEqual(prepareRename(analysis, 'a.hslist', 6), { span: { start: 6, end: 11 }, placeholder: 'Alpha' });
  });

  it('ranks workspace symbols: substring first, then scattered letters', () => {
    assert.ok((fuzzyScore('lph', 'Alpha') as number) < (fuzzyScore('aha', 'Alpha') as number));
    assert.equal(fuzzyScore('xyz', 'Alpha'), undefined);
    assert.deepEqual(workspaceSymbols(workspace(), 'bt').map((s) => s.name), ['Beta']);
  });

  it('hovers list names with their summary and properties with their options', () => {
    const list = hoverAt({ analysis: workspace(), path: 'a.hslist', offset: A.indexOf('"Beta"') + 1, schema: defaultSchema() });
    assert.match(list?.markdown ?? '', /\*\*list "Beta"\*\*: active list[\s\S]*File: `b\.hslist` · 1 condition[\s\S]*Used by: "Alpha"/);
    const option = hoverAt({ analysis: workspace(), path: 'b.hslist', offset: B.indexOf('lead') + 1, schema: defaultSchema() });
    assert.match(option?.markdown ?? '', /Option `lead` of Lifecycle Stage: \*\*Lead\*\*/);
    assert.equal(hoverAt({ analysis: workspace(), path: 'a.hslist', offset: 0, schema: defaultSchema() }), undefined);
  });

  it('turns the inclusion-list fix into an edit of the other file, and offers "Make list active"', () => {
    const analysis = workspace();
    const at = B.indexOf('"Alpha"');
    const actions = codeActions(analysis, 'b.hslist', { start: at, end: at });
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.deepEqual(fix?.changes, [{ path: 'a.hslist', edits: [{ start: A.indexOf('snapshot'), end: A.indexOf('snapshot') + 8, newText: 'active' }] }]);
    const make = codeActions(analysis, 'a.hslist', { start: 0, end: 0 });
    assert.deepEqual(make.map((a) => a.title), ['Make list "Alpha" active']);
  });

  it('offers the plain number for `1M` as the preferred quick fix', () => {
    const text = 'list "Big" {\n  where annualrevenue > 1M\n}\n';
    const analysis = analyzeWorkspace([{ path: 'big.hslist', text }], defaultSchema());
    const at = text.indexOf('1M');
    const [fix] = codeActions(analysis, 'big.hslist', { start: at, end: at });
    assert.deepEqual([fix?.title, fix?.preferred, fix?.changes], ['Write 1000000', true, [{ path: 'big.hslist', edits: [{ start: at, end: at + 2, newText: '1000000' }] }]]);
  });

  it('outlines, folds and colours a file', () => {
    const file = workspace().files.get('b.hslist');
    assert.ok(file);
    assert.deepEqual(documentOutline(file.tree, file.text).map((i) => `${i.kind}:${i.name}:${i.children.length}`), ['list:Beta:1', 'sync:sync salesforce:1']);
    assert.deepEqual(foldingRegions(file.tree, file.text).map((r) => r.kind), ['region', 'region', 'region']);
    const { text, ranges } = marked('list ⟦"X"⟧ {\n  where ⟦email⟧ ⟦is⟧ ⟦known⟧\n}\n');
    const tree = analyzeWorkspace([{ path: 'x', text }], defaultSchema()).files.get('x')?.tree;
    assert.ok(tree);
    const typed = semanticTokens(tree, text).filter((t) => ranges.some((r) => r.start === t.start));
    assert.deepEqual(typed.map((t) => t.type), ['listName', 'property', 'operator', 'operator']);
  });

  it('colours a static list\'s member ids as numbers and its emails as strings', () => {
    const { text, ranges } = marked('list "S" {\n  type: static\n  members: (⟦#12⟧, ⟦"ann@example.com"⟧)\n}\n');
    const tree = analyzeWorkspace([{ path: 'x', text }], defaultSchema()).files.get('x')?.tree;
    assert.ok(tree);
    const typed = semanticTokens(tree, text).filter((t) => ranges.some((r) => r.start === t.start));
    assert.deepEqual(typed.map((t) => t.type), ['number', 'string']);
  });
});
