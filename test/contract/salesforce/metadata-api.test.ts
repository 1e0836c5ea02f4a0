// The emulator's Metadata API, spoken to by jsforce's own `conn.metadata` (SOAP over HTTP, as against a real
// org) and by our account layer: CustomField components read, created and updated, the describe and SOQL that
// follow them, Salesforce's refusals per component, SOAP faults, field-level security, and aimed faults.

import { strict as assert } from 'node:assert';
import { Connection } from 'jsforce';
import { connectSalesforce, type SalesforceOrg } from '../../../server/src/salesforce';
import type { SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import { FIXED_TOKEN, startOrg } from './support';

type Component = Record<string, unknown>;

const TIER = { fullName: 'Lead.Tier__c', label: 'Tier', type: 'Picklist', valueSet: { restricted: true, valueSetDefinition: { sorted: false, value: [{ fullName: 'Gold', label: 'Gold', default: false }, { fullName: 'Silver', label: 'Silver', default: false }] } } };

describe('Salesforce emulator: the Metadata API (CustomField) through jsforce', function () {
  this.timeout(30_000);
  let emulator: SalesforceEmulator;
  let conn: Connection;
  let org: SalesforceOrg;

  beforeEach(async () => {
    emulator = await startOrg({ org: { hubspotCount: 50 } });
    conn = new Connection({ instanceUrl: emulator.url, accessToken: FIXED_TOKEN, version: '62.0' });
    org = await connectSalesforce({ instanceUrl: emulator.url, accessToken: FIXED_TOKEN, timeoutMs: 2000 });
  });

  afterEach(() => emulator.stop());

  const leadField = async (name: string) => (await conn.describe('Lead')).fields.find((f) => f.name === name);

  it('createMetadata adds the field: describe shows it with its type and values, SOQL selects it, readMetadata returns the component', async () => {
    const saved = await conn.metadata.create('CustomField', [TIER as Component]);
    assert.deepEqual(saved, [{ fullName: 'Lead.Tier__c', success: true, errors: [] }]);
    const described = await leadField('Tier__c');
    assert.deepEqual([described?.type, described?.custom, described?.restrictedPicklist, described?.picklistValues?.map((v) => v.value)], ['picklist', true, true, ['Gold', 'Silver']]);
    const rows = await conn.query('SELECT Id, Tier__c FROM Lead LIMIT 1');
    assert.equal(rows.records[0].Tier__c, null);
    const [read] = await conn.metadata.read('CustomField', ['Lead.Tier__c']);
    assert.deepEqual([read.fullName, read.label, read.type, (read as Component & { valueSet: { restricted: boolean } }).valueSet.restricted], ['Lead.Tier__c', 'Tier', 'Picklist', true]);
  });

  it('each org has its own schema: a field created in one is not in another', async () => {
    await conn.metadata.create('CustomField', [TIER as Component]);
    const other = await startOrg({ org: { hubspotCount: 5 } });
    try {
      const otherConn = new Connection({ instanceUrl: other.url, accessToken: FIXED_TOKEN, version: '62.0' });
      assert.equal((await otherConn.describe('Lead')).fields.some((f) => f.name === 'Tier__c'), false);
    } finally {
      await other.stop();
    }
  });

  it('updateMetadata replaces the component: values it leaves out become inactive, as Salesforce deactivates them', async () => {
    await conn.metadata.create('CustomField', [TIER as Component]);
    const update = { ...TIER, valueSet: { restricted: true, valueSetDefinition: { sorted: false, value: [{ fullName: 'Gold', default: false }, { fullName: 'Platinum', label: 'Platinum', default: false }] } } };
    assert.deepEqual(await conn.metadata.update('CustomField', [update as Component]), [{ fullName: 'Lead.Tier__c', success: true, errors: [] }]);
    const values = (await leadField('Tier__c'))?.picklistValues?.map((v) => `${v.value}${v.active ? '' : ' (inactive)'}`);
    assert.deepEqual(values, ['Gold', 'Platinum', 'Silver (inactive)']);
  });

  it('refusals come per component in the SaveResult, with Salesforce\'s status code', async () => {
    await conn.metadata.create('CustomField', [TIER as Component]);
    const cases: [string, Component, string][] = [
      ['createMetadata', TIER, 'DUPLICATE_DEVELOPER_NAME'],
      ['createMetadata', { fullName: 'Lead.NoLabel__c', type: 'Text', length: 20 }, 'REQUIRED_FIELD_MISSING'],
      ['createMetadata', { fullName: 'Lead.Long__c', label: 'Long', type: 'Text', length: 300 }, 'FIELD_INTEGRITY_EXCEPTION'],
      ['createMetadata', { fullName: 'Lead.Bad__Name__c', label: 'Bad', type: 'Text', length: 20 }, 'FIELD_INTEGRITY_EXCEPTION'],
      ['createMetadata', { fullName: 'Account.Thing__c', label: 'Thing', type: 'Text', length: 20 }, 'INVALID_CROSS_REFERENCE_KEY'],
      ['updateMetadata', { fullName: 'Lead.Rating', label: 'Rating', type: 'Picklist', valueSet: { valueSetDefinition: { sorted: false, value: [{ fullName: 'Hot', default: false }] } } }, 'INVALID_CROSS_REFERENCE_KEY'],
      ['updateMetadata', { ...TIER, valueSet: { valueSetDefinition: { sorted: false, value: [{ fullName: 'Gold', default: false }, { fullName: 'gold', default: false }] } } }, 'DUPLICATE_VALUE'],
    ];
    for (const [call, component, code] of cases) {
      const [result] = await (call === 'createMetadata' ? conn.metadata.create('CustomField', [component]) : conn.metadata.update('CustomField', [component]));
      assert.equal(result.success, false, `${call} ${String(component.fullName)}`);
      assert.equal(result.errors[0]?.statusCode, code, `${call} ${String(component.fullName)}: ${result.errors[0]?.message}`);
    }
    assert.deepEqual((await leadField('Tier__c'))?.picklistValues?.map((v) => v.value), ['Gold', 'Silver'], 'a refused update changes nothing');
  });

  it('readMetadata of a component the org lacks reads back without a fullName; the account layer leaves it out', async () => {
    const [missing] = await conn.metadata.read('CustomField', ['Lead.Nothing__c']);
    assert.equal(missing.fullName, undefined);
    const found = await org.readCustomFields(['Lead.Interests__c', 'Lead.Nothing__c', 'Contact.Nothing__c']);
    assert.deepEqual([...found.keys()], ['lead.interests__c']);
    assert.equal(found.get('lead.interests__c')?.type, 'MultiselectPicklist');
  });

  it('the account layer batches more than ten names into calls of ten, as Salesforce requires', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `Lead.F${i}__c`);
    await org.readCustomFields(names);
    assert.equal(emulator.state.requestLog.filter((line) => line.endsWith(' readMetadata')).length, 3);
    await assert.rejects(conn.metadata.read('CustomField', names), /EXCEEDED_ID_LIMIT/);
  });

  it('a session the org does not know is a SOAP fault; the account layer says it once, with the status', async () => {
    const bad = await connectSalesforce({ instanceUrl: emulator.url, accessToken: 'not-a-session-token', timeoutMs: 2000 });
    await assert.rejects(bad.readCustomFields(['Lead.Tier__c']), (error: Error) => {
      assert.equal(error.message, 'Salesforce said 500 INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session (while reading the definition of Lead.Tier__c).');
      return true;
    });
    const received = emulator.state.received.filter((r) => r.call === 'readMetadata');
    assert.ok(received.every((r) => r.bearerSha256 && !JSON.stringify(r).includes('not-a-session-token')), 'the request log keeps a hash of the session id, never the id');
  });

  it('with field-level security, a new field is hidden from describe and SOQL until granted; readMetadata still reads it', async () => {
    emulator.state.newFieldsVisible = false;
    await org.createCustomField({ fullName: 'Lead.Hidden__c', label: 'Hidden', type: 'Text', length: 40 });
    assert.equal(await leadField('Hidden__c'), undefined);
    await assert.rejects(async () => { await conn.query('SELECT Hidden__c FROM Lead'); }, /INVALID_FIELD/);
    assert.equal((await org.readCustomFields(['Lead.Hidden__c'])).size, 1);
    emulator.state.grantFieldAccess('Lead.Hidden__c');
    assert.equal((await leadField('Hidden__c'))?.type, 'string');
  });

  describe('faults aimed at a Metadata API call', () => {
    it('a SOAP fault with a chosen code: the account layer names it; the write did not happen', async () => {
      emulator.state.faults.failNext(1, 500, { call: 'createMetadata' }, { errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on cross-reference id' });
      await assert.rejects(org.createCustomField({ fullName: 'Lead.Foo__c', label: 'Foo', type: 'Text', length: 10 }), /^SalesforceError: Salesforce said 500 INSUFFICIENT_ACCESS: insufficient access rights on cross-reference id \(while creating Lead\.Foo__c\)\./);
      assert.equal(await leadField('Foo__c'), undefined);
    });

    it('an aimed fault waits for its call: reads before it are answered', async () => {
      emulator.state.faults.failNext(1, 503, { call: 'updateMetadata' });
      await org.readCustomFields(['Lead.Interests__c']);
      await conn.describe('Lead');
      await assert.rejects(org.updateCustomField({ fullName: 'Lead.Interests__c', label: 'Interests', type: 'MultiselectPicklist', visibleLines: 4, valueSet: { valueSetDefinition: { sorted: false, value: [{ fullName: 'CRM', default: false }] } } }), /503 SERVER_UNAVAILABLE/);
    });

    it('a refused write and an ignored write: the SaveResult says so, or says success while nothing changed', async () => {
      emulator.state.faults.refuseWriteNext(1, { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'Picklist value already in use' });
      assert.deepEqual(await org.createCustomField({ fullName: 'Lead.Foo__c', label: 'Foo', type: 'Text', length: 10 }), { fullName: 'Lead.Foo__c', success: false, errors: [{ statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'Picklist value already in use' }] });
      emulator.state.faults.ignoreWriteNext(1);
      assert.deepEqual(await org.createCustomField({ fullName: 'Lead.Foo__c', label: 'Foo', type: 'Text', length: 10 }), { fullName: 'Lead.Foo__c', success: true, errors: [] });
      assert.equal((await org.readCustomFields(['Lead.Foo__c'])).size, 0);
    });

    it('a held answer ends at the time limit; a truncated one and a reset one are errors, never results', async () => {
      emulator.state.faults.holdNext(1, { call: 'readMetadata' });
      await assert.rejects(org.readCustomFields(['Lead.Interests__c']), /did not finish answering reading the definition of Lead\.Interests__c within 2 s/);
      emulator.state.faults.truncateNext(1, { call: 'readMetadata' });
      await assert.rejects(org.readCustomFields(['Lead.Interests__c']), /SalesforceError/);
      emulator.state.faults.resetNext(1, { call: 'readMetadata' });
      await assert.rejects(org.readCustomFields(['Lead.Interests__c']), /connection reset/);
    });

    it('a reset after the write: the field exists though the client heard nothing', async () => {
      emulator.state.faults.resetNext(1, { call: 'createMetadata' }, { after: true });
      await assert.rejects(org.createCustomField({ fullName: 'Lead.Foo__c', label: 'Foo', type: 'Text', length: 10 }), /connection reset/);
      assert.equal((await leadField('Foo__c'))?.type, 'string');
    });
  });
});
