// The canonical formatter: golden outputs, comments kept, idempotence, refusal on syntax errors.
import assert from 'node:assert/strict';
import { format, parse, printFile, type FileNode } from '@hslist/grammar';

const MESSY = `// Contacts that may sync.
LIST "Qualified"   {   // the inclusion list
WHERE email IS KNOWN AND (country = "Poland" OR annualrevenue >= 1000000)
  and name != "x\\ty"
   // about the next one
  and not in list #4711
  type:   Active
}
sync Salesforce {
map jobtitle to Title: Don't   Sync
inclusion list: "Qualified"
}
// the end
`;

const CANONICAL = `// Contacts that may sync.
list "Qualified" { // the inclusion list
  type: active
  where email is known
    and (country is "Poland" or annualrevenue >= 1000000)
    and name is not "x\\ty"
    // about the next one
    and not in list #4711
}

sync salesforce {
  inclusion list: "Qualified"
  map jobtitle to Title: don't sync
}
// the end
`;

describe('grammar: formatter', () => {
  it('prints the canonical layout and keeps comments in place', () => {
    const result = format(MESSY);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.text, CANONICAL);
    assert.equal(result.changed, true);
  });

  it('is idempotent and reports no change on canonical text', () => {
    const again = format(CANONICAL);
    assert.equal(again.text, CANONICAL);
    assert.equal(again.changed, false);
  });

  it('breaks a parenthesised group longer than 100 columns one level deeper', () => {
    const long = `list "a" {\n  where x is known and (${Array.from({ length: 6 }, (_, i) => `property_number_${i} is "value ${i}"`).join(' or ')})\n}\n`;
    const out = format(long).text;
    assert.equal(
      out,
      [
        'list "a" {',
        '  where x is known',
        '    and (property_number_0 is "value 0"',
        '      or property_number_1 is "value 1"',
        '      or property_number_2 is "value 2"',
        '      or property_number_3 is "value 3"',
        '      or property_number_4 is "value 4"',
        '      or property_number_5 is "value 5")',
        '}',
        '',
      ].join('\n'),
    );
    assert.equal(format(out).text, out);
  });

  it('keeps `=` for keyword values so they do not read as a phrase', () => {
    const out = format('list "a" { where status = known and s != between }').text;
    assert.match(out, /status = known/);
    assert.match(out, /s != between/);
    const where = parse(out).file.lists[0].where;
    assert.ok(where?.kind === 'and' && where.operands[0].kind === 'property' && where.operands[0].operator === 'is');
  });

  it('refuses to format text with syntax errors and returns it unchanged', () => {
    const broken = 'list "a" {\n  where x is\n}\n';
    const result = format(broken);
    assert.equal(result.text, broken);
    assert.equal(result.changed, false);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['syntax-error']);
  });

  it('prints a tree built in code (as the decompiler does), adding the parentheses precedence needs', () => {
    const at = { start: 0, end: 0 };
    const cond = (p: string) => ({ kind: 'property' as const, property: { text: p, ...at }, operator: 'is known' as const, operatorSpan: at, operands: { kind: 'none' as const, ...at }, includeUnknown: undefined, ...at });
    const file: FileNode = {
      kind: 'file',
      comments: [],
      syncBlocks: [],
      ...at,
      lists: [
        {
          kind: 'list',
          name: { text: 'Built "here"', ...at },
          settings: [{ kind: 'setting', key: { text: 'type', ...at }, value: { kind: 'word', value: 'active', ...at }, ...at }],
          where: { kind: 'and', operands: [{ kind: 'or', operands: [cond('a'), cond('b')], ...at }, { kind: 'not', operand: { kind: 'and', operands: [cond('c'), cond('d')], ...at }, ...at }], ...at },
          whereKeyword: undefined,
          ...at,
        },
      ],
    };
    assert.equal(printFile(file), 'list "Built \\"here\\"" {\n  type: active\n  where (a is known or b is known)\n    and not (c is known and d is known)\n}\n');
  });
});
