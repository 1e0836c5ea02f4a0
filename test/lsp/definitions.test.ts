// Named value sets and conditions over a real stdio connection: diagnostics across files, completion,
// hover, go to definition, find references and rename.

import { strict as assert } from 'node:assert';
import type { CodeLens, CompletionItem, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from './support/lsp-client';
import { atCursor, Fixture } from './support/fixture';
import { until } from './support/until';
import { bigCustomerClauses, contactsCsv, funnel, generateContacts } from './preview-data';

const SHARED = 'values competitors = ("acme.com", "globex.com")\n\ncondition engaged {\n  where hs_analytics_num_visits >= 3\n}\n';
const LISTS = 'list "Prospects" {\n  where hs_email_domain is none of competitors including unknown\n    and condition engaged\n}\n';

describe('lsp: named value sets and conditions', () => {
  let fixture: Fixture;
  let client: LspClient;
  let listsUri: string;

  before(async () => {
    fixture = new Fixture({ 'hslist.json': '{}\n', 'shared.hslist': SHARED, 'lists.hslist': LISTS });
    client = await LspClient.start(fixture.root);
    listsUri = client.open(fixture.path('lists.hslist'), LISTS).uri;
    await client.diagnostics(listsUri);
  });

  after(async () => {
    await client.stop();
    fixture.remove();
  });

  const at = (marked: string) => atCursor(marked).position;

  it('an edit of a value set in the other file turns a use into an error, and back', async () => {
    assert.deepEqual(await client.diagnostics(listsUri), []);
    const sharedUri = client.open(fixture.path('shared.hslist'), SHARED).uri;
    client.change(sharedUri, SHARED.replace('values competitors', 'values rivals'));
    const broken = await client.diagnostics(listsUri, (d) => d.length > 0);
    assert.deepEqual(broken.map((d) => [d.code, d.range.start.line]), [['unknown-value-set', 1]]);
    client.change(sharedUri, SHARED);
    await client.diagnostics(listsUri, (d) => d.length === 0);
    client.close(sharedUri);
  });

  it('completes value sets after `is none of` and named conditions after `condition`', async () => {
    const text = 'list "New" {\n  where hs_email_domain is none of <|>\n}\n';
    const uri = client.open(fixture.path('new.hslist'), atCursor(text).text).uri;
    const sets = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(text) });
    assert.ok(sets.some((i) => i.label === 'competitors' && i.detail === 'value set ("acme.com", "globex.com")'), JSON.stringify(sets.map((i) => i.label)));
    const second = 'list "New" {\n  where condition <|>\n}\n';
    client.change(uri, atCursor(second).text);
    const conditions = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(second) });
    assert.deepEqual(conditions.map((i) => i.label), ['engaged']);
    client.close(uri);
  });

  it('hovers a use with its values, and goes to its definition', async () => {
    const position = at(LISTS.replace('none of competitors', 'none of compe<|>titors'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: listsUri }, position });
    assert.match((hover.contents as { value: string }).value, /^\*\*values competitors\*\*\n\n2 values:/);
    const location = await client.request<Location>('textDocument/definition', { textDocument: { uri: listsUri }, position });
    assert.deepEqual([location.uri, location.range.start], [uriOf(fixture.path('shared.hslist')), { line: 0, character: 7 }]);
  });

  it('finds the references of a named condition and renames it in both files', async () => {
    const position = at(LISTS.replace('condition engaged', 'condition eng<|>aged'));
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: listsUri }, position, context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((l) => `${l.uri.split('/').pop()}:${l.range.start.line}`).sort(), ['lists.hslist:2', 'shared.hslist:2']);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: listsUri }, position, newName: 'returning' });
    const changes = edit.changes ?? {};
    assert.deepEqual(Object.values(changes).flat().map((e) => e.newText), ['returning', 'returning']);
    assert.deepEqual(Object.keys(changes).map((u) => u.split('/').pop()).sort(), ['lists.hslist', 'shared.hslist']);
  });
});

describe('lsp: the preview of a list that uses named value sets and conditions', function () {
  this.timeout(60_000);
  const contacts = generateContacts(1000);
  const fmt = (n: number) => n.toLocaleString('en-US');
  let fixture: Fixture;
  let client: LspClient;

  before(async () => {
    fixture = new Fixture({
      'hslist.json': JSON.stringify({ timezone: 'UTC', contacts: 'contacts.csv' }),
      'contacts.csv': contactsCsv(contacts),
      'shared.hslist': 'values late_stages = (customer, opportunity)\n\ncondition big {\n  where annualrevenue >= 1000000\n}\n',
    });
    client = await LspClient.start(fixture.root);
  });
  after(async () => {
    await client.stop();
    fixture.remove();
  });

  it('counts the contacts of the criteria written in', async () => {
    const text = 'list "Big customers" {\n  where email is known\n    and lifecyclestage is any of late_stages\n    and condition big\n}\n';
    const uri = client.open(fixture.path('lists.hslist'), text).uri;
    const expected = funnel(contacts, bigCustomerClauses(1_000_000)).matches.length;
    assert.ok(expected > 0 && expected < contacts.length, 'the data tells the criteria apart');
    const title = `${fmt(expected)} of ${fmt(contacts.length)} contacts`;
    await until(async () => ((await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? []).find((l) => l.command?.title === title), `lens "${title}"`);
  });
});
