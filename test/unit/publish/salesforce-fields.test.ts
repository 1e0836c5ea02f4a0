// Planning the Salesforce side of the sync block (`--salesforce-fields`): written as sync blocks against a
// small org describe and the portal's contact properties. Each test names the field change it expects, or the
// note that says why there is none.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { salesforceSchemaFromJson, type SalesforceSchema } from '../../../server/src/language/salesforce-schema';
import type { PropertyDef } from '../../../server/src/language/schema-types';
import { planSalesforceFieldChanges, type SalesforceFieldPlan } from '../../../server/src/publish/salesforce-fields';
import { syncSettingsOf } from '../../../server/src/sync/settings';
import { compatibilityOf } from '../../../server/src/language/checks/sync-salesforce-types';

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, label: name.replace(/__c$/, ''), type, nillable: true, createable: true, updateable: true, custom: name.endsWith('__c'), picklistValues: [], ...extra });
const values = (...vs: string[]) => ({ picklistValues: vs.map((v) => ({ value: v, label: v, active: true })) });

const LEAD = { name: 'Lead', label: 'Lead', fields: [field('Email', 'email'), field('LastName', 'string'), field('Rating', 'picklist', values('Hot', 'Warm', 'Cold')), field('Tier__c', 'picklist', values('Gold', 'Silver')), field('Segment__c', 'multipicklist', values('SMB'))] };
const CONTACT = { name: 'Contact', label: 'Contact', fields: [field('Email', 'email'), field('LastName', 'string'), field('Tier__c', 'picklist', values('Gold'))] };

function org(lead: object = LEAD, contact: object = CONTACT): SalesforceSchema {
  const loaded = salesforceSchemaFromJson({ Lead: lead, Contact: contact }, 'the org');
  assert.ok(loaded.schema, JSON.stringify(loaded.problems));
  return loaded.schema;
}

const option = (value: string, label = value) => ({ value, label, displayOrder: 0, hidden: false });
function property(name: string, type: string, fieldType: string, options: string[] = [], extra: Partial<PropertyDef> = {}): PropertyDef {
  return { name, label: name.replace(/_/g, ' '), type, fieldType, options: options.map((o) => option(o)), hubspotDefined: false, ...extra };
}

const PORTAL: PropertyDef[] = [
  property('renewal_tier', 'enumeration', 'select', ['gold', 'Silver', 'Platinum']),
  property('segment', 'enumeration', 'checkbox', ['SMB', 'Enterprise']),
  property('hs_rating', 'enumeration', 'select', ['Hot', 'Lukewarm']),
  property('partner_code', 'string', 'text'),
  property('seats', 'number', 'number'),
  property('is_partner', 'bool', 'booleancheckbox'),
  property('notes_long', 'string', 'textarea'),
  property('renewal_date', 'date', 'date'),
  property('last_call', 'datetime', 'date'),
  property('mobile', 'string', 'phonenumber'),
  property('region', 'enumeration', 'radio', ['EMEA', 'NA']),
  property('owner', 'enumeration', 'select', [], { externalOptions: true, referencedObjectType: 'OWNER' }),
  property('lead_score', 'score', 'calculation_score'),
];

function plan(block: string, portal = PORTAL, sf = org()): SalesforceFieldPlan {
  const parsed = parse(`sync salesforce {\n${block}\n}\n`);
  assert.deepEqual(parsed.diagnostics, []);
  return planSalesforceFieldChanges(syncSettingsOf(parsed.file.syncBlocks[0]), portal, sf);
}

const texts = (p: SalesforceFieldPlan) => p.changes.map((c) => c.text);

