// Features on lists an edit moved without changing them (an edit above them changed the text's length):
// the file open in the editor is re-analysed block by block, so those lists are not parsed again but moved
// (block-memo.ts, moved-list.ts). Hover, completion, go to definition, rename, code actions, outline,
// folding and semantic tokens on them answer exactly what they answer on a fresh analysis of the same text.

import { strict as assert } from 'node:assert';
import { codeActions } from '../../../server/src/language/code-actions';
import { complete } from '../../../server/src/language/completion';
import { definitionInfos } from '../../../server/src/language/completion-definitions';
import { foldingRegions } from '../../../server/src/language/folding';
import { hoverAt } from '../../../server/src/language/hover';
import { definitionAt, renameList } from '../../../server/src/language/navigation';
import { folders, listInfos } from '../../../server/src/language/navigation-lists';
import { defaultSchema } from '../../../server/src/language/schema';
import { semanticTokens } from '../../../server/src/language/semantic-tokens';
import { documentOutline } from '../../../server/src/language/symbols-outline';
import { analyzeWorkspace, Workspace, type WorkspaceAnalysis } from '../../../server/src/language/workspace';
import type { FileNode } from '@hslist/grammar';
import { marked } from '../../support/markers';
import { applyFix } from './expect';

const schema = defaultSchema();
const PATH = 'main.hslist';

const BEFORE = [
  'list "Edited" {',
  '  where email is known',
  '}',
  '',
  'list "Target" {',
  '  where lifecyclestage is lead',
  '}',
  '',
  'list "Moved" {',
  '  type: active',
  '  folder: "Sales"',
  '  where lifecyclestage is leed',
  '    and in list "Target"',
  '}',
  '',
].join('\n');

/** `BEFORE` edited in its first list, with the marks of `marks` (`<|>`, ⟦ranges⟧) placed by `at` in the text after the edit. */
function afterEdit(mark: (text: string) => string): { text: string; cursor: number; ranges: { start: number; end: number }[] } {
  const m = marked(mark(BEFORE.replace('email is known', 'email is known\n    and phone is known')));
  return { text: m.text, cursor: m.cursor ?? -1, ranges: m.ranges };
}

interface Analyses {
  /** The analysis of the edited text by a workspace that had the file open before the edit. */
  moved: WorkspaceAnalysis;
  fresh: WorkspaceAnalysis;
  /** Moved lists whose nodes the incremental analysis copied. */
  copied: () => number;
}

/** `beforeEdit` gets the analysis of the text before the edit, as features an editor asked for then. */
function analyses(text: string, beforeEdit: (analysis: WorkspaceAnalysis) => void = () => {}): Analyses {
  const workspace = new Workspace(schema);
  workspace.setEditing(PATH, true);
  workspace.setFile(PATH, BEFORE);
  beforeEdit(workspace.analyze());
  const memo = () => (workspace.cache as unknown as { entries: Map<string, { parseMemo: { parsedChunks: number; copiedLists: number } }> }).entries.get(PATH)!.parseMemo;
  const parsed = memo().parsedChunks;
  workspace.setFile(PATH, text);
  const moved = workspace.analyze();
  assert.equal(memo().parsedChunks, parsed + 1, 'the edited list alone was parsed again: the others moved');
  assert.equal(memo().copiedLists, 0, 'the re-check read no moved list');
  return { moved, fresh: analyzeWorkspace([{ path: PATH, text }], schema), copied: () => memo().copiedLists };
}

