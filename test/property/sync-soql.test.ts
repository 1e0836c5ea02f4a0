// Property: for random criteria over properties mapped to Lead fields, the SOQL the simulator writes,
// counted by the Salesforce emulator through jsforce, matches exactly the records the simulator judges in
// the list (their values as HubSpot would hold them). Covers text, numbers, dates on a date field, booleans
// and picklists, no-value handling (`including unknown`, negations), escaping, and/or/not nesting.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../server/src/language/schema';
import { salesforceSchemaFromJson, type SalesforceSchema } from '../../server/src/language/salesforce-schema';
import { planForList } from '../../server/src/preview/run-plan';
import { connectSalesforce, type SalesforceOrg } from '../../server/src/salesforce';
import { prepare } from '../../server/src/sync/context';
import { fakeContacts } from '../unit/sync/support';
import { mappedFields, mappingsByObject } from '../../server/src/sync/mappings';
import { newContactJudge } from '../../server/src/sync/run';
import type { SalesforceData } from '../../server/src/sync/salesforce-data';
import { readSalesforceOrg } from '../../server/src/sync/salesforce-org';
import { syncSettingsOf } from '../../server/src/sync/settings';
import { listSoql, recordsMatching } from '../../server/src/sync/soql-where';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../server/src/sandbox/salesforce/emulator';
import { LAST_NAMES, TITLES } from '../../server/src/sandbox/data/salesforce-words';

const TOKEN = 'property-soql-token';
const NOW = Date.parse('2025-06-01T12:00:00Z');
const SYNC = `sync salesforce {
  inclusion list: "L"
  hubspot creates in salesforce: lead
  map jobtitle to Title: two way
  map annualrevenue to AnnualRevenue: prefer salesforce unless blank
  map closedate to LastActivityDate: always salesforce
  map hs_email_optout to HasOptedOutOfEmail: always salesforce
  map lifecyclestage to Status: always salesforce
}
`;

const quoted = (s: string) => JSON.stringify(s);
const text = fc.constantFrom(...TITLES, ...LAST_NAMES, 'Germany', 'United States', 'Berlin', "O'", 'a', 'er', 'x\\y', 'ö', '');
const word = fc.constantFrom(...TITLES.map((t) => t.split(' ')[0]), 'Man', 'ger', 'O', 'ia', 'n');
const unknownTail = fc.constantFrom('', ' including unknown');

const stringCondition = fc.tuple(fc.constantFrom('jobtitle', 'country', 'lastname', 'city'), fc.integer({ min: 0, max: 7 }), text, word, unknownTail).map(([p, op, v, w, u]) => [
  `${p} is ${quoted(v)}${u}`, `${p} is not ${quoted(v)}${u}`, `${p} is any of (${quoted(v)}, ${quoted(w)})${u}`, `${p} contains ${quoted(w)}${u}`,
  `${p} starts with ${quoted(w)}${u}`, `${p} ends with ${quoted(w)}${u}`, `${p} does not contain ${quoted(w)}${u}`, `${p} is ${op % 2 ? 'known' : 'unknown'}`,
][op]);
const numberCondition = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), unknownTail).map(([op, a, b, u]) => [
  `annualrevenue > ${a * 100_000}${u}`, `annualrevenue <= ${a * 100_000}${u}`, `annualrevenue is ${a * 100_000}${u}`, `annualrevenue is not ${a * 100_000}${u}`,
  `annualrevenue is between ${Math.min(a, b) * 100_000} and ${Math.max(a, b) * 100_000}${u}`, `annualrevenue is not between ${Math.min(a, b) * 100_000} and ${Math.max(a, b) * 100_000}${u}`,
][op]);
const day = fc.integer({ min: 0, max: 1200 }).map((d) => new Date(Date.parse('2022-06-01') + d * 86_400_000).toISOString().slice(0, 10));
const dateCondition = fc.tuple(fc.integer({ min: 0, max: 4 }), day, day, fc.integer({ min: 1, max: 400 }), unknownTail).map(([op, a, b, n, u]) => [
  `closedate is after ${a}${u}`, `closedate is before ${a}${u}`, `closedate is between ${a < b ? a : b} and ${a < b ? b : a}${u}`,
  `closedate is less than ${n} days ago${u}`, `closedate is more than ${n} days ago${u}`,
][op]);
const otherCondition = fc.constantFrom('hs_email_optout is true', 'hs_email_optout is false', 'lifecyclestage is any of (lead, subscriber)', 'lifecyclestage is none of (lead)', 'email is known');
const condition = fc.oneof(stringCondition, numberCondition, dateCondition, otherCondition);
const criteria: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, condition, fc.tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr')).map(([a, j, b]) => `(${a} ${j} ${b})`), tie('expr').map((e) => `not (${e})`)),
})).expr as fc.Arbitrary<string>;

describe('property: the SOQL of a list counts what the simulator counts (emulator, jsforce)', function () {
  this.timeout(180_000);
  let emulator: SalesforceEmulator;
  let org: SalesforceOrg;
  let schema: SalesforceSchema;
  let records: SalesforceData;

  before(async () => {
    emulator = await startSalesforceEmulator({ seed: 5, org: { hubspotCount: 600 }, accessToken: TOKEN, now: () => new Date(NOW) });
    org = await connectSalesforce({ instanceUrl: emulator.url, accessToken: TOKEN, retry: { maxRetries: 0 } });
    schema = salesforceSchemaFromJson({ Lead: await org.describe('Lead'), Contact: await org.describe('Contact') }, emulator.url).schema!;
    const settings = syncSettingsOf(parse(SYNC).file.syncBlocks[0]);
    records = await readSalesforceOrg(org, schema, mappedFields(mappingsByObject(settings, defaultSchema(), schema)));
  });

  after(() => emulator?.stop());

  it('holds for random criteria', async () => {
    await fc.assert(fc.asyncProperty(criteria, async (where) => {
      const source = `list "L" {\n  where ${where}\n}\n${SYNC}`;
      const { file, diagnostics } = parse(source);
      assert.deepEqual(diagnostics, [], source);
      const workspace = { schema: defaultSchema(), lists: file.lists, defaultTimezone: 'UTC' };
      const settings = syncSettingsOf(file.syncBlocks[0]);
      const ctx = prepare({ settings, mappings: mappingsByObject(settings, defaultSchema(), schema), contacts: fakeContacts([]), salesforce: records, judgeNew: newContactJudge(workspace, file.lists[0], NOW) });
      const soql = listSoql(ctx, planForList(file.lists[0], workspace, NOW), 'Lead');
      assert.ok(soql.condition, `${where}: ${soql.error}`);
      assert.equal(await org.countWhere('Lead', soql.condition), recordsMatching(ctx, 'Lead'), `${where}\n${soql.where}`);
    }), { numRuns: 60, seed: 20250601 });
  });
});
