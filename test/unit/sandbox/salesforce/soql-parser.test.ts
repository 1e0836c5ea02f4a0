// The emulator's SOQL parser: what it builds from well-formed queries, and Salesforce-worded
// MALFORMED_QUERY errors (with row and column) for malformed ones.

import { strict as assert } from 'node:assert';
import { ESCAPED_PERCENT } from '../../../../server/src/sandbox/salesforce/soql/lexer';
import { parseSoql } from '../../../../server/src/sandbox/salesforce/soql/parser';
import type { Condition, SoqlQuery } from '../../../../server/src/sandbox/salesforce/soql/ast';

function parsed(soql: string): SoqlQuery {
  const result = parseSoql(soql);
  if ('errorCode' in result) assert.fail(`expected "${soql}" to parse, got ${result.message}`);
  return result;
}

function whereOf(soql: string): Condition {
  const where = parsed(soql).where;
  assert.ok(where, `no WHERE in ${soql}`);
  return where;
}

function malformed(soql: string): string {
  const result = parseSoql(soql);
  if (!('errorCode' in result)) return assert.fail(`expected "${soql}" to be rejected`);
  assert.equal(result.errorCode, 'MALFORMED_QUERY');
  return result.message;
}

describe('SOQL parser (Salesforce emulator)', () => {
  it('reads the select list, object, ORDER BY with direction and nulls, LIMIT and OFFSET', () => {
    const query = parsed('select Id, Email from Lead order by Email desc nulls last, Id limit 10 offset 20');
    assert.deepEqual(query.select !== 'count' && query.select.map((f) => f.name), ['Id', 'Email']);
    assert.equal(query.from.name, 'Lead');
    assert.deepEqual(query.orderBy.map((o) => [o.field.name, o.descending, o.nullsLast]), [['Email', true, true], ['Id', false, false]]);
    assert.equal(query.limit, 10);
    assert.equal(query.offset, 20);
  });

  it('reads SELECT COUNT()', () => {
    assert.equal(parsed('SELECT COUNT() FROM Contact').select, 'count');
  });

  it('unescapes string literals: quotes, backslash, newline, unicode; marks LIKE escapes', () => {
    const where = whereOf("SELECT Id FROM Lead WHERE LastName = 'O\\'Brien \\\\ \\n \\u00e9 \\%'");
    assert.ok(where.kind === 'compare' && where.value.kind === 'string');
    assert.equal(where.value.value, `O'Brien \\ \n é ${ESCAPED_PERCENT}`);
  });

  it('reads numbers, booleans, null, dates, datetimes with offsets and date literals', () => {
    const where = whereOf('SELECT Id FROM Lead WHERE AnnualRevenue >= -1.5 AND IsConverted = true AND Email != null ' +
      'AND LastActivityDate = 2024-01-31 AND CreatedDate < 2024-01-31T10:00:00+02:00 AND CreatedDate = LAST_N_DAYS:30 AND LastActivityDate = TODAY');
    assert.ok(where.kind === 'and');
    const values = where.items.map((item) => (item.kind === 'compare' ? item.value : undefined));
    assert.deepEqual(values.map((v) => v?.kind), ['number', 'boolean', 'null', 'date', 'datetime', 'dateLiteral', 'dateLiteral']);
    assert.ok(values[0]?.kind === 'number' && values[0].value === -1.5);
    assert.ok(values[4]?.kind === 'datetime' && values[4].value === Date.parse('2024-01-31T08:00:00Z'));
    assert.ok(values[5]?.kind === 'dateLiteral' && values[5].name === 'LAST_N_DAYS' && values[5].n === 30);
  });

  it('reads IN, NOT IN, INCLUDES, EXCLUDES, LIKE, <> and prefix NOT with parentheses', () => {
    const where = whereOf("SELECT Id FROM Lead WHERE NOT (Status IN ('a', 'b') OR Status NOT IN ('c')) AND Interests__c INCLUDES ('x;y', 'z') " +
      "AND Interests__c EXCLUDES ('w') AND Email LIKE '%@example.com' AND Rating <> 'Hot'");
    assert.ok(where.kind === 'and');
    const [not, includes, excludes, like, notEqual] = where.items;
    assert.ok(not.kind === 'not' && not.item.kind === 'or');
    assert.deepEqual(not.item.items.map((c) => c.kind === 'set' && c.op), ['IN', 'NOT IN']);
    assert.ok(includes.kind === 'set' && includes.op === 'INCLUDES' && includes.values.length === 2);
    assert.ok(excludes.kind === 'set' && excludes.op === 'EXCLUDES');
    assert.ok(like.kind === 'compare' && like.op === 'LIKE');
    assert.ok(notEqual.kind === 'compare' && notEqual.op === '!=');
  });

  describe('malformed queries', () => {
    it('a misspelt keyword: position and token, in Salesforce layout', () => {
      assert.equal(malformed('SELECT Id FROMM Lead'), '\nSELECT Id FROMM Lead\n          ^\nERROR at Row:1:Column:11\nunexpected token: FROMM');
    });
    it('a query that stops early', () => {
      assert.match(malformed('SELECT Id FROM Lead WHERE'), /ERROR at Row:1:Column:26\nunexpected token: <EOF>$/);
    });
    it('AND and OR mixed without parentheses', () => {
      assert.match(malformed("SELECT Id FROM Lead WHERE Email = 'a' AND Status = 'b' OR Rating = 'c'"), /unexpected token: OR$/);
    });
    it('double-quoted strings', () => {
      assert.match(malformed('SELECT Id FROM Lead WHERE Email = "a"'), /Double quotes are not allowed/);
    });
    it('an unterminated string', () => {
      assert.match(malformed("SELECT Id FROM Lead WHERE Email = 'a"), /unterminated string literal$/);
    });
    it('an unknown escape sequence', () => {
      assert.match(malformed("SELECT Id FROM Lead WHERE Email = 'a\\qb'"), /Illegal character sequence '\\q' in string literal/);
    });
    it('an empty IN list', () => {
      assert.match(malformed('SELECT Id FROM Lead WHERE Status IN ()'), /unexpected token: \)$/);
    });
    it('a LIMIT that is not a whole number', () => {
      assert.match(malformed("SELECT Id FROM Lead LIMIT 'x'"), /unexpected token: 'x'$/);
    });
    it('an unknown date literal', () => {
      assert.match(malformed('SELECT Id FROM Lead WHERE CreatedDate = SOMEDAY'), /unexpected token: SOMEDAY$/);
    });
    it('a parametrised date literal without its number', () => {
      assert.match(malformed('SELECT Id FROM Lead WHERE CreatedDate = LAST_N_DAYS'), /unexpected token: <EOF>$/);
    });
    it('an empty select list', () => {
      assert.match(malformed('SELECT FROM Lead'), /Column:8\nunexpected token: FROM$/);
    });
    it('reports the row and column on multi-line queries', () => {
      assert.equal(malformed('SELECT Id\nFROM Lead\nWHERE Email = = 1'), '\nWHERE Email = = 1\n              ^\nERROR at Row:3:Column:15\nunexpected token: =');
    });
    it('trailing text after the query', () => {
      assert.match(malformed('SELECT Id FROM Lead LIMIT 5 garbage'), /unexpected token: garbage$/);
    });
  });
});
