// The emulator's SOQL evaluator over a three-lead table: every operator, null and boolean rules,
// date ranges, ordering and paging, and the INVALID_FIELD / INVALID_TYPE errors.

import { strict as assert } from 'node:assert';
import { recordId } from '../../../../server/src/sandbox/salesforce/ids';
import type { Row } from '../../../../server/src/sandbox/salesforce/soql/compile';
import { runSoql } from '../../../../server/src/sandbox/salesforce/soql/run';

const NOW = new Date('2025-06-01T12:00:00Z');
const ANNA = recordId('00Q', 1);
const BEN = recordId('00Q', 2);
const CHEN = recordId('00Q', 3);
const NAMES: Record<string, string> = { [ANNA]: 'Anna', [BEN]: 'Ben', [CHEN]: 'Chen' };

const LEADS: Row[] = [
  { Id: ANNA, FirstName: 'Anna', LastName: "O'Brien", Email: 'anna@example.com', Status: 'Open - Not Contacted', Title: 'CEO',
    AnnualRevenue: 1_000_000, NumberOfEmployees: 50, HasOptedOutOfEmail: false, Interests__c: 'CRM;Analytics',
    CreatedDate: '2025-05-31T10:00:00.000+0000', LastActivityDate: '2025-05-30', Country: 'Poland' },
  { Id: BEN, FirstName: 'Ben', LastName: 'Nowak', Email: 'BEN@Example.com', Status: 'Working - Contacted', Title: '100 Days Manager',
    AnnualRevenue: null, NumberOfEmployees: 500, HasOptedOutOfEmail: true, Interests__c: 'Automation',
    CreatedDate: '2024-01-15T08:00:00.000+0000', LastActivityDate: null, Country: null },
  { Id: CHEN, FirstName: null, LastName: 'Chen', Email: null, Status: 'Closed - Converted', Title: '100% Manager',
    AnnualRevenue: 250_000.5, NumberOfEmployees: null, HasOptedOutOfEmail: false, Interests__c: null,
    CreatedDate: '2025-06-01T09:00:00.000+0000', LastActivityDate: '2025-06-01', Country: 'United States' },
];

function run(where: string, tail = ''): ReturnType<typeof runSoql> {
  return runSoql(`SELECT Id FROM Lead WHERE ${where} ${tail}`, () => LEADS, NOW);
}

/** Names of the leads a WHERE clause matches, in result order. */
function matching(where: string, tail = ''): string[] {
  const result = run(where, tail);
  if ('errorCode' in result) return assert.fail(`${where}: ${result.message}`);
  return result.rows.map((row) => NAMES[String(row.Id)]);
}

function rejected(where: string): { errorCode: string; message: string } {
  const result = run(where);
  if (!('errorCode' in result)) return assert.fail(`expected an error for ${where}`);
  return result;
}

