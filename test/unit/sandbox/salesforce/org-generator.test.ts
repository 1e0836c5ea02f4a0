// The seeded Salesforce org generator: deterministic, overlapping HubSpot by email in realistic shares,
// values consistent with the emulator's describe, valid-looking ids, and lazy.

import { strict as assert } from 'node:assert';
import { generateSalesforceOrg, madeUpHubspotEmail, type SalesforceRecord } from '../../../../server/src/sandbox/data/salesforce-org';
import { toEighteen } from '../../../../server/src/sandbox/salesforce/ids';
import { OBJECTS } from '../../../../server/src/sandbox/salesforce/schema';

function take(count: number, records: Iterable<SalesforceRecord>): SalesforceRecord[] {
  const taken: SalesforceRecord[] = [];
  for (const record of records) {
    if (taken.length === count) break;
    taken.push(record);
  }
  return taken;
}

const HUBSPOT = Array.from({ length: 3000 }, (_, i) => madeUpHubspotEmail(11, i));
const ORG = [...generateSalesforceOrg({ seed: 5, hubspotEmails: HUBSPOT })];

function emailsOnRecords(): Map<string, SalesforceRecord[]> {
  const byEmail = new Map<string, SalesforceRecord[]>();
  for (const record of ORG) {
    const email = record.fields.Email;
    if (typeof email !== 'string') continue;
    const key = email.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), record]);
  }
  return byEmail;
}

describe('Salesforce org generator', () => {
  it('gives the same org for the same seed and a different one for another seed', () => {
    const again = [...generateSalesforceOrg({ seed: 5, hubspotEmails: HUBSPOT })];
    assert.equal(JSON.stringify(again), JSON.stringify(ORG));
    const other = take(50, generateSalesforceOrg({ seed: 6, hubspotEmails: HUBSPOT }));
    assert.notEqual(JSON.stringify(other), JSON.stringify(ORG.slice(0, 50)));
  });

  it('puts about 40 % of HubSpot emails into Salesforce, some on 2 or 3 records of either type', () => {
    const byEmail = emailsOnRecords();
    const shared = HUBSPOT.filter((email) => byEmail.has(email.toLowerCase()));
    const share = shared.length / HUBSPOT.length;
    assert.ok(share > 0.35 && share < 0.45, `share of HubSpot emails in Salesforce: ${share}`);
    const counts = shared.map((email) => byEmail.get(email.toLowerCase())?.length ?? 0);
    assert.ok(counts.some((n) => n === 2) && counts.some((n) => n === 3) && counts.every((n) => n <= 3));
    const mixed = shared.some((email) => new Set(byEmail.get(email.toLowerCase())?.map((r) => r.type)).size === 2);
    assert.ok(mixed, 'some email is on both a Lead and a Contact');
    const caseVariant = ORG.some((r) => typeof r.fields.Email === 'string' && r.fields.Email !== r.fields.Email.toLowerCase() && HUBSPOT.includes(r.fields.Email.toLowerCase()));
    assert.ok(caseVariant, 'some duplicate differs from the HubSpot email in letter case');
  });

  it('adds Salesforce-only records, some without an email', () => {
    const hubspot = new Set(HUBSPOT.map((e) => e.toLowerCase()));
    const only = ORG.filter((r) => typeof r.fields.Email !== 'string' || !hubspot.has(r.fields.Email.toLowerCase()));
    assert.ok(only.length > 500 && only.length < 1000, `Salesforce-only records: ${only.length}`);
    assert.ok(only.some((r) => r.fields.Email === null));
  });

  it('uses only picklist values the describe lists, and only fields the schema has', () => {
    for (const record of ORG) {
      const object = OBJECTS[record.type];
      for (const [name, value] of Object.entries(record.fields)) {
        const field = object.fields.find((f) => f.name === name);
        assert.ok(field, `${record.type}.${name} is not in the schema`);
        if (value === null || (field.type !== 'picklist' && field.type !== 'multipicklist')) continue;
        const allowed = new Set(field.picklistValues.map((p) => p.value));
        for (const item of String(value).split(';')) assert.ok(allowed.has(item), `${record.type}.${name} = ${item}`);
      }
    }
  });

  it('fills the fields required for create and keeps IsConverted consistent with Status', () => {
    for (const record of ORG) {
      assert.equal(typeof record.fields.LastName, 'string');
      if (record.type !== 'Lead') continue;
      assert.equal(typeof record.fields.Company, 'string');
      assert.equal(record.fields.IsConverted, record.fields.Status === 'Closed - Converted');
    }
  });

  it('gives unique 18-character ids with the right key prefix and case-safe suffix', () => {
    const ids = new Set(ORG.map((r) => String(r.fields.Id)));
    assert.equal(ids.size, ORG.length);
    for (const record of ORG) {
      const id = String(record.fields.Id);
      assert.equal(id.slice(0, 3), record.type === 'Lead' ? '00Q' : '003');
      assert.equal(toEighteen(id.slice(0, 15)), id);
    }
  });

  it('streams: the first records of a ten-million-contact portal come at once', () => {
    const started = Date.now();
    assert.equal(take(20, generateSalesforceOrg({ seed: 1, hubspotCount: 10_000_000 })).length, 20);
    assert.ok(Date.now() - started < 500);
  });
});
