// Marketing email events and page views (issue 14): `marketing email #456 of app #113 opened`,
// `visited page containing "/pricing"`, from text to HubSpot's EMAIL_EVENT / PAGE_VIEW and back.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileText, listText } from './compile-support';
import { and, decompiled, root } from './decompile-support';
import { expectDiagnostics, fixed } from '../language/expect';
import { EMAIL_EVENTS } from '../../../server/src/hubspot/compile/events';
import { defaultSchema } from '../../../server/src/language/schema';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { PublicEmailEventFilter, PublicEmailEventFilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicEmailEventFilter';
import { PublicPageViewAnalyticsFilter } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicPageViewAnalyticsFilter';

/** The SDK's own field names of a filter model: the compiled filter uses no other, and has the required ones. */
function assertSdkShape(filter: Record<string, unknown>, model: { getAttributeTypeMap(): { baseName: string }[] }, required: string[]): void {
  const fields = model.getAttributeTypeMap().map((a) => a.baseName);
  for (const key of Object.keys(filter)) assert.ok(fields.includes(key), `${key} is a field of the SDK's model`);
  for (const key of required) assert.ok(filter[key] !== undefined, `${key} is set`);
}

const only = (where: string) => compileText(listText(where)).request?.filterBranch?.filterBranches.map((b) => b.filters);
const lastDays = (amount: number) => ({ type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount } });
const refused = (f: object) => decompiled(root(and(f))).result.diagnostics.map((d) => [d.code, d.message.split(':')[0]]);

