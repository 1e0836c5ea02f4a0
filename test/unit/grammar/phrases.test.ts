// Every operator phrase parses to its SurfaceOperator and operand shape.
import assert from 'node:assert/strict';
import { parse, type Expr, type PropertyCondition } from '@hslist/grammar';

/** Parse `list "t" { where <condition> }` and return the where expression, asserting no diagnostics. */
export function whereOf(condition: string): Expr {
  const { file, diagnostics } = parse(`list "t" {\n  where ${condition}\n}\n`);
  assert.deepEqual(diagnostics, [], `diagnostics for: ${condition}`);
  const where = file.lists[0]?.where;
  assert.ok(where, `no where for: ${condition}`);
  return where;
}

function property(condition: string): PropertyCondition {
  const where = whereOf(condition);
  assert.equal(where.kind, 'property', condition);
  return where as PropertyCondition;
}

const CASES: [string, string, string][] = [
  ['email is known', 'is known', 'none'],
  ['email IS UNKNOWN', 'is unknown', 'none'],
  ['email was updated in last 7 days', 'updated in last', 'days'],
  ['email was not updated in last 7 days', 'not updated in last', 'days'],
  ['country is "Poland"', 'is', 'single'],
  ['country = "Poland"', 'is', 'single'],
  ['country is not "Poland"', 'is not', 'single'],
  ['country != "Poland"', 'is not', 'single'],
  ['stage is any of (a, b)', 'is any of', 'list'],
  ['stage is none of (a)', 'is none of', 'list'],
  ['tags is exactly (a, b)', 'is exactly', 'list'],
  ['tags is not exactly (a, b)', 'is not exactly', 'list'],
  ['tags contains all of (a, b)', 'contains all of', 'list'],
  ['tags does not contain all of (a, b)', 'does not contain all of', 'list'],
  ['email contains any of ("x", "y")', 'contains any of', 'list'],
  ['email does not contain any of ("x")', 'does not contain any of', 'list'],
  ['email contains "x"', 'contains', 'single'],
  ['email does not contain "x"', 'does not contain', 'single'],
  ['words contains exactly "x"', 'contains exactly', 'single'],
  ['words does not contain exactly "x"', 'does not contain exactly', 'single'],
  ['email starts with "a"', 'starts with', 'single'],
  ['email starts with any of ("a", "b")', 'starts with', 'list'],
  ['email ends with "a"', 'ends with', 'single'],
  ['email ends with any of ("a")', 'ends with', 'list'],
  ['n > 5', '>', 'single'],
  ['n >= 5', '>=', 'single'],
  ['n < -3.5', '<', 'single'],
  ['n <= 5', '<=', 'single'],
  ['n is between 1 and 5', 'is between', 'range'],
  ['n is not between 1 and 5', 'is not between', 'range'],
  ['d is before 2024-01-31', 'is before', 'single'],
  ['d is after 2024-01-31T10:00:00Z', 'is after', 'single'],
  ['d is before property other_date', 'is before', 'property'],
  ['d is after property other_date', 'is after', 'property'],
  ['d is less than 90 days ago', 'is less than days ago', 'days'],
  ['d is more than 90 days ago', 'is more than days ago', 'days'],
  ['d is less than 9 days from now', 'is less than days from now', 'days'],
  ['d is more than 9 days from now', 'is more than days from now', 'days'],
  ['d is in this month', 'is in this', 'calendar'],
  ['d is in this quarter so far', 'is in this so far', 'calendar'],
  ['d is in next 3 months', 'is in next', 'calendar'],
  ['d is in next week', 'is in next', 'calendar'],
  ['d is in last 2 years', 'is in last', 'calendar'],
  ['s has ever been a', 'has ever been', 'single'],
  ['s has ever been any of (a, b)', 'has ever been', 'list'],
  ['s has never been a', 'has never been', 'single'],
  ['s has never been any of (a)', 'has never been', 'list'],
  ['s has ever been exactly (a, b)', 'has ever been exactly', 'list'],
  ['s has never been exactly (a)', 'has never been exactly', 'list'],
  ['s has ever contained "x"', 'has ever contained', 'single'],
  ['s has ever contained all of (a, b)', 'has ever contained', 'list'],
  ['s has never contained "x"', 'has never contained', 'single'],
  ['s has never contained all of (a)', 'has never contained', 'list'],
];

