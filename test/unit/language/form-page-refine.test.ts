// A form submission on a page with a count and a window (issue 14): `submitted form "X" on page "Pricing"
// at least 2 times between 2024-01-01 and 2024-03-31` is FORM_SUBMISSION_ON_PAGE with coalescingRefineBy and
// pruningRefineBy, as FORM_SUBMISSION takes them. Compile, decompile, checks, completion, hover and the
// preview's two evaluators (a submission whose page cannot be told widens the count to a range).

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import type { Schema } from '../../../server/src/language/schema-types';
import { parsePages } from '../../../server/src/language/schema-pages';
import { completionLabels, expectClean, expectDiagnostics, hoverText } from './expect';
import { decompiled, and, root } from '../hubspot/decompile-support';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { buildStore } from '../../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import { hasBit } from '../../../server/src/preview/bitset';
import type { ContactRecord, Tri } from '../../../server/src/preview/types';

const pages = parsePages({ results: [{ id: '1001', name: 'Pricing', url: 'https://www.example.com/pricing', kind: 'website page', archived: false }] }, 'pages.json', [])!;
const schema: Schema = { ...defaultSchema(), pages };
const list = (where: string, settings = '') => `list "A" {\n  ${settings}\n  where ${where}\n}\n`;

function compiled(where: string, settings = ''): { filter?: Record<string, unknown>; codes: string[] } {
  const [parsed] = parse(list(where, settings)).file.lists;
  const { request, diagnostics } = compileList(parsed, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
  const filter = (request?.filterBranch?.filterBranches[0] as { filters: Record<string, unknown>[] } | undefined)?.filters[0];
  return { filter, codes: diagnostics.map((d) => d.code) };
}

describe('language: form submissions on a page with a count and a window', () => {
  it('compiles to FORM_SUBMISSION_ON_PAGE with coalescingRefineBy and pruningRefineBy (dates in the list\'s zone)', () => {
    assert.deepEqual(compiled('submitted any form on page "Pricing" at least 2 times between 2024-01-01 and 2024-03-31', 'timezone: "Europe/Warsaw"').filter, {
      filterType: 'FORM_SUBMISSION_ON_PAGE',
      operator: 'FILLED_OUT',
      pageId: '1001',
      coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 },
      pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: 1704063600000, upperTimestamp: 1711922399999 },
    });
    assert.deepEqual(compiled('not submitted form "f-1" on page #77 after 2024-01-31').filter, {
      filterType: 'FORM_SUBMISSION_ON_PAGE',
      operator: 'NOT_FILLED_OUT',
      pageId: '77',
      formId: 'f-1',
      pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: 1706745599999 },
    });
    assert.deepEqual(compiled('submitted any form on page #77 at most 1 times in last 30 days').filter?.coalescingRefineBy, { type: 'NUM_OCCURRENCES', maxOccurrences: 1 });
  });

  it('`not` before a count on a page is not-expressible, as on FORM_SUBMISSION', () => {
    const { filter, codes } = compiled('not submitted any form on page #77 at least 2 times');
    assert.equal(filter, undefined);
    assert.deepEqual(codes, ['not-expressible']);
  });

  it('decompiles a count and an absolute window on a page back to the same phrase', () => {
    const filter = { filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'FILLED_OUT', pageId: '1001', formId: 'f-1', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2, maxOccurrences: 5 }, pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: 1704067200000, upperTimestamp: 1711929599999 } };
    const back = decompiled(root(and(filter)));
    assert.equal(back.where, 'submitted form "f-1" on page #1001 between 2 and 5 times between 2024-01-01 and 2024-03-31');
    assert.deepEqual(compiled(back.where!).filter, filter, 'and it compiles to the same filter');
    const other = decompiled(root(and({ ...filter, coalescingRefineBy: { type: 'SET_OCCURRENCES' } })));
    assert.equal(other.result.list, undefined, 'a refine-by with no phrase is refused, never dropped');
    assert.match(other.result.diagnostics[0].message, /coalescingRefineBy/);
  });

  it('the forms\' checks apply after a page: invalid-number, invalid-date, empty-time-window, not-expressible', () => {
    expectClean(list('submitted any form on page #77 between 2 and 5 times before 2024-01-01'));
    expectDiagnostics(list('submitted any form on page #77 at least ⟦0⟧ times'), ['invalid-number']);
    expectDiagnostics(list('submitted any form on page #77 after ⟦2024-02-30⟧'), ['invalid-date']);
    expectDiagnostics(list('submitted any form on page #77 ⟦between 2024-03-01 and 2024-02-01⟧'), ['empty-time-window']);
    expectDiagnostics(list('⟦not submitted any form on page #77 at least 2 times⟧'), ['not-expressible']);
  });

  it('completion after the page offers the count and the window, one step at a time; not `on page` again', () => {
    const all = ['at least', 'at most', 'between', 'in last', 'after', 'before', 'and', 'or'];
    assert.deepEqual(completionLabels('list "A" {\n  where submitted any form on page #77 <|>'), all);
    assert.deepEqual(completionLabels('list "A" {\n  where submitted form "f-1" on page "Pricing" <|>'), all);
    assert.deepEqual(completionLabels('list "A" {\n  where submitted any form on page #77 at least 2 <|>'), ['times']);
    assert.deepEqual(completionLabels('list "A" {\n  where submitted any form on page #77 at least 2 times <|>'), ['in last', 'after', 'before', 'between', 'and', 'or']);
    assert.deepEqual(completionLabels('list "A" {\n  where submitted any form on page #77 between 2024-01-01 <|>'), ['and']);
    assert.deepEqual(completionLabels('list "A" {\n  where submitted any form at least 2 times on <|>'), [], 'the page comes before the count');
  });

  it('hover names FORM_SUBMISSION_ON_PAGE, the page and the refine-bys', () => {
    const text = hoverText(list('submi<|>tted any form on page #77 at least 2 times after 2024-01-31')) ?? '';
    assert.match(text, /^\*\*Form submission\*\*: the contact submitted any form on page #77 at least 2 times after 2024-01-31 \(after its last moment\)\./);
    assert.match(text, /HubSpot: `FORM_SUBMISSION_ON_PAGE` `FILLED_OUT` counted by `coalescingRefineBy` `NUM_OCCURRENCES` \(`minOccurrences: 2`\); within `pruningRefineBy` `ABSOLUTE_COMPARATIVE` `AFTER` `timestamp: 1706745599999`/);
  });
});

