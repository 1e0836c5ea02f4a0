// Re-analysing after an edit (parses and single-file checks reused block by block) gives exactly the
// diagnostics and trees of a fresh analysis, edit after edit, for valid and broken text; and an edit
// inside one list re-checks that list alone.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultSchema } from '../../server/src/language/schema';
import { analyzeWorkspace, Workspace } from '../../server/src/language/workspace';
import { arbHslistFile, arbTokenEdits, editedVersions } from '../support/hslist-gen';

const schema = defaultSchema();

const versionsOfAnEdit = fc
  .tuple(fc.array(arbHslistFile(), { minLength: 1, maxLength: 4 }), arbTokenEdits(['{', '}', 'list', 'where', '"x', 'and', ':', '7', 'emial', 'lifecyclestage', 'lead', 'is'], { maxLength: 6 }))
  .map(([files, edits]) => editedVersions(files.join('\n'), edits));

/** A file of many blocks and versions each one edit away from it: one version to the next, it changed in two places. */
const versionsEditedInTwoPlaces = fc
  .tuple(fc.array(arbHslistFile(), { minLength: 3, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(' ', 'x', '7', '\n', 'emial', 'leed', '"', '}\nlist "n" {\n  where phone is known\n')), { minLength: 2, maxLength: 6 }))
  .map(([files, edits]) => {
    const base = files.join('\n');
    return [base, ...edits.map(([at, removed, typed]) => base.slice(0, at % (base.length + 1)) + typed + base.slice((at % (base.length + 1)) + removed))];
  });

