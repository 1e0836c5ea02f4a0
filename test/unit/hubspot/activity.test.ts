// Webinars, calls-to-action and ads (issue 14): `registered for webinar #123`, `attended any webinar`,
// `clicked cta "…" at least 2 times in last 30 days`, `saw any ad after 2024-01-31`, from text to HubSpot's
// WEBINAR, CTA and ADS_TIME filters (shapes checked against the SDK's models) and back.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileText, listText } from './compile-support';
import { and, decompiled, root } from './decompile-support';
import { PublicWebinarFilter } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicWebinarFilter';
import { PublicCtaAnalyticsFilter } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicCtaAnalyticsFilter';
import { PublicAdsTimeFilter } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicAdsTimeFilter';

type Model = { getAttributeTypeMap(): { baseName: string }[] };

function assertSdkShape(o: Record<string, unknown>, model: Model, required: string[]): void {
  const fields = model.getAttributeTypeMap().map((a) => a.baseName);
  for (const key of Object.keys(o)) assert.ok(fields.includes(key), `${key} is a field of the SDK's model`);
  for (const key of required) assert.ok(o[key] !== undefined, `${key} is set`);
}

const compiled = (where: string) => compileText(listText(where));
const only = (where: string) => compiled(where).request?.filterBranch?.filterBranches.map((b) => b.filters);
const problems = (where: string) => compiled(where).diagnostics.map((d) => [d.code, listText(where).slice(d.start, d.end)]);
const lastDays = (amount: number) => ({ type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount } });
const ms = (iso: string) => Date.parse(iso);
const path = 'filterBranch.filterBranches[0].filters[0]';

const WRITTEN = [
  'registered for webinar #123',
  'attended webinar #123',
  'registered for any webinar',
  'attended any webinar',
  'registered for webinar "a1-b2"',
  'not attended webinar #7',
  'clicked cta "b7988654-536d-4f7f-976b-8e9e2c7bb54"',
  'viewed cta "c-1" at least 2 times',
  'clicked cta "c-1" between 2 and 5 times in last 30 days',
  'clicked cta "c-1" after 2024-01-31',
  'viewed cta "c-1" at most 3 times between 2024-01-01 and 2024-03-31',
  'not clicked cta "c-1" in last 7 days',
  'saw any ad in last 30 days',
  'saw any ad before 2024-01-01',
  'saw any ad between 2024-01-01 and 2024-03-31T12:30:00Z',
];

