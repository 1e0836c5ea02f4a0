// Blocks, settings, mappings and boolean structure.
import assert from 'node:assert/strict';
import { KEYWORDS, parse, settingValueString, tokenize, type Expr } from '@hslist/grammar';
import { marked } from '../../support/markers';
import { whereOf } from './phrases.test';

/** The tree without offsets, for comparing shapes. */
function shape(e: unknown): unknown {
  return JSON.parse(JSON.stringify(e, (k, v) => (k === 'start' || k === 'end' || k === 'operatorSpan' ? undefined : v)));
}

function kinds(e: Expr): unknown {
  switch (e.kind) {
    case 'and':
    case 'or':
      return { [e.kind]: e.operands.map(kinds) };
    case 'not':
      return { not: kinds(e.operand) };
    case 'paren':
      return { paren: kinds(e.inner) };
    case 'property':
      return e.property.text;
    default:
      return e.kind;
  }
}

describe('grammar: file structure', () => {
  it('reads lists and sync blocks in any order, with settings, where and mappings', () => {
    const { file, diagnostics } = parse(`
sync salesforce {
  inclusion list: "Qualified"
  salesforce creates hubspot contacts: yes
  Hubspot Creates In Salesforce: Lead
  map lifecyclestage to Status: prefer salesforce unless blank
  map jobtitle to Title: don't sync
}
LIST "Qualified" {
  type: active
  folder: "Sales"
  limit: 42
  where email is known
}
list "Other" {}
`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(file.lists.map((l) => l.name.text), ['Qualified', 'Other']);
    assert.deepEqual(shape(file.lists[0].settings), [
      { kind: 'setting', key: { text: 'type' }, value: { kind: 'word', value: 'active' } },
      { kind: 'setting', key: { text: 'folder' }, value: { kind: 'string', value: 'Sales' } },
      { kind: 'setting', key: { text: 'limit' }, value: { kind: 'number', value: 42 } },
    ]);
    const sync = file.syncBlocks[0];
    assert.equal(sync.target.text, 'salesforce');
    assert.deepEqual(sync.settings.map((s) => [s.key.text, s.value && settingValueString(s.value)]), [
      ['inclusion list', 'Qualified'],
      ['salesforce creates hubspot contacts', 'yes'],
      ['hubspot creates in salesforce', 'lead'],
    ]);
    assert.deepEqual(sync.mappings.map((m) => [m.hubspotProperty.text, m.salesforceField.text, m.rule && settingValueString(m.rule)]), [
      ['lifecyclestage', 'Status', 'prefer salesforce unless blank'],
      ['jobtitle', 'Title', "don't sync"],
    ]);
    assert.equal(file.lists[1].where, undefined);
  });

  it('gives spans: the list name without quotes, the where keyword, the setting', () => {
    const m = marked('list ⟦"Q"⟧ {\n  ⟦type: active⟧\n  ⟦where⟧ x is known\n}');
    const list = parse(m.text).file.lists[0];
    assert.deepEqual([list.name.start, list.name.end], [m.ranges[0].start, m.ranges[0].end]);
    assert.deepEqual([list.settings[0].start, list.settings[0].end], [m.ranges[1].start, m.ranges[1].end]);
    assert.deepEqual(list.whereKeyword, m.ranges[2]);
    assert.equal(list.start, 0);
    assert.equal(list.end, m.text.length);
  });

  it('binds or loosest, then and, then not', () => {
    assert.deepEqual(kinds(whereOf('a is known or b is known and not c is known')), { or: ['a', { and: ['b', { not: 'c' }] }] });
    assert.deepEqual(kinds(whereOf('not (a is known or b is known) and c is known')), { and: [{ not: { paren: { or: ['a', 'b'] } } }, 'c'] });
    assert.deepEqual(kinds(whereOf('a is known and b is known and c is known')), { and: ['a', 'b', 'c'] });
  });

  it('lets a range consume exactly one `and`', () => {
    assert.deepEqual(kinds(whereOf('n is between 1 and 5 and x is known')), { and: ['n', 'x'] });
  });

  it('reads list membership, associations, forms and constants', () => {
    assert.deepEqual(shape(whereOf('in list "Webinar"')), { kind: 'inList', target: { by: 'name', text: 'Webinar' } });
    assert.deepEqual(shape(whereOf('not in list #4711')), { kind: 'not', operand: { kind: 'inList', target: { by: 'id', text: '4711' } } });
    const assoc = whereOf('associated companies where (industry is any of (X) and employees > 50) and y is known');
    assert.equal(assoc.kind, 'and');
    const first = assoc.kind === 'and' ? assoc.operands[0] : assoc;
    assert.ok(first.kind === 'association' && first.objectType.text === 'company' && first.where?.kind === 'paren');
    assert.deepEqual(shape(whereOf('submitted form "6c9f" in last 30 days')), {
      kind: 'formSubmission',
      formId: { text: '6c9f' },
      withinLastDays: { kind: 'number', value: 30, raw: '30' },
    });
    assert.deepEqual(shape(whereOf('submitted any form')), { kind: 'formSubmission' });
    assert.deepEqual(shape(whereOf('everyone')), { kind: 'constant', accept: true });
    assert.deepEqual(shape(whereOf('Nobody')), { kind: 'constant', accept: false });
  });

  it('collects comments with their text and whether code precedes them', () => {
    const { file } = parse('// top\nlist "a" { // after\n}\n');
    assert.deepEqual(shape(file.comments), [
      { text: ' top', trailing: false },
      { text: ' after', trailing: true },
    ]);
  });

  it('tokenizes with kinds and offsets, comments included', () => {
    const tokens = tokenize('list "a" { where `x-y` >= 2024-01-01 // c\n}');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text]),
      [
        ['keyword', 'list'],
        ['string', '"a"'],
        ['punctuation', '{'],
        ['keyword', 'where'],
        ['backtickName', '`x-y`'],
        ['operator', '>='],
        ['date', '2024-01-01'],
        ['comment', '// c'],
        ['punctuation', '}'],
      ],
    );
    assert.equal(tokens[1].start, 5);
    assert.equal(tokens[1].end, 8);
    assert.ok(KEYWORDS.includes('where') && KEYWORDS.includes('between'));
  });

  it('reads keywords in any case but identifiers that merely start with one as identifiers', () => {
    const t = tokenize('LIST List listing isx is');
    assert.deepEqual(t.map((x) => x.kind), ['keyword', 'keyword', 'identifier', 'identifier', 'keyword']);
  });
});
