// Completion of named value sets and conditions, with the workspace's definitions read from text.

import { strict as assert } from 'node:assert';
import { complete, type CompletionEntry } from '../../../server/src/language/completion';
import { definitionInfos } from '../../../server/src/language/completion-definitions';
import { defaultSchema } from '../../../server/src/language/schema';
import { analyzeWorkspace } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';

const SHARED = 'values competitors = ("acme.com", "globex.com")\nvalues qualified = (marketingqualifiedlead, salesqualifiedlead)\n\ncondition internal {\n  where hs_email_domain is any of ("ourco.com")\n}\n';

function at(source: string): CompletionEntry[] {
  const m = marked(source);
  const analysis = analyzeWorkspace([{ path: 'shared.hslist', text: SHARED }], defaultSchema());
  return complete({ text: m.text, offset: m.cursor as number, schema: defaultSchema(), lists: [], ...definitionInfos(analysis.definitions) });
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);

describe('language: completion of value sets and named conditions', () => {
  it('offers the value sets where a list of values goes, with their values', () => {
    const entries = at('list "A" {\n  where hs_email_domain is none of <|>\n}');
    const set = entries.find((e) => e.label === 'competitors');
    assert.ok(set, labels(entries).join(', '));
    assert.deepEqual([set.kind, set.insertText, set.detail], ['definition', 'competitors', 'value set ("acme.com", "globex.com")']);
    assert.match(set.documentation ?? '', /Defined in `shared\.hslist`/);
    assert.ok(labels(at('list "A" {\n  where lifecyclestage is any of q<|>\n}')).includes('qualified'));
    assert.ok(labels(at('list "A" {\n  where email ends with any of <|>\n}')).includes('competitors'));
  });

  it('offers no value set where one value goes', () => {
    assert.ok(!labels(at('list "A" {\n  where hs_email_domain is <|>\n}')).includes('competitors'));
  });

  it('offers `condition …` where a condition starts, then the named conditions', () => {
    const start = at('list "A" {\n  where email is known and <|>\n}');
    assert.ok(labels(start).includes('condition …'));
    const names = at('list "A" {\n  where email is known and not condition <|>\n}');
    const internal = names.find((e) => e.label === 'internal');
    assert.deepEqual([internal?.kind, internal?.detail], ['definition', 'condition hs_email_domain is any of ("ourco.com")']);
    assert.ok(!labels(names).includes('competitors'));
  });

  it('after a value set or a named condition, the joiners come', () => {
    assert.deepEqual(labels(at('list "A" {\n  where hs_email_domain is none of competitors <|>\n}')), ['and', 'or', 'including unknown']);
    assert.deepEqual(labels(at('list "A" {\n  where condition internal <|>\n}')), ['and', 'or']);
  });

  it('offers value sets and named conditions at the top level, and the lines of a condition block', () => {
    const top = labels(at('<|>'));
    for (const label of ['values … = (…)', 'condition … { … }', 'list "…" { … }']) assert.ok(top.includes(label), label);
    const snippet = at('<|>').find((e) => e.label === 'condition … { … }')?.snippet;
    assert.equal(snippet, 'condition ${1:name} {\n  where $0\n}');
    assert.deepEqual(labels(at('condition c {\n  <|>\n}')), ['description', 'where']);
    assert.ok(labels(at('condition c {\n  where <|>\n}')).includes('email'));
  });
});
