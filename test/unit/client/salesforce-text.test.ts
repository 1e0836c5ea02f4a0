// The preview panel's Salesforce tab texts (client/src/preview/salesforce-text.ts).

import { strict as assert } from 'node:assert';
import { salesforceSection } from '../../../client/src/preview/salesforce-text';
import type { SyncSummaryView } from '../../../server/src/lsp/preview/protocol';

const SUMMARY: SyncSummaryView = {
  inclusionList: 'Qualified', source: 'contacts.csv with Salesforce salesforce.csv', contacts: 1204, records: 812, willSync: 1204,
  creates: { Lead: 37, Contact: 0, unset: 0 }, createFails: 0, autoCreates: { Lead: 10, Contact: 2 }, frozen: 12,
  outcomes: [
    { side: 'hubspot', outcome: 'create', label: 'create in Salesforce', rule: 'C1', ruleText: 'a new HubSpot contact becomes …', count: 37, samples: [{ id: '1', email: 'a@b.c', note: 'has no Salesforce record' }] },
    { side: 'salesforce', outcome: 'create-in-hubspot', label: 'creates a HubSpot contact despite the list', rule: 'C2', ruleText: 'Salesforce records create …', count: 12, samples: [{ id: '00Q1', email: null, note: 'Lead: creates' }] },
  ],
};

describe('client: the Salesforce tab texts', () => {
  it('a heading with the lens figures, then each side with its outcomes, rules and samples', () => {
    const section = salesforceSection({ summary: SUMMARY });
    assert.ok(section && 'groups' in section);
    assert.equal(section.heading, '1,204 will sync (inclusion list "Qualified") · 37 new leads · 0 new contacts · 12 Salesforce records create HubSpot contacts, 12 frozen');
    assert.deepEqual(section.groups.map((g) => g.title), ['HubSpot → Salesforce', 'Salesforce → HubSpot']);
    assert.deepEqual(section.groups[0].items[0], { title: 'create in Salesforce: 37', rule: 'C1', ruleText: 'a new HubSpot contact becomes …', samples: ['a@b.c — has no Salesforce record'] });
    assert.equal(section.groups[1].items[0].samples[0], '(no email) 00Q1 — Lead: creates');
  });

  it('a problem alone, or nothing when no Salesforce data is named', () => {
    assert.deepEqual(salesforceSection({ problem: 'the export cannot be read' }), { problem: 'the export cannot be read' });
    assert.equal(salesforceSection({}), undefined);
    assert.equal(salesforceSection(undefined), undefined);
  });
});
