import { strict as assert } from 'node:assert';
import { cond, many, not, one, str } from './ast-helpers';
import { matching } from './judge-helper';

const countries = ['Poland', 'POLAND', 'poland ', 'New Poland', 'Portugal', '', null];

describe('preview semantics: strings', () => {
  it('country is "poland" compares case-insensitively, does not trim, and rejects no value', () => {
    assert.deepEqual(matching(cond('country', 'is', one(str('poland'))), 'country', countries), ['Poland', 'POLAND']);
  });

  it('country is not "Poland" does not match contacts with no country', () => {
    assert.deepEqual(matching(cond('country', 'is not', one(str('Poland'))), 'country', countries), ['poland ', 'New Poland', 'Portugal']);
  });

  it('country is not "Poland" including unknown matches contacts with no country', () => {
    assert.deepEqual(matching(cond('country', 'is not', one(str('Poland')), true), 'country', countries), ['poland ', 'New Poland', 'Portugal', '', null]);
  });

  it('not (country is "Poland") matches contacts with no country', () => {
    assert.deepEqual(matching(not(cond('country', 'is', one(str('Poland')))), 'country', countries), ['poland ', 'New Poland', 'Portugal', '', null]);
  });

  it('contains, does not contain, starts with, ends with', () => {
    assert.deepEqual(matching(cond('country', 'contains', one(str('LAND'))), 'country', countries), ['Poland', 'POLAND', 'poland ', 'New Poland']);
    assert.deepEqual(matching(cond('country', 'does not contain', one(str('land'))), 'country', countries), ['Portugal']);
    assert.deepEqual(matching(cond('country', 'starts with', one(str('po'))), 'country', countries), ['Poland', 'POLAND', 'poland ', 'Portugal']);
    assert.deepEqual(matching(cond('country', 'ends with', one(str('AND'))), 'country', countries), ['Poland', 'POLAND', 'New Poland']);
  });

  it('is any of / is none of / contains any of / starts with any of', () => {
    assert.deepEqual(matching(cond('country', 'is any of', many(str('portugal'), str('poland'))), 'country', countries), ['Poland', 'POLAND', 'Portugal']);
    assert.deepEqual(matching(cond('country', 'is none of', many(str('portugal'), str('poland'))), 'country', countries), ['poland ', 'New Poland']);
    assert.deepEqual(matching(cond('country', 'contains any of', many(str('new'), str('gal'))), 'country', countries), ['New Poland', 'Portugal']);
    assert.deepEqual(matching(cond('country', 'does not contain any of', many(str('new'), str('gal'))), 'country', countries), ['Poland', 'POLAND', 'poland ']);
    assert.deepEqual(matching(cond('country', 'starts with', many(str('new'), str('portu'))), 'country', countries), ['New Poland', 'Portugal']);
  });

  it('contains exactly matches a whole word, bounded by non-letters', () => {
    const titles = ['VP Sales', 'Salesforce admin', 'Head of sales/marketing', 'presales', null];
    assert.deepEqual(matching(cond('jobtitle', 'contains exactly', one(str('sales'))), 'jobtitle', titles), ['VP Sales', 'Head of sales/marketing']);
    assert.deepEqual(matching(cond('jobtitle', 'does not contain exactly', one(str('sales'))), 'jobtitle', titles), ['Salesforce admin', 'presales']);
  });

  it('is known / is unknown: the empty string is no value, whitespace is a value', () => {
    assert.deepEqual(matching(cond('country', 'is known'), 'country', [' ', '', null, 'x']), [' ', 'x']);
    assert.deepEqual(matching(cond('country', 'is unknown'), 'country', [' ', '', null, 'x']), ['', null]);
  });
});