describe('planning Salesforce fields (--salesforce-fields)', () => {
  describe('picklist values a mapped custom picklist lacks', () => {
    it('adds the enumeration\'s options the picklist has no value for, matched by value or label letter case aside', () => {
      const result = plan('  hubspot creates in salesforce: lead\n  map renewal_tier to Tier__c: two way');
      assert.deepEqual(texts(result), ['Salesforce: add picklist value "Platinum" to Lead.Tier__c (for `renewal_tier`)']);
      assert.deepEqual(result.changes[0].values, [{ value: 'Platinum', label: 'Platinum' }]);
      assert.deepEqual(result.notes, []);
    });

    it('without `hubspot creates in salesforce` both objects are judged, each on its own values', () => {
      const result = plan('  map renewal_tier to Tier__c: two way');
      assert.deepEqual(result.changes.map((c) => [c.object, c.values.map((v) => v.value)]), [['Lead', ['Platinum']], ['Contact', ['Silver', 'Platinum']]]);
    });

    it('a multi-select picklist takes values the same way', () => {
      assert.deepEqual(texts(plan('  hubspot creates in salesforce: lead\n  map segment to Segment__c: prefer salesforce unless blank')), ['Salesforce: add picklist value "Enterprise" to Lead.Segment__c (for `segment`)']);
    });

    it('`always salesforce` and `don\'t sync` never write HubSpot values into Salesforce: nothing to add', () => {
      assert.deepEqual(plan('  hubspot creates in salesforce: lead\n  map renewal_tier to Tier__c: always salesforce'), { changes: [], notes: [] });
      assert.deepEqual(plan('  hubspot creates in salesforce: lead\n  map renewal_tier to Tier__c: don\'t sync'), { changes: [], notes: [] });
    });

    it('a standard picklist is left to an admin, with the values and the place in Setup', () => {
      const result = plan('  hubspot creates in salesforce: lead\n  map hs_rating to Rating: two way');
      assert.deepEqual(result.changes, []);
      assert.deepEqual(result.notes, ['Lead.Rating is a standard picklist: its values are a standard value set that other objects may share, so hslist does not change it; add "Lukewarm" by hand in Setup > Object Manager > Lead > Fields & Relationships > Rating > Values']);
    });

    it('two mappings to one picklist add their values in one change', () => {
      const portal = [...PORTAL, property('tier_two', 'enumeration', 'select', ['Bronze', 'Platinum'])];
      const result = plan('  hubspot creates in salesforce: lead\n  map renewal_tier to Tier__c: two way\n  map tier_two to Tier__c: two way', portal);
      assert.deepEqual(texts(result), ['Salesforce: add picklist values "Platinum", "Bronze" to Lead.Tier__c (for `renewal_tier`, `tier_two`)']);
    });

    it('nothing when every option has a value', () => {
      const portal = [property('renewal_tier', 'enumeration', 'select', ['GOLD', 'silver'])];
      assert.deepEqual(plan('  hubspot creates in salesforce: lead\n  map renewal_tier to Tier__c: two way', portal), { changes: [], notes: [] });
    });
  });

  describe('the custom field a mapping names that the org lacks', () => {
    const create = (mapping: string) => plan(`  hubspot creates in salesforce: lead\n  ${mapping}`).changes[0];

    it('M3 read from HubSpot to Salesforce: each kind of property gets the field type `incompatible-mapping` accepts', () => {
      const cases: [string, string, string, Record<string, unknown>][] = [
        ['partner_code', 'Text 255', 'string', { type: 'Text', length: 255 }],
        ['seats', 'Number 18, 4 decimals', 'double', { type: 'Number', precision: 18, scale: 4 }],
        ['is_partner', 'Checkbox', 'boolean', { type: 'Checkbox', defaultValue: 'false' }],
        ['notes_long', 'Long Text Area 32768', 'textarea', { type: 'LongTextArea', length: 32768, visibleLines: 3 }],
        ['renewal_date', 'Date', 'date', { type: 'Date' }],
        ['last_call', 'Date/Time', 'datetime', { type: 'DateTime' }],
        ['mobile', 'Phone', 'phone', { type: 'Phone' }],
      ];
      for (const [name, summary, describeType, component] of cases) {
        const change = create(`map ${name} to New_Field__c: two way`);
        assert.equal(change.text, `Salesforce: create field Lead.New_Field__c (${summary}) for \`${name}\``);
        assert.equal(change.describeType, describeType, name);
        const property = PORTAL.find((p) => p.name === name);
        assert.ok(property && compatibilityOf(property)?.salesforceTypes.includes(describeType), `${name}: incompatible-mapping accepts ${describeType}`);
        assert.deepEqual(change.definition, { ...component, fullName: 'Lead.New_Field__c', label: name.replace(/_/g, ' '), description: `Created by hslist for the HubSpot contact property ${name}.` });
      }
    });

    it('a dropdown becomes a picklist with the options as its values (unrestricted), multiple checkboxes a multi-select picklist', () => {
      const single = create('map region to Region__c: two way');
      assert.equal(single.text, 'Salesforce: create field Lead.Region__c (Picklist, 2 values) for `region`');
      assert.deepEqual(single.definition?.valueSet, { restricted: false, valueSetDefinition: { sorted: false, value: [{ fullName: 'EMEA', label: 'EMEA', default: false }, { fullName: 'NA', label: 'NA', default: false }] } });
      const multi = create('map segment to Segments__c: two way');
      assert.equal(multi.definition?.type, 'MultiselectPicklist');
      assert.equal(multi.definition?.visibleLines, 4);
      assert.equal(multi.describeType, 'multipicklist');
      for (const [name, change] of [['region', single], ['segment', multi]] as const) {
        assert.ok(compatibilityOf(PORTAL.find((p) => p.name === name)!)?.salesforceTypes.includes(change.describeType!), name);
      }
    });

    it('is created whatever the rule: a field that does not exist cannot sync either way', () => {
      assert.equal(create('map partner_code to Partner__c: always salesforce').kind, 'create-field');
    });

    it('without `hubspot creates in salesforce`, on both objects; a field one of them has is not created on the other', () => {
      assert.deepEqual(plan('  map partner_code to Partner__c: two way').changes.map((c) => c.definition?.fullName), ['Lead.Partner__c', 'Contact.Partner__c']);
      assert.deepEqual(plan('  map segment to Segment__c: two way').changes.map((c) => c.kind), ['add-picklist-values']);
    });

    it('a name that is not a custom field\'s is not created: a note says why', () => {
      for (const name of ['Partner', 'Partner__x', 'Two__Parts__c', 'Trailing___c', '_Lead__c']) {
        const result = plan(`  hubspot creates in salesforce: lead\n  map partner_code to ${name}: two way`);
        assert.deepEqual(result.changes, [], name);
        assert.match(result.notes[0], new RegExp(`^Lead has no field \`${name}\`, and it is not a custom field's name`));
      }
    });

    it('a property no Salesforce type maps to, or an enumeration without its own options, gets a note instead', () => {
      assert.match(plan('  hubspot creates in salesforce: lead\n  map lead_score to Score__c: two way').notes[0], /`lead_score` is a HubSpot score property \(calculation_score\), which no Salesforce field type maps to \(rule M3\); create it by hand in Setup > Object Manager > Lead/);
      const empty = [property('empty_pick', 'enumeration', 'select', [])];
      assert.match(plan('  hubspot creates in salesforce: lead\n  map empty_pick to Empty__c: two way', empty).notes[0], /has no options, and a Salesforce picklist needs at least one value/);
    });

    it('neither side exists: a note, nothing planned', () => {
      const result = plan('  hubspot creates in salesforce: contact\n  map no_such_property to Nothing__c: two way');
      assert.deepEqual(result.changes, []);
      assert.deepEqual(result.notes, ['`no_such_property` is not a contact property of the portal and no Contact field `Nothing__c` exists: create one of the two by hand, then --properties or --salesforce-fields can create the other']);
    });

    it('owner properties are mapped by the integration itself: never planned', () => {
      assert.deepEqual(plan('  hubspot creates in salesforce: lead\n  map owner to Owner__c: two way'), { changes: [], notes: [] });
    });

    it('a label longer than Salesforce\'s 40 characters is shortened', () => {
      const portal = [property('long_one', 'string', 'text', [], { label: 'A label that is much longer than forty characters' })];
      const label = plan('  hubspot creates in salesforce: lead\n  map long_one to Long__c: two way', portal).changes[0].definition?.label ?? '';
      assert.equal(label.length, 40);
    });
  });
});