describe('email events and page views: parse and print', () => {
  it('prints every form the way it was written', () => {
    for (const text of [
      'marketing email #456 of app #113 opened',
      'marketing email #456 of app #113 marked spam in last 30 days',
      'marketing email #456 of app #113 opened but not clicked',
      'marketing email #456 of app #113 clicked link "https://example.com/offer" in last 7 days',
      'visited page "https://example.com/pricing"',
      'visited page containing "/pricing" in last 7 days',
      'visited page "https://example.com/pricing" at least 3 times in last 30 days',
      'visited page matching "https://example\\\\.com/blog/.*"',
      'not visited page containing "/careers" and email is known',
    ]) {
      const { file, diagnostics } = parse(listText(text));
      assert.deepEqual(diagnostics, [], text);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
  });

  it('`email`, `page` and `app` stay usable as property names; a half-written condition is a syntax error, not a condition', () => {
    assert.deepEqual(parse(listText('email is known and page is "x" and app is "y"')).diagnostics, []);
    assert.ok(parse(listText('marketing email #456 opened')).diagnostics.some((d) => d.severity === 'error'));
    assert.ok(parse(listText('visited page')).diagnostics.some((d) => d.severity === 'error'));
  });
});

describe('email events and page views: compile', () => {
  it('every event phrase is one EMAIL_EVENT operator, with the SDK\'s required fields and level EMAIL_API_CAMPAIGN (Assumed)', () => {
    for (const [phrase, operator] of Object.entries(EMAIL_EVENTS)) {
      assert.deepEqual(only(`marketing email #456 of app #113 ${phrase}`), [[{ filterType: 'EMAIL_EVENT', appId: '113', emailId: '456', level: 'EMAIL_API_CAMPAIGN', operator }]], phrase);
    }
    assert.deepEqual(new Set(Object.values(EMAIL_EVENTS)), new Set(Object.values(PublicEmailEventFilterOperatorEnum)), 'every operator of the SDK, no other');
  });

  it('the filters have the SDK models\' fields and no other (PublicEmailEventFilter, PublicPageViewAnalyticsFilter)', () => {
    const [[email]] = only('marketing email #4 of app #1 opened in last 3 days')!;
    assertSdkShape(email as unknown as Record<string, unknown>, PublicEmailEventFilter, ['filterType', 'appId', 'emailId', 'level', 'operator']);
    const [[page]] = only('not visited page containing "x" in last 3 days')!;
    assertSdkShape(page as unknown as Record<string, unknown>, PublicPageViewAnalyticsFilter, ['filterType', 'pageUrl', 'operator']);
  });

  it('`in last N days` is a pruningRefineBy, as for forms', () => {
    assert.deepEqual(only('marketing email #4 of app #1 clicked in last 30 days'), [[
      { filterType: 'EMAIL_EVENT', appId: '1', emailId: '4', level: 'EMAIL_API_CAMPAIGN', operator: 'LINK_CLICKED', pruningRefineBy: lastDays(30) },
    ]]);
    assert.deepEqual(only('visited page containing "/pricing" in last 7 days'), [[
      { filterType: 'PAGE_VIEW', pageUrl: '/pricing', operator: 'HAS_PAGEVIEW_CONTAINS', pruningRefineBy: lastDays(7) },
    ]]);
  });

  it('page views: is, containing, matching; `not` is NOT_HAS_… (a pattern has no opposite)', () => {
    assert.deepEqual(only('visited page "https://x.com/a" or visited page matching "https://x\\\\.com/.*"'), [
      [{ filterType: 'PAGE_VIEW', pageUrl: 'https://x.com/a', operator: 'HAS_PAGEVIEW_EQ' }],
      [{ filterType: 'PAGE_VIEW', pageUrl: 'https://x\\.com/.*', operator: 'HAS_PAGEVIEW_MATCHES_REGEX' }],
    ]);
    assert.deepEqual(only('not (visited page "https://x.com/a" or visited page containing "b" in last 3 days)'), [[
      { filterType: 'PAGE_VIEW', pageUrl: 'https://x.com/a', operator: 'NOT_HAS_PAGEVIEW_EQ' },
      { filterType: 'PAGE_VIEW', pageUrl: 'b', operator: 'NOT_HAS_PAGEVIEW_CONTAINS', pruningRefineBy: lastDays(3) },
    ]]);
    const { request, diagnostics } = compileText(listText('not visited page matching "a.*"'));
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((d) => d.code), ['not-expressible']);
    assert.match(diagnostics[0].message, /no opposite of a page view matching a pattern/);
  });

  it('`clicked link "…"` is LINK_CLICKED with clickUrl (SDK shape); the preview judges the click on that link', () => {
    const [[filter]] = only('marketing email #456 of app #113 clicked link "https://x.com/offer"')!;
    assert.deepEqual(filter, { filterType: 'EMAIL_EVENT', appId: '113', emailId: '456', level: 'EMAIL_API_CAMPAIGN', operator: 'LINK_CLICKED', clickUrl: 'https://x.com/offer' });
    assertSdkShape(filter as unknown as Record<string, unknown>, PublicEmailEventFilter, ['filterType', 'appId', 'emailId', 'level', 'operator']);
    const [list] = parse(listText('marketing email #456 of app #113 clicked link "https://x.com/offer"')).file.lists;
    const plan = planList(list, { schema: defaultSchema(), now: 0, lists: new Map() });
    const click = (url?: string) => evaluateContact(plan, { id: '1', properties: {}, emailEvents: [{ appId: '113', emailId: '456', type: 'CLICK', timestamp: 0, ...(url ? { url } : {}) }] });
    assert.deepEqual([click('https://x.com/offer'), click('HTTPS://X.COM/OFFER'), click('https://x.com/other'), click()], [true, true, false, false]);
  });

  it('`at least N times` counts the views in the window: coalescingRefineBy NUM_OCCURRENCES beside the pruning window (SDK shape)', () => {
    const [[filter]] = only('visited page "https://x.com/pricing" at least 3 times in last 30 days')!;
    assert.deepEqual(filter, { filterType: 'PAGE_VIEW', pageUrl: 'https://x.com/pricing', operator: 'HAS_PAGEVIEW_EQ', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 3 }, pruningRefineBy: lastDays(30) });
    assertSdkShape(filter as unknown as Record<string, unknown>, PublicPageViewAnalyticsFilter, ['filterType', 'pageUrl', 'operator']);
    const result = compileText(listText('not visited page containing "/pricing" at least 2 times'));
    assert.equal(result.request, undefined, 'no documented opposite of a count: no list');
    assert.match(result.diagnostics.map((d) => d.message).join(), /no opposite of a count of page views/);
  });

  it('`not` of an email event has no HubSpot filter: no list, never a broader one', () => {
    const { request, diagnostics } = compileText(listText('not marketing email #4 of app #1 opened'));
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((d) => d.code), ['not-expressible']);
    assert.match(diagnostics[0].message, /no opposite of a marketing email event \(EMAIL_EVENT OPENED\)/);
  });

  it('inside an association they are not expressible', () => {
    for (const inner of ['marketing email #4 of app #1 opened', 'visited page "x"']) {
      const { diagnostics } = compileText(listText(`associated company where ${inner}`));
      assert.deepEqual(diagnostics.map((d) => d.code), ['not-expressible'], inner);
    }
  });
});

