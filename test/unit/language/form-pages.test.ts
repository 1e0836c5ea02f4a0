// Form submissions on a page: `submitted form "Demo request" on page "Pricing"` is HubSpot's
// FORM_SUBMISSION_ON_PAGE, which takes the page's id. With the portal's pages pulled (pages.json) a page
// may be named; without them a name is an error; an unknown name gets did-you-mean, a shared one is
// ambiguous with a fix per page; an id is always accepted and hover shows its name.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import type { Schema } from '../../../server/src/language/schema-types';
import { parseForms } from '../../../server/src/language/schema-forms';
import { pageIdsByUrl, pageUrlKey, parsePages } from '../../../server/src/language/schema-pages';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { marked } from '../../support/markers';
import { analyzeText, expectClean, expectDiagnostics, fixed, MAIN } from './expect';
import { decompiled, and, root } from '../hubspot/decompile-support';
import { Readable } from 'node:stream';
import { readNdjsonContacts } from '../../../server/src/preview/sources';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { buildStore } from '../../../server/src/preview/columns-build';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import type { ContactRecord } from '../../../server/src/preview/types';

const DEMO = '3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35';
const problems: { path: string; message: string }[] = [];
const pages = parsePages({
  results: [
    { id: '1001', name: 'Pricing', url: 'https://www.example.com/pricing', kind: 'website page', archived: false },
    { id: '1002', name: 'Pricing', url: 'https://www.example.com/old-pricing', kind: 'website page', archived: true },
    { id: '2001', name: 'Webinar signup', url: 'https://info.example.com/webinar', kind: 'landing page', archived: false },
    { id: '2002', name: 'Webinar signup', url: 'https://info.example.com/webinar-2', kind: 'landing page', archived: false },
    { id: '3001', name: 'Ebook', url: '', kind: 'landing page', archived: false },
  ],
}, 'pages.json', problems)!;
const forms = parseForms({ results: [{ id: DEMO, name: 'Demo request', formType: 'hubspot', archived: false }] }, 'forms.json', [])!;
const schema: Schema = { ...defaultSchema(), forms, pages };
const withPages = { schema };

function compiledFilter(text: string, s: Schema = schema): { filter?: Record<string, unknown>; codes: string[] } {
  const [list] = parse(`list "P" {\n  where ${text}\n}\n`).file.lists;
  const { request, diagnostics } = compileList(list, { schema: s, listIdFor: () => undefined, defaultTimezone: 'UTC' });
  const filter = (request?.filterBranch?.filterBranches[0] as { filters: Record<string, unknown>[] } | undefined)?.filters[0];
  return { filter, codes: diagnostics.map((d) => d.code) };
}

