// Publishing the Salesforce side of the sync block (`hslist plan|apply --salesforce-fields`), through the CLI,
// jsforce and the SDK against both emulators: the plan names each field to create and each picklist value to
// add, only when asked; apply makes them through the Metadata API, reads them back (definition and describe),
// and a second plan has nothing to do. Failures carry Salesforce's code and message and exit 1, partial
// progress is said exactly, and a write that does not read back is a failure.

import { strict as assert } from 'node:assert';
import { connectSalesforce } from '../../../server/src/salesforce';
import type { SalesforceFieldPlan } from '../../../server/src/publish/salesforce-fields';
import { applySalesforceFieldChanges } from '../../../server/src/publish/salesforce-fields-apply';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import type { SfFieldDef } from '../../../server/src/sandbox/salesforce/schema';
import { hslist, startPortal, workspace, type Portal } from '../publish/support';

const SF_TOKEN = '00D5g000004hSlS!AQ-fields-contract-session';

const TEXT = `list "Qualified" {
  where email is known
}

sync salesforce {
  inclusion list: "Qualified"
  hubspot creates in salesforce: lead
  map renewal_tier to Tier__c: two way
  map partner_code to Partner_Code__c: two way
  map hs_rating to Rating: prefer salesforce unless blank
}
`;

const TIER: SfFieldDef = {
  name: 'Tier__c', label: 'Tier', type: 'picklist', length: 255, nillable: true, createable: true, updateable: true, defaultedOnCreate: false,
  custom: true, restrictedPicklist: true, picklistValues: [{ value: 'Gold', label: 'Gold', active: true, defaultValue: false }], referenceTo: [], metadata: { type: 'Picklist' },
};

function addProperties(portal: Portal): void {
  const option = (value: string, label = value) => ({ value, label, displayOrder: 0, hidden: false });
  const property = (name: string, label: string, type: string, fieldType: string, options: ReturnType<typeof option>[] = []) => ({ name, label, type, fieldType, groupName: 'contactinformation', options, hubspotDefined: false });
  portal.emulator.state.schema.contacts.push(
    property('renewal_tier', 'Renewal tier', 'enumeration', 'select', [option('gold', 'Gold'), option('Silver'), option('Platinum')]),
    property('partner_code', 'Partner code', 'string', 'text'),
    property('hs_rating', 'Rating', 'enumeration', 'select', [option('Hot'), option('Lukewarm')]),
  );
}

interface World {
  portal: Portal;
  org: SalesforceEmulator;
  root: string;
  env: NodeJS.ProcessEnv;
}

async function world(options: { newFieldsVisible?: boolean } = {}): Promise<World> {
  const portal = await startPortal();
  addProperties(portal);
  const org = await startSalesforceEmulator({ seed: 4, org: { hubspotCount: 30 }, accessToken: SF_TOKEN, ...options });
  org.state.schema.Lead.fields.push({ ...TIER, picklistValues: TIER.picklistValues.map((v) => ({ ...v })) });
  const env = { ...portal.env, HSLIST_SF_INSTANCE_URL: org.url, HSLIST_SF_ACCESS_TOKEN: SF_TOKEN, HSLIST_SF_TIMEOUT_SECONDS: '2' };
  return { portal, org, root: workspace({ 'sync.hslist': TEXT }), env };
}

async function leadFields(w: World): Promise<Map<string, { type: string; values: string[] }>> {
  const org = await connectSalesforce({ instanceUrl: w.org.url, accessToken: SF_TOKEN });
  const lead = await org.describe('Lead');
  return new Map(lead.fields.filter((f) => f.custom).map((f) => [f.name, { type: f.type, values: f.picklistValues.filter((v) => v.active).map((v) => v.value) }]));
}

const ADD_LINE = '+ Salesforce: add picklist values "Silver", "Platinum" to Lead.Tier__c (for `renewal_tier`)';
const CREATE_LINE = '+ Salesforce: create field Lead.Partner_Code__c (Text 255) for `partner_code`';

