// Soak: 2,000 random edits to an open document (deleting, inserting tokens and garbage, broken text
// most of the time) sent as incremental changes, interleaved with completion, hover, symbol, format
// and other requests. The server must stay alive, answer every request, publish the last version's
// diagnostics, and its heap (after a GC; the server runs with --expose-gc) must not keep growing
// between the first 500 edits and the last 500.

import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/language/positions';
import { seededRandom } from '../../bench/workspace-gen';
import { FILES } from './support/fixture';
import { lspSession } from './support/session';

const EDITS = 2000;
const TOKENS = [
  'where ', 'and ', 'or ', 'not ', '(', ')', ',', ' is ', 'any of ', 'known', 'email', 'lifecyclestage', 'lead', '"Poland"', '"',
  'in list "Internal"', 'associated company where ', 'industry', '>= ', '42', '2024-01-01', 'list "Z" {', '}', '{', '\n', '\n  ',
  'type: ', 'static', 'sync salesforce {', 'map email to Email: two way', '// note', '@#$%', '`odd`', '\u00e9\u00e9', '\r\n', '😀',
];
const REQUESTS = [
  'textDocument/completion', 'textDocument/hover', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/semanticTokens/full',
  'textDocument/foldingRange', 'textDocument/codeAction', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename',
];

interface Memory {
  heapUsed: number;
  gcExposed: boolean;
}

describe('lsp: soak', function () {
  this.timeout(120000);
  const lsp = lspSession({ execArgv: ['--expose-gc'] });

  function randomEdit(random: () => number, text: string): { start: number; end: number; newText: string } {
    const at = Math.floor(random() * (text.length + 1));
    const roll = random();
    if (text.length > 3000) return { start: 0, end: text.length, newText: FILES['lists/qualified.hslist'] };
    if (roll < 0.35) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(random() * 12)), newText: '' };
    if (roll < 0.85) return { start: at, end: at, newText: TOKENS[Math.floor(random() * TOKENS.length)] };
    return { start: at, end: at, newText: String.fromCharCode(33 + Math.floor(random() * 90)).repeat(1 + Math.floor(random() * 3)) };
  }

  function params(method: string, uri: string, position: { line: number; character: number }): unknown {
    const range = { start: position, end: position };
    const base = { textDocument: { uri }, position };
    if (method === 'textDocument/formatting') return { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } };
    if (method === 'textDocument/codeAction') return { textDocument: { uri }, range, context: { diagnostics: [] } };
    if (method === 'textDocument/references') return { ...base, context: { includeDeclaration: true } };
    return base;
  }

  it('stays alive, answers every request and keeps its heap bounded over 2,000 random edits', async () => {
    const random = seededRandom(2024);
    const path = lsp.path('lists/soak.hslist');
    let text = FILES['lists/qualified.hslist'].replace('"Qualified"', '"Soak"');
    const { uri } = lsp.client.open(path, text);
    let version = 1;
    let answered = 0;
    const heaps: number[] = [];
    for (let i = 1; i <= EDITS; i++) {
      const edit = randomEdit(random, text);
      const index = new LineIndex(text);
      const range = { start: index.positionAt(edit.start), end: index.positionAt(edit.end) };
      text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      version++;
      void lsp.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: edit.newText }] });
      if (i % 4 === 0) {
        const method = REQUESTS[(i / 4) % REQUESTS.length];
        const position = new LineIndex(text).positionAt(Math.floor(random() * (text.length + 1)));
        await lsp.client.request(method, params(method, uri, position));
        answered++;
      }
      if (i === 500 || i === EDITS) heaps.push((await lsp.client.request<Memory>('hslist/memory', { gc: true })).heapUsed);
    }
    const final = await lsp.client.diagnosticsOfVersion(uri, version, 20000).catch((e: Error) => {
      throw new Error(`${e.message}\nserver log:\n${lsp.client.log.join("\n").slice(0, 3000)}`);
    });
    assert.ok(Array.isArray(final));
    assert.equal(answered, EDITS / 4);
    assert.ok(lsp.client.alive, 'the server exited');
    const memory = await lsp.client.request<Memory>('hslist/memory', { gc: true });
    assert.ok(memory.gcExposed, 'the soak runs the server with --expose-gc');
    const [first, last] = heaps;
    console.log(`      heap after 500 edits ${(first / 1048576).toFixed(1)} MB, after ${EDITS} ${(last / 1048576).toFixed(1)} MB`);
    assert.ok(last < first * 1.5 + 8 * 1024 * 1024, `heap grew from ${(first / 1048576).toFixed(1)} MB after 500 edits to ${(last / 1048576).toFixed(1)} MB after ${EDITS}`);
    // The document the server holds is exactly ours: incremental edits were applied faithfully.
    const symbols = await lsp.client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    const errors = lsp.client.log.filter((l) => /^hslist: [\w/ ]+ failed: /.test(l));
    assert.deepEqual(errors, [], 'handlers logged failures');
  });
});