describe('language: features on lists an edit moved', () => {
  it('hovers a property of a moved list', () => {
    const { text, cursor } = afterEdit((t) => t.replace('where lifecyclestage is leed', 'where lifecycle<|>stage is leed'));
    const { moved, fresh, copied } = analyses(text);
    const hover = hoverAt({ analysis: moved, path: PATH, offset: cursor, schema });
    assert.ok(hover);
    assert.equal(text.slice(hover.span.start, hover.span.end), 'lifecyclestage');
    assert.match(hover.markdown, /\*\*Lifecycle Stage\*\*/);
    assert.deepEqual(hover, hoverAt({ analysis: fresh, path: PATH, offset: cursor, schema }));
    assert.ok(copied() > 0, 'the hover read the moved list');
  });

  it('hovers a list named in a moved list, with what it uses and what uses it', () => {
    const { text, cursor } = afterEdit((t) => t.replace('in list "Target"', 'in list "Tar<|>get"'));
    const { moved, fresh } = analyses(text);
    const hover = hoverAt({ analysis: moved, path: PATH, offset: cursor, schema });
    assert.match(hover?.markdown ?? '', /Used by: "Moved"/);
    assert.deepEqual(hover, hoverAt({ analysis: fresh, path: PATH, offset: cursor, schema }));
  });

  it('completes list names, with the type and folder of moved lists, in the list being edited', () => {
    const { text, cursor } = afterEdit((t) => t.replace('and phone is known', 'and in list "Mo<|>ved"'));
    const { moved, fresh } = analyses(text);
    const entries = (analysis: WorkspaceAnalysis) =>
      complete({ text, offset: cursor, schema, lists: listInfos(analysis), folders: folders(analysis), ...definitionInfos(analysis.definitions) });
    assert.deepEqual(entries(moved), entries(fresh));
    const offered = entries(moved).find((e) => e.label === 'Moved');
    assert.ok(offered, `labels: ${entries(moved).map((e) => e.label).join(', ')}`);
    assert.match(`${offered.detail} ${offered.documentation}`, /active/);
    assert.match(`${offered.detail} ${offered.documentation}`, /Sales/);
  });

  it('goes from a reference in a moved list to the moved list it names', () => {
    const { text, cursor, ranges } = afterEdit((t) => t.replace('list "Target" {', 'list ⟦"Target"⟧ {').replace('in list "Target"', 'in list "Tar<|>get"'));
    const { moved, fresh } = analyses(text);
    assert.deepEqual(definitionAt(moved, PATH, cursor), { path: PATH, span: ranges[0] });
    assert.deepEqual(definitionAt(moved, PATH, cursor), definitionAt(fresh, PATH, cursor));
  });

  it('renames a moved list from a reference in another moved list', () => {
    const { text, cursor } = afterEdit((t) => t.replace('in list "Target"', 'in list "Tar<|>get"'));
    const { moved } = analyses(text);
    const result = renameList(moved, PATH, cursor, 'Goal');
    assert.ok(result.ok);
    const edits = [...(result.edits.get(PATH) ?? [])].sort((a, b) => b.start - a.start);
    const renamed = edits.reduce((out, e) => out.slice(0, e.start) + e.newText + out.slice(e.end), text);
    assert.equal(renamed, text.replace('list "Target" {', 'list "Goal" {').replace('in list "Target"', 'in list "Goal"'));
  });

  it('fixes a misspelt option in a moved list where it now stands', () => {
    const { text, ranges } = afterEdit((t) => t.replace('is leed', 'is ⟦leed⟧'));
    const { moved, fresh } = analyses(text);
    const actions = codeActions(moved, PATH, ranges[0]);
    assert.deepEqual(actions, codeActions(fresh, PATH, ranges[0]));
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostic?.code === 'unknown-option');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    const diagnostic = fix.diagnostic!;
    assert.deepEqual({ start: diagnostic.start, end: diagnostic.end }, ranges[0]);
    assert.match(applyFix(text, diagnostic.fixes![0]), /list "Moved" \{\n {2}type: active\n {2}folder: "Sales"\n {2}where lifecyclestage is lead\n/);
  });

  it('outlines, folds and colours moved lists as a fresh analysis does, without reading them again', () => {
    const { text } = afterEdit((t) => t);
    const features = (tree: FileNode, of: string) => ({ outline: documentOutline(tree, of), folds: foldingRegions(tree, of), tokens: semanticTokens(tree, of) });
    // The editor asked for them before the edit too.
    const { moved, fresh, copied } = analyses(text, (before) => features(before.files.get(PATH)!.tree, BEFORE));
    const onMoved = features(moved.files.get(PATH)!.tree, text);
    assert.equal(copied(), 0, 'what the lists they moved from gave, moved: their nodes were not copied');
    assert.deepEqual(onMoved, features(fresh.files.get(PATH)!.tree, text));
    const outline = onMoved.outline;
    assert.deepEqual(outline.map((o) => text.slice(o.selection.start, o.selection.end)), ['"Edited"', '"Target"', '"Moved"']);
  });
});
