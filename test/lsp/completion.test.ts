// Completion over a real stdio connection, on documents that read like the language with a `<|>`
// cursor, most of them broken (the line being typed does not parse yet).

import { strict as assert } from 'node:assert';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { atCursor } from './support/fixture';
import { lspSession } from './support/session';

describe('lsp: completion', () => {
  const lsp = lspSession();
  let n = 0;

  async function completeAt(source: string): Promise<CompletionItem[]> {
    const { text, position } = atCursor(source);
    const { uri } = lsp.client.open(lsp.path(`typing-${++n}.hslist`), text);
    const result = await lsp.client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const find = (items: CompletionItem[], label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no item "${label}" among ${labels(items).slice(0, 30).join(', ')}`);
    return item;
  };

  it('offers condition keywords and contact properties (label and type in detail, description in docs) after where', async () => {
    const items = await completeAt('list "New" {\n  where <|>\n}');
    for (const keyword of ['not', 'in list "…"', 'associated company where', 'everyone']) find(items, keyword);
    const email = find(items, 'email');
    assert.equal(email.detail, 'Email (string)');
    assert.match(JSON.stringify(email.documentation), /field type `text`/);
  });

  it('offers only the operator phrases valid for a number property', async () => {
    const items = await completeAt('list "New" {\n  where annualrevenue <|>\n}');
    for (const phrase of ['>= …', 'is between … and …', 'is known', 'has ever been …']) find(items, phrase);
    for (const invalid of ['contains …', 'is any of (…)', 'is in this month']) assert.ok(!labels(items).includes(invalid), invalid);
  });

  it('offers enumeration phrases, and the options (value inserted, label shown) after the operator', async () => {
    const phrases = await completeAt('list "New" {\n  where lifecyclestage <|>\n}');
    find(phrases, 'is any of (…)');
    assert.ok(!labels(phrases).includes('>'));
    const options = await completeAt('list "New" {\n  where lifecyclestage is any of (lead, <|>\n}');
    const mql = find(options, 'Marketing Qualified Lead');
    assert.equal((mql.textEdit as TextEdit).newText, 'marketingqualifiedlead');
    assert.ok(!labels(options).includes('Lead'), 'an option already in the list is not offered again');
  });

  it('continues a phrase typed part way: `has e` offers `has ever been …` inserting the missing words', async () => {
    const items = await completeAt('list "New" {\n  where jobtitle has e<|>\n}');
    const item = find(items, 'has ever been …');
    assert.equal((item.textEdit as TextEdit).newText, 'ever been ');
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 1, character: 21 }, end: { line: 1, character: 22 } });
  });

  it('offers company properties inside associated company where, and contact properties after it', async () => {
    const inside = await completeAt('list "New" {\n  where associated company where <|>\n}');
    find(inside, 'industry');
    assert.ok(!labels(inside).includes('firstname'));
    const after = await completeAt('list "New" {\n  where associated company where industry is ACCOUNTING and <|>\n}');
    find(after, 'firstname');
  });

  it('offers list names from other files inside in list "…", replacing the whole string', async () => {
    const items = await completeAt('list "New" {\n  where email is known\n    and in list "Int<|>"\n}');
    const internal = find(items, 'Internal');
    assert.equal((internal.textEdit as TextEdit).newText, '"Internal"');
    assert.deepEqual((internal.textEdit as TextEdit).range, { start: { line: 2, character: 16 }, end: { line: 2, character: 21 } });
    find(items, 'Webinar');
  });

  it('reads broken text: after garbage the next condition still completes', async () => {
    const items = await completeAt('list "New" {\n  where email is known and ))) or hs_email_optout is <|>\n}');
    assert.deepEqual(labels(items).filter((l) => l === 'true' || l === 'false'), ['true', 'false']);
  });

  it('offers and, or and including unknown after a complete condition', async () => {
    const items = await completeAt('list "New" {\n  where country is not "Poland" <|>\n}');
    assert.deepEqual(labels(items), ['and', 'or', 'including unknown']);
  });

  it('offers list settings and their values', async () => {
    const keys = await completeAt('list "New" {\n  type: active\n  <|>\n}');
    assert.deepEqual(labels(keys), ['folder', 'timezone', 'description', 'where']);
    assert.deepEqual(labels(await completeAt('list "New" {\n  type: <|>\n}')), ['active', 'static', 'snapshot']);
    find(await completeAt('list "New" {\n  folder: <|>\n}'), 'Salesforce');
  });

  it('offers members settings only on a static list', async () => {
    const keys = await completeAt('list "New" {\n  type: static\n  <|>\n}');
    assert.deepEqual(labels(keys), ['folder', 'timezone', 'description', 'members', 'members from', 'where']);
  });

  it('offers sync settings, their values, HubSpot properties after map and Salesforce fields after to', async () => {
    find(await completeAt('sync salesforce {\n  <|>\n}'), 'inclusion list');
    assert.deepEqual(labels(await completeAt('sync salesforce {\n  salesforce creates hubspot contacts: <|>\n}')), ['yes', 'no']);
    assert.deepEqual(labels(await completeAt('sync salesforce {\n  hubspot creates in salesforce: <|>\n}')), ['lead', 'contact']);
    find(await completeAt('sync salesforce {\n  map <|>\n}'), 'lifecyclestage');
    assert.deepEqual(labels(await completeAt('sync salesforce {\n  map email to <|>\n}')), ['Company', 'Email', 'Status']);
    const rules = labels(await completeAt('sync salesforce {\n  map email to Email: <|>\n}'));
    assert.deepEqual(rules, ['prefer salesforce unless blank', 'always salesforce', 'two way', "don't sync"]);
    find(await completeAt('sync salesforce {\n  inclusion list: <|>\n}'), 'Qualified');
  });

  it('offers block keywords at the top level and nothing inside a comment', async () => {
    assert.deepEqual(labels(await completeAt('<|>')), ['list "…" { … }', 'sync salesforce { … }', 'values … = (…)', 'condition … { … }']);
    assert.deepEqual(labels(await completeAt('// where <|>')), []);
  });
});