describe('webinars, CTAs and ads: parse and print', () => {
  it('prints every condition the way it was written', () => {
    for (const text of WRITTEN) {
      const { file, diagnostics } = parse(listText(text));
      assert.deepEqual(diagnostics, [], text);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
  });

  it('a phrase with a part missing or out of order is a syntax error, not a condition', () => {
    for (const text of ['registered webinar #1', 'attended for webinar #1', 'registered for webinar', 'clicked cta', 'clicked cta c-1', 'saw any ad', 'saw any ad at least 2 times', 'clicked cta "c" in last 3 days at least 2 times']) {
      assert.ok(parse(listText(text)).diagnostics.some((d) => d.severity === 'error'), text);
    }
  });
});

describe('webinars, CTAs and ads: compile', () => {
  it('WEBINAR: registration and attendance, of one webinar or any; `not` is the NOT_HAS_ operator', () => {
    assert.deepEqual(only('registered for webinar #123'), [[{ filterType: 'WEBINAR', operator: 'HAS_WEBINAR_REGISTRATION', webinarId: '123' }]]);
    assert.deepEqual(only('attended any webinar'), [[{ filterType: 'WEBINAR', operator: 'HAS_WEBINAR_ATTENDANCE' }]]);
    assert.deepEqual(only('not registered for webinar "a1-b2"'), [[{ filterType: 'WEBINAR', operator: 'NOT_HAS_WEBINAR_REGISTRATION', webinarId: 'a1-b2' }]]);
    assert.deepEqual(only('not attended any webinar'), [[{ filterType: 'WEBINAR', operator: 'NOT_HAS_WEBINAR_ATTENDANCE' }]]);
    assertSdkShape(only('attended webinar #1')![0][0] as unknown as Record<string, unknown>, PublicWebinarFilter, ['filterType', 'operator']);
  });

  it('CTA: clicked is HAS_CLICKED_CTA, viewed HAS_OPENED_CTA; counts and windows are the forms\' refine-bys', () => {
    assert.deepEqual(only('clicked cta "c-1"'), [[{ filterType: 'CTA', ctaName: 'c-1', operator: 'HAS_CLICKED_CTA' }]]);
    assert.deepEqual(only('viewed cta "c-1" at least 2 times in last 30 days'), [[{ filterType: 'CTA', ctaName: 'c-1', operator: 'HAS_OPENED_CTA', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 }, pruningRefineBy: lastDays(30) }]]);
    assert.deepEqual(only('clicked cta "c-1" before 2024-01-01'), [[{ filterType: 'CTA', ctaName: 'c-1', operator: 'HAS_CLICKED_CTA', pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'BEFORE', timestamp: ms('2024-01-01T00:00:00Z') } }]]);
    assert.deepEqual(only('not viewed cta "c-1" after 2024-01-31'), [[{ filterType: 'CTA', ctaName: 'c-1', operator: 'HAS_NOT_OPENED_CTA', pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: ms('2024-01-31T23:59:59.999Z') } }]]);
    assertSdkShape(only('clicked cta "c-1" at most 2 times between 2024-01-01 and 2024-02-01')![0][0] as unknown as Record<string, unknown>, PublicCtaAnalyticsFilter, ['filterType', 'operator', 'ctaName']);
  });

  it('ADS_TIME: the window is its required pruningRefineBy', () => {
    assert.deepEqual(only('saw any ad in last 30 days'), [[{ filterType: 'ADS_TIME', pruningRefineBy: lastDays(30) }]]);
    assert.deepEqual(only('saw any ad between 2024-01-01 and 2024-01-31'), [[{ filterType: 'ADS_TIME', pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: ms('2024-01-01T00:00:00Z'), upperTimestamp: ms('2024-01-31T23:59:59.999Z') } }]]);
    assertSdkShape(only('saw any ad after 2024-01-01')![0][0] as unknown as Record<string, unknown>, PublicAdsTimeFilter, ['filterType', 'pruningRefineBy']);
  });

  it('`not` before a CTA count or before ads seen has no HubSpot form: not-expressible, no request', () => {
    assert.equal(compiled('not clicked cta "c-1" at least 2 times').request, undefined);
    assert.deepEqual(problems('not clicked cta "c-1" at least 2 times'), [['not-expressible', 'not clicked cta "c-1" at least 2 times']]);
    assert.equal(compiled('not saw any ad in last 7 days').request, undefined);
    assert.deepEqual(problems('not saw any ad in last 7 days'), [['not-expressible', 'not saw any ad in last 7 days']]);
  });

  it('nonsense counts and windows are refused at their place', () => {
    assert.deepEqual(problems('clicked cta "c-1" at least 0 times'), [['not-compilable', '0']]);
    assert.deepEqual(problems('saw any ad between 2024-03-01 and 2024-02-01'), [['not-compilable', 'between 2024-03-01 and 2024-02-01']]);
    assert.deepEqual(problems('viewed cta "c-1" in last 0 days'), [['not-compilable', '0']]);
  });
});

describe('webinars, CTAs and ads: decompile', () => {
  const back = (where: string) => decompiled(compiled(where).request!.filterBranch).where;

  it('every shape compiled comes back as written', () => {
    for (const text of WRITTEN) assert.equal(back(text), text, text);
  });

  it('refuses what it has no phrase for, with the path, and no list', () => {
    const refused = (f: object) => decompiled(root(and(f))).result.diagnostics.map((d) => [d.code, d.message.split(':')[0]]);
    assert.deepEqual(refused({ filterType: 'CTA', ctaName: 'c', operator: 'HAS_CLICKED_CTA_PLACEMENT' }), [['not-representable', `${path}.operator`]]);
    assert.deepEqual(refused({ filterType: 'CTA', ctaName: 'c', operator: 'HAS_NOT_CLICKED_CTA', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 } }), [['not-representable', `${path}.coalescingRefineBy`]]);
    assert.deepEqual(refused({ filterType: 'CTA', ctaName: 'c', operator: 'HAS_CLICKED_CTA', pruningRefineBy: { type: 'ALL_HISTORY' } }), [['not-representable', `${path}.pruningRefineBy`]]);
    assert.deepEqual(refused({ filterType: 'WEBINAR', operator: 'HAS_WEBINAR_SOMETHING' }), [['not-representable', `${path}.operator`]]);
    assert.deepEqual(refused({ filterType: 'ADS_TIME', pruningRefineBy: { type: 'RELATIVE_RANGED', rangeType: 'BETWEEN' } }), [['not-representable', `${path}.pruningRefineBy`]]);
    assert.equal(refused({ filterType: 'ADS_TIME' })[0][0], 'invalid-list-json');
    for (const type of ['EVENT', 'INTEGRATION_EVENT', 'PRIVACY', 'ADS_SEARCH', 'SURVEY_MONKEY', 'SURVEY_MONKEY_VALUE', 'CAMPAIGN_INFLUENCED', 'UNIFIED_EVENTS']) {
      assert.deepEqual(refused({ filterType: type, operator: 'X' }), [['not-representable', path]], type);
    }
  });
});