describe('email events and page views: decompile', () => {
  it('each documented shape comes back as its phrase, and compiles to the same JSON again', () => {
    const filters = [
      { filterType: 'EMAIL_EVENT', appId: '113', emailId: '456', level: 'EMAIL_API_CAMPAIGN', operator: 'OPENED_BUT_NOT_REPLIED', pruningRefineBy: lastDays(14) },
      { filterType: 'PAGE_VIEW', pageUrl: 'https://x.com/pricing', operator: 'HAS_PAGEVIEW_EQ' },
      { filterType: 'PAGE_VIEW', pageUrl: '/blog', operator: 'NOT_HAS_PAGEVIEW_CONTAINS', pruningRefineBy: lastDays(2) },
      { filterType: 'PAGE_VIEW', pageUrl: '.*/docs/.*', operator: 'HAS_PAGEVIEW_MATCHES_REGEX' },
      { filterType: 'PAGE_VIEW', pageUrl: '/pricing', operator: 'HAS_PAGEVIEW_CONTAINS', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 3 }, pruningRefineBy: lastDays(30) },
      { filterType: 'EMAIL_EVENT', appId: '113', emailId: '456', level: 'EMAIL_API_CAMPAIGN', operator: 'LINK_CLICKED', clickUrl: 'https://x.com/offer' },
    ];
    const { where, codes } = decompiled(root(...filters.map((f) => and(f))));
    assert.deepEqual(codes, []);
    assert.equal(where, [
      'marketing email #456 of app #113 opened but not replied in last 14 days',
      'visited page "https://x.com/pricing"',
      'not visited page containing "/blog" in last 2 days',
      'visited page matching ".*/docs/.*"',
      'visited page containing "/pricing" at least 3 times in last 30 days',
      'marketing email #456 of app #113 clicked link "https://x.com/offer"',
    ].join(' or '));
    assert.deepEqual(only(decompiled(root(...filters.map((f) => and(f)))).result.text!.split('where ')[1].replace(/\n}\n?$/, '').trim()), filters.map((f) => [f]));
  });

  it('what the language cannot say is refused at its path: other levels, a link, a count, unknown operators, odd ids', () => {
    const email = { filterType: 'EMAIL_EVENT', appId: '1', emailId: '2', level: 'EMAIL_API_CAMPAIGN', operator: 'OPENED' };
    const page = { filterType: 'PAGE_VIEW', pageUrl: 'https://x', operator: 'HAS_PAGEVIEW_EQ' };
    const at = (field: string) => [['not-representable', `filterBranch.filterBranches[0].filters[0].${field}`]];
    assert.deepEqual(refused({ ...email, level: 'CAMPAIGN' }), at('level'));
    assert.deepEqual(refused({ ...email, clickUrl: 'https://x/y' }), at('clickUrl'));
    assert.deepEqual(refused({ ...email, operator: 'FORWARDED' }), at('operator'));
    assert.deepEqual(refused({ ...email, emailId: 'abc' }), at('emailId'));
    assert.deepEqual(refused({ ...email, pruningRefineBy: { type: 'RELATIVE_RANGED', rangeType: 'BETWEEN', lowerBoundOffset: {}, upperBoundOffset: {} } }), at('pruningRefineBy'));
    assert.deepEqual(refused({ ...page, operator: 'HAS_PAGEVIEW_STARTS_WITH' }), at('operator'));
    assert.deepEqual(refused({ ...page, enableTracking: true }), at('enableTracking'));
    assert.deepEqual(refused({ ...page, coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 1, maxOccurrences: 2 } }), at('coalescingRefineBy'));
    assert.deepEqual(refused({ ...page, coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 0 } }), at('coalescingRefineBy'));
    assert.deepEqual(refused({ ...page, operator: 'NOT_HAS_PAGEVIEW_EQ', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 } }), at('coalescingRefineBy'));
    assert.deepEqual(decompiled(root(and({ ...email, appId: undefined }))).result.diagnostics.map((d) => [d.code, d.message]), [
      ['invalid-list-json', 'filterBranch.filterBranches[0].filters[0].appId: is missing.'],
    ]);
    assert.deepEqual(decompiled(root(and({ ...page, enableTracking: false }))).codes, [], 'enableTracking false reads as absent (Assumed)');
  });

  it('UNIFIED_EVENTS, as a filter or as a branch, has no phrase: refused at its path (docs/language.md says why)', () => {
    assert.deepEqual(refused({ filterType: 'UNIFIED_EVENTS', eventTypeId: 'pe1234_signup', filterLines: [] }), [['not-representable', 'filterBranch.filterBranches[0].filters[0]']]);
    const branch = { filterBranchType: 'UNIFIED_EVENTS', eventTypeId: 'pe1234_signup', operator: 'HAS_COMPLETED', filters: [], filterBranches: [] };
    const json = root({ filterBranchType: 'AND', filters: [], filterBranches: [branch] });
    assert.deepEqual(decompiled(json).result.diagnostics.map((d) => [d.code, d.message.split(':')[0]]), [['not-representable', 'filterBranch.filterBranches[0].filterBranches[0]']]);
  });
});

