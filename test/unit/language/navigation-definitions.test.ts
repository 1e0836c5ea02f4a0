// Hover, go to definition, find references and rename of named value sets and conditions, across
// files; and their place in the outline, folding and semantic tokens.

import { strict as assert } from 'node:assert';
import { hoverAt } from '../../../server/src/language/hover';
import { definitionAt, prepareRename, referencesAt, renameList } from '../../../server/src/language/navigation';
import { defaultSchema } from '../../../server/src/language/schema';
import { documentOutline } from '../../../server/src/language/symbols-outline';
import { foldingRegions } from '../../../server/src/language/folding';
import { semanticTokens } from '../../../server/src/language/semantic-tokens';
import { analyzeWorkspace } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';

const SHARED = marked(
  [
    'values ⟦competitors⟧ = ("acme.com", "globex.com")',
    '',
    'condition ⟦internal⟧ {',
    '  description: "Our own people."',
    '  where hs_email_domain is any of ⟦competitors⟧ or email contains "+test"',
    '}',
    '',
  ].join('\n'),
);
const MAIN = marked('list "Q" {\n  where email is known\n    and not condition ⟦internal⟧\n    and hs_email_domain is none of ⟦competitors⟧ including unknown\n}\n');
const [setName, conditionName, setInCondition] = SHARED.ranges;
const [conditionUse, setUse] = MAIN.ranges;

function workspace() {
  return analyzeWorkspace([{ path: 'main.hslist', text: MAIN.text }, { path: 'shared.hslist', text: SHARED.text }], defaultSchema());
}

describe('language: navigation of value sets and named conditions', () => {
  it('goes from a use to the definition in another file, and from the definition to itself', () => {
    assert.deepEqual(definitionAt(workspace(), 'main.hslist', setUse.start + 2), { path: 'shared.hslist', span: setName });
    assert.deepEqual(definitionAt(workspace(), 'main.hslist', conditionUse.end), { path: 'shared.hslist', span: conditionName });
    assert.deepEqual(definitionAt(workspace(), 'shared.hslist', setInCondition.start), { path: 'shared.hslist', span: setName });
  });

  it('finds every use in every file, with or without the definition', () => {
    const refs = referencesAt(workspace(), 'shared.hslist', setName.start, true);
    assert.deepEqual(refs, [
      { path: 'main.hslist', span: setUse },
      { path: 'shared.hslist', span: setName },
      { path: 'shared.hslist', span: setInCondition },
    ]);
    assert.deepEqual(referencesAt(workspace(), 'main.hslist', conditionUse.start, false), [{ path: 'main.hslist', span: conditionUse }]);
    assert.equal(referencesAt(workspace(), 'main.hslist', 0, true), undefined);
  });

  it('renames a value set everywhere, and refuses a name that is taken or not a word', () => {
    const analysis = workspace();
    assert.deepEqual(prepareRename(analysis, 'main.hslist', setUse.start), { span: setUse, placeholder: 'competitors' });
    const result = renameList(analysis, 'main.hslist', setUse.start, 'rivals');
    assert.ok(result.ok);
    assert.deepEqual(result.edits.get('main.hslist'), [{ ...setUse, newText: 'rivals' }]);
    assert.deepEqual(result.edits.get('shared.hslist'), [{ ...setName, newText: 'rivals' }, { ...setInCondition, newText: 'rivals' }]);
    const renamed = analyzeWorkspace([...analysis.files.values()].map((f) => ({ path: f.path, text: apply(f.text, result.edits.get(f.path) ?? []) })), defaultSchema());
    assert.deepEqual([...renamed.files.values()].flatMap((f) => f.diagnostics.map((d) => d.code)), []);
    const bad = renameList(analysis, 'main.hslist', setUse.start, 'two words');
    assert.ok(!bad.ok && /one word/.test(bad.message));
  });

  it('renames a named condition, refusing the name of another condition', () => {
    const other = { path: 'other.hslist', text: 'condition partners {\n  where email is known\n}\n' };
    const analysis = analyzeWorkspace([{ path: 'main.hslist', text: MAIN.text }, { path: 'shared.hslist', text: SHARED.text }, other], defaultSchema());
    const taken = renameList(analysis, 'shared.hslist', conditionName.start, 'Partners');
    assert.ok(!taken.ok && /A condition named `Partners` already exists at other\.hslist:1/.test(taken.message));
    const ok = renameList(analysis, 'shared.hslist', conditionName.start, 'ours');
    assert.ok(ok.ok);
    assert.deepEqual([...ok.edits.keys()].sort(), ['main.hslist', 'shared.hslist']);
  });

  it('hovers a use with what the definition holds, where it is, and who uses it', () => {
    const set = hoverAt({ analysis: workspace(), path: 'main.hslist', offset: setUse.start + 1, schema: defaultSchema() });
    assert.deepEqual(set?.span, setUse);
    assert.equal(
      set?.markdown,
      '**values competitors**\n\n2 values:\n\n```hslist\n("acme.com", "globex.com")\n```\n\nDefined at `shared.hslist:1` · Used by: "Q", condition internal',
    );
    const condition = hoverAt({ analysis: workspace(), path: 'shared.hslist', offset: conditionName.start, schema: defaultSchema() });
    assert.match(condition?.markdown ?? '', /^\*\*condition internal\*\*\n\nOur own people\.\n\n```hslist\nwhere hs_email_domain is any of competitors or email contains "\+test"\n```\n\nDefined at `shared\.hslist:3` · Used by: "Q"$/);
  });

  it('hovers properties inside a named condition, and a list names what it uses', () => {
    const inside = hoverAt({ analysis: workspace(), path: 'shared.hslist', offset: SHARED.text.indexOf('hs_email_domain') + 2, schema: defaultSchema() });
    assert.match(inside?.markdown ?? '', /hs_email_domain/);
    const list = hoverAt({ analysis: workspace(), path: 'main.hslist', offset: MAIN.text.indexOf('"Q"') + 1, schema: defaultSchema() });
    assert.match(list?.markdown ?? '', /Uses: condition internal, values competitors/);
  });

  it('outlines, folds and colours definitions', () => {
    const file = workspace().files.get('shared.hslist');
    assert.ok(file);
    assert.deepEqual(documentOutline(file.tree, file.text).map((i) => `${i.kind}:${i.name}:${i.children.length}`), ['valueSet:values competitors:0', 'condition:condition internal:2']);
    assert.ok(foldingRegions(file.tree, file.text).some((r) => r.start === file.tree.conditions?.[0].start));
    const types = new Map(semanticTokens(file.tree, file.text).map((t) => [t.start, t.type]));
    assert.deepEqual([types.get(setName.start), types.get(conditionName.start), types.get(setInCondition.start)], ['variable', 'function', 'variable']);
  });
});

function apply(text: string, edits: { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
