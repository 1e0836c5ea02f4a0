import { strict as assert } from 'node:assert';
import { contact, kept, matches, property } from './helpers';

const people = {
  warsaw: contact({ city: 'Warsaw', visits: '12', optout: 'false', stage: 'lead', roles: 'CHAMPION;END_USER' }),
  WARSAW: contact({ city: 'WARSAW', visits: '3', optout: 'TRUE', stage: 'customer', roles: 'CHAMPION' }),
  newYork: contact({ city: 'New York-Brooklyn', visits: '7.5', optout: 'true', stage: 'lead;customer', roles: 'END_USER;CHAMPION' }),
  blank: contact({ city: '', visits: null, optout: null, stage: null, roles: null }),
  absent: contact({}),
};

const string = (operator: string, value: string, noValue = false) =>
  property('city', { operationType: 'STRING', operator, value, includeObjectsWithNoValueSet: noValue });
const multi = (operator: string, values: string[]) => property('city', { operationType: 'MULTISTRING', operator, values });

describe('HubSpot emulator evaluator: strings', () => {
  it('city is "warsaw" matches any case, never the unknown ones', () => {
    assert.deepEqual(kept(string('IS_EQUAL_TO', 'warsaw'), people), ['warsaw', 'WARSAW']);
  });
  it('city is not "warsaw" excludes contacts with no city unless including unknown', () => {
    assert.deepEqual(kept(string('IS_NOT_EQUAL_TO', 'warsaw'), people), ['newYork']);
    assert.deepEqual(kept(string('IS_NOT_EQUAL_TO', 'warsaw', true), people), ['newYork', 'blank', 'absent']);
  });
  it('contains, does not contain, starts with, ends with', () => {
    assert.deepEqual(kept(string('CONTAINS', 'RSA'), people), ['warsaw', 'WARSAW']);
    assert.deepEqual(kept(string('DOES_NOT_CONTAIN', 'rsa'), people), ['newYork']);
    assert.deepEqual(kept(string('STARTS_WITH', 'new'), people), ['newYork']);
    assert.deepEqual(kept(string('ENDS_WITH', 'SAW'), people), ['warsaw', 'WARSAW']);
  });
  it('MULTISTRING: positive operators match any value, negated ones none', () => {
    assert.deepEqual(kept(multi('IS_EQUAL_TO', ['Paris', 'warsaw']), people), ['warsaw', 'WARSAW']);
    assert.deepEqual(kept(multi('IS_NOT_EQUAL_TO', ['Paris', 'warsaw']), people), ['newYork']);
    assert.deepEqual(kept(multi('CONTAINS', ['york', 'xyz']), people), ['newYork']);
    assert.deepEqual(kept(multi('DOES_NOT_CONTAIN', ['york', 'saw']), people), []);
    assert.deepEqual(kept(multi('STARTS_WITH', ['w', 'n']), people), ['warsaw', 'WARSAW', 'newYork']);
    assert.deepEqual(kept(multi('ENDS_WITH', ['lyn']), people), ['newYork']);
  });
  it('contains exactly needs a whole word bounded by non-alphanumerics', () => {
    assert.deepEqual(kept(multi('CONTAINS_EXACTLY', ['york']), people), ['newYork']);
    assert.deepEqual(kept(multi('CONTAINS_EXACTLY', ['yor']), people), []);
    assert.deepEqual(kept(multi('DOES_NOT_CONTAIN_EXACTLY', ['brooklyn']), people), ['warsaw', 'WARSAW']);
  });
});

