// Ordered enumerations: `is at least`, `is at most`, and `is after` / `is before` on a dropdown or radio
// property, written out as `is any of (…)` in the property's display order (displayOrder, then the order
// of the schema file). Parse, check, compile, hover, completion.

import { strict as assert } from 'node:assert';
import { parse, type ListNode } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { resolveList } from '../../../server/src/language/definitions/resolve';
import { collectDefinitions } from '../../../server/src/language/definitions/table';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { defaultSchema } from '../../../server/src/language/schema';
import { semanticTokens } from '../../../server/src/language/semantic-tokens';
import type { PropertyDef, Schema } from '../../../server/src/language/schema-types';
import { analyzeWorkspace } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';
import { expectClean, expectDiagnostics, fixed } from './expect';

/** `tier`: options whose displayOrder differs from their order in the file, two without one. */
function tieredSchema(): Schema {
  const base = defaultSchema();
  const tier: PropertyDef = {
    name: 'tier',
    label: 'Tier',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Gold', value: 'gold', displayOrder: 2 },
      { label: 'Unrated', value: 'unrated' },
      { label: 'Bronze', value: 'bronze', displayOrder: 0 },
      { label: 'Legacy', value: 'legacy' },
      { label: 'Silver', value: 'silver', displayOrder: 1 },
    ],
  };
  return { ...base, objects: { ...base.objects, contacts: new Map([...base.objects.contacts, ['tier', tier]]) } };
}

function compiledValues(where: string, schema: Schema = defaultSchema()): unknown {
  const list = parse(`list "A" {\n  where ${where}\n}\n`).file.lists[0] as ListNode;
  const request = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' }).request;
  const filter = (request?.filterBranch as { filterBranches: { filters: { operation: Record<string, unknown> }[] }[] } | undefined)?.filterBranches[0].filters[0];
  return filter && [filter.operation.operator, filter.operation.includeObjectsWithNoValueSet, filter.operation.values];
}

