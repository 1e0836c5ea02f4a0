import { strict as assert } from 'node:assert';
import { between, bool, cond, many, num, one, str, word } from './ast-helpers';
import { matching } from './judge-helper';

describe('preview semantics: numbers, booleans, enumerations', () => {
  const sizes = ['5', '10', '10.0', '250', 'ten', '', null];

  it('num_employees >= 10 parses with Number() and treats unparsable values as unknown', () => {
    assert.deepEqual(matching(cond('num_employees', '>=', one(num(10))), 'num_employees', sizes), ['10', '10.0', '250']);
    assert.deepEqual(matching(cond('num_employees', '>', one(num(10))), 'num_employees', sizes), ['250']);
    assert.deepEqual(matching(cond('num_employees', '<', one(num(10))), 'num_employees', sizes), ['5']);
    assert.deepEqual(matching(cond('num_employees', '<=', one(num(10))), 'num_employees', sizes), ['5', '10', '10.0']);
  });

  it('num_employees is 10 / is not 10 (unknown and unparsable take the flag)', () => {
    assert.deepEqual(matching(cond('num_employees', 'is', one(num(10))), 'num_employees', sizes), ['10', '10.0']);
    assert.deepEqual(matching(cond('num_employees', 'is not', one(num(10))), 'num_employees', sizes), ['5', '250']);
    assert.deepEqual(matching(cond('num_employees', 'is not', one(num(10)), true), 'num_employees', sizes), ['5', '250', 'ten', '', null]);
  });

  it('num_employees is between 10 and 250 is inclusive; is not between is its negation for known values', () => {
    assert.deepEqual(matching(cond('num_employees', 'is between', between(num(10), num(250))), 'num_employees', sizes), ['10', '10.0', '250']);
    assert.deepEqual(matching(cond('num_employees', 'is not between', between(num(10), num(250))), 'num_employees', sizes), ['5']);
  });

  it('is_vip is true / is not true, with booleans case-insensitive', () => {
    const flags = ['true', 'TRUE', 'false', 'yes', null];
    assert.deepEqual(matching(cond('is_vip', 'is', one(bool(true))), 'is_vip', flags), ['true', 'TRUE']);
    assert.deepEqual(matching(cond('is_vip', 'is not', one(bool(true))), 'is_vip', flags), ['false']);
    assert.deepEqual(matching(cond('is_vip', 'is', one(bool(false))), 'is_vip', flags), ['false']);
  });

  const tags = ['a', 'a;b', 'b;a', 'a;b;c', 'c', 'A', ';', '', null];

  it('hs_tags is any of / is none of (options are case-sensitive)', () => {
    assert.deepEqual(matching(cond('hs_tags', 'is any of', many(word('a'), word('b'))), 'hs_tags', tags), ['a', 'a;b', 'b;a', 'a;b;c']);
    assert.deepEqual(matching(cond('hs_tags', 'is none of', many(word('a'), word('b'))), 'hs_tags', tags), ['c', 'A']);
    assert.deepEqual(matching(cond('hs_tags', 'is', one(word('c'))), 'hs_tags', tags), ['a;b;c', 'c']);
    assert.deepEqual(matching(cond('hs_tags', 'is not', one(str('c'))), 'hs_tags', tags), ['a', 'a;b', 'b;a', 'A']);
  });

  it('hs_tags is exactly / is not exactly compare sets', () => {
    assert.deepEqual(matching(cond('hs_tags', 'is exactly', many(word('b'), word('a'))), 'hs_tags', tags), ['a;b', 'b;a']);
    assert.deepEqual(matching(cond('hs_tags', 'is not exactly', many(word('b'), word('a'))), 'hs_tags', tags), ['a', 'a;b;c', 'c', 'A']);
  });

  it('hs_tags contains all of / does not contain all of', () => {
    assert.deepEqual(matching(cond('hs_tags', 'contains all of', many(word('a'), word('b'))), 'hs_tags', tags), ['a;b', 'b;a', 'a;b;c']);
    assert.deepEqual(matching(cond('hs_tags', 'does not contain all of', many(word('a'), word('b'))), 'hs_tags', tags), ['a', 'c', 'A']);
  });

  it('hs_tags is unknown includes the empty set ";"', () => {
    assert.deepEqual(matching(cond('hs_tags', 'is unknown'), 'hs_tags', tags), [';', '', null]);
  });
});
