// Named value sets (`values name = (…)`) and named conditions (`condition name { where … }`): their
// definitions at the top level, their use in criteria, the printer, and what the parser says when they
// are written wrong.
import assert from 'node:assert/strict';
import { format, parse, type Expr } from '@hslist/grammar';
import { marked } from '../../support/markers';

function whereOf(text: string): Expr | undefined {
  return parse(text).file.lists[0]?.where;
}

describe('grammar: value sets and named conditions', () => {
  it('reads a value set: its name, its values and their spans', () => {
    const m = marked('⟦values ⟦competitors⟧ = ⟦("acme.com", ⟦"globex.com"⟧)⟧⟧\n');
    const { file, diagnostics } = parse(m.text);
    assert.deepEqual(diagnostics, []);
    const [set] = file.valueSets ?? [];
    assert.equal(set.name.text, 'competitors');
    assert.deepEqual(set.values.map((v) => (v.kind === 'string' ? v.value : v.kind)), ['acme.com', 'globex.com']);
    assert.deepEqual([set.start, set.end], [m.ranges[0].start, m.ranges[0].end]);
    assert.deepEqual([set.name.start, set.name.end], [m.ranges[1].start, m.ranges[1].end]);
    assert.deepEqual(set.valuesSpan, m.ranges[2]);
    assert.deepEqual([set.values[1].start, set.values[1].end], [m.ranges[3].start, m.ranges[3].end]);
  });

  it('reads a named condition like a list: settings and one `where`', () => {
    const m = marked('condition ⟦internal⟧ {\n  description: "Ours"\n  ⟦where⟧ email ends with "@ourco.com" or in list "Test"\n}\n');
    const { file, diagnostics } = parse(m.text);
    assert.deepEqual(diagnostics, []);
    const [c] = file.conditions ?? [];
    assert.deepEqual([c.kind, c.name.text, c.settings.map((s) => s.key.text), c.where?.kind], ['namedCondition', 'internal', ['description'], 'or']);
    assert.deepEqual([c.name.start, c.name.end], [m.ranges[0].start, m.ranges[0].end]);
    assert.deepEqual(c.whereKeyword, m.ranges[1]);
  });

  it('uses a value set where a `(…)` list goes, in every phrase that takes one', () => {
    for (const phrase of ['is any of', 'is none of', 'is exactly', 'is not exactly', 'contains any of', 'does not contain all of', 'starts with any of', 'ends with any of', 'has ever been any of', 'has never been exactly', 'has ever contained all of']) {
      const m = marked(`list "A" { where x ${phrase} ⟦competitors⟧ }`);
      const { file, diagnostics } = parse(m.text);
      assert.deepEqual(diagnostics, [], phrase);
      const where = file.lists[0].where;
      assert.ok(where?.kind === 'property' && where.operands.kind === 'list', phrase);
      assert.deepEqual([where.operands.valueSet?.text, where.operands.values, where.operands.start, where.operands.end], ['competitors', [], m.ranges[0].start, m.ranges[0].end], phrase);
    }
  });

  it('uses a named condition as a condition: alone, negated, joined, inside parentheses', () => {
    const m = marked('list "A" { where email is known and not ⟦condition ⟦internal⟧⟧ and (condition b or nobody) }');
    const where = whereOf(m.text);
    assert.ok(where?.kind === 'and');
    const not = where.operands[1];
    assert.ok(not.kind === 'not' && not.operand.kind === 'conditionRef');
    assert.deepEqual([not.operand.start, not.operand.end, not.operand.name.text], [m.ranges[0].start, m.ranges[0].end, 'internal']);
    assert.deepEqual([not.operand.name.start, not.operand.name.end], [m.ranges[1].start, m.ranges[1].end]);
    assert.equal(where.operands[2].kind, 'paren');
  });

  it('`condition` starts a condition, so a property of that name is written in backticks', () => {
    const where = whereOf('list "A" { where `condition` is "new" }');
    assert.ok(where?.kind === 'property');
    assert.equal(where.property.text, 'condition');
    assert.equal(format('list "A" {\n  where `condition` is "new"\n}\n').text, 'list "A" {\n  where `condition` is "new"\n}\n');
  });

  it('`values` stays an ordinary word inside a list: a property, a value, a setting key', () => {
    const { file, diagnostics } = parse('list "A" {\n  values: 3\n  where values is values\n}\n');
    assert.deepEqual(diagnostics, []);
    const where = file.lists[0].where;
    assert.ok(where?.kind === 'property' && where.operands.kind === 'single');
    assert.deepEqual([file.lists[0].settings[0].key.text, where.property.text, where.operands.value.kind], ['values', 'values', 'word']);
  });

  it('a block left open ends at the next value set or named condition', () => {
    const { file, diagnostics } = parse('list "A" {\n  where x is known\nvalues v = (a)\ncondition c {\n  where y is known\n}\n');
    assert.deepEqual(diagnostics.map((d) => d.code), ['syntax-error']);
    assert.deepEqual([file.lists.length, file.valueSets?.length, file.conditions?.length], [1, 1, 1]);
  });

  it('says what is missing in a definition written wrong, and keeps the blocks around it', () => {
    const cases: [string, RegExp][] = [
      ['values = ("a")', /Expected a value after `values`, found `=`/],
      ['values v ("a")', /Expected `=` after `v`, found `\(`/],
      ['values v = "a"', /Expected `\(` after `=`, found `"a"`/],
      ['values v = ()', /Expected a value after `\(`, found `\)`/],
      ['condition c where x is known', /Expected `\{` after `c`, found `where`/],
    ];
    for (const [bad, message] of cases) {
      const { file, diagnostics } = parse(`list "A" { where x is known }\n${bad}\nlist "B" { where y is known }\n`);
      assert.equal(diagnostics.length, 1, `${bad}: ${JSON.stringify(diagnostics)}`);
      assert.match(diagnostics[0].message, message, bad);
      assert.deepEqual(file.lists.map((l) => l.name.text), ['A', 'B'], bad);
      // What recovery keeps of the definition is whole: never a nameless one.
      for (const d of [...(file.valueSets ?? []), ...(file.conditions ?? [])]) assert.notEqual(d.name.text, '', bad);
    }
  });

  it('a named condition has one `where`', () => {
    const m = marked('condition c {\n  where x is known\n  ⟦where⟧ y is known\n}\n');
    const { diagnostics } = parse(m.text);
    assert.deepEqual(diagnostics.map((d) => [d.message, d.start, d.end]), [['A condition has only one `where`; join these conditions to the first ones with `and`.', m.ranges[0].start, m.ranges[0].end]]);
  });

  it('formats definitions: one line when it fits, one value a line when not, comments kept', () => {
    const source = [
      'values  a=("x",  "y")',
      'values b = (one,',
      '  two)',
      'condition   c{',
      'where x is any of a and not condition d',
      '}',
      'values long = ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc")',
      'values commented = (x, // why x',
      '  y)',
      '',
    ].join('\n');
    const expected = [
      'values a = ("x", "y")',
      'values b = (one, two)',
      '',
      'condition c {',
      '  where x is any of a',
      '    and not condition d',
      '}',
      '',
      'values long = (',
      '  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",',
      '  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",',
      '  "cccccccccccccccccccccccccc"',
      ')',
      '',
      'values commented = (',
      '  x, // why x',
      '  y',
      ')',
      '',
    ].join('\n');
    const once = format(source);
    assert.deepEqual(once.diagnostics, []);
    assert.equal(once.text, expected);
    assert.equal(format(once.text).text, once.text);
  });
});
