// One test per rule of docs/sync.md, named after its id: each builds the smallest world that shows the
// rule deciding, through the simulator's public entry points.

import { strict as assert } from 'node:assert';
import { salesforceSchemaFromJson } from '../../../server/src/language/salesforce-schema';
import { contactResult, simulate, type World } from './support';

const LEAD = '00Q000000000001AAA';
const LEAD2 = '00Q000000000002AAA';
const CONTACT = '003000000000001AAA';

describe('sync simulator: eligibility (E1, E2, E9)', () => {
  it('E1: without an inclusion list every contact with an email is eligible', () => {
    const sim = simulate({ settings: { inclusionList: undefined }, contacts: [{ id: '1', inList: false }, { id: '2', inList: false }] });
    assert.equal(sim.contactOutcomes.create, 2);
    assert.deepEqual([...sim.eligible], [1, 1]);
  });

  it('E2: with an inclusion list only members sync, and a matched record of a non-member is left alone', () => {
    const world = { contacts: [{ id: '1', inList: false as const, props: { jobtitle: 'CEO' } }], records: [{ id: LEAD, email: '1@example.org', fields: { Title: 'CTO' } }], maps: [['jobtitle', 'Title', 'two-way']] as [string, string, 'two-way'][] };
    const result = contactResult(world);
    assert.equal(result.outcome, 'not-in-list');
    assert.equal(result.rule, 'E2');
    assert.deepEqual(result.writes, []);
    assert.equal(simulate(world).recordOutcomes.linked, 1);
  });

  it('E2: a contact the data cannot judge is counted apart, never guessed', () => {
    assert.equal(contactResult({ contacts: [{ id: '1', inList: 'unknown' }] }).outcome, 'membership-unknown');
  });

  it('E9: a contact without an email never syncs, in the list or not', () => {
    const result = contactResult({ contacts: [{ id: '1', email: null, inList: true }] });
    assert.equal(result.outcome, 'no-email');
    assert.equal(result.rule, 'E9');
  });
});

describe('sync simulator: creation (C1, C2) and matching (C5, C6)', () => {
  it('C1: an unmatched member becomes the one object type the settings choose', () => {
    assert.equal(contactResult({ settings: { createsIn: 'Contact' }, contacts: [{ id: '1' }] }).object, 'Contact');
    const sim = simulate({ settings: { createsIn: 'Lead' }, contacts: [{ id: '1' }, { id: '2' }] });
    assert.deepEqual(sim.creates, { Lead: 2, Contact: 0, unset: 0 });
    assert.equal(simulate({ settings: { createsIn: undefined }, contacts: [{ id: '1' }] }).creates.unset, 1);
  });

  it('C1: "do nothing" leaves a Salesforce record without a HubSpot contact alone', () => {
    const sim = simulate({ settings: { salesforceCreatesContacts: false }, records: [{ id: LEAD, email: 'new@example.org' }] });
    assert.equal(sim.recordOutcomes['not-created'], 1);
  });

  it('C2: auto-create brings Salesforce records in despite the list; those outside it freeze', () => {
    const records = [{ id: LEAD, email: 'in@example.org', fields: { Title: 'VP' } }, { id: CONTACT, email: 'out@example.org' }];
    const sim = simulate({ settings: { salesforceCreatesContacts: true }, records, maps: [['jobtitle', 'Title', 'always-salesforce']], judgeNew: (p) => p.email === 'in@example.org' });
    assert.equal(sim.recordOutcomes['create-in-hubspot'], 2);
    assert.deepEqual(sim.autoCreates, { Lead: 1, Contact: 1 });
    assert.equal(sim.frozen, 1);
    assert.deepEqual(sim.writes, [{ property: 'jobtitle', field: 'Title', toSalesforce: 0, toHubSpot: 1, undecided: 0, refusedBySalesforce: 0, refusedByHubSpot: 0 }]);
  });

  it('C2: without an inclusion list nothing created from Salesforce freezes', () => {
    const sim = simulate({ settings: { inclusionList: undefined, salesforceCreatesContacts: true }, records: [{ id: LEAD, email: 'a@example.org' }] });
    assert.equal(sim.frozen, 0);
  });

  it('C5: of several records with the email the most recently updated syncs, whatever the letter case', () => {
    const records = [
      { id: LEAD, email: '1@EXAMPLE.org', modified: '2025-01-01T00:00:00Z' },
      { id: CONTACT, email: '1@example.org', modified: '2025-03-01T00:00:00Z' },
    ];
    const result = contactResult({ contacts: [{ id: '1' }], records });
    assert.equal(result.rule, 'C5');
    assert.equal(result.object, 'Contact');
    assert.equal(result.otherRecords.length, 1);
    assert.equal(simulate({ contacts: [{ id: '1' }], records }).recordOutcomes.duplicate, 1);
  });

  it('C5: equal update times fall back to the lowest Id (Assumed), so runs agree', () => {
    const records = [{ id: LEAD2, email: '1@example.org', modified: '2025-01-01T00:00:00Z' }, { id: LEAD, email: '1@example.org', modified: '2025-01-01T00:00:00Z' }];
    assert.equal(contactResult({ contacts: [{ id: '1' }], records }).record, 1);
  });

  it('C6: several Salesforce records with an email unknown to HubSpot make one contact', () => {
    const records = [{ id: LEAD, email: 'x@example.org' }, { id: LEAD2, email: 'x@example.org' }];
    const sim = simulate({ settings: { salesforceCreatesContacts: true }, records });
    assert.equal(sim.recordOutcomes['create-in-hubspot'], 1);
    assert.equal(sim.recordOutcomes.duplicate, 1);
    assert.equal(sim.samples.records.duplicate?.[0].note.includes('one contact per email'), true);
  });

  it('A-CONVERTED: a converted lead is never matched; the contact is created instead', () => {
    const result = contactResult({ contacts: [{ id: '1' }], records: [{ id: LEAD, email: '1@example.org', converted: true }] });
    assert.equal(result.outcome, 'create');
    assert.equal(simulate({ contacts: [{ id: '1' }], records: [{ id: LEAD, email: '1@example.org', converted: true }] }).recordOutcomes.converted, 1);
  });

  it('A-REQUIRED: a create that leaves a required field empty fails, naming the field', () => {
    const world: World = { contacts: [{ id: '1', props: { lastname: 'Nowak' } }, { id: '2', props: { lastname: 'Kowal', company: 'Acme' } }], required: { Lead: ['lastname', 'company'], Contact: ['lastname'] } };
    const result = contactResult(world);
    assert.equal(result.outcome, 'create-fails');
    assert.match(result.reason, /no value for company/);
    assert.deepEqual(simulate(world).creates, { Lead: 1, Contact: 0, unset: 0 });
  });

  it('A-REQUIRED: a block mapping that never writes to Salesforce fills nothing, even over a default mapping', () => {
    const world = { contacts: [{ id: '1', props: { lastname: 'Nowak', company: 'Acme' } }], required: { Lead: ['lastname'], Contact: [] }, maps: [['lastname', 'LastName', 'dont-sync']] as [string, string, 'dont-sync'][] };
    assert.equal(contactResult(world).outcome, 'create-fails');
  });
});

