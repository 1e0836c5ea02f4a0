import { strict as assert } from 'node:assert';
import { contact, kept, matches, property } from './helpers';

const at = (iso: string) => contact({ when: iso });

function datePoint(year: number, month: number, day: number, zoneId: string, time: [number, number, number, number] = [0, 0, 0, 0]) {
  const [hour, minute, second, millisecond] = time;
  return { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId, year, month, day, hour, minute, second, millisecond };
}

const indexed = (referenceType: string, offset: Record<string, number> = {}, zoneId = 'UTC') =>
  ({ timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId, indexReference: { referenceType }, offset });

describe('HubSpot emulator evaluator: time points', () => {
  const afterEndOfMarch4InNewYork = (endpointBehavior: string) => property('when', {
    operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_AFTER', endpointBehavior, propertyParser: 'VALUE',
    timePoint: datePoint(2024, 3, 4, 'America/New_York', [23, 59, 59, 999]),
  });

  it('a DATE time point is read in its own zone (New York is UTC−5 in early March)', () => {
    const people = { lateEvening: at('2024-03-05T04:30:00Z'), nextMorning: at('2024-03-05T05:00:00Z'), dateOnly: at('2024-03-05') };
    assert.deepEqual(kept(afterEndOfMarch4InNewYork('EXCLUSIVE'), people), ['nextMorning']);
  });
  it('INCLUSIVE endpoints include the instant itself', () => {
    const exact = at('2024-03-05T04:59:59.999Z');
    assert.equal(matches(afterEndOfMarch4InNewYork('EXCLUSIVE'), exact), false);
    assert.equal(matches(afterEndOfMarch4InNewYork('INCLUSIVE'), exact), true);
  });
  it('IS_BEFORE a date means before its start; epoch milliseconds are dates too', () => {
    const before = property('when', { operationType: 'TIME_POINT', operator: 'IS_BEFORE', timePoint: datePoint(2024, 1, 31, 'UTC') });
    const people = { jan30: at(String(Date.parse('2024-01-30T23:59:59Z'))), jan31: at('2024-01-31T00:00:00Z') };
    assert.deepEqual(kept(before, people), ['jan30']);
  });
  it('an INDEXED TODAY starts at midnight in the time point zone', () => {
    // now = 2024-06-15 12:00 UTC = 21:00 in Tokyo; Tokyo's today began at 2024-06-14 15:00 UTC.
    const afterTodayTokyo = property('when', { operationType: 'TIME_POINT', operator: 'IS_AFTER', endpointBehavior: 'INCLUSIVE', timePoint: indexed('TODAY', {}, 'Asia/Tokyo') });
    assert.deepEqual(kept(afterTodayTokyo, { a: at('2024-06-14T15:00:00Z'), b: at('2024-06-14T14:59:59Z') }), ['a']);
  });
  it('"created in the last 30 days": TIME_RANGED from TODAY−30 days to NOW, inclusive', () => {
    const last30 = property('when', {
      operationType: 'TIME_RANGED', operator: 'IS_BETWEEN', lowerBoundEndpointBehavior: 'INCLUSIVE', upperBoundEndpointBehavior: 'INCLUSIVE',
      lowerBoundTimePoint: indexed('TODAY', { days: -30 }), upperBoundTimePoint: indexed('NOW'),
    });
    const people = { edge: at('2024-05-16T00:00:00Z'), tooOld: at('2024-05-15T23:59:59Z'), now: at('2024-06-15T12:00:00Z'), future: at('2024-06-15T12:00:01Z') };
    assert.deepEqual(kept(last30, people), ['edge', 'now']);
  });
  it('TIME_RANGED is the whole day; NOT_BETWEEN negates it; EXCLUSIVE makes a side strict', () => {
    const day = (operator: string, lowerBoundEndpointBehavior = 'INCLUSIVE') => property('when', {
      operationType: 'TIME_RANGED', operator, lowerBoundEndpointBehavior,
      lowerBoundTimePoint: datePoint(2024, 1, 31, 'UTC'), upperBoundTimePoint: datePoint(2024, 1, 31, 'UTC', [23, 59, 59, 999]),
    });
    const people = { start: at('2024-01-31T00:00:00Z'), end: at('2024-01-31T23:59:59.999Z'), next: at('2024-02-01T00:00:00Z'), none: contact({}) };
    assert.deepEqual(kept(day('IS_BETWEEN'), people), ['start', 'end']);
    assert.deepEqual(kept(day('IS_NOT_BETWEEN'), people), ['next']);
    assert.deepEqual(kept(day('IS_BETWEEN', 'EXCLUSIVE'), people), ['end']);
  });
  it('a month offset from the 31st lands on the last day of a shorter month (Jan 31 + 1 month = Feb 29 in 2024)', () => {
    const beforeMonthAhead = property('when', { operationType: 'TIME_POINT', operator: 'IS_BEFORE', endpointBehavior: 'EXCLUSIVE', timePoint: indexed('TODAY', { months: 1 }) });
    const now = Date.parse('2024-01-31T12:00:00Z');
    assert.deepEqual(kept(beforeMonthAhead, { feb28: at('2024-02-28T23:59:59Z'), feb29: at('2024-02-29T00:00:00Z') }, { now }), ['feb28']);
  });
  it('WEEK, MONTH, QUARTER and YEAR references name a day of the current unit; date properties compare as days', () => {
    const after = (indexReference: object, offset?: object) => property('when', { operationType: 'TIME_POINT', operator: 'IS_AFTER', endpointBehavior: 'EXCLUSIVE', timePoint: { timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId: 'UTC', indexReference, offset } });
    const endOfDay = { hour: 23, minute: 59, second: 59, millisecond: 999 };
    // now = Saturday 2024-06-15: the week ends on Sunday the 16th, the quarter on June 30.
    assert.deepEqual(kept(after({ referenceType: 'WEEK', dayOfWeek: 'SUNDAY', ...endOfDay }), { sun: at('2024-06-16T23:00:00Z'), mon: at('2024-06-17T00:00:00Z') }), ['mon']);
    assert.deepEqual(kept(after({ referenceType: 'QUARTER', month: 1, day: 1, ...endOfDay }, { months: 3, days: -1 }), { june: at('2024-06-30T12:00:00Z'), july: at('2024-07-01T00:00:00Z') }), ['july']);
    const today = (zoneId: string) => property('when', { operationType: 'TIME_RANGED', operator: 'IS_BETWEEN', propertyParser: 'VALUE',
      lowerBoundTimePoint: { timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId, indexReference: { referenceType: 'TODAY' } },
      upperBoundTimePoint: { timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId, indexReference: { referenceType: 'TODAY', ...endOfDay } } });
    const days = { d15: at('2024-06-15'), d16: at('2024-06-16') };
    const dateOnly = { propertyType: () => 'date' };
    // 12:00 UTC is already the 16th in Chatham, still the 15th in New York: a date property's "today" is that day.
    assert.deepEqual(kept(today('Pacific/Chatham'), days, dateOnly), ['d16']);
    assert.deepEqual(kept(today('America/New_York'), days, dateOnly), ['d15']);
    assert.deepEqual(kept(today('America/New_York'), days), ['d16'], 'read as instants, midnight UTC of the 16th falls in New York\'s 15th: the off-by-one day');
  });
  it('an offset in months keeps the wall-clock day', () => {
    const afterMonthAgo = property('when', { operationType: 'TIME_POINT', operator: 'IS_AFTER', timePoint: indexed('TODAY', { months: -1 }) });
    assert.deepEqual(kept(afterMonthAgo, { a: at('2024-05-15T00:00:01Z'), b: at('2024-05-14T23:00:00Z') }), ['a']);
  });
});