describe('email events and page views: checks', () => {
  it('an unknown event phrase, with a fix to the nearest one', () => {
    expectDiagnostics('list "A" { where marketing email #4 of app #1 ⟦opend⟧ }', ['unknown-email-event']);
    assert.equal(fixed('list "A" { where marketing email #4 of app #1 opend }', 'unknown-email-event'), 'list "A" { where marketing email #4 of app #1 opened }');
    expectDiagnostics('list "A" { where marketing email #4 of app #1 ⟦opened but not forwarded⟧ }', ['unknown-email-event']);
  });

  it('the day count, an empty URL and a pattern that is no regular expression', () => {
    expectDiagnostics('list "A" { where visited page "/a" in last ⟦0⟧ days }', ['invalid-number']);
    expectDiagnostics('list "A" { where visited page containing "/a" in last ⟦2.5⟧ days }', ['invalid-number']);
    expectDiagnostics('list "A" { where visited page ⟦""⟧ }', ['invalid-page-url']);
    expectDiagnostics('list "A" { where visited page "/a" at least ⟦0⟧ times }', ['invalid-number']);
    expectDiagnostics('list "A" { where marketing email #4 of app #1 opened link ⟦"https://x.com/a"⟧ }', ['invalid-click-url']);
    expectDiagnostics('list "A" { where marketing email #4 of app #1 clicked link ⟦""⟧ }', ['invalid-click-url']);
    expectDiagnostics('list "A" { where ⟦not visited page "/a" at least 2 times⟧ }', ['not-expressible']);
    expectDiagnostics('list "A" { where visited page matching ⟦"(unclosed"⟧ }', ['invalid-page-url']);
    expectDiagnostics('list "A" { where visited page containing "(unclosed" and marketing email #4 of app #1 bounced }', []);
  });

  it('a relative window on one email is said to be one HubSpot documents no support for; on any email it is not', () => {
    expectDiagnostics('list "A" { where marketing email #4 of app #1 bounced in last ⟦3⟧ days }', ['email-event-relative-window']);
    expectDiagnostics('list "A" { where marketing email ⟦"Nov"⟧ of app #1 opened in last ⟦3⟧ days }', ['unknown-marketing-email', 'email-event-relative-window']);
    expectDiagnostics('list "A" { where marketing email any opened in last 3 days }', []);
  });
});
