// The Salesforce-aware sync checks, written as sync blocks against a small Salesforce schema shaped like
// the files `hslist schema pull` writes (.hslist/schema/salesforce/lead.json and contact.json).

import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { loadSalesforceSchema, salesforceSchemaFromJson, type SalesforceSchema } from '../../../server/src/language/salesforce-schema';
import { analyzeWorkspace, Workspace } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';
import { applyFix } from './expect';

type FieldSpec = Record<string, unknown> & { name: string; type: string };

function field(name: string, type: string, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { name, label: name, type, nillable: true, createable: true, updateable: true, defaultedOnCreate: false, picklistValues: [], ...extra };
}

const required = { nillable: false };
const picklist = (...values: string[]): { picklistValues: { value: string; label: string; active: boolean }[] } => ({ picklistValues: values.map((value) => ({ value, label: value, active: true })) });

const COMMON = [
  field('LastName', 'string', required), field('FirstName', 'string'), field('Email', 'email'), field('Title', 'string'),
  field('HasOptedOutOfEmail', 'boolean', { nillable: false, defaultedOnCreate: true }), field('Description', 'textarea'),
  field('LeadSource', 'picklist', picklist('Web', 'Other')),
];
const LEAD = {
  name: 'Lead', label: 'Lead',
  fields: [
    ...COMMON, field('Company', 'string', required), field('NumberOfEmployees', 'int'), field('AnnualRevenue', 'currency'),
    field('Status', 'picklist', { ...required, ...picklist('Open - Not Contacted', 'Working - Contacted') }),
    field('Rating', 'picklist', picklist('Hot', 'Warm', 'Cold')),
    field('Interests__c', 'multipicklist', { custom: true, ...picklist('Analytics', 'CRM') }),
    field('Buying_Role__c', 'multipicklist', { custom: true, ...picklist('budget_holder', 'Champion', 'Decision Maker', 'End User', 'Executive Sponsor', 'Influencer', 'legal_and_compliance', 'BLOCKER', 'Other') }),
    field('Stage__c', 'picklist', { custom: true, label: 'Stage', ...picklist('subscriber', 'Lead', 'MARKETINGQUALIFIEDLEAD') }),
    field('Lead_Created__c', 'date', { custom: true }),
  ],
};
const CONTACT = { name: 'Contact', label: 'Contact', fields: [...COMMON, field('Department', 'string'), field('MailingCity', 'string')] };

function sfSchema(lead = LEAD, contact = CONTACT): SalesforceSchema {
  const loaded = salesforceSchemaFromJson({ Lead: lead, Contact: contact }, '.hslist/schema/salesforce');
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.schema);
  return loaded.schema;
}

const LIST = { path: 'lists.hslist', text: 'list "Qualified" {\n  type: active\n  where email is known\n}\n' };

/** Diagnostics of a sync block written with ⟦ranges⟧, one range per expected code, in order. */
function expectSync(source: string, codes: string[], salesforce: SalesforceSchema | 'none' = sfSchema()): Diagnostic[] {
  const { text, ranges } = marked(source);
  const salesforceSchema = salesforce === 'none' ? undefined : salesforce;
  const analysis = analyzeWorkspace([{ path: 'sync.hslist', text }, LIST], defaultSchema(), { salesforceSchema });
  const diagnostics = analysis.files.get('sync.hslist')?.diagnostics ?? [];
  const shown = diagnostics.map((d) => `${d.code} ⟦${text.slice(d.start, d.end)}⟧ ${d.message}`).join('\n');
  assert.deepEqual(diagnostics.map((d) => d.code), codes, shown);
  if (ranges.length > 0) assert.deepEqual(diagnostics.map((d) => text.slice(d.start, d.end)), ranges.map((r) => text.slice(r.start, r.end)), shown);
  return diagnostics;
}

