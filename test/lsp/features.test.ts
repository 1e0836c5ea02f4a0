// Hover, outline, folding, formatting, semantic tokens, code actions (also across files), the
// compiled-JSON command, and robustness against malformed requests, over a real stdio connection.

import { strict as assert } from 'node:assert';
import type { CodeAction, DocumentSymbol, FoldingRange, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { format } from '@hslist/grammar';
import { uriOf } from './support/lsp-client';
import { atCursor, FILES, withRanges } from './support/fixture';
import { lspSession } from './support/session';

describe('lsp: features', () => {
  const lsp = lspSession();
  let n = 0;

  function openNew(text: string, name = `doc-${++n}.hslist`): string {
    return lsp.client.open(lsp.path(name), text).uri;
  }

  async function hoverAt(source: string): Promise<string> {
    const { text, position } = atCursor(source);
    const hover = await lsp.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: openNew(text) }, position });
    return hover ? (hover.contents as { value: string }).value : '';
  }

  it('hovers a property: label, type, field type and options with their labels', async () => {
    const text = await hoverAt('list "H" {\n  where lifecycle<|>stage is lead\n}');
    assert.match(text, /\*\*Lifecycle Stage\*\* `lifecyclestage`/);
    assert.match(text, /Type `enumeration`, field type `\w+`/);
    assert.match(text, /\| `marketingqualifiedlead` \| Marketing Qualified Lead \|/);
  });

  it('hovers a list name: type, folder, file, conditions, what it uses and what uses it', async () => {
    const text = await hoverAt('list "H" {\n  where in list "Quali<|>fied"\n}');
    assert.match(text, /\*\*list "Qualified"\*\*: active list/);
    assert.match(text, /Folder: "Salesforce" · File: `lists\/qualified\.hslist` · 3 conditions/);
    assert.match(text, /Uses: "Internal"/);
    assert.match(text, /Used by: .*"H".*|Used by: .*the sync block/);
  });

  it('hovers an operator phrase with its HubSpot operation', async () => {
    const text = await hoverAt('list "H" {\n  where annualrevenue is betw<|>een 1 and 5\n}');
    assert.match(text, /\*\*is between\*\*: Between the two bounds, both included\./);
    assert.match(text, /`NUMBER_RANGED` `IS_BETWEEN`/);
  });

  it('outlines lists and the sync block with their children', async () => {
    const uri = openNew(FILES['lists/qualified.hslist'] + '\n' + FILES['sync.hslist']);
    const symbols = await lsp.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Qualified', 'sync salesforce']);
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ['type', 'folder', 'where']);
    assert.deepEqual(symbols[1].children?.map((c) => c.name), ['inclusion list', 'hubspot creates in salesforce', 'map lifecyclestage to Status']);
    lsp.client.close(uri); // a second sync block in the workspace would conflict with sync.hslist's
  });

  it('folds blocks, a multi-line where and runs of comments', async () => {
    const uri = openNew('// one\n// two\nlist "F" {\n  where email is known\n    and phone is known\n}\n');
    const ranges = await lsp.client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const shown = ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind === 'comment' ? 'c' : ''}`).sort();
    assert.deepEqual(shown, ['0-1c', '2-5', '3-4']);
  });

  it('formats a document, refuses one with syntax errors, and formats only the blocks a range touches', async () => {
    const messy = 'LIST "A" {\nWHERE email IS KNOWN AND phone = "1"\n}\nlist "B" {\n   type:static\n}\n';
    const uri = openNew(messy);
    const edits = await lsp.client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits.length, 1);
    // Exactly the grammar's canonical form (the printer's layout is the grammar's to decide).
    assert.equal(edits[0].newText, format(messy).text);
    assert.match(edits[0].newText, /^list "A" \{\n {2}where email is known/);
    const broken = openNew('list "A" {\n  where email is\n}\n');
    assert.deepEqual(await lsp.client.request('textDocument/formatting', { textDocument: { uri: broken }, options: { tabSize: 2, insertSpaces: true } }), []);
    const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } };
    const ranged = await lsp.client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(ranged.map((e) => e.newText), ['list "B" {\n  type: static\n}']);
    assert.deepEqual(ranged[0].range, { start: { line: 3, character: 0 }, end: { line: 5, character: 1 } });
  });

  it('returns semantic tokens typed by the legend: keywords, properties, operators, values, list names, comments', async () => {
    const legend = (lsp.client.initializeResult as InitializeResult).capabilities.semanticTokensProvider?.legend.tokenTypes ?? [];
    const text = '// c\nlist "T" {\n  where lifecyclestage is any of (lead) and createdate is after 2024-01-01 and in list "Internal"\n}\n';
    const uri = openNew(text);
    const tokens = await lsp.client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(legend, ['keyword', 'property', 'operator', 'string', 'number', 'date', 'listName', 'comment', 'enumMember', 'variable', 'function']);
    const decoded: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type] = tokens.data.slice(i, i + 4);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      decoded.push(`${text.split('\n')[line].slice(char, char + len)}:${legend[type]}`);
    }
    assert.deepEqual(decoded, [
      '// c:comment', 'list:keyword', '"T":listName', 'where:keyword', 'lifecyclestage:property', 'is:operator', 'any:operator', 'of:operator',
      'lead:enumMember', 'and:keyword', 'createdate:property', 'is:operator', 'after:operator', '2024-01-01:date', 'and:keyword',
      'in:keyword', 'list:keyword', '"Internal":listName',
    ]);
  });

  it('offers every diagnostic fix as a quick fix, and a fix in another file as a cross-file edit', async () => {
    const { text, ranges } = withRanges('sync salesforce {\n  inclusion list: ⟦"Webinar"⟧\n}\n');
    const uri = lsp.client.open(lsp.path('sync.hslist'), text).uri;
    await lsp.client.diagnostics(uri, (d) => d.some((x) => x.code === 'inclusion-list-not-active'));
    const actions = await lsp.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ranges[0], context: { diagnostics: [] } });
    const fix = actions.find((a) => a.title === 'Make "Webinar" an active list');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const internalUri = uriOf(lsp.path('lists/internal.hslist'));
    assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [internalUri]);
    assert.deepEqual(fix.edit?.changes?.[internalUri], [{ range: { start: { line: 7, character: 8 }, end: { line: 7, character: 14 } }, newText: 'active' }]);
    assert.equal(fix.diagnostics?.[0].code, 'inclusion-list-not-active');
    lsp.client.change(uri, FILES['sync.hslist']);
  });

  it('offers the did-you-mean fix of an unknown property and "Make list active" on a static list', async () => {
    const { text, ranges } = withRanges('list "S" {\n  ⟦type: snapshot⟧\n  where ⟦emial⟧ is known\n}\n');
    const uri = openNew(text);
    await lsp.client.diagnosticsOfVersion(uri, 1);
    const typo = await lsp.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ranges[1], context: { diagnostics: [] } });
    assert.equal(typo[0].title, 'Change to email');
    assert.equal(typo[0].kind, 'quickfix');
    const active = await lsp.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ranges[0], context: { diagnostics: [] } });
    const make = active.find((a) => a.title === 'Make list "S" active');
    assert.ok(make);
    assert.equal(make.edit?.changes?.[uri][0].newText, 'active');
  });

  it('answers hslist.compiledJson with the list at a position, or every list of the document', async () => {
    const uri = openNew('list "One" {\n  where email is known\n}\n\nlist "Two" {\n  type: static\n}\n');
    const all = await lsp.client.request<{ name: string }[]>('workspace/executeCommand', { command: 'hslist.compiledJson', arguments: [uri] });
    assert.deepEqual(all.map((r) => r.name), ['One', 'Two']);
    const one = await lsp.client.request<{ name: string; processingType: string; filterBranch: unknown }>('workspace/executeCommand', {
      command: 'hslist.compiledJson',
      arguments: [uri, { line: 1, character: 4 }],
    });
    assert.equal(one.name, 'One');
    assert.equal(one.processingType, 'DYNAMIC');
    assert.match(JSON.stringify(one.filterBranch), /"operator":"IS_KNOWN"/);
    const broken = openNew('list "Bad" {\n  where emial is known\n}\n');
    await assert.rejects(lsp.client.request('workspace/executeCommand', { command: 'hslist.compiledJson', arguments: [broken] }), /Not compiled: 1 error\(s\), the first at line 2/);
  });

  it('refreshes the schema on hslist.refreshSchema and answers hslist/ping', async () => {
    const refreshed = await lsp.client.request<{ schema: string; contactProperties: number; salesforceFields: number }>('workspace/executeCommand', { command: 'hslist.refreshSchema', arguments: [] });
    assert.equal(refreshed.schema, 'bundled default');
    assert.equal(refreshed.salesforceFields, 3);
    const ping = await lsp.client.request<{ pong: boolean; server: string }>('hslist/ping', {});
    assert.deepEqual([ping.pong, ping.server], [true, 'hslist-language-server']);
  });

  it('survives malformed requests: unknown documents, positions far outside, missing params', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere/x.hslist' }, position: { line: 3, character: 3 } };
    assert.equal(await lsp.client.request('textDocument/hover', unknown), null);
    assert.deepEqual(await lsp.client.request('textDocument/completion', unknown), []);
    const uri = openNew('list "X" {\n  where email is known\n}\n');
    const far = { textDocument: { uri }, position: { line: 999, character: 999 } };
    assert.equal(await lsp.client.request('textDocument/hover', far), null);
    assert.ok(Array.isArray(await lsp.client.request('textDocument/completion', far)));
    assert.deepEqual(await lsp.client.request('textDocument/documentSymbol', {}), []);
    await assert.rejects(lsp.client.request('workspace/executeCommand', { command: 'hslist.compiledJson', arguments: [42] }));
    assert.equal((await lsp.client.request<{ pong: boolean }>('hslist/ping', {})).pong, true);
    assert.ok(lsp.client.alive);
  });
});