describe('grammar: operator phrases', () => {
  for (const [text, operator, operand] of CASES) {
    it(`${text}  →  ${operator} (${operand})`, () => {
      const c = property(text);
      assert.equal(c.operator, operator);
      assert.equal(c.operands.kind, operand);
    });
  }

  it('marks `any of` after starts with / has ever been, not after is any of', () => {
    const starts = property('email starts with any of ("a")').operands;
    const isAny = property('stage is any of (a)').operands;
    const been = property('s has ever been any of (a)').operands;
    assert.ok(starts.kind === 'list' && starts.anyOf);
    assert.ok(isAny.kind === 'list' && !isAny.anyOf);
    assert.ok(been.kind === 'list' && been.anyOf);
  });

  it('reads every kind of value', () => {
    const list = property('x is any of ("a\\"b\\\\c\\n\\t\\u0041", 42, -3.5, true, FALSE, 2024-01-31, 2024-01-31T10:00:00+02:00, 2024-01-31T10:00:00.000Z, COMPUTER_SOFTWARE, don\'t)').operands;
    assert.equal(list.kind, 'list');
    if (list.kind !== 'list') return;
    const shapes = list.values.map((v) => {
      const { start: _s, end: _e, ...rest } = v;
      return rest;
    });
    assert.deepEqual(shapes, [
      { kind: 'string', value: 'a"b\\c\n\tA' },
      { kind: 'number', value: 42, raw: '42' },
      { kind: 'number', value: -3.5, raw: '-3.5' },
      { kind: 'boolean', value: true },
      { kind: 'boolean', value: false },
      { kind: 'date', raw: '2024-01-31', year: 2024, month: 1, day: 31 },
      { kind: 'datetime', raw: '2024-01-31T10:00:00+02:00' },
      { kind: 'datetime', raw: '2024-01-31T10:00:00.000Z' },
      { kind: 'word', value: 'COMPUTER_SOFTWARE' },
      { kind: 'word', value: "don't" },
    ]);
  });

  it('keeps the operand details: days, calendar units, ranges, property', () => {
    const days = property('d is less than 90 days ago').operands;
    assert.ok(days.kind === 'days' && days.count.kind === 'number' && days.count.value === 90);
    const next = property('d is in next 3 months').operands;
    assert.ok(next.kind === 'calendar' && next.unit === 'month' && next.count?.kind === 'number' && next.count.value === 3);
    const thisWeek = property('d is in this week').operands;
    assert.ok(thisWeek.kind === 'calendar' && thisWeek.unit === 'week' && thisWeek.count === undefined);
    const range = property('n is between 1 and 5').operands;
    assert.ok(range.kind === 'range' && range.low.kind === 'number' && range.high.kind === 'number' && range.high.value === 5);
    const other = property('d is before property `other-date`').operands;
    assert.ok(other.kind === 'property' && other.property.text === 'other-date');
  });

  it('reads `including unknown` and records its span', () => {
    const text = 'n < 5 including unknown';
    const c = property(text);
    assert.ok(c.includeUnknown);
    assert.equal(c.operator, '<');
  });

  it('accepts keywords that start no condition as property names, and backtick names', () => {
    assert.equal(property('type is "x"').property.text, 'type');
    assert.equal(property('name is known').property.text, 'name');
    assert.equal(property('list is known').property.text, 'list');
    assert.equal(property('folder is known').property.text, 'folder');
    assert.equal(property('`odd-name` is known').property.text, 'odd-name');
  });

  it('gives operatorSpan and operand spans that point at the text', () => {
    const text = 'stage is any of (a, b)';
    const c = property(text);
    const source = `list "t" {\n  where ${text}\n}\n`;
    assert.equal(source.slice(c.operatorSpan.start, c.operatorSpan.end), 'is any of');
    assert.equal(source.slice(c.operands.start, c.operands.end), '(a, b)');
    assert.equal(source.slice(c.start, c.end), text);
  });
});
