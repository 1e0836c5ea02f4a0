// Go to definition, references and rename across files, over a real stdio connection.

import { strict as assert } from 'node:assert';
import type { Location, ResponseError, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { uriOf } from './support/lsp-client';
import { atCursor, FILES } from './support/fixture';
import { lspSession } from './support/session';

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('lsp: navigation', () => {
  let qualifiedUri: string;
  const lsp = lspSession({
    ready: (session) => {
      qualifiedUri = session.client.open(session.path('lists/qualified.hslist'), FILES['lists/qualified.hslist']).uri;
    },
  });

  const positionOf = (source: string) => atCursor(source).position;
  const atInternalRef = () => positionOf(FILES['lists/qualified.hslist'].replace('in list "Internal"', 'in list "Inter<|>nal"'));

  it('goes to the definition of a list in another file', async () => {
    const location = await lsp.client.request<Location>('textDocument/definition', { textDocument: { uri: qualifiedUri }, position: atInternalRef() });
    assert.equal(location.uri, uriOf(lsp.path('lists/internal.hslist')));
    assert.deepEqual(location.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 15 } });
  });

  it('finds every reference: in list in one file, inclusion list in another, and the definition', async () => {
    const position = positionOf(FILES['lists/qualified.hslist'].replace('list "Qualified"', 'list "Qual<|>ified"'));
    const locations = await lsp.client.request<Location[]>('textDocument/references', { textDocument: { uri: qualifiedUri }, position, context: { includeDeclaration: true } });
    assert.deepEqual(locations.map((l) => l.uri.split('/').pop()).sort(), ['qualified.hslist', 'sync.hslist']);
    const withoutDefinition = await lsp.client.request<Location[]>('textDocument/references', { textDocument: { uri: qualifiedUri }, position, context: { includeDeclaration: false } });
    assert.deepEqual(withoutDefinition.map((l) => l.uri.split('/').pop()), ['sync.hslist']);
  });

  it('prepares a rename with the name inside the quotes, and nothing elsewhere', async () => {
    const prepared = await lsp.client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: qualifiedUri }, position: atInternalRef() });
    assert.equal(prepared.placeholder, 'Internal');
    assert.deepEqual(prepared.range, { start: { line: 6, character: 21 }, end: { line: 6, character: 29 } });
    const nothing = await lsp.client.request('textDocument/prepareRename', { textDocument: { uri: qualifiedUri }, position: { line: 4, character: 10 } });
    assert.equal(nothing, null);
  });

  it('renames a list in its file and in the file that uses it', async () => {
    const edit = await lsp.client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: qualifiedUri }, position: atInternalRef(), newName: 'Staff "and" friends' });
    const changes = edit.changes ?? {};
    const internalUri = uriOf(lsp.path('lists/internal.hslist'));
    assert.deepEqual(Object.keys(changes).sort(), [internalUri, qualifiedUri].sort());
    assert.match(applyEdits(FILES['lists/internal.hslist'], changes[internalUri]), /^list "Staff \\"and\\" friends" \{/);
    assert.match(applyEdits(FILES['lists/qualified.hslist'], changes[qualifiedUri]), /and not in list "Staff \\"and\\" friends"/);
  });

  it('refuses a rename to a name another list already has, whatever its case', async () => {
    await assert.rejects(
      lsp.client.request('textDocument/rename', { textDocument: { uri: qualifiedUri }, position: atInternalRef(), newName: 'webinar' }),
      (error: ResponseError<unknown>) => /A list named "Webinar" already exists/.test(error.message),
    );
  });

  it('finds lists by fuzzy name across the workspace', async () => {
    const symbols = await lsp.client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: 'wbnr' });
    assert.deepEqual(symbols.map((s) => s.name), ['Webinar']);
    const all = await lsp.client.request<{ name: string }[]>('workspace/symbol', { query: '' });
    assert.deepEqual(all.map((s) => s.name).sort(), ['Broken', 'Internal', 'Qualified', 'Webinar']);
  });
});