describe('language: form submissions on a page (pages.json pulled)', () => {
  it('reads the pages file; an entry without a url or kind is named, not skipped in silence', () => {
    assert.deepEqual(problems, []);
    assert.equal(pages.length, 5);
    const bad: { path: string; message: string }[] = [];
    assert.equal(parsePages({ results: [{ id: '1', name: 'No url', kind: 'website page' }] }, 'pages.json', bad)!.length, 0);
    assert.match(bad[0].message, /^pages\.json: results\[0\] needs a string id, name and url/);
  });

  it('without the pages, a name is page-not-id (error); an id is clean', () => {
    const [d] = expectDiagnostics('list "A" { where submitted any form on page ⟦"Pricing"⟧ }', ['page-not-id']);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /takes a page id, so "Pricing" cannot be sent\. Write the page's id \(`on page #123`\), or run hslist schema pull/);
    expectClean('list "A" { where submitted any form on page #1001 }');
  });

  it('a name resolves to its page (the live one over an archived namesake), in any case', () => {
    expectClean(`list "A" { where submitted form "Demo request" on page "pricing" or not submitted any form on page "EBOOK" }`, withPages);
    assert.equal(compiledFilter('submitted form "Demo request" on page "Pricing"').filter?.pageId, '1001');
  });

  it('an unknown name gets did-you-mean and a fix; a name two live pages share is ambiguous with a fix per page', () => {
    const [typo] = expectDiagnostics('list "A" { where submitted any form on page ⟦"Pricng"⟧ }', ['unknown-page'], withPages);
    assert.equal(typo.severity, 'error');
    assert.equal(typo.message, 'No page named "Pricng" among the portal\'s 5 pages pulled into the schema; did you mean "Pricing"?');
    assert.equal(fixed('list "A" { where submitted any form on page "Pricng" }', 'unknown-page', withPages), 'list "A" { where submitted any form on page "Pricing" }');
    const [twice] = expectDiagnostics('list "A" { where submitted any form on page ⟦"Webinar signup"⟧ }', ['ambiguous-page'], withPages);
    assert.match(twice.message, /"Webinar signup" names 2 pages: "Webinar signup" \(#2001, landing page\), "Webinar signup" \(#2002, landing page\)\. Write the id/);
    assert.equal(fixed('list "A" { where submitted any form on page "Webinar signup" }', 'ambiguous-page', withPages, 1), 'list "A" { where submitted any form on page #2002 }');
  });

  it('an id missing from the pulled pages is a warning: the page may be newer than the pull', () => {
    const [d] = expectDiagnostics('list "A" { where submitted any form on page ⟦#42⟧ }', ['unknown-page'], withPages);
    assert.equal(d.severity, 'warning');
  });

  it('compiles to FORM_SUBMISSION_ON_PAGE with the page id, the form id, the window, and `not` as NOT_FILLED_OUT', () => {
    assert.deepEqual(compiledFilter('submitted form "Demo request" on page "Pricing" in last 30 days').filter, {
      filterType: 'FORM_SUBMISSION_ON_PAGE',
      operator: 'FILLED_OUT',
      pageId: '1001',
      formId: DEMO,
      pruningRefineBy: { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount: 30 } },
    });
    assert.deepEqual(compiledFilter('not submitted any form on page #123456').filter, { filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'NOT_FILLED_OUT', pageId: '123456' });
    assert.deepEqual(compiledFilter('submitted any form').filter, { filterType: 'FORM_SUBMISSION', operator: 'FILLED_OUT' }, 'no page: the plain filter');
  });

  it('refuses to compile a page name it cannot resolve rather than send the name', () => {
    const { filter, codes } = compiledFilter('submitted any form on page "Pricing"', defaultSchema());
    assert.equal(filter, undefined);
    assert.deepEqual(codes, ['not-compilable']);
  });

  it('decompiles FORM_SUBMISSION_ON_PAGE to `on page #id` with its window; refuses a count on NOT_FILLED_OUT, a non-numeric or missing page id', () => {
    const onPage = (extra: object) => root(and({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'NOT_FILLED_OUT', pageId: '1001', formId: 'f-1', ...extra }));
    assert.equal(decompiled(onPage({})).where, 'not submitted form "f-1" on page #1001');
    const windowed = { pruningRefineBy: { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount: 7 } } };
    assert.equal(decompiled(onPage({ operator: 'FILLED_OUT', formId: undefined, ...windowed })).where, 'submitted any form on page #1001 in last 7 days');
    const counted = decompiled(onPage({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 } }));
    assert.equal(counted.result.list, undefined, 'HubSpot documents no meaning for a count on NOT_FILLED_OUT');
    assert.match(counted.result.diagnostics[0].message, /coalescingRefineBy/);
    const absolute = decompiled(onPage({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: 1704067200000 } }));
    assert.equal(absolute.where, 'not submitted form "f-1" on page #1001 after 2024-01-01T00:00:00Z');
    const unphrased = decompiled(onPage({ pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'NOT_BETWEEN', lowerTimestamp: 1, upperTimestamp: 2 } }));
    assert.equal(unphrased.result.list, undefined, 'NOT_BETWEEN has no phrase');
    assert.match(unphrased.result.diagnostics[0].message, /pruningRefineBy/);
    for (const pageId of ['landing-7', undefined]) {
      const bad = decompiled(onPage({ pageId }));
      assert.equal(bad.result.list, undefined, `pageId ${String(pageId)}`);
      assert.match(bad.result.diagnostics[0].message, /pageId/);
    }
  });

  it('hover shows the page a name or id stands for: name, kind, id and url', () => {
    const text = 'list "A" { where submitted any form on page "Pricing" or submitted any form on page #1002 or submitted any form on page #9 }';
    const analysis = analyzeText(text, withPages);
    const at = (needle: string) => hoverAt({ analysis, path: MAIN, offset: text.indexOf(needle) + 2, schema })?.markdown;
    assert.equal(at('"Pricing"'), 'Page **Pricing**: website page, id `1001`, url https://www.example.com/pricing. HubSpot\'s filter gets its id `1001`.');
    assert.equal(at('#1002'), 'Page **Pricing** (archived): website page, id `1002`, url https://www.example.com/old-pricing.');
    assert.match(at('#9 ') ?? '', /^Page `#9`: no pulled page has this id/);
  });

  it('completion offers `on page` after the form and the pages by name after it; a shared name inserts each id', () => {
    const at = (source: string) => {
      const m = marked(source);
      return complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] });
    };
    assert.ok(at('list "A" {\n  where submitted any form <|>\n}').some((e) => e.label === 'on page'));
    assert.ok(at('list "A" {\n  where submitted form "Demo request" o<|>\n}').some((e) => e.label === 'on page'));
    const entries = at('list "A" {\n  where submitted any form on page <|>\n}');
    const sorted = [...entries].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sorted.map((e) => [e.label, e.insertText]), [
      ['Ebook', '"Ebook"'],
      ['Pricing', '"Pricing"'],
      ['Webinar signup (#2001)', '#2001'],
      ['Webinar signup (#2002)', '#2002'],
    ], 'the archived "Pricing" is not offered: the name means the live page');
    assert.equal(sorted[1].detail, 'website page #1001');
  });

  it('maps a submission url to a page ignoring query, fragment, trailing slash and case; a url two pages share maps to none', () => {
    assert.equal(pageUrlKey('HTTPS://www.Example.com/Pricing/?utm=1#top'), 'https://www.example.com/pricing');
    const byUrl = pageIdsByUrl([...pages, { id: '4001', name: 'Copy', url: 'https://info.example.com/webinar/', kind: 'landing page', archived: false }]);
    assert.equal(byUrl.get(pageUrlKey('https://www.example.com/pricing?x')), '1001');
    assert.equal(byUrl.get(pageUrlKey('https://info.example.com/webinar')), undefined);
  });

  it('previews JSON records by pageId or pageUrl; a submission whose page is unknown makes the count "up to", with why', async () => {
    const now = Date.parse('2026-01-31T00:00:00Z');
    const sent = (page: object, formId = DEMO) => ({ formId, timestamp: '2026-01-30T00:00:00Z', ...page });
    const lines = [
      { id: '1', properties: {}, formSubmissions: [sent({ pageId: '1001' })] },
      { id: '2', properties: {}, formSubmissions: [sent({ pageUrl: 'https://WWW.example.com/pricing/?utm=x#f' })] },
      { id: '3', properties: {}, formSubmissions: [sent({ pageUrl: 'https://www.example.com/other' }), sent({ pageId: '2001' })] },
      { id: '4', properties: {}, formSubmissions: [sent({})] },
      { id: '5', properties: {}, formSubmissions: [sent({ pageId: '1001' }, 'another-form')] },
      { id: '6', properties: {} },
    ].map((l) => JSON.stringify(l)).join('\n');
    const contacts: ContactRecord[] = [];
    await readNdjsonContacts(Readable.from([lines]), schema, (r) => contacts.push(r));
    assert.deepEqual(contacts[1].formSubmissions?.[0].pageUrl, 'https://WWW.example.com/pricing/?utm=x#f');
    const [list] = parse('list "P" {\n  where submitted form "Demo request" on page "Pricing"\n}\n').file.lists;
    const plan = planList(list, { schema, now, lists: new Map() });
    assert.deepEqual(contacts.map((c) => evaluateContact(plan, c)), [true, true, false, 'unknown', false, 'unknown']);
    const result = new CompiledEvaluator(buildStore(contacts, [...schema.objects.contacts.values()], [])).evaluate(plan);
    assert.deepEqual([result.count, result.maxCount, result.complete], [2, 4, false]);
    assert.match(result.notPreviewable[0].reason, /^the page of some form submissions is not in this data \(some submissions carry neither a page id nor a page address\)/);
  });

  it('two pages of one form are two conditions to the compiled evaluator (its cache keys tell them apart)', () => {
    const now = Date.parse('2026-01-31T00:00:00Z');
    const contact: ContactRecord = { id: '1', properties: {}, formSubmissions: [{ formId: DEMO, timestamp: now - 1000, pageId: '2001' }] };
    const [list] = parse('list "P" {\n  where submitted any form on page #2001 and not submitted any form on page #1001\n}\n').file.lists;
    const plan = planList(list, { schema, now, lists: new Map() });
    assert.equal(evaluateContact(plan, contact), true);
    assert.equal(new CompiledEvaluator(buildStore([contact], [...schema.objects.contacts.values()], [])).evaluate(plan).count, 1);
  });
});
