import { strict as assert } from 'node:assert';
import { matching } from './judge-helper';

describe('preview semantics: numbers, booleans, enumerations', () => {
  const sizes = ['5', '10', '10.0', '250', 'ten', '', null];

  it('num_employees > 5 reads only plain decimals, as HubSpot stores numbers: hex, exponents and padding are unknown', () => {
    const odd = ['0x10', '1e1', ' 10 ', '10 ', 'Infinity', '+7', '-7', '.5', '6.', '1_000'];
    assert.deepEqual(matching('num_employees > 5', 'num_employees', odd), ['+7', '6.']);
    assert.deepEqual(matching('num_employees is unknown', 'num_employees', odd), ['0x10', '1e1', ' 10 ', '10 ', 'Infinity', '1_000']);
  });

  it('num_employees >= 10 treats values that are not decimals as unknown', () => {
    assert.deepEqual(matching('num_employees >= 10', 'num_employees', sizes), ['10', '10.0', '250']);
    assert.deepEqual(matching('num_employees > 10', 'num_employees', sizes), ['250']);
    assert.deepEqual(matching('num_employees < 10', 'num_employees', sizes), ['5']);
    assert.deepEqual(matching('num_employees <= 10', 'num_employees', sizes), ['5', '10', '10.0']);
    assert.deepEqual(matching('num_employees is unknown', 'num_employees', sizes), ['ten', '', null]);
  });

  it('num_employees is 10 / is not 10 (unknown and unparsable take the flag)', () => {
    assert.deepEqual(matching('num_employees is 10', 'num_employees', sizes), ['10', '10.0']);
    assert.deepEqual(matching('num_employees is not 10', 'num_employees', sizes), ['5', '250']);
    assert.deepEqual(matching('num_employees is not 10 including unknown', 'num_employees', sizes), ['5', '250', 'ten', '', null]);
  });

  it('num_employees is between 10 and 250 is inclusive; is not between is its negation for known values', () => {
    assert.deepEqual(matching('num_employees is between 10 and 250', 'num_employees', sizes), ['10', '10.0', '250']);
    assert.deepEqual(matching('num_employees is not between 10 and 250', 'num_employees', sizes), ['5']);
  });

  it('is_vip is true / is not true, with booleans case-insensitive', () => {
    const flags = ['true', 'TRUE', 'false', 'yes', null];
    assert.deepEqual(matching('is_vip is true', 'is_vip', flags), ['true', 'TRUE']);
    assert.deepEqual(matching('is_vip is not true', 'is_vip', flags), ['false']);
    assert.deepEqual(matching('is_vip is false', 'is_vip', flags), ['false']);
    assert.deepEqual(matching('is_vip is known', 'is_vip', flags), ['true', 'TRUE', 'false']);
  });

  const tags = ['a', 'a;b', 'b;a', 'a;b;c', 'c', 'A', ';', '', null];

  it('hs_tags is any of / is none of (options are case-sensitive)', () => {
    assert.deepEqual(matching('hs_tags is any of (a, b)', 'hs_tags', tags), ['a', 'a;b', 'b;a', 'a;b;c']);
    assert.deepEqual(matching('hs_tags is none of (a, b)', 'hs_tags', tags), ['c', 'A']);
  });

  it('hs_tags (a multi-select) is c means HubSpot\'s "is equal to": exactly {c}; contains c is any set holding c', () => {
    assert.deepEqual(matching('hs_tags is c', 'hs_tags', tags), ['c']);
    assert.deepEqual(matching('hs_tags is not "c"', 'hs_tags', tags), ['a', 'a;b', 'b;a', 'a;b;c', 'A']);
    assert.deepEqual(matching('hs_tags contains c', 'hs_tags', tags), ['a;b;c', 'c']);
    assert.deepEqual(matching('hs_tags does not contain c', 'hs_tags', tags), ['a', 'a;b', 'b;a', 'A']);
    assert.deepEqual(matching('hs_tags contains any of (a, c)', 'hs_tags', tags), ['a', 'a;b', 'b;a', 'a;b;c', 'c']);
  });

  it('lifecyclestage (a single select) is lead is HubSpot\'s IS_ANY_OF, the same contacts', () => {
    const stages = ['lead', 'customer', '', null];
    assert.deepEqual(matching('lifecyclestage is lead', 'lifecyclestage', stages), ['lead']);
    assert.deepEqual(matching('lifecyclestage is not lead', 'lifecyclestage', stages), ['customer']);
  });

  it('is blank / is not blank: no value, as is unknown / is known', () => {
    const values = ['x', ' ', '', null];
    assert.deepEqual(matching('country is blank', 'country', values), ['', null]);
    assert.deepEqual(matching('country is not blank', 'country', values), ['x', ' ']);
    assert.deepEqual(matching('not (country is blank)', 'country', values), ['x', ' ']);
  });

  it('hs_tags is exactly / is not exactly compare sets', () => {
    assert.deepEqual(matching('hs_tags is exactly (b, a)', 'hs_tags', tags), ['a;b', 'b;a']);
    assert.deepEqual(matching('hs_tags is not exactly (b, a)', 'hs_tags', tags), ['a', 'a;b;c', 'c', 'A']);
  });

  it('hs_tags contains all of / does not contain all of', () => {
    assert.deepEqual(matching('hs_tags contains all of (a, b)', 'hs_tags', tags), ['a;b', 'b;a', 'a;b;c']);
    assert.deepEqual(matching('hs_tags does not contain all of (a, b)', 'hs_tags', tags), ['a', 'c', 'A']);
  });

  it('hs_tags is unknown includes the empty set ";"', () => {
    assert.deepEqual(matching('hs_tags is unknown', 'hs_tags', tags), [';', '', null]);
  });
});