const lead = (...mappings: string[]): string => `sync salesforce {\n  inclusion list: "Qualified"\n  hubspot creates in salesforce: lead\n${mappings.map((m) => `  ${m}\n`).join('')}}\n`;
const contact = (...mappings: string[]): string => lead(...mappings).replace('creates in salesforce: lead', 'creates in salesforce: contact');

describe('language: sync checks against the Salesforce schema', () => {
  it('a lead sync whose fields exist and fit checks clean', () => {
    expectSync(lead('map jobtitle to Title: two way', 'map lifecyclestage to Stage__c: always salesforce', 'map hs_analytics_source to LeadSource: don\'t sync'), []);
  });

  it('without a Salesforce schema none of these checks run', () => {
    expectSync(lead('map jobtitle to Titel: two way', 'map lifecyclestage to Status: two way', 'map lastname to LastName: don\'t sync'), [], 'none');
  });

  describe('unknown-salesforce-field', () => {
    it('names the object, suggests close field names, and the fix replaces the name', () => {
      const source = lead('map jobtitle to ⟦Titel⟧: two way');
      const [d] = expectSync(source, ['unknown-salesforce-field']);
      assert.match(d.message, /^Lead has no field `Titel`.*did you mean `Title`\?$/);
      assert.equal(applyFix(marked(source).text, d.fixes![0]), lead('map jobtitle to Title: two way'));
    });

    it('Salesforce field names are case-insensitive', () => {
      expectSync(lead('map jobtitle to TITLE: two way'), []);
    });

    it('a Contact field on a lead sync says it belongs to Contact', () => {
      const [d] = expectSync(lead('map jobtitle to ⟦Department⟧: two way'), ['unknown-salesforce-field']);
      assert.match(d.message, /`Department` is a Contact field, but this sync creates leads \(`hubspot creates in salesforce: lead`\) and Lead has no such field/);
    });

    it('a contact sync checks against Contact', () => {
      expectSync(contact('map jobtitle to Department: two way'), []);
      const [d] = expectSync(contact('map company to ⟦Company⟧: two way'), ['unknown-salesforce-field']);
      assert.match(d.message, /`Company` is a Lead field, but this sync creates contacts/);
    });

    it('without `hubspot creates in salesforce` a field of either object is accepted', () => {
      const open = (m: string): string => `sync salesforce {\n  inclusion list: "Qualified"\n  ${m}\n}\n`;
      expectSync(open('map jobtitle to Department: two way'), []);
      expectSync(open('map company to Company: two way'), []);
      const [d] = expectSync(open('map jobtitle to ⟦Nope__c⟧: two way'), ['unknown-salesforce-field']);
      assert.match(d.message, /^Neither Lead nor Contact has a field `Nope__c`/);
    });
  });

  describe('incompatible-mapping (rule M3)', () => {
    const fits: [string, string][] = [
      ['lifecyclestage', 'Stage__c'], // radio → picklist
      ['hs_analytics_source', 'LeadSource'], // dropdown → picklist
      ['hs_buying_role', 'Buying_Role__c'], // multiple checkboxes → multipicklist
      ['hs_email_optout', 'HasOptedOutOfEmail'], // single checkbox → boolean
      ['hs_analytics_num_visits', 'NumberOfEmployees'], // number → int
      ['annualrevenue', 'AnnualRevenue'], // number → currency
      ['jobtitle', 'Email'], // text → email
      ['message', 'Description'], // multi-line text → textarea
      ['createdate', 'Lead_Created__c'], // date picker → date
    ];
    for (const [property, salesforceField] of fits) {
      it(`map ${property} to ${salesforceField} fits`, () => {
        // `don't sync`: compatibility is judged whatever the rule, and no picklist check speaks up.
        expectSync(lead(`map ${property} to ${salesforceField}: don't sync`), []);
      });
    }

    it('text into a picklist is blocked, naming both sides', () => {
      const [d] = expectSync(lead('map jobtitle to ⟦Rating⟧: two way'), ['incompatible-mapping']);
      assert.match(d.message, /Job Title \(`jobtitle`\) is a HubSpot single-line text property, which maps only to Salesforce string, textarea, email, phone or url fields, but Lead `Rating` is picklist \(rule M3\)\./);
    });

    it('a radio select into text, multiple checkboxes into a single picklist, a number into text', () => {
      expectSync(lead('map lifecyclestage to ⟦Title⟧: always salesforce'), ['incompatible-mapping']);
      expectSync(lead('map hs_buying_role to ⟦Rating⟧: don\'t sync'), ['incompatible-mapping']);
      expectSync(lead('map hs_analytics_num_visits to ⟦Title⟧: always salesforce'), ['incompatible-mapping']);
    });

    it('is reported whatever the rule, since HubSpot blocks the mapping itself', () => {
      expectSync(lead('map jobtitle to ⟦Rating⟧: don\'t sync'), ['incompatible-mapping']);
    });
  });

  describe('missing-picklist-value (warning)', () => {
    it('names the HubSpot options without a Salesforce value', () => {
      const [d] = expectSync(lead('map lifecyclestage to ⟦Stage__c⟧: two way'), ['missing-picklist-value']);
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /^Lead `Stage__c` has no picklist value for 5 of the 8 options of `lifecyclestage`: `salesqualifiedlead` \(Sales Qualified Lead\), `opportunity`/);
      assert.doesNotMatch(d.message, /`subscriber`|`lead`|`marketingqualifiedlead`/, 'matched on value or label, case-insensitively');
    });

    it('options match on label as well as value', () => {
      expectSync(lead('map hs_buying_role to Buying_Role__c: two way'), []);
    });

    it('none of the options matching says so', () => {
      const [, d] = expectSync(lead('map hs_lead_status to Status: prefer salesforce unless blank'), ['missing-hubspot-option', 'missing-picklist-value']);
      assert.match(d.message, /no picklist value for any of the 8 options of `hs_lead_status`/);
    });

    it('rules that never write to Salesforce are not checked (`always salesforce` writes the other way)', () => {
      expectSync(lead('map hs_lead_status to Status: always salesforce'), ['missing-hubspot-option']);
      expectSync(lead('map hs_lead_status to Status: do not sync'), []);
    });

    it('a restricted picklist refuses the values (warning); an unrestricted one stores them (info)', () => {
      const withRestriction = (restricted: boolean) => sfSchema({ ...LEAD, fields: LEAD.fields.map((f) => (f.name === 'Stage__c' ? { ...f, restrictedPicklist: restricted } : f)) });
      const [restricted] = expectSync(lead('map lifecyclestage to Stage__c: two way'), ['missing-picklist-value'], withRestriction(true));
      assert.equal(restricted.severity, 'warning');
      assert.match(restricted.message, /the picklist is restricted, so Salesforce refuses HubSpot's writes of those values\.$/);
      const [open] = expectSync(lead('map lifecyclestage to Stage__c: two way'), ['missing-picklist-value'], withRestriction(false));
      assert.equal(open.severity, 'info');
      assert.match(open.message, /not restricted, so Salesforce stores them as values outside its list\.$/);
    });
  });

  describe('missing-hubspot-option (warning)', () => {
    it('names the Salesforce values no HubSpot option stands for, when the rule writes to HubSpot', () => {
      const [d] = expectSync(lead('map hs_lead_status to ⟦Rating⟧: always salesforce'), ['missing-hubspot-option']);
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /^`hs_lead_status` has no option for 3 of the 3 values of Lead `Rating`: "Hot", "Warm", "Cold"; Salesforce records with those values cannot write them to HubSpot\.$/);
    });

    it('values match options on value or label, case-insensitively; `don\'t sync` is not judged', () => {
      expectSync(lead('map lifecyclestage to Stage__c: two way'), ['missing-picklist-value']);
      expectSync(lead('map hs_lead_status to Rating: don\'t sync'), []);
    });
  });

  describe('unmapped-required-field (warning, on the sync block)', () => {
    const withRegion = { ...LEAD, fields: [...LEAD.fields, field('Region__c', 'picklist', { ...required, label: 'Region', custom: true, ...picklist('EMEA') })] };

    it('a required custom field nothing fills', () => {
      const [d] = expectSync(`sync ⟦salesforce⟧ {\n  hubspot creates in salesforce: lead\n  inclusion list: "Qualified"\n}\n`, ['unmapped-required-field'], sfSchema(withRegion));
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /^Salesforce needs Lead `Region__c` \(Region\) to create a lead/);
      assert.doesNotMatch(d.message, /LastName|Company|Status/, "HubSpot's default mappings fill those");
    });

    it('a mapping that writes fills it', () => {
      // Filled, so no unmapped-required-field; the values are another matter.
      const [, d] = expectSync(lead('map hs_analytics_source to Region__c: prefer salesforce unless blank'), ['missing-hubspot-option', 'missing-picklist-value'], sfSchema(withRegion));
      assert.match(d.message, /^Lead `Region__c` has no picklist value/);
    });

    it("turning a default mapping to `don't sync` leaves the field empty on create", () => {
      const [d] = expectSync(`sync ⟦salesforce⟧ {\n  inclusion list: "Qualified"\n  hubspot creates in salesforce: lead\n  map lastname to LastName: don't sync\n}\n`, ['unmapped-required-field']);
      assert.match(d.message, /`LastName` \(mapped here with `don't sync`, which never writes to Salesforce\)/);
    });

    it('another property mapped to a default-mapped field does not turn the default off', () => {
      expectSync(lead('map lifecyclestage to Status: don\'t sync'), []);
    });

    it('a contact sync checks Contact only', () => {
      expectSync(contact('map jobtitle to Title: two way'), [], sfSchema(withRegion));
    });
  });

  it('the workspace re-checks when the Salesforce schema changes', () => {
    const ws = new Workspace(defaultSchema());
    ws.setFile('sync.hslist', lead('map jobtitle to Titel: two way'));
    ws.setFile(LIST.path, LIST.text);
    const codes = (): string[] => ws.analyze().files.get('sync.hslist')!.diagnostics.map((d) => d.code);
    assert.deepEqual(codes(), []);
    ws.setSalesforceSchema(sfSchema());
    assert.deepEqual(codes(), ['unknown-salesforce-field']);
    ws.setSalesforceSchema(undefined);
    assert.deepEqual(codes(), []);
  });
});