describe('publishing the Salesforce fields the mappings need (--salesforce-fields)', function () {
  this.timeout(60_000);
  let w: World;

  afterEach(async () => {
    await w?.portal.stop();
    await w?.org.stop();
  });

  it('plan names the field to create and the values to add, and what is left by hand; without the flag, the org is not called', async () => {
    w = await world();
    const plain = await hslist(w.root, w.env, 'plan', '--properties');
    assert.doesNotMatch(plain.out, /Salesforce fields/);
    assert.equal(w.org.state.received.length, 0, 'no request to Salesforce without --salesforce-fields');
    const run = await hslist(w.root, w.env, 'plan', '--salesforce-fields');
    assert.equal(run.code, 4, run.err);
    assert.match(run.err, new RegExp(`^Salesforce: ${w.org.url.replace(/[.]/g, '\\.')}$`, 'm'), 'the host is named before the first call');
    const section = run.out.slice(run.out.indexOf('Salesforce fields'));
    assert.equal(section.split('\n\n')[0], [
      'Salesforce fields the sync block\'s mappings need (--salesforce-fields, Metadata API):',
      ADD_LINE,
      CREATE_LINE,
      '  note: Lead.Rating is a standard picklist: its values are a standard value set that other objects may share, so hslist does not change it; add "Lukewarm" by hand in Setup > Object Manager > Lead > Fields & Relationships > Rating > Values',
    ].join('\n'));
    const json = JSON.parse((await hslist(w.root, w.env, 'plan', '--salesforce-fields', '--json')).out) as { salesforceFields: { changes: { kind: string; object: string; field: string; values: { value: string }[] }[] } };
    assert.deepEqual(json.salesforceFields.changes.map((c) => [c.kind, `${c.object}.${c.field}`, c.values.map((v) => v.value)]), [['add-picklist-values', 'Lead.Tier__c', ['Silver', 'Platinum']], ['create-field', 'Lead.Partner_Code__c', []]]);
    assert.equal(w.org.state.requestLog.filter((l) => / (create|update)Metadata$/.test(l)).length, 0, 'plan writes nothing');
  });

  it('apply makes them, describe shows them, and a second plan and apply have nothing to do', async () => {
    w = await world();
    const first = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(first.code, 0, first.out + first.err);
    assert.match(first.out, /^ {2}done: Salesforce: add picklist values "Silver", "Platinum" to Lead\.Tier__c \(for `renewal_tier`\) — added "Silver", "Platinum"$/m);
    assert.match(first.out, /^ {2}done: Salesforce: create field Lead\.Partner_Code__c \(Text 255\) for `partner_code`$/m);
    const fields = await leadFields(w);
    assert.deepEqual(fields.get('Tier__c'), { type: 'picklist', values: ['Gold', 'Silver', 'Platinum'] });
    assert.deepEqual(fields.get('Partner_Code__c'), { type: 'string', values: [] });
    const again = await hslist(w.root, w.env, 'plan', '--salesforce-fields');
    assert.equal(again.code, 0, again.out + again.err);
    assert.match(again.out, /\(--salesforce-fields, Metadata API\):\n {2}none\n/);
    const writes = w.org.state.requestLog.filter((l) => / (create|update)Metadata$/.test(l)).length;
    const second = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(second.code, 0, second.out + second.err);
    assert.match(second.out, /Nothing to apply\./);
    assert.equal(w.org.state.requestLog.filter((l) => / (create|update)Metadata$/.test(l)).length, writes, 'the second apply writes nothing');
  });

  it('a refused write is a failure with Salesforce\'s code and message and exit 1; the other change is made, and the next apply finishes', async () => {
    w = await world();
    w.org.state.faults.refuseWriteNext(1, { statusCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }, { call: 'updateMetadata' });
    const first = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(first.code, 1, first.out + first.err);
    assert.match(first.out, /^ {2}FAILED: Salesforce: add picklist values "Silver", "Platinum" to Lead\.Tier__c \(for `renewal_tier`\) — Salesforce refused it: INSUFFICIENT_ACCESS: insufficient access rights on object id$/m);
    assert.match(first.out, /^ {2}done: Salesforce: create field Lead\.Partner_Code__c/m);
    assert.match(first.out, /^ {2}1 of 2 Salesforce field changes made, 1 failed; the next apply retries what is still missing\.$/m);
    let fields = await leadFields(w);
    assert.deepEqual([fields.get('Tier__c')?.values, fields.has('Partner_Code__c')], [['Gold'], true], 'the state is what the output says');
    const second = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(second.code, 0, second.out + second.err);
    assert.doesNotMatch(second.out, /create field/);
    fields = await leadFields(w);
    assert.deepEqual(fields.get('Tier__c')?.values, ['Gold', 'Silver', 'Platinum']);
  });

  it('a SOAP fault on the write (a missing permission) is reported with its code; nothing is claimed', async () => {
    w = await world();
    w.org.state.faults.failNext(1, 500, { call: 'createMetadata' }, { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'You do not have permission to modify metadata' });
    const run = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(run.code, 1);
    assert.match(run.out, /FAILED: Salesforce: create field Lead\.Partner_Code__c \(Text 255\) for `partner_code` — Salesforce said 500 INSUFFICIENT_ACCESS_OR_READONLY: You do not have permission to modify metadata \(while creating Lead\.Partner_Code__c\)\./);
    assert.equal((await leadFields(w)).has('Partner_Code__c'), false);
  });

  it('a write Salesforce acknowledges that does not read back is reported as failed', async () => {
    w = await world();
    w.org.state.faults.ignoreWriteNext(1, { call: 'updateMetadata' });
    w.org.state.faults.ignoreWriteNext(1, { call: 'createMetadata' });
    const run = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /FAILED: Salesforce: add picklist values "Silver", "Platinum" to Lead\.Tier__c \(for `renewal_tier`\) — Salesforce reported Lead\.Tier__c updated, but reading its definition back does not show "Silver", "Platinum" as active values$/m);
    assert.match(run.out, /FAILED: Salesforce: create field Lead\.Partner_Code__c \(Text 255\) for `partner_code` — Salesforce reported Lead\.Partner_Code__c created, but reading its definition back shows no such field$/m);
    assert.match(run.out, /0 of 2 Salesforce field changes made, 2 failed/);
  });

  it('an answer lost after the write: reported as failed, and the next apply finds it done without writing again', async () => {
    w = await world();
    w.org.state.faults.resetNext(1, { call: 'createMetadata' }, { after: true });
    const first = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(first.code, 1);
    assert.match(first.out, /FAILED: Salesforce: create field Lead\.Partner_Code__c .* — Could not reach Salesforce at .* \(connection reset\) while creating Lead\.Partner_Code__c\./);
    assert.equal((await leadFields(w)).get('Partner_Code__c')?.type, 'string', 'Salesforce did create it');
    const again = await hslist(w.root, w.env, 'plan', '--salesforce-fields');
    assert.doesNotMatch(again.out, /create field/, 'the plan reads the org, so it is not planned again');
    const creates = () => w.org.state.requestLog.filter((l) => l.endsWith(' createMetadata')).length;
    const before = creates();
    const second = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(second.code, 0, second.out + second.err);
    assert.equal(creates(), before, 'no second create');
  });

  it('the same plan applied twice: the second run finds every change already so and writes nothing', async () => {
    w = await world();
    const org = await connectSalesforce({ instanceUrl: w.org.url, accessToken: SF_TOKEN });
    const json = JSON.parse((await hslist(w.root, w.env, 'plan', '--salesforce-fields', '--json')).out) as { salesforceFields: SalesforceFieldPlan };
    const first = await applySalesforceFieldChanges(org, json.salesforceFields.changes);
    assert.deepEqual(first.map((o) => o.result), ['done', 'done']);
    const writes = w.org.state.requestLog.filter((l) => / (create|update)Metadata$/.test(l)).length;
    const second = await applySalesforceFieldChanges(org, json.salesforceFields.changes);
    assert.deepEqual(second.map((o) => [o.result, o.message]), [['already', undefined], ['already', undefined]]);
    assert.equal(w.org.state.requestLog.filter((l) => / (create|update)Metadata$/.test(l)).length, writes);
  });

  it('a held write ends at the time limit (HSLIST_SF_TIMEOUT_SECONDS) as a failure naming the host', async () => {
    w = await world();
    w.org.state.faults.holdNext(1, { call: 'updateMetadata' });
    const run = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(run.code, 1);
    assert.match(run.out, new RegExp(`FAILED: Salesforce: add picklist values .* — Salesforce at ${w.org.url.replace(/[.]/g, '\\.')} did not finish answering updating Lead\\.Tier__c within 2 s\\.`));
    assert.match(run.out, /done: Salesforce: create field Lead\.Partner_Code__c/, 'the next change still runs');
  });

  it('a field the user cannot see (field-level security) is done with a by-hand step, and planned as a note after', async () => {
    w = await world({ newFieldsVisible: false });
    const run = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(run.code, 0, run.out + run.err);
    assert.match(run.out, /done: Salesforce: create field Lead\.Partner_Code__c \(Text 255\) for `partner_code`\n {4}by hand: Lead\.Partner_Code__c is not visible to this Salesforce user \(field-level security\): grant read and edit access to this user and to HubSpot's integration user in Setup > Object Manager > Lead > Fields & Relationships > Partner code > Set Field-Level Security/);
    const again = await hslist(w.root, w.env, 'plan', '--salesforce-fields');
    assert.equal(again.code, 0, again.out);
    assert.match(again.out, /\(--salesforce-fields, Metadata API\):\n {2}none\n( {2}note: .*\n)* {2}note: Lead\.Partner_Code__c is not visible to this Salesforce user/);
    w.org.state.grantFieldAccess('Lead.Partner_Code__c');
    const granted = (await hslist(w.root, w.env, 'plan', '--salesforce-fields')).out;
    assert.doesNotMatch(granted, /create field|not visible/);
  });

  it('when HubSpot stops the apply (its daily limit), the field changes are said not attempted, and none is made', async () => {
    w = await world();
    w.portal.emulator.faults.add({ type: 'rate-limit', policy: 'DAILY', method: 'POST', path: '/crm/v3/lists$' });
    const run = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(run.code, 1, run.out + run.err);
    assert.match(run.out, /^Not attempted, as the apply stopped: 2 Salesforce field changes; the next apply plans them again\.$/m);
    assert.equal(w.org.state.requestLog.filter((l) => / (create|update)Metadata$/.test(l)).length, 0);
  });

  it('without Salesforce credentials: bad usage (exit 2), naming the variables; a bad session: exit 1 with Salesforce\'s words, never the session id', async () => {
    w = await world();
    const { HSLIST_SF_INSTANCE_URL: _url, HSLIST_SF_ACCESS_TOKEN: _token, ...hubspotOnly } = w.env;
    const none = await hslist(w.root, hubspotOnly, 'plan', '--salesforce-fields');
    assert.equal(none.code, 2);
    assert.match(none.err, /--salesforce-fields changes the Salesforce org, so it needs one: set HSLIST_SF_INSTANCE_URL and HSLIST_SF_ACCESS_TOKEN/);
    w.org.state.expireTokens();
    const expired = await hslist(w.root, w.env, 'apply', '--yes', '--salesforce-fields');
    assert.equal(expired.code, 1);
    assert.match(expired.err, /hslist apply: --salesforce-fields: Salesforce said 401 INVALID_SESSION_ID: Session expired or invalid \(while describing Lead\)\./);
    assert.match(expired.out, /^$/, 'nothing applied, not even the lists');
    for (const text of [none.out, none.err, expired.out, expired.err]) assert.ok(!text.includes(SF_TOKEN), 'the session id never reaches the output');
  });
});
