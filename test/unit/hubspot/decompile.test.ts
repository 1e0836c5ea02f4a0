// Decompiling HubSpot's JSON: its own documented examples (hubspot-api.md §2), echoes, and what
// has no phrase. Trees are shown in a compact form so the expectations read like the language.

import { strict as assert } from 'node:assert';
import { settingValueString } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { decompileList, decompileObjectList } from '../../../server/src/hubspot/decompile';
import { TEST_SCHEMA } from './compile-schema';
import { and, CTX, decompiled, dynamic, prop, root, show } from './decompile-support';

describe('decompile: HubSpot documented examples', () => {
  it('the minimal example: first name John OR last name not Smith', () => {
    const json = root(
      and(prop('firstname', { operationType: 'MULTISTRING', operator: 'IS_EQUAL_TO', values: ['John'] })),
      and(prop('lastname', { operationType: 'MULTISTRING', operator: 'IS_NOT_EQUAL_TO', values: ['Smith'] })),
    );
    const { where, codes, result } = decompiled(json);
    assert.equal(where, 'firstname is any of ("John") or lastname is none of ("Smith") and lastname is known');
    assert.deepEqual(codes, []);
    assert.equal(result.list?.name.text, 'Pulled');
    assert.deepEqual(result.list?.settings.map((s) => [s.key.text, (s.value && settingValueString(s.value))]), [['type', 'active']]);
  });

  it('lifecyclestage IS_ANY_OF, IS_KNOWN, NUMBER_RANGED', () => {
    const json = root(and(
      prop('lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['lead', 'marketingqualifiedlead'], includeObjectsWithNoValueSet: false }),
      prop('hs_email_domain', { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN', includeObjectsWithNoValueSet: false }),
      prop('num_employees', { operationType: 'NUMBER_RANGED', operator: 'IS_BETWEEN', lowerBound: 50, upperBound: 500, includeObjectsWithNoValueSet: false }),
    ));
    assert.equal(decompiled(json).where, 'lifecyclestage is any of (lead, marketingqualifiedlead) and hs_email_domain is known and num_employees is between 50 and 500');
  });

  it('"after 2024-03-04 (New York)" → is after 2024-03-04 with timezone America/New_York', () => {
    const json = root(and(prop('notes_last_updated', {
      operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_AFTER', endpointBehavior: 'EXCLUSIVE', propertyParser: 'VALUE', includeObjectsWithNoValueSet: false,
      timePoint: { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'America/New_York', year: 2024, month: 3, day: 4, hour: 23, minute: 59, second: 59, millisecond: 999 },
    })));
    const { where, codes, result } = decompiled(json);
    assert.equal(where, 'notes_last_updated is after 2024-03-04');
    assert.deepEqual(codes, []);
    assert.deepEqual(result.list?.settings.map((s) => [s.key.text, (s.value && settingValueString(s.value))]), [['type', 'active'], ['timezone', 'America/New_York']]);
  });

  it('"created in the last 30 days" (INDEXED TODAY − 30 days to NOW) → is less than 30 days ago', () => {
    const json = root(and(
      prop('email', { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN' }),
      prop('createdate', {
        operationType: 'TIME_RANGED', type: 'TIME_RANGED', operator: 'IS_BETWEEN', includeObjectsWithNoValueSet: false, propertyParser: 'VALUE',
        lowerBoundEndpointBehavior: 'INCLUSIVE', upperBoundEndpointBehavior: 'INCLUSIVE',
        lowerBoundTimePoint: { timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId: 'UTC', indexReference: { referenceType: 'TODAY' }, offset: { days: -30 } },
        upperBoundTimePoint: { timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId: 'UTC', indexReference: { referenceType: 'NOW' } },
      }),
    ));
    const { where, codes, result } = decompiled(json);
    assert.equal(where, 'email is known and createdate is less than days ago 30 days');
    assert.deepEqual(codes, []);
    assert.deepEqual(result.list?.settings.map((s) => [s.key.text, (s.value && settingValueString(s.value))]), [['type', 'active'], ['timezone', 'UTC']]);
  });

  it('IN_LIST NOT_IN_LIST → not in list #1234; a known id → its name; a placeholder → its name', () => {
    const json = root(and(
      { filterType: 'IN_LIST', listId: '1234', operator: 'NOT_IN_LIST' },
      { filterType: 'IN_LIST', listId: '77', operator: 'IN_LIST' },
      { filterType: 'IN_LIST', listId: '$list:New leads', operator: 'IN_LIST' },
    ));
    assert.equal(decompiled(json).where, 'not in list #1234 and in list "Webinar attendees" and in list "New leads"');
  });
});

describe('decompile: echoes and phrases', () => {
  it('accepts a { list } response with filterBranchOperator echoes and lowercase legacy types', () => {
    const json = { list: dynamic({ filterBranchOperator: 'OR', filters: [], filterBranches: [
      { filterBranchOperator: 'AND', filterBranches: [], filters: [prop('email', { operationType: 'alltypes', operator: 'IS_KNOWN' })] },
    ] }) };
    const result = decompileObjectList(json, CTX);
    assert.equal(show(result.list?.where), 'email is known');
    assert.deepEqual(result.diagnostics, []);
  });

  it('reads the legacy datetime-rolling, rolling-property-updated and datetime-comparative types like their uppercase names', () => {
    const legacy = (operationType: string, operation: object) => decompiled(root(and(prop('closedate', { operationType, ...operation })))).result;
    const rolling = legacy('datetime-rolling', { operator: 'IS_MORE_THAN_X_DAYS_AGO', numberOfDays: 3 });
    const updated = legacy('rolling-property-updated', { operator: 'UPDATED_IN_LAST_X_DAYS', numberOfDays: 7 });
    const comparative = legacy('datetime-comparative', { operator: 'IS_AFTER', comparisonPropertyName: 'createdate' });
    for (const r of [rolling, updated, comparative]) assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(show(updated.list?.where), 'closedate updated in last 7 days');
    assert.equal(show(comparative.list?.where), 'closedate is after property createdate');
  });

  it('an association type other than the unlabeled, primary or a label is refused, never read as "any associated company"', () => {
    const branch = { filterBranchType: 'ASSOCIATION', objectTypeId: '0-2', associationTypeId: 5, associationCategory: 'INTEGRATOR_DEFINED', operator: 'IN_LIST', filterBranches: [],
      filters: [prop('industry', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['BANKING'] })] };
    const { result } = decompiled(root({ filterBranchType: 'AND', filters: [], filterBranches: [branch] }));
    assert.equal(result.list, undefined);
    assert.match(result.diagnostics[0].message, /associationTypeId: the INTEGRATOR_DEFINED association type 5 cannot be written/);
  });

  it('including unknown, enumeration single value, numeric strings', () => {
    const json = root(and(
      prop('country', { operationType: 'STRING', operator: 'IS_NOT_EQUAL_TO', value: 'PL', includeObjectsWithNoValueSet: true }),
      prop('lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', values: ['lead'] }),
      prop('num_visits', { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', value: '3' }),
    ));
    assert.equal(decompiled(json).where, 'country is not "PL" including unknown and lifecyclestage is not lead and lifecyclestage is known and num_visits > 3');
  });

  it('an INCLUSIVE time point reads as not (…) with the flag flipped', () => {
    const json = root(and(prop('createdate', {
      operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_BEFORE', endpointBehavior: 'INCLUSIVE', propertyParser: 'VALUE', includeObjectsWithNoValueSet: true,
      timePoint: { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'UTC', year: 2024, month: 1, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999 },
    })));
    assert.equal(decompiled(json).where, 'not createdate is after 2024-01-31');
  });

  it('an odd wall clock becomes a datetime literal with the zone offset', () => {
    const json = root(and(prop('createdate', {
      operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_AFTER', endpointBehavior: 'EXCLUSIVE', propertyParser: 'VALUE',
      timePoint: { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'Europe/Warsaw', year: 2024, month: 7, day: 1, hour: 12, minute: 30, second: 0, millisecond: 0 },
    })));
    assert.equal(decompiled(json).where, 'createdate is after 2024-07-01T12:30:00+02:00');
  });

  it('TIME_RANGED whole days → is D / is between D1 and D2', () => {
    const day = (d: number, end: boolean) => ({ timeType: 'DATE', zoneId: 'UTC', year: 2024, month: 1, day: d, hour: end ? 23 : 0, minute: end ? 59 : 0, second: end ? 59 : 0, millisecond: end ? 999 : 0 });
    const ranged = (lo: object, hi: object) => prop('birthday', { operationType: 'TIME_RANGED', type: 'TIME_RANGED', operator: 'IS_BETWEEN', lowerBoundTimePoint: lo, upperBoundTimePoint: hi });
    assert.equal(decompiled(root(and(ranged(day(5, false), day(5, true))))).where, 'birthday is 2024-01-05');
    assert.equal(decompiled(root(and(ranged(day(5, false), day(9, true))))).where, 'birthday is between 2024-01-05 and 2024-01-09');
  });

  it('association branches, forms, constants', () => {
    const json = root(
      { filterBranchType: 'AND', filters: [{ filterType: 'FORM_SUBMISSION', operator: 'NOT_FILLED_OUT', formId: 'f-1' }], filterBranches: [
        { filterBranchType: 'ASSOCIATION', objectTypeId: '0-2', associationTypeId: 279, associationCategory: 'HUBSPOT_DEFINED', operator: 'IN_LIST', filterBranches: [],
          filters: [prop('industry', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['BANKING'] }), prop('numberofemployees', { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', value: 5 })] },
      ] },
      and({ filterType: 'CONSTANT', shouldAccept: true }),
    );
    assert.equal(decompiled(json).where, 'not submitted form "f-1" and associated company where (industry is BANKING and numberofemployees > 5) or everyone');
  });

  it('MULTISTRING CONTAINS_EXACTLY with several values → an or of single conditions; DOES_NOT_… → an and', () => {
    const json = root(and(
      prop('firstname', { operationType: 'MULTISTRING', operator: 'CONTAINS_EXACTLY', values: ['Ann', 'Bo'] }),
      prop('lastname', { operationType: 'MULTISTRING', operator: 'DOES_NOT_CONTAIN_EXACTLY', values: ['X', 'Y'] }),
    ));
    assert.equal(
      decompiled(json).where,
      '(firstname contains exactly "Ann" or firstname contains exactly "Bo") and lastname does not contain exactly "X" and lastname does not contain exactly "Y"',
    );
  });

  it('a MANUAL list with no filterBranch is a static list', () => {
    const result = decompileList({ name: 'Hand', processingType: 'MANUAL', objectTypeId: '0-1' }, CTX);
    assert.deepEqual([result.list?.where, result.diagnostics], [undefined, []]);
    assert.deepEqual(result.list?.settings.map((s) => (s.value && settingValueString(s.value))), ['static']);
  });
});

describe('decompile: what has no phrase, and bad JSON', () => {
  it('an EMAIL_EVENT of another level and a PAGE_VIEW count with a maximum: not-representable with their paths, and no list (never a broader one)', () => {
    const json = root(
      and(prop('email', { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN' }), { filterType: 'EMAIL_EVENT', appId: '1', emailId: '2', level: 'X', operator: 'OPENED' }),
      and({ filterType: 'PAGE_VIEW', pageUrl: 'https://x', operator: 'HAS_PAGEVIEW_EQ', coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 3, maxOccurrences: 5 } }),
    );
    const { where, result } = decompiled(json);
    assert.deepEqual([where, result.list, result.text], ['', undefined, undefined]);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.message.split(':')[0]]), [
      ['not-representable', 'filterBranch.filterBranches[0].filters[1].level'],
      ['not-representable', 'filterBranch.filterBranches[1].filters[0].coalescingRefineBy'],
    ]);
    assert.match(result.diagnostics[0].message, /EMAIL_EVENT of level X/);
  });

  it('NOT_ALL branches and fiscal years are not representable', () => {
    const json = root(
      { filterBranchType: 'AND', filters: [prop('createdate', { operationType: 'CALENDAR_DATE', operator: 'IN_THIS_TIME_UNIT', timeUnit: 'YEAR', useFiscalYear: true })], filterBranches: [
        { filterBranchType: 'NOT_ALL', filters: [], filterBranches: [] },
      ] },
    );
    const messages = decompiled(json).result.diagnostics.map((d) => d.message);
    assert.match(messages[0], /^filterBranch\.filterBranches\[0\]\.filters\[0\]\.operation\.useFiscalYear: a fiscal-year/);
    assert.match(messages[1], /^filterBranch\.filterBranches\[0\]\.filterBranches\[0\]: a NOT_ALL filter branch/);
  });

  it('a bad operator names its JSON path', () => {
    const json = root(and(prop('email', { operationType: 'STRING', value: 'x' }), prop('email', { operationType: 'STRING', operator: 'IS_SIMILAR', value: 'x' })));
    const d = decompiled(json).result.diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['invalid-list-json', 'not-representable']);
    assert.match(d[0].message, /^filterBranch\.filterBranches\[0\]\.filters\[0\]\.operation\.operator: is missing/);
    assert.match(d[1].message, /^filterBranch\.filterBranches\[0\]\.filters\[1\]\.operation\.operator: the STRING operation IS_SIMILAR/);
  });

  it('not a list at all', () => {
    assert.deepEqual(decompileList(42, CTX).diagnostics.map((d) => d.code), ['invalid-list-json']);
    assert.deepEqual(decompileList({ name: 'x', processingType: 'ODD' }, CTX).diagnostics.map((d) => d.message), ['processingType: must be DYNAMIC, MANUAL or SNAPSHOT.']);
  });

  it('what decompiles compiles back to the same filters (HubSpot example with flags added)', () => {
    const json = root(and(
      prop('lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['lead', 'customer'], includeObjectsWithNoValueSet: false }),
      prop('num_visits', { operationType: 'NUMBER_RANGED', operator: 'IS_BETWEEN', lowerBound: 50, upperBound: 500, includeObjectsWithNoValueSet: false }),
    ));
    const { result } = decompiled(json);
    assert.ok(result.list);
    const again = compileList(result.list, { schema: TEST_SCHEMA, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    assert.deepEqual(again.request?.filterBranch, json);
  });
});