describe('language: loading the Salesforce schema', () => {
  function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'hslist-sf-schema-'));
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('reads lead.json and contact.json; field names are found case-insensitively', () => {
    const loaded = loadSalesforceSchema(folder({ 'lead.json': JSON.stringify(LEAD), 'contact.json': JSON.stringify(CONTACT) }));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.schema?.objects.Lead.fields.get('status')?.requiredForCreate, true);
    assert.equal(loaded.schema?.objects.Contact.fields.get('lastname')?.requiredForCreate, true);
    assert.equal(loaded.schema?.objects.Lead.fields.get('hasoptedoutofemail')?.requiredForCreate, false, 'defaulted on create');
  });

  it('names the file for a missing file, bad JSON or the wrong object', () => {
    const missing = loadSalesforceSchema(folder({ 'lead.json': JSON.stringify(LEAD) }));
    assert.equal(missing.schema, undefined);
    assert.match(missing.problems[0].message, /contact\.json is missing/);
    const broken = loadSalesforceSchema(folder({ 'lead.json': '{', 'contact.json': JSON.stringify(CONTACT) }));
    assert.match(broken.problems[0].message, /lead\.json is not valid JSON/);
    const swapped = loadSalesforceSchema(folder({ 'lead.json': JSON.stringify(CONTACT), 'contact.json': JSON.stringify(CONTACT) }));
    assert.match(swapped.problems[0].message, /lead\.json describes Contact, expected Lead/);
  });
});
