// Publishing the sync settings, against the HubSpot emulator through the SDK: `--properties` creates the
// custom contact property a mapping needs and adds the options the mapped Salesforce picklist has, only when
// asked, idempotently, checked by reading back, and through a fault; what no API sets is a settings sheet,
// recorded as to set by hand until `hslist settings confirm`.

import { strict as assert } from 'node:assert';
import { hslist, startPortal, stateOf, workspace, write, type Portal } from '../publish/support';

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, label: name.replace(/__c$/, ''), type, nillable: true, createable: true, updateable: true, defaultedOnCreate: false, custom: name.endsWith('__c'), picklistValues: [], ...extra });
const values = (...vs: string[]) => ({ picklistValues: vs.map((v) => ({ value: v, label: v, active: true, defaultValue: false })) });
const LEAD = { name: 'Lead', label: 'Lead', fields: [field('Email', 'email'), field('LastName', 'string', { nillable: false }), field('Company', 'string', { nillable: false }), field('Region__c', 'picklist', values('EMEA', 'NA')), field('Tier__c', 'picklist', values('gold', 'Silver'))] };
const CONTACT = { name: 'Contact', label: 'Contact', fields: [field('Email', 'email'), field('LastName', 'string', { nillable: false })] };

const TEXT = `list "Qualified" {
  where email is known
}

sync salesforce {
  inclusion list: "Qualified"
  salesforce creates hubspot contacts: no
  hubspot creates in salesforce: lead
  map sf_region to Region__c: always salesforce
  map renewal_tier to Tier__c: two way
}
`;

describe('publishing the sync settings (HubSpot emulator)', function () {
  this.timeout(60_000);
  let portal: Portal;
  let root: string;

  before(async () => {
    portal = await startPortal();
    portal.emulator.state.schema.contacts.push({ name: 'renewal_tier', label: 'Renewal tier', type: 'enumeration', fieldType: 'select', groupName: 'contactinformation', options: [{ label: 'Gold', value: 'gold' }], hubspotDefined: false });
    root = workspace({ 'sync.hslist': TEXT, '.hslist/schema/salesforce/lead.json': JSON.stringify(LEAD), '.hslist/schema/salesforce/contact.json': JSON.stringify(CONTACT) });
  });

  after(() => portal?.stop());

  it('plan --properties names the property to create and the options to add; without the flag, nothing of it', async () => {
    const plain = await hslist(root, portal.env, 'plan');
    assert.doesNotMatch(plain.out, /Contact properties/);
    const run = await hslist(root, portal.env, 'plan', '--properties');
    assert.equal(run.code, 4, run.err);
    assert.match(run.out, /^\+ create the contact property `sf_region` \(enumeration, select\) for Lead\.Region__c$/m);
    assert.match(run.out, /^\+ add 1 option to `renewal_tier` for the values of Lead\.Tier__c: "Silver"$/m);
    assert.match(run.out, /Settings sheet: set by hand in HubSpot/);
    assert.match(run.out, /\[to set by hand\] Inclusion list: "Qualified"\n {6}Settings > Integrations > Connected apps > Salesforce > Contacts tab > Limit sync/);
    assert.match(run.out, /\[to set by hand\] Sync rule of renewal_tier ↔ Tier__c: "Two-way"/);
  });

  it('apply --properties makes them through a failed write, and a second apply finds nothing to do', async () => {
    portal.emulator.faults.add({ type: 'status', status: 503, method: 'PATCH', path: '/crm/v3/properties/contacts/renewal_tier', count: 1 });
    const first = await hslist(root, portal.env, 'apply', '--yes', '--properties');
    assert.equal(first.code, 1, first.out + first.err);
    assert.match(first.out, /done: create the contact property `sf_region`/);
    assert.match(first.out, /FAILED: add 1 option to `renewal_tier`/);
    const second = await hslist(root, portal.env, 'apply', '--yes', '--properties');
    assert.equal(second.code, 0, second.out + second.err);
    assert.match(second.out, /done: add 1 option to `renewal_tier`/);
    const created = portal.emulator.state.schema.contacts.find((p) => p.name === 'sf_region');
    assert.deepEqual([created?.type, created?.fieldType, created?.options.map((o) => o.value)], ['enumeration', 'select', ['EMEA', 'NA']]);
    assert.deepEqual(portal.emulator.state.schema.contacts.find((p) => p.name === 'renewal_tier')?.options.map((o) => o.value), ['gold', 'Silver']);
    const again = await hslist(root, portal.env, 'plan', '--properties');
    assert.equal(again.code, 0, again.out);
    assert.match(again.out, /Contact properties the sync block's mappings need \(--properties\):\n {2}none/);
  });

  it('records the sheet as to set by hand, never as done, until confirmed; a changed value is to set again', async () => {
    const portalId = Object.keys(stateOf(root).portals)[0];
    const recorded = stateOf(root).portals[portalId].settings ?? {};
    assert.deepEqual(recorded['inclusion-list'], { value: 'Qualified' });
    assert.equal((await hslist(root, portal.env, 'settings', 'show')).code, 1);
    const one = await hslist(root, portal.env, 'settings', 'confirm', 'inclusion-list');
    assert.equal(one.code, 0, one.err);
    assert.match(one.out, /\[confirmed \d{4}-\d{2}-\d{2}\] inclusion-list/);
    assert.match(one.out, /\[to set by hand\] hubspot-creates-in/);
    assert.equal((await hslist(root, portal.env, 'settings', 'confirm')).code, 0);
    assert.equal((await hslist(root, portal.env, 'settings', 'show')).code, 0);
    write(root, 'sync.hslist', TEXT.replace('hubspot creates in salesforce: lead', 'hubspot creates in salesforce: contact'));
    const show = await hslist(root, portal.env, 'settings', 'show', '--json');
    const lines = JSON.parse(show.out).settings as { key: string; status: string; value: string }[];
    assert.deepEqual(lines.find((l) => l.key === 'hubspot-creates-in'), { ...lines.find((l) => l.key === 'hubspot-creates-in'), status: 'to set by hand', value: 'Create or update the contact' });
    assert.equal(lines.find((l) => l.key === 'inclusion-list')?.status, 'confirmed');
  });

  it('bad usage: an unknown key, or no subcommand (exit 2)', async () => {
    assert.equal((await hslist(root, portal.env, 'settings', 'confirm', 'no-such')).code, 2);
    assert.equal((await hslist(root, portal.env, 'settings')).code, 2);
  });
});
