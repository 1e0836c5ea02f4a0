// The compiler beyond single operators: list settings, lists, associations, forms, constants,
// `not` pushed to the leaves, `including unknown`, the OR-of-AND distribution and its limits.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileFile } from '../../../server/src/hubspot/compile';
import type { AndBranch, Filter } from '../../../server/src/hubspot/filter-branch';
import { marked } from '../../support/markers';
import { compileText, CTX, listText } from './compile-support';

const F = { includeObjectsWithNoValueSet: false };
const T = { includeObjectsWithNoValueSet: true };
const str = (property: string, operator: string, value: string, flag = F) => ({
  filterType: 'PROPERTY', property, operation: { operationType: 'STRING', operator, ...flag, value },
});

function branchesOf(where: string, settings = ''): AndBranch[] {
  const { request, diagnostics } = compileText(listText(where, settings));
  assert.deepEqual(diagnostics, []);
  assert.ok(request?.filterBranch);
  return request.filterBranch.filterBranches;
}

/** The filters of each AND branch, for criteria without associations. */
function filtersOf(where: string, settings = ''): Filter[][] {
  return branchesOf(where, settings).map((b) => {
    assert.deepEqual(b.filterBranches, []);
    return b.filters;
  });
}

describe('compile: list settings', () => {
  it('an active list is DYNAMIC on contacts, named after the list, with no folder id', () => {
    const { request } = compileText('list "Qualified" {\n  type: active\n  folder: "Salesforce"\n  where email is known\n}');
    assert.deepEqual(request, {
      name: 'Qualified',
      objectTypeId: '0-1',
      processingType: 'DYNAMIC',
      filterBranch: {
        filterBranchType: 'OR',
        filters: [],
        filterBranches: [{
          filterBranchType: 'AND',
          filters: [{ filterType: 'PROPERTY', property: 'email', operation: { operationType: 'ALL_PROPERTY', operator: 'IS_KNOWN', ...F } }],
          filterBranches: [],
        }],
      },
    });
  });

  it('a snapshot list is SNAPSHOT with criteria', () => {
    const { request } = compileText('list "S" {\n  type: snapshot\n  where email is known\n}');
    assert.equal(request?.processingType, 'SNAPSHOT');
    assert.ok(request?.filterBranch);
  });

  it('a static list is MANUAL without a filterBranch', () => {
    const { request, diagnostics } = compileText('list "Hand picked" {\n  type: static\n}');
    assert.deepEqual(request, { name: 'Hand picked', objectTypeId: '0-1', processingType: 'MANUAL' });
    assert.deepEqual(diagnostics, []);
  });

  it('a static list with criteria warns that they are not published', () => {
    const { request, diagnostics } = compileText('list "H" {\n  type: static\n  where email is known\n}');
    assert.equal(request?.filterBranch, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['static-list-criteria', 'warning']]);
  });

  it('an active list without criteria matches no one, in the required root shape', () => {
    const { request } = compileText('list "Empty" {\n  type: active\n}');
    assert.deepEqual(request?.filterBranch, {
      filterBranchType: 'OR',
      filters: [],
      filterBranches: [{ filterBranchType: 'AND', filters: [{ filterType: 'CONSTANT', shouldAccept: false }], filterBranches: [] }],
    });
  });

  it('an unknown time zone gives no request', () => {
    const { request, diagnostics } = compileText(listText('createdate is after 2024-01-01', 'timezone: "Mars/Olympus"'));
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((d) => d.code), ['not-compilable']);
  });

  it('compileFile compiles every list of a file', () => {
    const { file } = parse('list "A" { where email is known }\nlist "B" { where nobody }');
    const result = compileFile(file, CTX);
    assert.deepEqual(result.lists.map((l) => [l.name, l.request?.name]), [['A', 'A'], ['B', 'B']]);
  });
});

describe('compile: dates and time zones', () => {
  const warsaw = (hour: number, minute = 0, second = 0, millisecond = 0) => ({
    timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'Europe/Warsaw', year: 2024, month: 7, day: 1, hour, minute, second, millisecond,
  });

  it('uses the list time zone for date literals', () => {
    const [[filter]] = filtersOf('createdate is after 2024-07-01', 'timezone: "Europe/Warsaw"');
    assert.deepEqual(filter, {
      filterType: 'PROPERTY',
      property: 'createdate',
      operation: {
        operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_AFTER', ...F,
        timePoint: warsaw(23, 59, 59, 999), endpointBehavior: 'EXCLUSIVE', propertyParser: 'VALUE',
      },
    });
  });

  it('converts a datetime literal into the list zone wall clock (summer: UTC+2)', () => {
    const [[filter]] = filtersOf('createdate is before 2024-07-01T10:30:00Z', 'timezone: "Europe/Warsaw"');
    assert.deepEqual((filter as { operation: { timePoint: unknown } }).operation.timePoint, warsaw(12, 30));
  });

  it('converts an offset datetime literal too', () => {
    const [[filter]] = filtersOf('createdate is after 2024-07-01T14:00:00+04:00', 'timezone: "Europe/Warsaw"');
    assert.deepEqual((filter as { operation: { timePoint: unknown } }).operation.timePoint, warsaw(12));
  });

  it('defaults to the context time zone', () => {
    const { request } = compileText(listText('createdate is after 2024-07-01'), { ...CTX, defaultTimezone: 'America/New_York' });
    const op = request?.filterBranch?.filterBranches[0].filters[0] as { operation: { timePoint: { zoneId: string } } };
    assert.equal(op.operation.timePoint.zoneId, 'America/New_York');
  });
});

