// The TextMate grammar and language configuration: valid JSON, JS-compatible regexes, and the
// scopes that matter land on the right text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../grammar');
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/hslist.tmLanguage.json'), 'utf8'));
const config = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));

/** The patterns are kept JavaScript-compatible (keywords spelled `[lL][iI]…`, no `(?i)`), so plain RegExp reads them. */
function jsRegExp(source: string): RegExp {
  return new RegExp(source);
}

type Rule = { match?: string; begin?: string; end?: string; name?: string; patterns?: Rule[]; include?: string };

function allRules(): Rule[] {
  const rules: Rule[] = [];
  const visit = (r: Rule) => {
    rules.push(r);
    r.patterns?.forEach(visit);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository as Record<string, Rule>).forEach(visit);
  return rules;
}

/** First rule (in repository order) whose match finds `text` exactly. */
function scopeOf(text: string): string | undefined {
  for (const r of allRules()) {
    if (!r.match || !r.name) continue;
    const m = jsRegExp(r.match).exec(text);
    if (m && m[0] === text) return r.name;
  }
  return undefined;
}

describe('grammar: highlighting', () => {
  it('has the scope name the manifest expects', () => {
    assert.equal(grammar.scopeName, 'source.hslist');
  });

  it('every match/begin/end compiles as a JavaScript regular expression', () => {
    const patterns = allRules().flatMap((r) => [r.match, r.begin, r.end].filter((p): p is string => typeof p === 'string'));
    assert.ok(patterns.length > 15);
    for (const p of patterns) assert.doesNotThrow(() => jsRegExp(p), p);
  });

  it('scopes comments, strings, numbers, dates, ids, backtick names and phrases', () => {
    assert.equal(scopeOf('// hi'), 'comment.line.double-slash.hslist');
    assert.equal(scopeOf('2024-01-31'), 'constant.other.date.hslist');
    assert.equal(scopeOf('2024-01-31T10:00:00Z'), 'constant.other.datetime.hslist');
    assert.equal(scopeOf('42'), 'constant.numeric.hslist');
    assert.equal(scopeOf('#4711'), 'constant.other.list-id.hslist');
    assert.equal(scopeOf('`odd-name`'), 'variable.other.property.quoted.hslist');
    assert.equal(scopeOf('is any of'), 'keyword.operator.phrase.hslist');
    assert.equal(scopeOf('has never been exactly'), 'keyword.operator.phrase.hslist');
    assert.equal(scopeOf('is not blank'), 'keyword.operator.phrase.hslist');
    assert.equal(scopeOf('is at least'), 'keyword.operator.phrase.hslist');
    for (const phrase of ['registered for webinar', 'attended any webinar', 'clicked cta', 'viewed cta', 'saw any ad']) assert.equal(scopeOf(phrase), 'keyword.other.condition.hslist', phrase);
    assert.equal(scopeOf('was updated after'), 'keyword.operator.phrase.hslist');
    assert.equal(scopeOf('when'), 'keyword.other.property.hslist');
    assert.equal(scopeOf('start of month'), 'constant.language.relative-time.hslist');
    assert.equal(scopeOf('today'), 'constant.language.relative-time.hslist');
    assert.equal(scopeOf('associated primary company'), 'keyword.other.condition.hslist');
    assert.equal(scopeOf('AND'), 'keyword.operator.logical.hslist');
  });

  it('scopes block names and setting keys', () => {
    const rules = grammar.repository;
    const list = jsRegExp(rules['block-header'].patterns[0].match).exec('list "Qualified" {');
    assert.equal(list?.[2], '"Qualified"');
    const sync = jsRegExp(rules['block-header'].patterns[1].match).exec('sync salesforce {');
    assert.equal(sync?.[2], 'salesforce');
    const setting = jsRegExp(rules.setting.match).exec('  inclusion list: "Q"');
    assert.equal(setting?.[1], 'inclusion list');
    assert.equal(jsRegExp(rules.setting.match).exec('  where x is known'), null);
    assert.equal(jsRegExp(rules.setting.match).exec('  members from: "people.csv"')?.[1], 'members from');
    assert.equal(jsRegExp(rules.setting.match).exec('  members: (#12, "a@x.com")')?.[1], 'members');
    const values = jsRegExp(rules['block-header'].patterns[2].match).exec('Values competitors = ("a")');
    assert.deepEqual([values?.[1], values?.[2]], ['Values', 'competitors']);
    const condition = jsRegExp(rules['block-header'].patterns[3].match).exec('condition internal {');
    assert.equal(condition?.[2], 'internal');
    const use = rules.expression.patterns.find((r: Rule) => r.match?.includes('[cC][oO][nN][dD]'));
    assert.equal(jsRegExp(use.match).exec('and not condition internal')?.[2], 'internal');
  });

  it('language configuration: comments, brackets, pairs and a word pattern that compiles', () => {
    assert.equal(config.comments.lineComment, '//');
    assert.deepEqual(config.brackets, [['{', '}'], ['(', ')']]);
    const opens = config.autoClosingPairs.map((p: { open: string }) => p.open);
    assert.deepEqual(opens, ['{', '(', '"', '`']);
    assert.ok(config.surroundingPairs.some((p: string[]) => p[0] === '`'));
    assert.equal(new RegExp(config.wordPattern).exec("x don't")?.[0], 'x');
    assert.doesNotThrow(() => new RegExp(config.indentationRules.increaseIndentPattern));
    assert.ok(new RegExp(config.indentationRules.increaseIndentPattern).test('list "a" {'));
    assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  }'));
  });
});
