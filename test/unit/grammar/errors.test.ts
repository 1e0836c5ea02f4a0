// Syntax errors: one precise diagnostic per bad line, at the right place, and the rest still parses.
import assert from 'node:assert/strict';
import { parse } from '@hslist/grammar';
import { marked } from '../../support/markers';

/** Parse marked text; expect exactly one diagnostic per ⟦range⟧, in order, with these codes. */
function expectDiagnostics(source: string, expected: { code: string; message?: string | RegExp }[]) {
  const m = marked(source);
  const result = parse(m.text);
  const got = result.diagnostics.map((d) => ({ code: d.code, start: d.start, end: d.end, message: d.message }));
  assert.equal(got.length, expected.length, `diagnostics: ${JSON.stringify(got)}`);
  expected.forEach((e, i) => {
    assert.equal(got[i].code, e.code);
    assert.deepEqual([got[i].start, got[i].end], [m.ranges[i].start, m.ranges[i].end], got[i].message);
    if (typeof e.message === 'string') assert.equal(got[i].message, e.message);
    else if (e.message) assert.match(got[i].message, e.message);
  });
  return result;
}

describe('grammar: syntax errors', () => {
  it('names what was expected and what was found', () => {
    const r = expectDiagnostics('list "a" {\n  where x is ⟦}⟧\n', [{ code: 'syntax-error', message: 'Expected a value after `is`, found `}`.' }]);
    assert.equal(r.file.lists[0].where?.kind, 'error');
  });

  it('a missing value at the end of a line points at the word before it', () => {
    const r = expectDiagnostics('list "a" {\n  where x is known\n    and y ⟦is⟧\n    and z is known\n}', [
      { code: 'syntax-error', message: 'Expected a value after `is`, found `and`.' },
    ]);
    const where = r.file.lists[0].where;
    assert.ok(where?.kind === 'and');
    assert.deepEqual(where.operands.map((o) => o.kind), ['property', 'error', 'property']);
  });

  it('an unknown operator loses only its own condition', () => {
    const r = expectDiagnostics('list "a" {\n  type: active\n  where email ⟦iss⟧ known\n    and y is known\n  folder: "f"\n}\nlist "b" { where z is known }\n', [
      { code: 'syntax-error', message: /^Expected an operator such as `is`.* after `email`, found `iss`\.$/ },
    ]);
    const [a, b] = r.file.lists;
    assert.deepEqual(a.settings.map((s) => s.key.text), ['type', 'folder']);
    assert.ok(a.where?.kind === 'and' && a.where.operands[0].kind === 'error' && a.where.operands[1].kind === 'property');
    const error = a.where.operands[0];
    assert.equal(r.file.lists.length, 2);
    assert.equal(b.where?.kind, 'property');
    assert.ok(error.end > error.start);
  });

  it('a stray token mid-chain becomes an ErrorCondition and the next `and` continues', () => {
    const r = expectDiagnostics('list "a" {\n  where x is known\n    and ⟦)⟧ y is known\n    and z is known\n}', [
      { code: 'syntax-error', message: 'Expected a condition after `and`, found `)`.' },
    ]);
    const where = r.file.lists[0].where;
    assert.ok(where?.kind === 'and');
    assert.deepEqual(where.operands.map((o) => o.kind), ['property', 'error', 'property']);
  });

  it('a setting without a colon keeps the next setting', () => {
    const r = expectDiagnostics('list "a" {\n  type ⟦active⟧\n  folder: "x"\n}\n', [{ code: 'syntax-error', message: 'Expected `:` after `active`, found `folder`.' }]);
    assert.deepEqual(r.file.lists[0].settings.map((s) => s.key.text), ['type active', 'folder']);
  });

  it('an unclosed value list closes at the next line', () => {
    const r = expectDiagnostics('list "a" {\n  where x is any of (a, ⟦b⟧\n    and y is known\n}\nlist "b" {}\n', [{ code: 'syntax-error', message: 'Expected `)` after `b`, found `and`.' }]);
    assert.equal(r.file.lists.length, 2);
  });

  it('a list without `}` ends at the next list, which still parses', () => {
    const r = expectDiagnostics('list "a" {\n  where x is ⟦known⟧\nlist "b" { where y is known }\n', [{ code: 'syntax-error', message: 'Expected `}` after `known`, found `list`.' }]);
    assert.deepEqual(r.file.lists.map((l) => l.name.text), ['a', 'b']);
    assert.equal(r.file.lists[1].where?.kind, 'property');
  });

  it('stray text at the top level is reported once and skipped', () => {
    const r = expectDiagnostics('⟦garbage⟧ here (\nlist "b" { where y is known }\n', [{ code: 'syntax-error', message: 'Expected `list`, `sync`, `values` or `condition` to start a block, found `garbage`.' }]);
    assert.equal(r.file.lists[0].name.text, 'b');
  });

  it('a second `where` is a syntax error', () => {
    const r = expectDiagnostics('list "a" {\n  where x is known\n  ⟦where⟧ y is known\n}\n', [{ code: 'syntax-error', message: /only one `where`/ }]);
    assert.equal(r.file.lists[0].where?.kind, 'property');
  });

  it('a bad line inside a list body is skipped with one diagnostic', () => {
    const r = expectDiagnostics('list "a" {\n  ⟦)⟧ ) )\n  folder: "x"\n  where y is known\n}\n', [{ code: 'syntax-error', message: 'Expected a setting or `where`, found `)`.' }]);
    assert.equal(r.file.lists[0].settings[0].key.text, 'folder');
    assert.equal(r.file.lists[0].where?.kind, 'property');
  });

  it('a number with a k / M / B suffix is an error naming the plain number, and the rest of the line still parses', () => {
    const r = expectDiagnostics('list "a" {\n  where annualrevenue > ⟦1M⟧\n}\n', [{ code: 'syntax-error', message: '`1M` is not a number: write 1000000 (numbers take no k, M or B suffix).' }]);
    assert.deepEqual(r.diagnostics[0].fixes, [{ title: 'Write 1000000', edits: [{ start: 35, end: 37, newText: '1000000' }] }]);
    const rest = expectDiagnostics('list "a" {\n  where annualrevenue >= ⟦1.5m⟧ and email is known\n}\n', [{ code: 'syntax-error', message: /^`1\.5m` is not a number: write 1500000 / }]);
    const where = rest.file.lists[0].where;
    assert.equal(where?.kind, 'and', 'the condition after the suffix is still read');
    expectDiagnostics('list "a" {\n  where numemployees is any of (⟦2k⟧, 500)\n}\n', [{ code: 'syntax-error', message: /^`2k` is not a number: write 2000 / }]);
    expectDiagnostics('list "a" {\n  where annualrevenue is between ⟦0.25B⟧ and 3bn\n}\n', [{ code: 'syntax-error', message: /^`0\.25B` is not a number: write 250000000 / }]);
    // A space in between is not a suffix: the word is stray text, as any other.
    expectDiagnostics('list "a" {\n  where annualrevenue > 1 ⟦M⟧\n}\n', [{ code: 'syntax-error', message: 'Expected a setting or `where`, found `M`.' }]);
  });

  it('a bad line inside a sync block is skipped the same way, and a `where` there is not criteria', () => {
    // `where y is known` reads as the words of a setting whose `:` never comes.
    const r = expectDiagnostics('sync salesforce {\n  ⟦)⟧ ) )\n  inclusion list: "A"\n  where y is ⟦known⟧\n  map jobtitle to Title: two way\n}\n', [
      { code: 'syntax-error', message: 'Expected a setting or `map`, found `)`.' },
      { code: 'syntax-error', message: 'Expected `:` after `known`, found `map`.' },
    ]);
    const sync = r.file.syncBlocks[0];
    assert.deepEqual(sync.settings.map((s) => s.key.text), ['inclusion list', 'where y is known']);
    assert.deepEqual(sync.mappings.map((m) => m.hubspotProperty.text), ['jobtitle']);
  });

  it('a line that fails inside a block keeps the lines before and after it, in a list and in a sync block', () => {
    const list = parse('list "a" {\n  type: active\n  folder "x"\n  where y is known\n}\n').file.lists[0];
    assert.deepEqual([list.settings.map((s) => s.key.text), list.where?.kind], [['type'], 'property']);
    const sync = parse('sync salesforce {\n  inclusion list: "A"\n  map jobtitle Title: two way\n  foo bar\n  map lastname to LastName: two way\n}\n').file.syncBlocks[0];
    assert.deepEqual([sync.settings.length, sync.mappings.map((m) => m.salesforceField.text)], [2, ['Title', 'LastName']]);
  });

  it('reports lexing errors: unexpected characters and unterminated strings', () => {
    expectDiagnostics('list "a" { where x ⟦@⟧ is known }', [{ code: 'unexpected-character', message: 'Unexpected character `@`.' }]);
    const r = expectDiagnostics('list "a" { where x is ⟦"abc }⟧\nlist "b" {}', [{ code: 'unterminated-string' }]);
    assert.equal(r.file.lists[1].name.text, 'b');
  });

  it('reports unknown escapes in strings', () => {
    expectDiagnostics('list "a" { where x is "a⟦\\q⟧" }', [{ code: 'invalid-escape' }]);
  });

  it('refuses absurd nesting without running the recursive parser', () => {
    const deep = `list "a" { where ${'('.repeat(100000)}x is known${')'.repeat(100000)} }`;
    const r = parse(deep);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['nesting-too-deep']);
    const deepNot = `list "a" { where ${'not '.repeat(100000)}x is known }`;
    assert.deepEqual(parse(deepNot).diagnostics.map((d) => d.code), ['nesting-too-deep']);
  });

  it('parses nesting up to the limit', () => {
    const r = parse(`list "a" { where ${'('.repeat(150)}x is known${')'.repeat(150)} }`);
    assert.deepEqual(r.diagnostics, []);
  });

  it('keeps every diagnostic inside the text, also at the end of the file', () => {
    for (const text of ['list', 'list "a"', 'list "a" {', 'list "a" { where', 'list "a" { where x is', 'sync', 'sync x { map', '"', '`', '#']) {
      const r = parse(text);
      assert.ok(r.diagnostics.length > 0, text);
      for (const d of r.diagnostics) assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${text}: ${JSON.stringify(d)}`);
    }
  });
});