describe('compile: lists, forms, constants', () => {
  it('in list "Name" uses the published list id', () => {
    assert.deepEqual(filtersOf('in list "Webinar attendees"'), [[{ filterType: 'IN_LIST', listId: '77', operator: 'IN_LIST' }]]);
  });

  it('in list "Name" of a list not yet published uses the $list: placeholder', () => {
    assert.deepEqual(filtersOf('in list "New leads"'), [[{ filterType: 'IN_LIST', listId: '$list:New leads', operator: 'IN_LIST' }]]);
  });

  it('in list #123 uses the id as written', () => {
    assert.deepEqual(filtersOf('in list #123'), [[{ filterType: 'IN_LIST', listId: '123', operator: 'IN_LIST' }]]);
  });

  it('not in list is NOT_IN_LIST', () => {
    assert.deepEqual(filtersOf('not in list #123'), [[{ filterType: 'IN_LIST', listId: '123', operator: 'NOT_IN_LIST' }]]);
  });

  it('submitted form "id" in last 30 days is FILLED_OUT with a relative refine-by', () => {
    assert.deepEqual(filtersOf('submitted form "f-1" in last 30 days'), [[{
      filterType: 'FORM_SUBMISSION',
      operator: 'FILLED_OUT',
      formId: 'f-1',
      pruningRefineBy: { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount: 30 } },
    }]]);
  });

  it('not submitted any form is NOT_FILLED_OUT without a form id', () => {
    assert.deepEqual(filtersOf('not submitted any form'), [[{ filterType: 'FORM_SUBMISSION', operator: 'NOT_FILLED_OUT' }]]);
  });

  it('everyone and nobody are CONSTANT filters; not flips them', () => {
    assert.deepEqual(filtersOf('everyone'), [[{ filterType: 'CONSTANT', shouldAccept: true }]]);
    assert.deepEqual(filtersOf('nobody'), [[{ filterType: 'CONSTANT', shouldAccept: false }]]);
    assert.deepEqual(filtersOf('not everyone'), [[{ filterType: 'CONSTANT', shouldAccept: false }]]);
  });
});

describe('compile: associated company', () => {
  const company = (filters: unknown[]) => ({
    filterBranchType: 'ASSOCIATION', objectTypeId: '0-2', associationTypeId: 279, associationCategory: 'HUBSPOT_DEFINED',
    operator: 'IN_LIST', filters, filterBranches: [],
  });
  const industry = (values: string[]) => ({
    filterType: 'PROPERTY', property: 'industry', operation: { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', ...F, values },
  });
  const employees = { filterType: 'PROPERTY', property: 'numberofemployees', operation: { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', ...F, value: 50 } };

  it('is an ASSOCIATION branch under the AND branch, with company property filters', () => {
    const branches = branchesOf('email is known and associated company where (industry is COMPUTER_SOFTWARE and numberofemployees > 50)');
    assert.equal(branches.length, 1);
    assert.deepEqual(branches[0].filterBranches, [company([industry(['COMPUTER_SOFTWARE']), employees])]);
    assert.equal(branches[0].filters.length, 1);
  });

  it('an `or` inside splits into one branch per alternative (∃ distributes over ∨)', () => {
    const branches = branchesOf('email is known and associated company where (industry is BANKING or numberofemployees > 50)');
    assert.deepEqual(branches.map((b) => b.filterBranches), [[company([industry(['BANKING'])])], [company([employees])]]);
    assert.deepEqual(branches.map((b) => b.filters.length), [1, 1]);
  });

  it('`not` inside the company criteria is pushed into the company filters', () => {
    const branches = branchesOf('associated company where not (industry is BANKING)');
    const op = { operationType: 'ENUMERATION', operator: 'IS_NONE_OF', ...T, values: ['BANKING'] };
    assert.deepEqual(branches[0].filterBranches, [company([{ filterType: 'PROPERTY', property: 'industry', operation: op }])]);
  });

  it('`not` around an association is not expressible', () => {
    const m = marked(listText('email is known and ⟦not associated company where (industry is BANKING)⟧'));
    const { request, diagnostics } = compileText(m.text);
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.start, d.end]), [['not-expressible', m.ranges[0].start, m.ranges[0].end]]);
  });

  it('an association nested in an association is not expressible', () => {
    const m = marked(listText('associated company where (industry is BANKING and ⟦associated company where (name is "x")⟧)'));
    const { diagnostics } = compileText(m.text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.start, d.end]), [['not-expressible', m.ranges[0].start, m.ranges[0].end]]);
  });
});