describe('language: ordered enumerations', () => {
  it('parses `is at least` and `is at most`; `is at` alone is still the value `at`', () => {
    const at = (where: string) => {
      const w = parse(`list "A" { where ${where} }`).file.lists[0].where;
      return w?.kind === 'property' && w.operands.kind === 'single' ? [w.operator, w.operands.value.kind === 'word' ? w.operands.value.value : ''] : w?.kind;
    };
    assert.deepEqual(at('lifecyclestage is at least marketingqualifiedlead'), ['is at least', 'marketingqualifiedlead']);
    assert.deepEqual(at('lifecyclestage IS AT MOST "customer"'), ['is at most', '']);
    assert.deepEqual(at('country is at'), ['is', 'at']);
  });

  it('colours `is at least` as one operator phrase and the option after it as an option', () => {
    const { text, ranges } = marked('list "A" {\n  where ⟦lifecyclestage⟧ ⟦is⟧ ⟦at⟧ ⟦least⟧ ⟦customer⟧\n}\n');
    const tree = analyzeWorkspace([{ path: 'x', text }], defaultSchema()).files.get('x')?.tree;
    assert.ok(tree);
    const typed = semanticTokens(tree, text).filter((t) => ranges.some((r) => r.start === t.start));
    assert.deepEqual(typed.map((t) => t.type), ['property', 'operator', 'operator', 'operator', 'enumMember']);
  });

  it('writes the options out in the display order of the schema', () => {
    assert.deepEqual(compiledValues('lifecyclestage is at least marketingqualifiedlead'), ['IS_ANY_OF', false, ['marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other']]);
    assert.deepEqual(compiledValues('lifecyclestage is at most lead including unknown'), ['IS_ANY_OF', true, ['subscriber', 'lead']]);
    assert.deepEqual(compiledValues('lifecyclestage is after opportunity'), ['IS_ANY_OF', false, ['customer', 'evangelist', 'other']]);
    assert.deepEqual(compiledValues('lifecyclestage is before marketingqualifiedlead'), ['IS_ANY_OF', false, ['subscriber', 'lead']]);
    assert.deepEqual(compiledValues('not (lifecyclestage is at least customer)'), ['IS_NONE_OF', true, ['customer', 'evangelist', 'other']]);
  });

  it('writes out ordered phrases inside a named condition and under `associated company where`', () => {
    const text = 'condition late { where lifecyclestage is after opportunity }\n\nlist "A" {\n  where condition late and associated company where lifecyclestage is at most lead\n}\n';
    const tree = parse(text).file;
    const list = resolveList(tree.lists[0], collectDefinitions([{ path: 'a.hslist', text, tree }]));
    const request = compileList(list, { schema: defaultSchema(), listIdFor: () => undefined, defaultTimezone: 'UTC' }).request;
    const json = JSON.stringify(request?.filterBranch);
    assert.match(json, /"property":"lifecyclestage","operation":\{"operationType":"ENUMERATION","operator":"IS_ANY_OF","includeObjectsWithNoValueSet":false,"values":\["customer","evangelist","other"\]\}/);
    assert.match(json, /"property":"lifecyclestage","operation":\{"operationType":"ENUMERATION","operator":"IS_ANY_OF","includeObjectsWithNoValueSet":false,"values":\["subscriber","lead"\]\}/);
  });

  it('orders by displayOrder, then by the order in the schema file (options without one last)', () => {
    assert.deepEqual(compiledValues('tier is at least silver', tieredSchema()), ['IS_ANY_OF', false, ['silver', 'gold', 'unrated', 'legacy']]);
    assert.deepEqual(compiledValues('tier is before unrated', tieredSchema()), ['IS_ANY_OF', false, ['bronze', 'silver', 'gold']]);
  });

  it('`lifecyclestage is at least mql` is one error that says what to write, with the fix (issue 13)', () => {
    const [d] = expectDiagnostics('list "A" { where lifecyclestage is at least ⟦mql⟧ }', ['unknown-option']);
    assert.equal(d.message, '`mql` reads as the initials of "Marketing Qualified Lead", option `marketingqualifiedlead` of Lifecycle Stage (`lifecyclestage`); filters compare internal values exactly, so write `marketingqualifiedlead`.');
    assert.equal(fixed('list "A" { where lifecyclestage is at least mql }', 'unknown-option'), 'list "A" { where lifecyclestage is at least marketingqualifiedlead }');
    assert.equal(fixed('list "A" { where lifecyclestage is at most SQL }', 'unknown-option'), 'list "A" { where lifecyclestage is at most salesqualifiedlead }');
    expectClean('list "A" { where lifecyclestage is at least marketingqualifiedlead and lifecyclestage is at most customer }');
  });

  it('refuses a property with no order, saying what to write instead', () => {
    const [number, multi, external] = expectDiagnostics(
      'list "A" {\n  where annualrevenue ⟦is at least⟧ 5\n    and hs_buying_role ⟦is after⟧ CHAMPION\n    and hubspot_owner_id ⟦is at most⟧ "42"\n}\n',
      ['not-ordered', 'not-ordered', 'not-ordered'],
    );
    assert.match(number.message, /Annual Revenue \(`annualrevenue`\) has none: it is a number property, not a dropdown or radio select; write `>=` instead\.$/);
    assert.match(multi.message, /it is a multi-select \(checkboxes\).*write `contains any of \(…\)` with the options meant instead\.$/);
    assert.match(external.message, /the schema lists no options for it/);
    assert.equal(fixed('list "A" { where annualrevenue is at least 5 }', 'not-ordered'), 'list "A" { where annualrevenue >= 5 }');
    assert.equal(fixed('list "A" { where annualrevenue IS AT MOST 5 }', 'not-ordered'), 'list "A" { where annualrevenue <= 5 }');
    assert.equal(multi.fixes?.length ?? 0, 0, 'no certain rewrite for a multi-select');
    const [list] = expectDiagnostics('list "A" { where lifecyclestage is at least ⟦(⟧lead, customer) }', ['syntax-error']);
    assert.equal(list.message, 'Expected a value after `least`, found `(`: `is at least` and `is at most` take one option; for several, write `is any of (…)`.');
  });

  it('an empty range matches no one and is refused; `is after` on a date stays a date phrase', () => {
    expectDiagnostics('list "A" { where ⟦lifecyclestage is after other⟧ }', ['ordered-range-empty']);
    expectDiagnostics('list "A" { where ⟦lifecyclestage is before subscriber⟧ }', ['ordered-range-empty']);
    expectClean('list "A" { where createdate is after 2024-01-31 and lifecyclestage is at least subscriber }');
  });

  it('hover on the phrase shows what it is written out as, in order', () => {
    const hoverText = (source: string) => {
      const m = marked(source);
      const analysis = analyzeWorkspace([{ path: 'a.hslist', text: m.text }], defaultSchema());
      return hoverAt({ analysis, path: 'a.hslist', offset: m.cursor as number, schema: defaultSchema() })?.markdown ?? '';
    };
    const least = hoverText('list "A" { where lifecyclestage is at l<|>east opportunity }');
    assert.match(least, /^\*\*is at least\*\*: The option is this one or one after it in the property's order/);
    assert.match(least, /Here: `lifecyclestage is any of \(opportunity, customer, evangelist, other\)`, in Lifecycle Stage's order: Opportunity → Customer → Evangelist → Other\./);
    const before = hoverText('list "A" { where lifecyclestage is bef<|>ore marketingqualifiedlead }');
    assert.match(before, /^\*\*is before\*\*: The option is one before this one in the property's order, this one left out/);
    assert.match(before, /Here: `lifecyclestage is any of \(subscriber, lead\)`/);
    assert.match(hoverText('list "A" { where createdate is bef<|>ore 2024-01-01 }'), /^\*\*is before\*\*: Before the date/);
  });

  it('completion offers the ordered phrases on a dropdown, not on a number, then the options', () => {
    const labelsAt = (source: string) => {
      const m = marked(source);
      return complete({ text: m.text, offset: m.cursor as number, schema: defaultSchema(), lists: [] }).map((e) => e.label);
    };
    const stage = labelsAt('list "A" {\n  where lifecyclestage <|>\n}');
    for (const phrase of ['is at least …', 'is at most …', 'is after …', 'is before …']) assert.ok(stage.includes(phrase), phrase);
    assert.ok(!labelsAt('list "A" {\n  where annualrevenue <|>\n}').includes('is at least …'));
    assert.ok(!labelsAt('list "A" {\n  where hs_buying_role <|>\n}').includes('is at least …'));
    assert.ok(labelsAt('list "A" {\n  where lifecyclestage is at least <|>\n}').includes('Marketing Qualified Lead'));
  });
});
