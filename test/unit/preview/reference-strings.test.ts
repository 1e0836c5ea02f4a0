import { strict as assert } from 'node:assert';
import { matching } from './judge-helper';

const countries = ['Poland', 'POLAND', 'poland ', 'New Poland', 'Portugal', '', null];

describe('preview semantics: strings', () => {
  it('country is "poland" compares case-insensitively, does not trim, and rejects no value', () => {
    assert.deepEqual(matching('country is "poland"', 'country', countries), ['Poland', 'POLAND']);
  });

  it('country is not "Poland" does not match contacts with no country', () => {
    assert.deepEqual(matching('country is not "Poland"', 'country', countries), ['poland ', 'New Poland', 'Portugal']);
  });

  it('country is not "Poland" including unknown matches contacts with no country', () => {
    assert.deepEqual(matching('country is not "Poland" including unknown', 'country', countries), ['poland ', 'New Poland', 'Portugal', '', null]);
  });

  it('not (country is "Poland") matches contacts with no country', () => {
    assert.deepEqual(matching('not (country is "Poland")', 'country', countries), ['poland ', 'New Poland', 'Portugal', '', null]);
  });

  it('contains, does not contain, starts with, ends with', () => {
    assert.deepEqual(matching('country contains "LAND"', 'country', countries), ['Poland', 'POLAND', 'poland ', 'New Poland']);
    assert.deepEqual(matching('country does not contain "land"', 'country', countries), ['Portugal']);
    assert.deepEqual(matching('country starts with "po"', 'country', countries), ['Poland', 'POLAND', 'poland ', 'Portugal']);
    assert.deepEqual(matching('country ends with "AND"', 'country', countries), ['Poland', 'POLAND', 'New Poland']);
  });

  it('is any of / is none of / contains any of / starts with any of', () => {
    assert.deepEqual(matching('country is any of ("portugal", "poland")', 'country', countries), ['Poland', 'POLAND', 'Portugal']);
    assert.deepEqual(matching('country is none of ("portugal", "poland")', 'country', countries), ['poland ', 'New Poland']);
    assert.deepEqual(matching('country contains any of ("new", "gal")', 'country', countries), ['New Poland', 'Portugal']);
    assert.deepEqual(matching('country does not contain any of ("new", "gal")', 'country', countries), ['Poland', 'POLAND', 'poland ']);
    assert.deepEqual(matching('country starts with any of ("new", "portu")', 'country', countries), ['New Poland', 'Portugal']);
  });

  it('contains exactly matches a whole word, bounded by non-letters', () => {
    const titles = ['VP Sales', 'Salesforce admin', 'Head of sales/marketing', 'presales', 'sales', null];
    assert.deepEqual(matching('jobtitle contains exactly "sales"', 'jobtitle', titles), ['VP Sales', 'Head of sales/marketing', 'sales']);
    assert.deepEqual(matching('jobtitle does not contain exactly "sales"', 'jobtitle', titles), ['Salesforce admin', 'presales']);
  });

  it('is known / is unknown: the empty string is no value, whitespace is a value', () => {
    assert.deepEqual(matching('country is known', 'country', [' ', '', null, 'x']), [' ', 'x']);
    assert.deepEqual(matching('country is unknown', 'country', [' ', '', null, 'x']), ['', null]);
  });

  it('lower-casing follows toLowerCase, context rules (final sigma) and length changes (İ) included', () => {
    const words = ['ΟΔΟΣ', 'ΟΔΟΣ Α', 'İstanbul', 'istanbul', 'x\u0000y'];
    assert.deepEqual(matching('country ends with "ς"', 'country', words), ['ΟΔΟΣ']);
    assert.deepEqual(matching('country contains "ς α"', 'country', words), ['ΟΔΟΣ Α']);
    assert.deepEqual(matching('country starts with "i̇s"', 'country', words), ['İstanbul']);
    assert.deepEqual(matching('country is "istanbul"', 'country', words), ['istanbul']);
    assert.deepEqual(matching('country ends with "y"', 'country', words), ['x\u0000y']);
  });
});
