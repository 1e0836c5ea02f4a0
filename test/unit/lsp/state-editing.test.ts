// The server marks the files open in the editor (didOpen) for the workspace, which reads them block by
// block into its memos on open: the first keystroke then parses and checks the one list it touched. A
// file read from disk, never opened, is read whole; once closed, a file is read whole again.

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceState } from '../../../server/src/lsp/state';

const LISTS = Array.from({ length: 12 }, (_, i) => `list "L${i}" {\n  where num_employees > ${i} and lifecyclestage is leed\n}\n`);

/** The parse and check memos' counts of the file (lists parsed, lists checked), read through the workspace's cache. */
function memoCounts(state: WorkspaceState, path: string): [number, number] {
  const workspace = (state as unknown as { workspace: { cache: { entries: Map<string, { parseMemo: { parsedChunks: number }; checkMemo: { checkedLists: number } }> } } }).workspace;
  const entry = workspace.cache.entries.get(path)!;
  return [entry.parseMemo.parsedChunks, entry.checkMemo.checkedLists];
}

describe('lsp state: files open in the editor', () => {
  let root: string;
  let path: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hslist-state-'));
    path = join(root, 'big.hslist');
    writeFileSync(path, LISTS.join('\n'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('an opened file fills the memos on its first analysis; its first edit re-reads one list', () => {
    const state = new WorkspaceState();
    state.scan([root]);
    state.analysis();
    assert.deepEqual(memoCounts(state, path), [0, 0], 'read from disk, not open: whole');
    const uri = pathToFileURL(path).href;
    state.setOpen(uri, LISTS.join('\n'), 1);
    state.analysis();
    assert.deepEqual(memoCounts(state, path), [12, 12], 'opened: every list into the memos');
    const edited = [...LISTS];
    edited[5] = edited[5].replace('leed', 'lead');
    state.setOpen(uri, edited.join('\n'), 2);
    const analysis = state.analysis();
    assert.deepEqual(memoCounts(state, path), [13, 13], 'the first keystroke: one list');
    assert.equal(analysis.files.get(path)!.diagnostics.filter((d) => d.code === 'unknown-option').length, 11);
  });
});