describe('compile: not pushed to the leaves', () => {
  it('not (country is "PL") = country is not "PL" including unknown', () => {
    assert.deepEqual(filtersOf('not (country is "PL")'), [[str('country', 'IS_NOT_EQUAL_TO', 'PL', T)]]);
  });

  it('not (… including unknown) clears the flag', () => {
    assert.deepEqual(filtersOf('not (country is "PL" including unknown)'), [[str('country', 'IS_NOT_EQUAL_TO', 'PL')]]);
  });

  it('including unknown sets the flag', () => {
    assert.deepEqual(filtersOf('country contains "land" including unknown'), [[str('country', 'CONTAINS', 'land', T)]]);
  });

  it('not (a or b) = not a and not b (De Morgan)', () => {
    assert.deepEqual(filtersOf('not (country is "PL" or email contains "x")'), [[
      str('country', 'IS_NOT_EQUAL_TO', 'PL', T),
      str('email', 'DOES_NOT_CONTAIN', 'x', T),
    ]]);
  });

  it('not (a and b) = not a or not b', () => {
    assert.deepEqual(filtersOf('not (country is "PL" and email contains "x")'), [
      [str('country', 'IS_NOT_EQUAL_TO', 'PL', T)],
      [str('email', 'DOES_NOT_CONTAIN', 'x', T)],
    ]);
  });

  it('`P is not X and P is known` publishes the same filters as `P is not X`: the is known is implied', () => {
    assert.deepEqual(filtersOf('country is not "PL" and country is known'), filtersOf('country is not "PL"'));
    assert.deepEqual(branchesOf('associated company where (name is not "x" and name is known)'), branchesOf('associated company where name is not "x"'));
    assert.equal(filtersOf('country is not "PL" including unknown and country is known')[0].length, 2, 'kept where the flag lets unknowns in');
    assert.equal(filtersOf('email is known and country is not "PL"')[0].length, 2, 'kept for another property');
  });

  it('not not a = a', () => {
    assert.deepEqual(filtersOf('not (not (country is "PL"))'), [[str('country', 'IS_EQUAL_TO', 'PL')]]);
  });

  it('is known ↔ is unknown keep the flag', () => {
    const [[f]] = filtersOf('not (email is known)');
    assert.deepEqual(f, { filterType: 'PROPERTY', property: 'email', operation: { operationType: 'ALL_PROPERTY', operator: 'IS_UNKNOWN', ...F } });
  });

  it('history and updated-at operators negate without touching the flag', () => {
    assert.deepEqual(filtersOf('not (country has ever been "PL")'), [[str('country', 'HAS_NEVER_BEEN_EQUAL_TO', 'PL')]]);
    const [[f]] = filtersOf('not (email was updated in last 7 days)');
    assert.deepEqual(f, {
      filterType: 'PROPERTY', property: 'email',
      operation: { operationType: 'ROLLING_PROPERTY_UPDATED', operator: 'NOT_UPDATED_IN_LAST_X_DAYS', ...F, numberOfDays: 7 },
    });
  });

  it('numbers: not (> n) is <= n including unknown', () => {
    const [[f]] = filtersOf('not (num_visits > 3)');
    assert.deepEqual(f, { filterType: 'PROPERTY', property: 'num_visits', operation: { operationType: 'NUMBER', operator: 'IS_LESS_THAN_OR_EQUAL_TO', ...T, value: 3 } });
  });

  it('TIME_POINT: not (is after D) is IS_BEFORE the same instant INCLUSIVE, flag flipped', () => {
    const [[f]] = filtersOf('not (createdate is after 2024-01-31)');
    assert.deepEqual(f, {
      filterType: 'PROPERTY', property: 'createdate',
      operation: {
        operationType: 'TIME_POINT', type: 'TIME_POINT', operator: 'IS_BEFORE', ...T,
        timePoint: { timeType: 'DATE', timezoneSource: 'CUSTOM', zoneId: 'UTC', year: 2024, month: 1, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999 },
        endpointBehavior: 'INCLUSIVE', propertyParser: 'VALUE',
      },
    });
  });

  it('relative dates negate now that they are HubSpot\'s time ranges: not (less than 30 days ago) is IS_NOT_BETWEEN, flag flipped', () => {
    const [[f]] = filtersOf('not (createdate is less than 30 days ago)');
    const op = (f as { operation: { operator: string; includeObjectsWithNoValueSet: boolean } }).operation;
    assert.deepEqual([op.operator, op.includeObjectsWithNoValueSet], ['IS_NOT_BETWEEN', true]);
  });

  it('TIME_RANGED: not (is D) is IS_NOT_BETWEEN with the flag flipped', () => {
    const [[f]] = filtersOf('not (birthday is 2024-01-31)');
    const op = (f as { operation: { operator: string; includeObjectsWithNoValueSet: boolean } }).operation;
    assert.deepEqual([op.operator, op.includeObjectsWithNoValueSet], ['IS_NOT_BETWEEN', true]);
  });

  const inexpressible: [string, RegExp][] = [
    ['⟦not (firstname starts with "Jo")⟧', /starts with/],
    ['⟦not (email ends with any of ("@a.com"))⟧', /ends with/],
    ['⟦not (createdate is in this month)⟧', /IN_THIS_TIME_UNIT/],
    ['⟦not (createdate is before property closedate)⟧', /false for contacts with no `closedate` whichever way/],
    ['⟦not (createdate is between property closedate and today)⟧', /`not` cannot apply to a comparison of `createdate` with `closedate`/],
    ['email is known and ⟦not (country is "PL" or firstname starts with "A")⟧', /starts with/],
  ];
  for (const [where, message] of inexpressible) {
    it(`not-expressible on the range of the not: ${where}`, () => {
      const m = marked(listText(where));
      const { request, diagnostics } = compileText(m.text);
      assert.equal(request, undefined);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.start, d.end]), [['not-expressible', m.ranges[0].start, m.ranges[0].end]]);
      assert.match(diagnostics[0].message, message);
    });
  }
});

