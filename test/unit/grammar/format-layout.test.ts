// The formatter keeps the author's blank lines (one for one or more, none just inside a block);
// numbers print so that they read back as the same value.
import assert from 'node:assert/strict';
import { format, parse, printFile } from '@hslist/grammar';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('grammar: formatter layout', () => {
  it('keeps one blank line after a leading comment, between settings and where, and between groups', () => {
    const text = lines(
      '// Lists for the sales team.',
      '',
      'list "A" {',
      '  type: active',
      '',
      '  folder: "Sales"',
      '',
      '  where email is known',
      '    and phone is known',
      '}',
    );
    assert.equal(format(text).text, text);
  });

  it('writes one blank line for several and none just inside `{` or before `}`', () => {
    const text = lines('// c', '', '', '', 'list "A" {', '', '', '  type: active', '', '', '', '  where email is known', '', '}', '', '', '');
    assert.equal(format(text).text, lines('// c', '', 'list "A" {', '  type: active', '', '  where email is known', '}'));
  });

  it('keeps blank lines around own-line comments and between mappings', () => {
    const text = lines(
      'sync salesforce {',
      '  inclusion list: "A"',
      '',
      '  // Two-way fields.',
      '  map jobtitle to Title: two way',
      '',
      '  map city to City: always salesforce',
      '}',
      '',
      '// the end',
    );
    assert.equal(format(text).text, text);
  });

  it('does not add blank lines that were not there, and keeps one between blocks', () => {
    const text = 'list "A" {\n  type: active\n  where a is known\n}\nlist "B" {\n  type: static\n}\n';
    assert.equal(format(text).text, 'list "A" {\n  type: active\n  where a is known\n}\n\nlist "B" {\n  type: static\n}\n');
  });

  it('reads blank lines in CRLF text', () => {
    const text = 'list "A" {\r\n  type: active\r\n\r\n  where a is known\r\n}\r\n';
    assert.equal(format(text).text, 'list "A" {\n  type: active\n\n  where a is known\n}\n');
  });

  it('puts each operand of the top-level where chain on its own line, however it was written', () => {
    const expected = lines('list "A" {', '  where email is known', '    and everyone', '}');
    assert.equal(format(lines('list "A" {', '  where email is known and everyone', '}')).text, expected);
    assert.equal(format(lines('list "A" {', '  where email is known', '  and everyone', '}')).text, expected);
  });

  it('breaks a one-line where chain that passes 100 columns', () => {
    const conditions = Array.from({ length: 5 }, (_, i) => `property_${i} is "value ${i}"`);
    const out = format(`list "A" { where ${conditions.join(' or ')} }`).text;
    assert.equal(out, lines('list "A" {', `  where ${conditions[0]}`, ...conditions.slice(1).map((c) => `    or ${c}`), '}'));
  });

  it('prints without blank lines inside blocks when it has no source text', () => {
    const text = lines('list "A" {', '  type: active', '', '  where a is known and b is known', '}');
    assert.equal(printFile(parse(text).file), lines('list "A" {', '  type: active', '  where a is known', '    and b is known', '}'));
  });
});

describe('grammar: numbers in print', () => {
  for (const value of [5e-324, -5e-324, 1e21, 1.5e-7, 1.7976931348623157e308, -0, 0.1]) {
    it(`prints ${Object.is(value, -0) ? '-0' : value} so that it reads back as the same number`, () => {
      const tree = parse('list "A" { where x = 1 }').file;
      const condition = tree.lists[0].where;
      assert.ok(condition?.kind === 'property' && condition.operands.kind === 'single');
      condition.operands.value = { kind: 'number', value, raw: String(value), start: 0, end: 0 };
      const printed = printFile(tree);
      const reread = parse(printed);
      assert.deepEqual(reread.diagnostics, [], printed);
      const again = reread.file.lists[0].where;
      assert.ok(again?.kind === 'property' && again.operands.kind === 'single' && again.operands.value.kind === 'number');
      assert.ok(Object.is(again.operands.value.value, value), `${printed} read back as ${again.operands.value.value}`);
    });
  }
});