describe('sync simulator: mapping rules (R1–R4)', () => {
  const pair = (rule: 'prefer-salesforce' | 'always-salesforce' | 'two-way' | 'dont-sync' | undefined, hubspot: string | null, salesforce: string | null, times?: [string, string]) =>
    contactResult({
      contacts: [{ id: '1', props: { jobtitle: hubspot }, modified: times?.[0] }],
      records: [{ id: LEAD, email: '1@example.org', fields: { Title: salesforce }, modified: times?.[1] }],
      maps: [['jobtitle', 'Title', rule]],
    }).writes.map((w) => `${w.direction} ${w.rule} ${w.old} → ${w.new}`);

  it('R1: prefer Salesforce unless blank: Salesforce wins when it has a value; HubSpot fills only a blank', () => {
    assert.deepEqual(pair('prefer-salesforce', 'CEO', 'CTO'), ['to-hubspot R1 CEO → CTO']);
    assert.deepEqual(pair('prefer-salesforce', 'CEO', null), ['to-salesforce R1 null → CEO']);
    assert.deepEqual(pair('prefer-salesforce', 'CEO', 'CEO'), []);
  });

  it('R2: always use Salesforce: never writes to Salesforce, even into a blank', () => {
    assert.deepEqual(pair('always-salesforce', 'CEO', 'CTO'), ['to-hubspot R2 CEO → CTO']);
    assert.deepEqual(pair('always-salesforce', 'CEO', null), []);
  });

  it('R3: two-way: the most recent change wins; a blank side receives the value; no times, undecided', () => {
    assert.deepEqual(pair('two-way', 'CEO', 'CTO', ['2025-02-01T00:00:00Z', '2025-01-01T00:00:00Z']), ['to-salesforce R3 CTO → CEO']);
    assert.deepEqual(pair('two-way', 'CEO', 'CTO', ['2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z']), ['to-hubspot R3 CEO → CTO']);
    assert.deepEqual(pair('two-way', null, 'CTO'), ['to-hubspot R3 null → CTO']);
    assert.deepEqual(pair('two-way', 'CEO', 'CTO'), ['undecided R3 CEO → CTO']);
  });

  it("R4: don't sync writes nothing either way", () => {
    assert.deepEqual(pair('dont-sync', 'CEO', 'CTO'), []);
    assert.deepEqual(pair('dont-sync', 'CEO', null), []);
  });

  it('A-NO-RULE: a mapping without a rule in the block is not simulated', () => {
    assert.deepEqual(pair(undefined, 'CEO', 'CTO'), []);
  });

  it('values compare by the property type: 5 and 5.0 are one number, option sets ignore order', () => {
    const number = contactResult({ contacts: [{ id: '1', props: { annualrevenue: '5' } }], records: [{ id: LEAD, email: '1@example.org', fields: { AnnualRevenue: 5.0 } }], maps: [['annualrevenue', 'AnnualRevenue', 'two-way']] });
    assert.deepEqual(number.writes, []);
  });
});

