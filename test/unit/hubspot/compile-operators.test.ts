// Every row of the operator table: .hslist text in, the hand-written PROPERTY operation out.

import { strict as assert } from 'node:assert';
import type { PropertyCondition } from '@hslist/grammar';
import { OPERATOR_TABLE, operationFor, type OperatorRow } from '../../../server/src/language/operators';
import { compileText, listText, parseList, TEST_SCHEMA } from './compile-support';

type Case = [where: string, property: string, operation: Record<string, unknown>];

const UTC = { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'UTC' };
const dayStart = (y: number, m: number, d: number) => ({ ...UTC, year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 });
const dayEnd = (y: number, m: number, d: number) => ({ ...UTC, year: y, month: m, day: d, hour: 23, minute: 59, second: 59, millisecond: 999 });
const ranged = (operator: string, lower: object, upper: object) => ({
  operationType: 'TIME_RANGED', type: 'TIME_RANGED', operator, includeObjectsWithNoValueSet: false,
  lowerBoundTimePoint: lower, upperBoundTimePoint: upper,
  lowerBoundEndpointBehavior: 'INCLUSIVE', upperBoundEndpointBehavior: 'INCLUSIVE', propertyParser: 'VALUE',
});
const point = (operator: string, timePoint: object) => ({
  operationType: 'TIME_POINT', type: 'TIME_POINT', operator, includeObjectsWithNoValueSet: false,
  timePoint, endpointBehavior: 'EXCLUSIVE', propertyParser: 'VALUE',
});
const F = { includeObjectsWithNoValueSet: false };
/** HubSpot's INDEXED time point (the list's zone is UTC here). */
const indexed = (indexReference: object, offset?: object) => ({ timeType: 'INDEXED', timezoneSource: 'CUSTOM', zoneId: 'UTC', indexReference, ...(offset ? { offset } : {}) });
const TODAY = { referenceType: 'TODAY' };
const END_OF_TODAY = { referenceType: 'TODAY', hour: 23, minute: 59, second: 59, millisecond: 999 };
const NOW = { referenceType: 'NOW' };
/** HubSpot's PROPERTY_REFERENCED time point: another property's value, or the time of its last update. */
const referenced = (property: string, referenceType = 'VALUE') => ({ timeType: 'PROPERTY_REFERENCED', timezoneSource: 'CUSTOM', zoneId: 'UTC', property, referenceType });
const updated = (operation: Record<string, unknown>) => ({ ...operation, propertyParser: 'UPDATED_AT' });

