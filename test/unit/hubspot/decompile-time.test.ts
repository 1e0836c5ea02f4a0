// Decompiling time points: INDEXED (relative times), PROPERTY_REFERENCED, UPDATED_AT, the old
// ROLLING_DATE_RANGE, and a `date` property's days.

import { strict as assert } from 'node:assert';
import { settingValueString } from '@hslist/grammar';
import { and, decompiled, prop, root } from './decompile-support';

describe('decompile: time points', () => {
  it('INDEXED points read back as relative times; ones no phrase writes (hours, another zone) are refused', () => {
    const at = (timePoint: object, operator = 'IS_AFTER') =>
      prop('createdate', { operationType: 'TIME_POINT', type: 'TIME_POINT', operator, endpointBehavior: 'EXCLUSIVE', propertyParser: 'VALUE', timePoint });
    const indexed = (indexReference: object, offset?: object, zoneId = 'UTC') => ({ timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId, indexReference, offset });
    const endOfDay = { hour: 23, minute: 59, second: 59, millisecond: 999 };
    assert.equal(decompiled(root(and(at(indexed({ referenceType: 'TODAY', ...endOfDay }))))).where, 'createdate is after today');
    assert.equal(decompiled(root(and(at(indexed({ referenceType: 'TODAY', ...endOfDay }, { days: 2 }))))).where, 'createdate is more than days from now 2 days');
    assert.equal(decompiled(root(and(at(indexed({ referenceType: 'MONTH', day: 1 }, { months: -1 }), 'IS_BEFORE')))).where, 'createdate is before 1 months before start of month');
    assert.equal(decompiled(root(and(at(indexed({ referenceType: 'YEAR', month: 1, day: 1, ...endOfDay }, { years: 1, days: -1 }))))).where, 'createdate is after end of year');
    const hours = decompiled(root(and(at(indexed({ referenceType: 'NOW' }, { hours: -6 })))));
    assert.match(hours.result.diagnostics[0].message, /offset\.hours: an offset in hours cannot be written/);
    const twoZones = decompiled(root(and(at(indexed({ referenceType: 'NOW' }, undefined, 'Asia/Tokyo')), at(indexed({ referenceType: 'NOW' }, undefined, 'Europe/Paris')))));
    assert.match(twoZones.result.diagnostics[0].message, /zoneId: an INDEXED time point in Europe\/Paris in a list read in Asia\/Tokyo/);
  });

  it('PROPERTY_REFERENCED (EXCLUSIVE) → is before property P; UPDATED_AT → was updated …', () => {
    const op = (operation: object) => prop('closedate', { operationType: 'TIME_POINT', type: 'TIME_POINT', endpointBehavior: 'EXCLUSIVE', ...operation });
    const other = { timeType: 'PROPERTY_REFERENCED', timezoneSource: 'CUSTOM', zoneId: 'UTC', property: 'createdate', referenceType: 'VALUE' };
    assert.equal(decompiled(root(and(op({ operator: 'IS_BEFORE', propertyParser: 'VALUE', timePoint: other })))).where, 'closedate is before property createdate');
    const inclusive = decompiled(root(and(op({ operator: 'IS_BEFORE', propertyParser: 'VALUE', timePoint: other, endpointBehavior: 'INCLUSIVE' }))));
    assert.equal(inclusive.result.list, undefined, 'an inclusive comparison with another property has no phrase');
    const day = { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'UTC', year: 2024, month: 1, day: 31, hour: 0, minute: 0, second: 0, millisecond: 0 };
    assert.equal(decompiled(root(and(op({ operator: 'IS_BEFORE', propertyParser: 'UPDATED_AT', timePoint: day })))).where, 'closedate updated before 2024-01-31');
  });

  it('ROLLING_DATE_RANGE (what hslist compiled before) → N days before / after now, the same contacts', () => {
    const rolling = (operator: string) => decompiled(root(and(prop('closedate', { operationType: 'ROLLING_DATE_RANGE', operator, numberOfDays: 7, requiresTimeZoneConversion: true })))).where;
    assert.equal(rolling('IS_LESS_THAN_X_DAYS_AGO'), 'closedate is between 7 days before now and now');
    assert.equal(rolling('IS_MORE_THAN_X_DAYS_AGO'), 'closedate is before 7 days before now');
    assert.equal(rolling('IS_LESS_THAN_X_DAYS_FROM_NOW'), 'closedate is between now and 7 days after now');
    assert.equal(rolling('IS_MORE_THAN_X_DAYS_FROM_NOW'), 'closedate is after 7 days after now');
  });

  it('a `date` property\'s DATE points are days whatever their zone; the list keeps the zone of its other points', () => {
    const birthday = prop('birthday', { operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_BEFORE', endpointBehavior: 'EXCLUSIVE', propertyParser: 'VALUE',
      timePoint: { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'UTC', year: 2024, month: 3, day: 4, hour: 0, minute: 0, second: 0, millisecond: 0 } });
    const created = prop('createdate', { operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_AFTER', endpointBehavior: 'EXCLUSIVE', propertyParser: 'VALUE',
      timePoint: { timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId: 'America/New_York', indexReference: { referenceType: 'NOW' } } });
    const { where, result } = decompiled(root(and(birthday, created)));
    assert.equal(where, 'birthday is before 2024-03-04 and createdate is after now');
    assert.deepEqual(result.list?.settings.map((s) => (s.value && settingValueString(s.value))), ['active', 'America/New_York']);
  });
});