describe('SOQL evaluator (Salesforce emulator)', () => {
  it('= and IN on text are case-insensitive', () => {
    assert.deepEqual(matching("Email = 'ben@example.com'"), ['Ben']);
    assert.deepEqual(matching("Email IN ('ANNA@example.com', 'nobody@example.com')"), ['Anna']);
  });
  it('!= and NOT IN include records with no value', () => {
    assert.deepEqual(matching("Country != 'Poland'"), ['Ben', 'Chen']);
    assert.deepEqual(matching("Country NOT IN ('Poland')"), ['Ben', 'Chen']);
    assert.deepEqual(matching("Status NOT IN ('Open - Not Contacted', 'Working - Contacted')"), ['Chen']);
  });
  it('< <= > >= on numbers; records with no value never match', () => {
    assert.deepEqual(matching('NumberOfEmployees > 50'), ['Ben']);
    assert.deepEqual(matching('NumberOfEmployees >= 50'), ['Anna', 'Ben']);
    assert.deepEqual(matching('NumberOfEmployees < 500'), ['Anna']);
    assert.deepEqual(matching('NumberOfEmployees <= 500'), ['Anna', 'Ben']);
    assert.deepEqual(matching('AnnualRevenue = 250000.5'), ['Chen']);
  });
  it('LIKE: % and _ wildcards, case-insensitive, escaped \\% and \\_ match literally', () => {
    assert.deepEqual(matching("LastName LIKE 'o\\'b%'"), ['Anna']);
    assert.deepEqual(matching("FirstName LIKE '_en'"), ['Ben']);
    assert.deepEqual(matching("Title LIKE '100%'"), ['Ben', 'Chen']);
    assert.deepEqual(matching("Title LIKE '100\\%%'"), ['Chen']);
    assert.deepEqual(matching("NOT Title LIKE '100%'"), ['Anna']);
  });
  it('INCLUDES and EXCLUDES on a multi-select picklist: ";" means all of, a list means any of', () => {
    assert.deepEqual(matching("Interests__c INCLUDES ('crm')"), ['Anna']);
    assert.deepEqual(matching("Interests__c INCLUDES ('CRM;Automation', 'Automation')"), ['Ben']);
    assert.deepEqual(matching("Interests__c INCLUDES ('Analytics;CRM')"), ['Anna']);
    assert.deepEqual(matching("Interests__c EXCLUDES ('CRM')"), ['Ben', 'Chen']);
    assert.deepEqual(matching("Interests__c = 'Analytics;CRM'"), ['Anna']);
    assert.deepEqual(matching("Interests__c = 'CRM'"), []);
  });
  it('AND, OR, NOT and parentheses', () => {
    assert.deepEqual(matching("(Status = 'Open - Not Contacted' OR Country = null) AND HasOptedOutOfEmail = false"), ['Anna']);
    assert.deepEqual(matching("NOT (Status = 'Open - Not Contacted')"), ['Ben', 'Chen']);
    assert.deepEqual(matching("Country = 'Poland' OR Country = 'United States' OR Email = null"), ['Anna', 'Chen']);
  });
  it('null: = null and != null; on booleans null means false', () => {
    assert.deepEqual(matching('Email = null'), ['Chen']);
    assert.deepEqual(matching('Email != null'), ['Anna', 'Ben']);
    assert.deepEqual(matching('HasOptedOutOfEmail = true'), ['Ben']);
    assert.deepEqual(matching('HasOptedOutOfEmail = null'), ['Anna', 'Chen']);
    assert.deepEqual(matching('HasOptedOutOfEmail != null'), ['Ben']);
  });
  it('dates and datetimes against date, datetime and relative literals', () => {
    assert.deepEqual(matching('LastActivityDate = 2025-05-30'), ['Anna']);
    assert.deepEqual(matching('LastActivityDate = TODAY'), ['Chen']);
    assert.deepEqual(matching('LastActivityDate < TODAY'), ['Anna']);
    assert.deepEqual(matching('CreatedDate = TODAY'), ['Chen']);
    assert.deepEqual(matching('CreatedDate = YESTERDAY'), ['Anna']);
    assert.deepEqual(matching('CreatedDate = LAST_N_DAYS:1'), ['Anna', 'Chen']);
    assert.deepEqual(matching('CreatedDate = LAST_N_DAYS:600'), ['Anna', 'Ben', 'Chen']);
    assert.deepEqual(matching('CreatedDate < 2025-01-01T00:00:00Z'), ['Ben']);
    assert.deepEqual(matching('CreatedDate >= 2025-05-31T12:00:00+02:00'), ['Anna', 'Chen']);
    assert.deepEqual(matching('CreatedDate > 2025-05-31T12:00:00+02:00'), ['Chen']);
  });
  it('ids compare in their 15- and 18-character forms', () => {
    assert.deepEqual(matching(`Id = '${BEN.slice(0, 15)}'`), ['Ben']);
    assert.deepEqual(matching(`Id IN ('${BEN}', '${CHEN}')`), ['Ben', 'Chen']);
  });
  it('ORDER BY with nulls first by default, NULLS LAST, DESC, LIMIT and OFFSET', () => {
    assert.deepEqual(matching('Id != null', 'ORDER BY NumberOfEmployees'), ['Chen', 'Anna', 'Ben']);
    assert.deepEqual(matching('Id != null', 'ORDER BY NumberOfEmployees DESC NULLS LAST'), ['Ben', 'Anna', 'Chen']);
    assert.deepEqual(matching('Id != null', 'ORDER BY LastName LIMIT 2 OFFSET 1'), ['Ben', 'Anna']);
  });
  it('SELECT COUNT() counts the matching rows', () => {
    const result = runSoql("SELECT COUNT() FROM Lead WHERE Email LIKE '%example.com'", () => LEADS, NOW);
    assert.ok(!('errorCode' in result) && result.query.select === 'count' && result.rows.length === 2);
  });

  describe('errors', () => {
    it('an unknown field is INVALID_FIELD in Salesforce words', () => {
      const error = rejected("Foo = 'x'");
      assert.equal(error.errorCode, 'INVALID_FIELD');
      assert.match(error.message, /ERROR at Row:1:Column:27\nNo such column 'Foo' on entity 'Lead'\. If you are attempting to use a custom field/);
    });
    it('an unknown object is INVALID_TYPE', () => {
      const result = runSoql('SELECT Id FROM Leed', () => [], NOW);
      assert.ok('errorCode' in result && result.errorCode === 'INVALID_TYPE');
      assert.match(result.message, /sObject type 'Leed' is not supported/);
    });
    it('a literal of the wrong type for the field', () => {
      assert.match(rejected("AnnualRevenue = '5'").message, /value of filter criterion for field 'AnnualRevenue' must be of type currency and should not be enclosed in quotes/);
      assert.match(rejected('Email = 5').message, /field 'Email' must be of type email and should be enclosed in quotes/);
      assert.match(rejected('CreatedDate = 2025-01-01').message, /field 'CreatedDate' must be of type dateTime/);
      assert.match(rejected("HasOptedOutOfEmail = 'true'").message, /must be of type boolean/);
    });
    it('INCLUDES on a field that is not a multi-select picklist', () => {
      assert.match(rejected("Status INCLUDES ('x')").message, /includes or excludes operator only valid on multipicklist field/);
    });
    it('LIKE on a number field', () => {
      assert.equal(rejected('NumberOfEmployees LIKE 5').errorCode, 'INVALID_FIELD');
    });
    it('the same field selected twice', () => {
      const result = runSoql('SELECT Id, id FROM Lead', () => LEADS, NOW);
      assert.ok('errorCode' in result && /duplicate field selected: Id/.test(result.message));
    });
  });
});