describe('preview: a count on a page when the page of some submissions cannot be told', () => {
  const now = Date.parse('2024-04-01T00:00:00Z');
  const sent = (day: string, page: { pageId?: string; pageUrl?: string }) => ({ formId: 'f-1', timestamp: Date.parse(`${day}T12:00:00Z`), ...page });
  const contacts: ContactRecord[] = [
    // Two surely on the page in Q1.
    { id: '1', properties: {}, formSubmissions: [sent('2024-01-10', { pageId: '1001' }), sent('2024-02-10', { pageUrl: 'https://www.example.com/Pricing/?x=1' })] },
    // One surely on it, one whose page is unknown: one or two.
    { id: '2', properties: {}, formSubmissions: [sent('2024-01-10', { pageId: '1001' }), sent('2024-02-10', {})] },
    // One on it, one elsewhere, one outside the window.
    { id: '3', properties: {}, formSubmissions: [sent('2024-01-10', { pageId: '1001' }), sent('2024-02-10', { pageId: '2002' }), sent('2024-05-10', { pageId: '1001' })] },
    // Three surely on it.
    { id: '4', properties: {}, formSubmissions: [sent('2024-01-10', { pageId: '1001' }), sent('2024-01-11', { pageId: '1001' }), sent('2024-01-12', { pageId: '1001' })] },
  ];
  const store = buildStore(contacts, [...schema.objects.contacts.values()], []);

  function judged(where: string): { reference: Tri[]; compiled: Tri[] } {
    const [parsed] = parse(list(where)).file.lists;
    const plan = planList(parsed, { schema, now, lists: new Map() });
    const { lo, hi } = new CompiledEvaluator(store).rows(plan);
    return { reference: contacts.map((c) => evaluateContact(plan, c)), compiled: contacts.map((_, r): Tri => (hasBit(lo, r) ? true : hasBit(hi, r) ? 'unknown' : false)) };
  }

  const cases: [string, Tri[]][] = [
    ['submitted form "f-1" on page "Pricing" at least 2 times between 2024-01-01 and 2024-03-31', [true, 'unknown', false, true]],
    ['submitted form "f-1" on page "Pricing" at most 1 times between 2024-01-01 and 2024-03-31', [false, 'unknown', true, false]],
    ['submitted form "f-1" on page "Pricing" between 2 and 2 times', [true, 'unknown', true, false]],
    ['submitted form "f-1" on page "Pricing" at least 3 times', [false, false, false, true]],
  ];
  for (const [where, expected] of cases) {
    it(`${where.slice(34)}: the reference and the compiled evaluator agree`, () => {
      const { reference, compiled: fromStore } = judged(where);
      assert.deepEqual(reference, expected);
      assert.deepEqual(fromStore, expected);
    });
  }
});
