// Form submissions with counts and windows (issue 14): `submitted form "f-1" at least 2 times`,
// `… after 2024-01-31`, `… between 2 and 5 times in last 30 days`, from text to HubSpot's
// FORM_SUBMISSION refine-bys and back.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileText, listText } from './compile-support';
import { and, decompiled, root } from './decompile-support';
import { PublicFormSubmissionFilter } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicFormSubmissionFilter';
import { PublicNumOccurrencesRefineBy } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicNumOccurrencesRefineBy';
import { PublicAbsoluteComparativeTimestampRefineBy } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicAbsoluteComparativeTimestampRefineBy';
import { PublicAbsoluteRangedTimestampRefineBy } from '@hubspot/api-client/lib/codegen/crm/lists/models/PublicAbsoluteRangedTimestampRefineBy';

type Model = { getAttributeTypeMap(): { baseName: string }[] };

/** The SDK's own field names of a model: the compiled object uses no other, and has the required ones. */
function assertSdkShape(o: Record<string, unknown>, model: Model, required: string[]): void {
  const fields = model.getAttributeTypeMap().map((a) => a.baseName);
  for (const key of Object.keys(o)) assert.ok(fields.includes(key), `${key} is a field of the SDK's model`);
  for (const key of required) assert.ok(o[key] !== undefined, `${key} is set`);
}

const compiled = (where: string, settings = '') => compileText(listText(where, settings));
const only = (where: string, settings = '') => compiled(where, settings).request?.filterBranch?.filterBranches.map((b) => b.filters);
const problems = (where: string) => compiled(where).diagnostics.map((d) => [d.code, listText(where).slice(d.start, d.end)]);
const lastDays = (amount: number) => ({ type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount } });
const form = (extra: object, operator = 'FILLED_OUT') => ({ filterType: 'FORM_SUBMISSION', operator, formId: 'f-1', ...extra });
const ms = (iso: string) => Date.parse(iso);

describe('form submissions with counts and windows: parse and print', () => {
  it('prints every form the way it was written', () => {
    for (const text of [
      'submitted form "f-1" at least 2 times',
      'submitted any form at most 3 times',
      'submitted form "f-1" between 2 and 5 times',
      'submitted form "f-1" after 2024-01-31',
      'submitted form "f-1" before 2024-01-01T10:00:00Z',
      'submitted any form between 2024-01-01 and 2024-03-31',
      'submitted form "f-1" at least 2 times in last 30 days',
      'submitted form "f-1" between 2 and 5 times between 2024-01-01 and 2024-03-31',
      'not submitted form "f-1" after 2024-01-31 and email is known',
    ]) {
      const { file, diagnostics } = parse(listText(text));
      assert.deepEqual(diagnostics, [], text);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
  });

  it('a window before a count, two windows, or a count without `times` is a syntax error, not a condition', () => {
    for (const text of ['submitted form "f-1" in last 30 days at least 2 times', 'submitted form "f-1" after 2024-01-01 before 2024-02-01', 'submitted form "f-1" at least 2', 'submitted form "f-1" after 5']) {
      assert.ok(parse(listText(text)).diagnostics.some((d) => d.severity === 'error'), text);
    }
  });
});

describe('form submissions with counts and windows: compile', () => {
  it('counts are NUM_OCCURRENCES in coalescingRefineBy, of the SDK\'s shape', () => {
    assert.deepEqual(only('submitted form "f-1" at least 2 times'), [[form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 } })]]);
    assert.deepEqual(only('submitted form "f-1" at most 3 times'), [[form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', maxOccurrences: 3 } })]]);
    assert.deepEqual(only('submitted any form between 2 and 5 times'), [[{ filterType: 'FORM_SUBMISSION', operator: 'FILLED_OUT', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2, maxOccurrences: 5 } }]]);
    const filter = only('submitted form "f-1" between 2 and 5 times')![0][0] as unknown as Record<string, unknown>;
    assertSdkShape(filter, PublicFormSubmissionFilter, ['filterType', 'operator']);
    assertSdkShape(filter.coalescingRefineBy as Record<string, unknown>, PublicNumOccurrencesRefineBy, ['type']);
  });

  it('dates are whole days in the list\'s zone: after = after its last moment, before = before its first, between = first to last', () => {
    const zone = 'timezone: "Europe/Warsaw"';
    assert.deepEqual(only('submitted form "f-1" after 2024-01-31', zone), [[form({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: ms('2024-01-31T22:59:59.999Z') } })]]);
    assert.deepEqual(only('submitted form "f-1" before 2024-07-01', zone), [[form({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'BEFORE', timestamp: ms('2024-06-30T22:00:00Z') } })]]);
    const between = only('submitted form "f-1" between 2024-01-01 and 2024-03-31', zone)![0][0] as unknown as Record<string, Record<string, unknown>>;
    assert.deepEqual(between.pruningRefineBy, { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: ms('2023-12-31T23:00:00Z'), upperTimestamp: ms('2024-03-31T21:59:59.999Z') });
    assertSdkShape(between.pruningRefineBy, PublicAbsoluteRangedTimestampRefineBy, ['type', 'rangeType', 'lowerTimestamp', 'upperTimestamp']);
    const after = only('submitted form "f-1" after 2024-01-31')![0][0] as unknown as Record<string, Record<string, unknown>>;
    assertSdkShape(after.pruningRefineBy, PublicAbsoluteComparativeTimestampRefineBy, ['type', 'comparison', 'timestamp']);
  });

  it('an instant is itself, whatever the zone; one without an offset is a wall-clock time in the list\'s zone', () => {
    assert.deepEqual(only('submitted form "f-1" after 2024-01-31T10:00:00Z', 'timezone: "Europe/Warsaw"'), [[form({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: ms('2024-01-31T10:00:00Z') } })]]);
    assert.deepEqual(only('submitted form "f-1" before 2024-01-31T10:00:00', 'timezone: "Europe/Warsaw"'), [[form({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'BEFORE', timestamp: ms('2024-01-31T09:00:00Z') } })]]);
  });

  it('a count and a window together: both refine-bys (HubSpot prunes to the window, then counts)', () => {
    assert.deepEqual(only('submitted form "f-1" at least 2 times in last 30 days'), [[form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 }, pruningRefineBy: lastDays(30) })]]);
    assert.deepEqual(only('submitted form "f-1" at most 1 times before 2024-01-01'), [[form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', maxOccurrences: 1 }, pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'BEFORE', timestamp: ms('2024-01-01T00:00:00Z') } })]]);
  });

  it('not with a window is NOT_FILLED_OUT with the window; not before a count is not-expressible', () => {
    assert.deepEqual(only('not submitted form "f-1" after 2024-01-31'), [[form({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: ms('2024-01-31T23:59:59.999Z') } }, 'NOT_FILLED_OUT')]]);
    const result = compiled('not submitted form "f-1" at least 2 times');
    assert.equal(result.request, undefined);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, listText('not submitted form "f-1" at least 2 times').slice(d.start, d.end)]), [['not-expressible', 'not submitted form "f-1" at least 2 times']]);
  });

  it('nonsense counts and windows are refused at their place, with no request', () => {
    assert.deepEqual(problems('submitted form "f-1" at least 0 times'), [['not-compilable', '0']]);
    assert.deepEqual(problems('submitted form "f-1" between 5 and 2 times'), [['not-compilable', 'between 5 and 2 times']]);
    assert.deepEqual(problems('submitted form "f-1" between 2024-03-01 and 2024-02-01'), [['not-compilable', 'between 2024-03-01 and 2024-02-01']]);
    assert.deepEqual(problems('submitted form "f-1" after 2024-02-30'), [['not-compilable', '2024-02-30']]);
    assert.equal(compiled('submitted form "f-1" at most 2.5 times').request, undefined);
  });
});