const CASES: Case[] = [
  ['email is known', 'email', { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN', ...F }],
  ['email is unknown', 'email', { operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN', ...F }],
  ['hs_location is known', 'hs_location', { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN', ...F }],
  ['email was updated in last 7 days', 'email', { operationType: 'ROLLING_PROPERTY_UPDATED', operator: 'UPDATED_IN_LAST_X_DAYS', ...F, numberOfDays: 7 }],
  ['email was not updated in last 30 days', 'email', { operationType: 'ROLLING_PROPERTY_UPDATED', operator: 'NOT_UPDATED_IN_LAST_X_DAYS', ...F, numberOfDays: 30 }],
  ['email is blank', 'email', { operationType: 'ALL_PROPERTY', operator: 'IS_BLANK', ...F }],
  ['email is not blank', 'email', { operationType: 'ALL_PROPERTY', operator: 'IS_NOT_BLANK', ...F }],
  ['email was updated before 2024-01-31', 'email', updated(point('IS_BEFORE', dayStart(2024, 1, 31)))],
  ['email was updated after today', 'email', updated(point('IS_AFTER', indexed(END_OF_TODAY)))],
  ['email was updated between 7 days before today and now', 'email', updated(ranged('IS_BETWEEN', indexed(TODAY, { days: -7 }), indexed(NOW)))],

  ['country is "Poland"', 'country', { operationType: 'STRING', operator: 'IS_EQUAL_TO', ...F, value: 'Poland' }],
  ['phone = "+48 123"', 'phone', { operationType: 'STRING', operator: 'IS_EQUAL_TO', ...F, value: '+48 123' }],
  ['annualrevenue is 1000000', 'annualrevenue', { operationType: 'NUMBER', operator: 'IS_EQUAL_TO', ...F, value: 1000000 }],
  ['is_customer is true', 'is_customer', { operationType: 'BOOL', operator: 'IS_EQUAL_TO', ...F, value: true }],
  ['lifecyclestage is lead', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', ...F, values: ['lead'] }],
  ['birthday is 2024-01-31', 'birthday', ranged('IS_BETWEEN', dayStart(2024, 1, 31), dayEnd(2024, 1, 31))],
  ['country is not "Poland"', 'country', { operationType: 'STRING', operator: 'IS_NOT_EQUAL_TO', ...F, value: 'Poland' }],
  ['annualrevenue != 5', 'annualrevenue', { operationType: 'NUMBER', operator: 'IS_NOT_EQUAL_TO', ...F, value: 5 }],
  ['is_customer is not false', 'is_customer', { operationType: 'BOOL', operator: 'IS_NOT_EQUAL_TO', ...F, value: false }],
  ['lifecyclestage is not customer', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', ...F, values: ['customer'] }],
  ['birthday is not 2024-02-29', 'birthday', ranged('IS_NOT_BETWEEN', dayStart(2024, 2, 29), dayEnd(2024, 2, 29))],

  ['country is any of ("Poland", "Germany")', 'country', { operationType: 'MULTISTRING', operator: 'IS_EQUAL_TO', ...F, values: ['Poland', 'Germany'] }],
  ['lifecyclestage is any of (lead, customer)', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', ...F, values: ['lead', 'customer'] }],
  ['country is none of ("Poland")', 'country', { operationType: 'MULTISTRING', operator: 'IS_NOT_EQUAL_TO', ...F, values: ['Poland'] }],
  ['lifecyclestage is none of (lead, customer)', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', ...F, values: ['lead', 'customer'] }],
  ['hs_interests is exactly (crm, sales)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_EXACTLY', ...F, values: ['crm', 'sales'] }],
  ['hs_interests is not exactly (crm)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_NOT_EXACTLY', ...F, values: ['crm'] }],
  ['hs_interests contains all of (crm, sales)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'CONTAINS_ALL', ...F, values: ['crm', 'sales'] }],
  ['hs_interests does not contain all of (crm)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'DOES_NOT_CONTAIN_ALL', ...F, values: ['crm'] }],
  // A multi-select: `is` is HubSpot's "is equal to", the whole set (Lists FAQ); `contains` is any one option.
  ['hs_interests is crm', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_EXACTLY', ...F, values: ['crm'] }],
  ['hs_interests is not crm', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_NOT_EXACTLY', ...F, values: ['crm'] }],
  ['hs_interests contains crm', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', ...F, values: ['crm'] }],
  ['hs_interests does not contain crm', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', ...F, values: ['crm'] }],
  ['hs_interests contains any of (crm, sales)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', ...F, values: ['crm', 'sales'] }],
  ['hs_interests does not contain any of (crm, sales)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', ...F, values: ['crm', 'sales'] }],

  ['email contains "@acme"', 'email', { operationType: 'STRING', operator: 'CONTAINS', ...F, value: '@acme' }],
  ['email does not contain "test"', 'email', { operationType: 'STRING', operator: 'DOES_NOT_CONTAIN', ...F, value: 'test' }],
  ['email contains any of ("a", "b")', 'email', { operationType: 'MULTISTRING', operator: 'CONTAINS', ...F, values: ['a', 'b'] }],
  ['email does not contain any of ("a", "b")', 'email', { operationType: 'MULTISTRING', operator: 'DOES_NOT_CONTAIN', ...F, values: ['a', 'b'] }],
  ['firstname starts with "Jo"', 'firstname', { operationType: 'STRING', operator: 'STARTS_WITH', ...F, value: 'Jo' }],
  ['firstname starts with any of ("Jo", "An")', 'firstname', { operationType: 'MULTISTRING', operator: 'STARTS_WITH', ...F, values: ['Jo', 'An'] }],
  ['email ends with "@example.com"', 'email', { operationType: 'STRING', operator: 'ENDS_WITH', ...F, value: '@example.com' }],
  ['email ends with any of ("@a.com", "@b.com")', 'email', { operationType: 'MULTISTRING', operator: 'ENDS_WITH', ...F, values: ['@a.com', '@b.com'] }],
  ['firstname contains exactly "Ann"', 'firstname', { operationType: 'MULTISTRING', operator: 'CONTAINS_EXACTLY', ...F, values: ['Ann'] }],
  ['firstname does not contain exactly "Ann"', 'firstname', { operationType: 'MULTISTRING', operator: 'DOES_NOT_CONTAIN_EXACTLY', ...F, values: ['Ann'] }],

  ['num_visits > 3', 'num_visits', { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', ...F, value: 3 }],
  ['num_visits >= 3.5', 'num_visits', { operationType: 'NUMBER', operator: 'IS_GREATER_THAN_OR_EQUAL_TO', ...F, value: 3.5 }],
  ['num_visits < -2', 'num_visits', { operationType: 'NUMBER', operator: 'IS_LESS_THAN', ...F, value: -2 }],
  ['num_visits <= 0', 'num_visits', { operationType: 'NUMBER', operator: 'IS_LESS_THAN_OR_EQUAL_TO', ...F, value: 0 }],
  ['annualrevenue is between 50 and 500', 'annualrevenue', { operationType: 'NUMBER_RANGED', operator: 'IS_BETWEEN', ...F, lowerBound: 50, upperBound: 500 }],
  ['annualrevenue is not between 50 and 500', 'annualrevenue', { operationType: 'NUMBER_RANGED', operator: 'IS_NOT_BETWEEN', ...F, lowerBound: 50, upperBound: 500 }],
  ['createdate is between 2024-01-01 and 2024-03-31', 'createdate', ranged('IS_BETWEEN', dayStart(2024, 1, 1), dayEnd(2024, 3, 31))],
  ['createdate is not between 2024-01-01 and 2024-03-31', 'createdate', ranged('IS_NOT_BETWEEN', dayStart(2024, 1, 1), dayEnd(2024, 3, 31))],

  ['createdate is before 2024-01-31', 'createdate', point('IS_BEFORE', dayStart(2024, 1, 31))],
  ['createdate is after 2024-01-31', 'createdate', point('IS_AFTER', dayEnd(2024, 1, 31))],
  // HubSpot's documented encoding of "is before another property": a PROPERTY_REFERENCED time point.
  ['createdate is before property closedate', 'createdate', point('IS_BEFORE', referenced('closedate'))],
  ['createdate is after property closedate', 'createdate', point('IS_AFTER', referenced('closedate'))],
  ['createdate is after when country was updated', 'createdate', point('IS_AFTER', referenced('country', 'UPDATED_AT'))],
  ['country was updated before property closedate', 'country', { ...point('IS_BEFORE', referenced('closedate')), propertyParser: 'UPDATED_AT' }],
  ['createdate is between property closedate and when country was updated', 'createdate', ranged('IS_BETWEEN', referenced('closedate'), referenced('country', 'UPDATED_AT'))],
  ['createdate is not between property closedate and today', 'createdate', ranged('IS_NOT_BETWEEN', referenced('closedate'), indexed(END_OF_TODAY))],
  // HubSpot's documented encoding of "is less than 3 days ago": from TODAY − 3 days to NOW.
  ['createdate is less than 90 days ago', 'createdate', ranged('IS_BETWEEN', indexed(TODAY, { days: -90 }), indexed(NOW))],
  ['createdate is more than 90 days ago', 'createdate', point('IS_BEFORE', indexed(TODAY, { days: -90 }))],
  ['closedate is less than 14 days from now', 'closedate', ranged('IS_BETWEEN', indexed(NOW), indexed(END_OF_TODAY, { days: 14 }))],
  ['closedate is more than 14 days from now', 'closedate', point('IS_AFTER', indexed(END_OF_TODAY, { days: 14 }))],
  ['createdate is after today', 'createdate', point('IS_AFTER', indexed(END_OF_TODAY))],
  ['createdate is before start of month', 'createdate', point('IS_BEFORE', indexed({ referenceType: 'MONTH', day: 1 }))],
  ['createdate is after end of quarter', 'createdate', point('IS_AFTER', indexed({ referenceType: 'QUARTER', month: 1, day: 1, hour: 23, minute: 59, second: 59, millisecond: 999 }, { months: 3, days: -1 }))],
  ['createdate is between start of week and 2 weeks after now', 'createdate', ranged('IS_BETWEEN', indexed({ referenceType: 'WEEK', dayOfWeek: 'MONDAY' }), indexed(NOW, { weeks: 2 }))],
  ['createdate is today', 'createdate', ranged('IS_BETWEEN', indexed(TODAY), indexed(END_OF_TODAY))],
  ['createdate is before 1 year before start of year', 'createdate', point('IS_BEFORE', indexed({ referenceType: 'YEAR', month: 1, day: 1 }, { years: -1 }))],
  ['createdate is in this month', 'createdate', { operationType: 'CALENDAR_DATE', operator: 'IN_THIS_TIME_UNIT', ...F, timeUnit: 'MONTH', useFiscalYear: false }],
  ['createdate is in this quarter so far', 'createdate', { operationType: 'CALENDAR_DATE', operator: 'IN_THIS_TIME_UNIT_SO_FAR', ...F, timeUnit: 'QUARTER', useFiscalYear: false }],
  ['closedate is in next 3 weeks', 'closedate', { operationType: 'CALENDAR_DATE', operator: 'IN_NEXT_TIME_UNIT', ...F, timeUnit: 'WEEK', timeUnitCount: 3, useFiscalYear: false }],
  ['createdate is in last year', 'createdate', { operationType: 'CALENDAR_DATE', operator: 'IN_LAST_TIME_UNIT', ...F, timeUnit: 'YEAR', useFiscalYear: false }],

  ['country has ever been "Poland"', 'country', { operationType: 'STRING', operator: 'HAS_EVER_BEEN_EQUAL_TO', ...F, value: 'Poland' }],
  ['country has never been "Poland"', 'country', { operationType: 'STRING', operator: 'HAS_NEVER_BEEN_EQUAL_TO', ...F, value: 'Poland' }],
  ['num_visits has ever been 3', 'num_visits', { operationType: 'NUMBER', operator: 'HAS_EVER_BEEN_EQUAL_TO', ...F, value: 3 }],
  ['num_visits has never been 3', 'num_visits', { operationType: 'NUMBER', operator: 'HAS_NEVER_BEEN_EQUAL_TO', ...F, value: 3 }],
  ['is_customer has ever been true', 'is_customer', { operationType: 'BOOL', operator: 'HAS_EVER_BEEN_EQUAL_TO', ...F, value: true }],
  ['is_customer has never been true', 'is_customer', { operationType: 'BOOL', operator: 'HAS_NEVER_BEEN_EQUAL_TO', ...F, value: true }],
  ['lifecyclestage has ever been customer', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'HAS_EVER_BEEN_ANY_OF', ...F, values: ['customer'] }],
  ['lifecyclestage has ever been any of (lead, customer)', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'HAS_EVER_BEEN_ANY_OF', ...F, values: ['lead', 'customer'] }],
  ['lifecyclestage has never been customer', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'HAS_NEVER_BEEN_ANY_OF', ...F, values: ['customer'] }],
  ['lifecyclestage has never been any of (lead, customer)', 'lifecyclestage', { operationType: 'ENUMERATION', operator: 'HAS_NEVER_BEEN_ANY_OF', ...F, values: ['lead', 'customer'] }],
  ['hs_interests has ever been exactly (crm, sales)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'HAS_EVER_BEEN_EXACTLY', ...F, values: ['crm', 'sales'] }],
  ['hs_interests has never been exactly (crm)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'HAS_NEVER_BEEN_EXACTLY', ...F, values: ['crm'] }],
  ['email has ever contained "acme"', 'email', { operationType: 'STRING', operator: 'HAS_EVER_CONTAINED', ...F, value: 'acme' }],
  ['email has never contained "acme"', 'email', { operationType: 'STRING', operator: 'HAS_NEVER_CONTAINED', ...F, value: 'acme' }],
  ['hs_interests has ever contained all of (crm, sales)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'HAS_EVER_CONTAINED_ALL', ...F, values: ['crm', 'sales'] }],
  ['hs_interests has never contained all of (crm)', 'hs_interests', { operationType: 'ENUMERATION', operator: 'HAS_NEVER_CONTAINED_ALL', ...F, values: ['crm'] }],
];

/** The table row a case's condition resolves to, read from the parsed text. */
function rowOf(where: string): OperatorRow | undefined {
  const cond = parseList(listText(where)).where as PropertyCondition;
  const def = TEST_SCHEMA.objects.contacts.get(cond.property.text);
  return def && operationFor(cond.operator, cond.operands.kind, def);
}

describe('compile: every operator-table row', () => {
  for (const [where, property, operation] of CASES) {
    it(`where ${where}`, () => {
      const { request, diagnostics } = compileText(listText(where));
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(request?.filterBranch, {
        filterBranchType: 'OR',
        filters: [],
        filterBranches: [{ filterBranchType: 'AND', filters: [{ filterType: 'PROPERTY', property, operation }], filterBranches: [] }],
      });
    });
  }

  it('the cases cover every row of OPERATOR_TABLE and every type class of each row', () => {
    const covered = new Set(CASES.map(([where]) => rowOf(where)));
    const missing = OPERATOR_TABLE.filter((r) => !covered.has(r)).map((r) => `${r.surface} (${r.operand}, ${String(r.types)})`);
    assert.deepEqual(missing, []);
  });
});