describe('HubSpot emulator evaluator: numbers, booleans, enumerations', () => {
  const number = (operator: string, value: number) => property('visits', { operationType: 'NUMBER', operator, value });
  it('compares numerically', () => {
    assert.deepEqual(kept(number('IS_EQUAL_TO', 12), people), ['warsaw']);
    assert.deepEqual(kept(number('IS_NOT_EQUAL_TO', 12), people), ['WARSAW', 'newYork']);
    assert.deepEqual(kept(number('IS_GREATER_THAN', 7.5), people), ['warsaw']);
    assert.deepEqual(kept(number('IS_GREATER_THAN_OR_EQUAL_TO', 7.5), people), ['warsaw', 'newYork']);
    assert.deepEqual(kept(number('IS_LESS_THAN', 7.5), people), ['WARSAW']);
    assert.deepEqual(kept(number('IS_LESS_THAN_OR_EQUAL_TO', 7.5), people), ['WARSAW', 'newYork']);
  });
  it('between is inclusive; not between only for contacts with a value', () => {
    const range = (operator: string) => property('visits', { operationType: 'NUMBER_RANGED', operator, lowerBound: 3, upperBound: 7.5 });
    assert.deepEqual(kept(range('IS_BETWEEN'), people), ['WARSAW', 'newYork']);
    assert.deepEqual(kept(range('IS_NOT_BETWEEN'), people), ['warsaw']);
  });
  it('a number that does not parse is unknown and reported', () => {
    const problems: string[] = [];
    const filter = property('visits', { operationType: 'NUMBER', operator: 'IS_NOT_EQUAL_TO', value: 1 });
    assert.equal(matches(filter, contact({ visits: 'many' }), { report: (p) => problems.push(p) }), false);
    assert.match(problems[0], /"many".*not a valid NUMBER/);
  });
  it('only plain decimals are numbers: "0x10", "1e1" and " 10 " are unknown, not greater than 5', () => {
    const filter = property('visits', { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', value: 5 });
    for (const odd of ['0x10', '1e1', ' 10 ', 'Infinity']) assert.equal(matches(filter, contact({ visits: odd })), false, odd);
    assert.equal(matches(filter, contact({ visits: '+10.' })), true);
  });
  it('booleans compare case-insensitively', () => {
    const bool = (operator: string, value: boolean) => property('optout', { operationType: 'BOOL', operator, value });
    assert.deepEqual(kept(bool('IS_EQUAL_TO', true), people), ['WARSAW', 'newYork']);
    assert.deepEqual(kept(bool('IS_NOT_EQUAL_TO', true), people), ['warsaw']);
  });
  it('enumerations compare option sets exactly and case-sensitively', () => {
    const roles = (operator: string, values: string[]) => property('roles', { operationType: 'ENUMERATION', operator, values });
    assert.deepEqual(kept(roles('IS_ANY_OF', ['END_USER']), people), ['warsaw', 'newYork']);
    assert.deepEqual(kept(roles('IS_ANY_OF', ['end_user']), people), []);
    assert.deepEqual(kept(roles('IS_NONE_OF', ['END_USER']), people), ['WARSAW']);
    assert.deepEqual(kept(roles('IS_EXACTLY', ['END_USER', 'CHAMPION']), people), ['warsaw', 'newYork']);
    assert.deepEqual(kept(roles('IS_NOT_EXACTLY', ['END_USER', 'CHAMPION']), people), ['WARSAW']);
    assert.deepEqual(kept(roles('CONTAINS_ALL', ['CHAMPION', 'END_USER']), people), ['warsaw', 'newYork']);
    assert.deepEqual(kept(roles('DOES_NOT_CONTAIN_ALL', ['CHAMPION', 'END_USER']), people), ['WARSAW']);
  });
  it('is known / is unknown ignore the no-value flag; empty string counts as unknown', () => {
    const known = (operator: string) => property('city', { operationType: 'ALL_PROPERTY', operator, includeObjectsWithNoValueSet: true });
    assert.deepEqual(kept(known('IS_KNOWN'), people), ['warsaw', 'WARSAW', 'newYork']);
    assert.deepEqual(kept(known('IS_UNKNOWN'), people), ['blank', 'absent']);
    assert.equal(matches(known('IS_KNOWN'), contact({ city: '  ' })), true, 'whitespace is a value');
  });
  it('a value that does not parse for the property type is unknown (docs/semantics.md)', () => {
    const types: Record<string, string> = { visits: 'number', optout: 'bool', seen: 'datetime', roles: 'enumeration', city: 'string' };
    const ctx = { propertyType: (name: string) => types[name] };
    const knownness = (name: string, operator: string) => property(name, { operationType: 'ALL_PROPERTY', operator });
    const odd = contact({ visits: 'x', optout: 'no', seen: 'yesterday', roles: ';', city: 'x' });
    const fine = contact({ visits: '-1.5', optout: 'FALSE', seen: '2024-03-01T10:15:00Z', roles: 'CHAMPION', city: ' ' });
    for (const name of ['visits', 'optout', 'seen', 'roles']) {
      assert.equal(matches(knownness(name, 'IS_KNOWN'), odd, ctx), false, `${name} does not parse: not known`);
      assert.equal(matches(knownness(name, 'IS_UNKNOWN'), odd, ctx), true, `${name} does not parse: unknown`);
      assert.equal(matches(knownness(name, 'IS_KNOWN'), fine, ctx), true, `${name} parses: known`);
    }
    assert.equal(matches(knownness('city', 'IS_KNOWN'), odd, ctx), true, 'any text is a string value');
    assert.equal(matches(knownness('visits', 'IS_KNOWN'), odd), true, 'without types only no value is unknown');
  });
  it('comparisons treat an unparsable number or boolean as no value: the flag decides', () => {
    const over = (noValue: boolean) => property('visits', { operationType: 'NUMBER', operator: 'IS_NOT_EQUAL_TO', value: 1, includeObjectsWithNoValueSet: noValue });
    const notTrue = (noValue: boolean) => property('optout', { operationType: 'BOOL', operator: 'IS_NOT_EQUAL_TO', value: true, includeObjectsWithNoValueSet: noValue });
    const odd = contact({ visits: 'x', optout: 'no' });
    assert.deepEqual([matches(over(false), odd), matches(over(true), odd)], [false, true]);
    assert.deepEqual([matches(notTrue(false), odd), matches(notTrue(true), odd)], [false, true]);
    assert.equal(matches(over(false), contact({ visits: 'Infinity' })), false, 'Infinity is not a finite number');
  });
});