describe('form submissions with counts and windows: decompile', () => {
  const back = (where: string, settings = '') => {
    const json = compiled(where, settings).request!.filterBranch;
    const zone = /timezone: "([^"]+)"/.exec(settings)?.[1];
    return decompiled(zone ? withZone(json, zone) : json).where;
  };
  // A list's zone is read from its time points; these lists have none, so the test names it the way pull's default does.
  const withZone = (json: unknown, zone: string) => ({ filterBranchType: 'AND', filterBranches: [json], filters: [{ filterType: 'PROPERTY', property: 'createdate', operation: { operationType: 'TIME_POINT', operator: 'IS_AFTER', includeObjectsWithNoValueSet: false, endpointBehavior: 'EXCLUSIVE', timePoint: { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: zone, year: 2020, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 } } }] });

  it('every shape compiled comes back as written', () => {
    for (const text of [
      'submitted form "f-1" at least 2 times',
      'submitted any form at most 3 times',
      'submitted form "f-1" between 2 and 5 times',
      'submitted form "f-1" after 2024-01-31',
      'submitted form "f-1" before 2024-01-01',
      'submitted any form between 2024-01-01 and 2024-03-31',
      'submitted form "f-1" after 2024-01-31T10:00:00Z',
      'submitted form "f-1" at least 2 times in last 30 days',
      'submitted form "f-1" between 2 and 5 times between 2024-01-01 and 2024-03-31T12:30:00Z',
      'not submitted form "f-1" before 2024-01-01',
    ]) {
      assert.equal(back(text), text, text);
    }
  });

  it('dates come back as dates in the list\'s zone', () => {
    assert.match(back('submitted form "f-1" between 2024-01-01 and 2024-03-31', 'timezone: "Europe/Warsaw"'), /submitted form "f-1" between 2024-01-01 and 2024-03-31$/);
  });

  it('refuses what it has no phrase for, with the path, and no list (never a broader one)', () => {
    const refused = (f: object) => decompiled(root(and(f))).result.diagnostics.map((d) => [d.code, d.message.split(':')[0]]);
    const path = 'filterBranch.filterBranches[0].filters[0]';
    assert.deepEqual(refused(form({ coalescingRefineBy: { type: 'SET_OCCURRENCES', setType: 'ALL' } })), [['not-representable', `${path}.coalescingRefineBy`]]);
    assert.deepEqual(refused(form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 } }, 'NOT_FILLED_OUT')), [['not-representable', `${path}.coalescingRefineBy`]]);
    assert.deepEqual(refused(form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 0 } })), [['not-representable', `${path}.coalescingRefineBy`]]);
    assert.deepEqual(refused(form({ pruningRefineBy: { type: 'ALL_HISTORY' } })), [['not-representable', `${path}.pruningRefineBy`]]);
    assert.deepEqual(refused(form({ pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'NOT_BETWEEN', lowerTimestamp: 1, upperTimestamp: 2 } })), [['not-representable', `${path}.pruningRefineBy`]]);
    assert.deepEqual(refused(form({ pruningRefineBy: { type: 'RELATIVE_RANGED', rangeType: 'BETWEEN', lowerBoundOffset: {}, upperBoundOffset: {} } })), [['not-representable', `${path}.pruningRefineBy`]]);
    assert.deepEqual(refused(form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 5, maxOccurrences: 2 } })), [['invalid-list-json', `${path}.coalescingRefineBy`]]);
  });
});