describe('workspace: incremental re-analysis', () => {
  it('gives the diagnostics and tree of a fresh analysis when the file changed in two places since the last one', () => {
    fc.assert(
      fc.property(versionsEditedInTwoPlaces, (versions) => {
        const workspace = new Workspace(schema);
        workspace.setEditing('main.hslist', true);
        for (const text of versions) {
          workspace.setFile('main.hslist', text);
          const incremental = workspace.analyze().files.get('main.hslist');
          const fresh = analyzeWorkspace([{ path: 'main.hslist', text }], schema).files.get('main.hslist');
          assert.deepEqual(incremental?.diagnostics, fresh?.diagnostics, text);
          assert.deepEqual(incremental?.tree, fresh?.tree, text);
        }
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 100) },
    );
  });

  it('gives the diagnostics and tree of a fresh analysis after every edit', () => {
    fc.assert(
      fc.property(versionsOfAnEdit, fc.boolean(), (versions, open) => {
        const workspace = new Workspace(schema);
        // Open in the editor or not: the memos are filled on the first analysis or the first edit.
        workspace.setEditing('main.hslist', open);
        workspace.setFile('other.hslist', 'list "Other" {\n  where email is known\n}\n');
        for (const text of versions) {
          workspace.setFile('main.hslist', text);
          const incremental = workspace.analyze().files.get('main.hslist');
          const fresh = analyzeWorkspace([{ path: 'main.hslist', text }, { path: 'other.hslist', text: 'list "Other" {\n  where email is known\n}\n' }], schema).files.get('main.hslist');
          assert.deepEqual(incremental?.diagnostics, fresh?.diagnostics, text);
          assert.deepEqual(incremental?.tree, fresh?.tree, text);
        }
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 200) },
    );
  });

  it('an edit inside one of many lists parses and checks that list alone', () => {
    const lists = Array.from({ length: 30 }, (_, i) => `list "L${i}" {\n  where num_employees > ${i} and lifecyclestage is leed\n}\n`);
    const workspace = new Workspace(schema);
    workspace.setFile('big.hslist', lists.join('\n'));
    workspace.analyze();
    const memo = () => (workspace.cache as unknown as { entries: Map<string, { parseMemo: { parsedChunks: number }; checkMemo: { checkedLists: number } }> }).entries.get('big.hslist')!;
    assert.deepEqual([memo().parseMemo.parsedChunks, memo().checkMemo.checkedLists], [0, 0], 'read for the first time: parsed and checked whole');
    // The first edit reads every block into the memos.
    workspace.setFile('big.hslist', `${lists.join('\n')}\n`);
    workspace.analyze();
    assert.deepEqual([memo().parseMemo.parsedChunks, memo().checkMemo.checkedLists], [30, 30]);
    const edited = [...lists];
    edited[7] = edited[7].replace('leed', 'lead');
    workspace.setFile('big.hslist', edited.join('\n'));
    const analysis = workspace.analyze().files.get('big.hslist')!;
    assert.deepEqual([memo().parseMemo.parsedChunks, memo().checkMemo.checkedLists], [31, 31], 'one list parsed and checked again');
    const unknown = analysis.diagnostics.filter((d) => d.code === 'unknown-option');
    assert.equal(unknown.length, 29, 'the other lists keep their diagnostics');
    const text = edited.join('\n');
    assert.deepEqual(new Set(unknown.map((d) => text.slice(d.start, d.end))), new Set(['leed']), 'at their places in the edited text');
    assert.deepEqual(unknown[0].fixes?.[0].edits.map((e) => text.slice(e.start, e.end)), ['leed'], 'fixes moved with them');
  });

  it('a file open in the editor goes through the memos on open: its first edit parses and checks one list', () => {
    const lists = Array.from({ length: 30 }, (_, i) => `list "L${i}" {\n  where num_employees > ${i} and lifecyclestage is leed\n}\n`);
    const workspace = new Workspace(schema);
    const memo = () => (workspace.cache as unknown as { entries: Map<string, { parseMemo: { parsedChunks: number }; checkMemo: { checkedLists: number } }> }).entries.get('big.hslist')!;
    workspace.setFile('big.hslist', lists.join('\n'));
    workspace.analyze();
    assert.deepEqual([memo().parseMemo.parsedChunks, memo().checkMemo.checkedLists], [0, 0], 'read from disk: parsed and checked whole');
    // Opened (same text): the next analysis fills the memos, before any keystroke.
    workspace.setEditing('big.hslist', true);
    assert.deepEqual(workspace.pendingFiles(), ['big.hslist'], 'the opened file is work for the publisher');
    const opened = workspace.analyze().files.get('big.hslist')!;
    assert.deepEqual([memo().parseMemo.parsedChunks, memo().checkMemo.checkedLists], [30, 30]);
    assert.deepEqual(opened.diagnostics, analyzeWorkspace([{ path: 'big.hslist', text: lists.join('\n') }], schema).files.get('big.hslist')!.diagnostics);
    const edited = [...lists];
    edited[12] = edited[12].replace('leed', 'lead');
    workspace.setFile('big.hslist', edited.join('\n'));
    workspace.analyze();
    assert.deepEqual([memo().parseMemo.parsedChunks, memo().checkMemo.checkedLists], [31, 31], 'the first keystroke: one list');
  });

  it('compiles again only the lists an edit touched, also when earlier edits left them where they were', () => {
    const lists = Array.from({ length: 10 }, (_, i) => `list "L${i}" {\n  where (country is "Poland" or annualrevenue > ${i}) and email is known\n}\n`);
    const workspace = new Workspace(schema);
    const analyzeWith = (edit: (l: string[]) => void) => {
      const edited = [...lists];
      edit(edited);
      workspace.setFile('big.hslist', edited.join('\n'));
      const before = workspace.cache.compiled.compileCount;
      workspace.analyze();
      return workspace.cache.compiled.compileCount - before;
    };
    assert.equal(analyzeWith(() => {}), 10, 'every list compiled once');
    // An edit in the last list: the lists before it keep their place (and their trees) ...
    assert.equal(analyzeWith((l) => (l[9] = l[9].replace('> 9', '> 90'))), 1);
    assert.equal(analyzeWith((l) => (l[9] = l[9].replace('> 9', '> 91'))), 1);
    // ... and an edit in the first moves them all: each is still known by its text.
    assert.equal(analyzeWith((l) => (l[0] = l[0].replace('> 0', '> 100'))), 2, 'the first list and the last one (back to its text)');
  });

  it('keeps the analysis of a file an edit in another file did not change, and makes a new one when it did', () => {
    const workspace = new Workspace(schema);
    workspace.setFile('other.hslist', 'list "Other" {\n  where lifecyclestage is leed and in list "Main"\n}\n');
    workspace.setFile('main.hslist', 'list "Main" {\n  where email is known\n}\n');
    const first = workspace.analyze().files.get('other.hslist');
    workspace.setFile('main.hslist', 'list "Main" {\n  where email is known and annualrevenue > 5\n}\n');
    assert.equal(workspace.analyze().files.get('other.hslist'), first, 'nothing it depends on changed');
    workspace.setFile('main.hslist', 'list "Renamed" {\n  where email is known\n}\n');
    const renamed = workspace.analyze().files.get('other.hslist');
    assert.notEqual(renamed, first);
    assert.deepEqual(renamed?.diagnostics.map((d) => d.code), ['unknown-option', 'unknown-list']);
  });
});