describe('compile: OR-of-AND distribution', () => {
  const a = str('country', 'IS_EQUAL_TO', 'a');
  const b = str('country', 'IS_EQUAL_TO', 'b');
  const c = str('email', 'CONTAINS', 'c');
  const d = str('email', 'CONTAINS', 'd');

  it('a or b → two AND branches', () => {
    assert.deepEqual(filtersOf('country is "a" or country is "b"'), [[a], [b]]);
  });

  it('(a or b) and (c or d) → four AND branches in order', () => {
    assert.deepEqual(filtersOf('(country is "a" or country is "b") and (email contains "c" or email contains "d")'), [[a, c], [a, d], [b, c], [b, d]]);
  });

  it('a and (b or (c and d)) → [a b] or [a c d]', () => {
    assert.deepEqual(filtersOf('country is "a" and (country is "b" or (email contains "c" and email contains "d"))'), [[a, b], [a, c, d]]);
  });

  it('stops with too-many-filters past 250 filters, on the where range', () => {
    // 2^8 = 256 branches of 8 filters each.
    const pairs = Array.from({ length: 8 }, (_, i) => `(num_visits > ${i} or num_visits < -${i})`).join(' and ');
    const m = marked(listText(`⟦${pairs}⟧`));
    const { request, diagnostics } = compileText(m.text);
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((x) => [x.code, x.start, x.end]), [['too-many-filters', m.ranges[0].start, m.ranges[0].end]]);
    assert.match(diagnostics[0].message, /2,048 filters/);
  });

  it('does not build an exploding expansion before reporting it', () => {
    const pairs = Array.from({ length: 40 }, (_, i) => `(num_visits > ${i} or num_visits < -${i})`).join(' and ');
    const started = Date.now();
    const { diagnostics } = compileText(listText(pairs));
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(diagnostics.map((x) => x.code), ['too-many-filters']);
  });

  it('250 filters exactly are allowed', () => {
    const conditions = Array.from({ length: 250 }, (_, i) => `num_visits > ${i}`).join(' or ');
    assert.equal(filtersOf(conditions).length, 250);
  });
});

describe('compile: conditions the checks report', () => {
  it('an unknown property gives no request and says why, on the property', () => {
    const m = marked(listText('email is known and ⟦shoe_size⟧ > 3'));
    const { request, diagnostics } = compileText(m.text);
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((x) => [x.code, x.start, x.end]), [['not-compilable', m.ranges[0].start, m.ranges[0].end]]);
  });

  it('an operator that does not fit the type gives no request', () => {
    const { request, diagnostics } = compileText(listText('email > 3'));
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((x) => x.code), ['not-compilable']);
  });

  it('a wrong value kind gives no request', () => {
    const { request, diagnostics } = compileText(listText('num_visits > "three"'));
    assert.equal(request, undefined);
    assert.deepEqual(diagnostics.map((x) => x.code), ['not-compilable']);
  });
});