describe('sync simulator: picklists (A-PICKLIST)', () => {
  const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, label: name, type, nillable: true, createable: true, updateable: true, picklistValues: [], ...extra });
  const picklist = (restricted: boolean) => ({ restrictedPicklist: restricted, picklistValues: [{ value: 'Hot', label: 'Hot', active: true }, { value: 'Warm', label: 'Warm', active: true }] });
  const schemaWith = (restricted: boolean) => salesforceSchemaFromJson({
    Lead: { name: 'Lead', fields: [field('Email', 'email'), field('Rating', 'picklist', picklist(restricted))] },
    Contact: { name: 'Contact', fields: [field('Email', 'email')] },
  }, 'test').schema!;
  const world = (restricted: boolean): World => ({
    contacts: [{ id: '1', props: { hs_lead_status: 'NEW' } }, { id: '2', props: { hs_lead_status: 'OPEN' } }],
    records: [{ id: LEAD, email: '1@example.org' }], maps: [['hs_lead_status', 'Rating', 'two-way']], salesforceSchema: schemaWith(restricted),
  });

  it('A-PICKLIST: a HubSpot value missing from a restricted picklist is a rejected write, on update and on create', () => {
    const sim = simulate(world(true));
    assert.deepEqual(sim.writes, [{ property: 'hs_lead_status', field: 'Rating', toSalesforce: 0, toHubSpot: 0, undecided: 0, refusedBySalesforce: 2, refusedByHubSpot: 0 }]);
    assert.match(contactResult(world(true)).writes[0].rejected ?? '', /"NEW" not in the restricted picklist Rating/);
  });

  it('A-PICKLIST: an unrestricted picklist takes the value', () => {
    assert.equal(simulate(world(false)).writes[0].toSalesforce, 2);
  });

  it("A-OPTION: a Salesforce value that is none of the HubSpot enumeration's options is refused by HubSpot", () => {
    const sim = simulate({ contacts: [{ id: '1' }], records: [{ id: LEAD, email: '1@example.org', fields: { Rating: 'Hot' } }, { id: LEAD2, email: '2@example.org', fields: { Rating: 'open' } }], maps: [['hs_lead_status', 'Rating', 'always-salesforce']] });
    assert.equal(sim.writes[0].refusedByHubSpot, 1);
    const open = contactResult({ contacts: [{ id: '2' }], records: [{ id: LEAD2, email: '2@example.org', fields: { Rating: 'open' } }], maps: [['hs_lead_status', 'Rating', 'always-salesforce']] });
    assert.deepEqual(open.writes.map((w) => [w.new, w.rejected]), [['OPEN', undefined]]);
  });
});

describe('sync simulator: import (I1–I3)', () => {
  it('I1, I3: a new contact outside the list keeps only its email', () => {
    const sim = simulate({ records: [{ id: LEAD, email: 'new@example.org' }], judgeNew: () => false });
    assert.equal(sim.importOutcomes['new-email-only'], 1);
  });

  it('I2: without a list, or for a new contact the list takes on its email alone, a sync fills the rest', () => {
    assert.equal(simulate({ settings: { inclusionList: undefined }, records: [{ id: LEAD, email: 'n@example.org' }] }).importOutcomes['new-filled'], 1);
    assert.equal(simulate({ records: [{ id: LEAD, email: 'n@example.org' }], judgeNew: (p) => p.email !== null }).importOutcomes['new-filled'], 1);
  });

  it('I2: an existing member is filled; an existing contact outside the list is unchanged', () => {
    const sim = simulate({ contacts: [{ id: '1' }, { id: '2', inList: false }], records: [{ id: LEAD, email: '1@example.org' }, { id: LEAD2, email: '2@example.org' }] });
    assert.equal(sim.importOutcomes['existing-filled'], 1);
    assert.equal(sim.importOutcomes['existing-unchanged'], 1);
  });
});