describe('HubSpot emulator evaluator: rolling, calendar and comparative dates', () => {
  const rolling = (operator: string, numberOfDays: number) => property('when', { operationType: 'ROLLING_DATE_RANGE', operator, numberOfDays });
  const people = {
    hourAgo: at('2024-06-15T11:00:00Z'), eightDaysAgo: at('2024-06-07T12:00:00Z'), inTwoDays: at('2024-06-17T12:00:00Z'),
    inTenDays: at('2024-06-25T12:00:00Z'), none: contact({}),
  };
  it('less / more than N days ago and from now (a day is 24 h)', () => {
    assert.deepEqual(kept(rolling('IS_LESS_THAN_X_DAYS_AGO', 7), people), ['hourAgo']);
    assert.deepEqual(kept(rolling('IS_MORE_THAN_X_DAYS_AGO', 7), people), ['eightDaysAgo']);
    assert.deepEqual(kept(rolling('IS_LESS_THAN_X_DAYS_FROM_NOW', 7), people), ['inTwoDays']);
    assert.deepEqual(kept(rolling('IS_MORE_THAN_X_DAYS_FROM_NOW', 7), people), ['inTenDays']);
  });
  const calendar = (operator: string, timeUnit: string, timeUnitCount?: number) =>
    property('when', { operationType: 'CALENDAR_DATE', operator, timeUnit, ...(timeUnitCount ? { timeUnitCount } : {}) });
  it('this week runs Monday to Sunday; so far stops at now', () => {
    const week = { monday: at('2024-06-10T00:00:00Z'), sunday: at('2024-06-16T23:00:00Z'), lastSunday: at('2024-06-09T23:59:59Z') };
    assert.deepEqual(kept(calendar('IN_THIS_TIME_UNIT', 'WEEK'), week), ['monday', 'sunday']);
    assert.deepEqual(kept(calendar('IN_THIS_TIME_UNIT_SO_FAR', 'WEEK'), week), ['monday']);
  });
  it('last month, next quarter, last 2 years', () => {
    const dates = { may1: at('2024-05-01T00:00:00Z'), may31: at('2024-05-31T23:59:59Z'), jun1: at('2024-06-01T00:00:00Z'), sep30: at('2024-09-30T10:00:00Z'), y2022: at('2022-01-01T00:00:00Z'), y2021: at('2021-12-31T23:00:00Z') };
    assert.deepEqual(kept(calendar('IN_LAST_TIME_UNIT', 'MONTH'), dates), ['may1', 'may31']);
    assert.deepEqual(kept(calendar('IN_NEXT_TIME_UNIT', 'QUARTER'), dates), ['sep30']);
    assert.deepEqual(kept(calendar('IN_LAST_TIME_UNIT', 'YEAR', 2), dates), ['y2022']);
  });
  it('calendar units are read in the list time zone', () => {
    // 2024-06-15 12:00 UTC is already 2024-06-16 00:00 in Auckland (UTC+12): "today" there is the 16th.
    const today = calendar('IN_THIS_TIME_UNIT', 'DAY');
    const sixteenthUtc = at('2024-06-16T05:00:00Z');
    assert.equal(matches(today, sixteenthUtc), false);
    assert.equal(matches(today, sixteenthUtc, { timeZone: 'Pacific/Auckland' }), true);
  });
  it('COMPARATIVE_DATE compares with another property; unknown other → false', () => {
    const before = property('when', { operationType: 'COMPARATIVE_DATE', operator: 'IS_BEFORE', comparisonPropertyName: 'other' });
    assert.equal(matches(before, contact({ when: '2024-01-01', other: '2024-01-02' })), true);
    assert.equal(matches(before, contact({ when: '2024-01-02', other: '2024-01-02' })), false);
    assert.equal(matches(before, contact({ when: '2024-01-01' })), false);
  });
  it('no value gets the includeObjectsWithNoValueSet flag', () => {
    const withUnknown = property('when', { operationType: 'ROLLING_DATE_RANGE', operator: 'IS_LESS_THAN_X_DAYS_AGO', numberOfDays: 7, includeObjectsWithNoValueSet: true });
    assert.equal(matches(withUnknown, contact({})), true);
    assert.equal(matches(withUnknown, at('not a date')), true, 'a value that does not parse is unknown');
  });
});
