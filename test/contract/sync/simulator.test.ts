// The simulator on data read the way users read it: HubSpot contacts through the SDK (the live preview
// source) from the HubSpot emulator, Salesforce leads and contacts through jsforce (queryMore paging) from the
// Salesforce emulator seeded with the portal's emails. Its figures are checked against the emulators' own
// tables, and the SOQL it writes for the inclusion list is counted through jsforce: the counts must equal the
// simulator's count of records that would be in the list.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { salesforceSchemaFromJson, type SalesforceSchema } from '../../../server/src/language/salesforce-schema';
import { loadPreviewData, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { planForList } from '../../../server/src/preview/run-plan';
import { connectSalesforce, type SalesforceOrg } from '../../../server/src/salesforce';
import { prepare } from '../../../server/src/sync/context';
import { mappedFields, mappingsByObject } from '../../../server/src/sync/mappings';
import { simulationInput, syncProperties } from '../../../server/src/sync/run';
import type { SalesforceData } from '../../../server/src/sync/salesforce-data';
import { readSalesforceOrg } from '../../../server/src/sync/salesforce-org';
import { syncSettingsOf } from '../../../server/src/sync/settings';
import { simulateSync } from '../../../server/src/sync/simulate';
import { listSoql, recordsMatching } from '../../../server/src/sync/soql-where';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../server/src/sandbox/salesforce/emulator';
import { liveWorkspace, startLive, type LiveHarness } from '../preview/support';

const SF_TOKEN = 'contract-sync-sf-token';

const TEXT = `list "SF ready" {
  where email is known
    and jobtitle is known
    and (country is any of ("United States", "Germany") or annualrevenue >= 1000000)
    and not (lastname starts with "O'" or lastname contains "\\\\")
    and country is not "Canada" including unknown
    and (closedate is after 2024-06-30 or closedate is unknown)
}

sync salesforce {
  inclusion list: "SF ready"
  salesforce creates hubspot contacts: yes
  hubspot creates in salesforce: lead
  map jobtitle to Title: two way
  map annualrevenue to AnnualRevenue: prefer salesforce unless blank
  map closedate to LastActivityDate: always salesforce
}
`;

describe('sync simulator against the emulators (SDK and jsforce)', function () {
  this.timeout(120_000);
  let hubspot: LiveHarness;
  let salesforce: SalesforceEmulator;
  let org: SalesforceOrg;
  let workspace: PreviewWorkspace;
  let data: PreviewData;
  let records: SalesforceData;
  let schema: SalesforceSchema;

  before(async () => {
    hubspot = await startLive(600);
    const emails = [...hubspot.emulator.state.contacts.values()].flatMap((c) => (c.properties.email ? [c.properties.email] : []));
    salesforce = await startSalesforceEmulator({ seed: 11, org: { hubspotEmails: emails, salesforceOnlyRatio: 2 }, accessToken: SF_TOKEN });
    org = await connectSalesforce({ instanceUrl: salesforce.url, accessToken: SF_TOKEN, retry: { maxRetries: 0 } });
    schema = salesforceSchemaFromJson({ Lead: await org.describe('Lead'), Contact: await org.describe('Contact') }, salesforce.url).schema!;
    workspace = liveWorkspace(TEXT);
    const settings = syncSettingsOf(parse(TEXT).file.syncBlocks[0]);
    const mappings = mappingsByObject(settings, defaultSchema(), undefined);
    const loaded = await loadPreviewData(workspace, { kind: 'hubspot', connection: hubspot.connection }, { now: hubspot.now, extraProperties: syncProperties(mappings) });
    assert.ok(!('error' in loaded));
    data = loaded;
    records = await readSalesforceOrg(org, schema, mappedFields(mappings), { batchSize: 200 });
  });

  after(async () => {
    await hubspot?.emulator.stop();
    await salesforce?.stop();
  });

  function input() {
    const made = simulationInput({ workspace, settings: syncSettingsOf(parse(TEXT).file.syncBlocks[0]), data, salesforce: records, salesforceSchema: schema, now: hubspot.now(), sampleSize: 3 });
    assert.ok(!('error' in made));
    return made;
  }

  it('reads every lead and contact of the org through queryMore, deleted ones left out', () => {
    const live = [...salesforce.state.tables.Lead, ...salesforce.state.tables.Contact].filter((r) => !r.IsDeleted);
    assert.equal(records.records.length, live.length);
    const pages = salesforce.state.requestLog.filter((path) => /\/query\/01g/.test(path)).length;
    assert.ok(pages >= Math.floor(live.length / 200) - 1, `queryMore pages: ${pages} for ${live.length} records`);
    assert.equal(records.report.rowsRejected, 0);
  });

  it('accounts for every contact and every record once, and links exactly the emails both sides hold', () => {
    const sim = simulateSync(input());
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    assert.equal(sum(sim.contactOutcomes), data.store.size);
    assert.equal(sum(sim.recordOutcomes), records.records.length);
    // Independently of the simulator: HubSpot members whose email an unconverted Salesforce record has.
    const open = new Set([...salesforce.state.tables.Lead, ...salesforce.state.tables.Contact].filter((r) => !r.IsDeleted && !r.IsConverted && r.Email).map((r) => String(r.Email).toLowerCase()));
    const contacts = input().contacts;
    let linkedMembers = 0;
    for (let row = 0; row < contacts.size; row++) {
      const email = contacts.email(row);
      if (email && contacts.membership(row) === true && open.has(email.toLowerCase())) linkedMembers++;
    }
    assert.ok(linkedMembers > 0, 'the seeded overlap links some members');
    assert.equal(sim.contactOutcomes.update + sim.contactOutcomes['in-sync'], linkedMembers);
    assert.ok(sim.recordOutcomes['create-in-hubspot'] > 0 && sim.frozen > 0);
  });

  it('the SOQL for Lead, counted through jsforce, equals the simulator; Contact has no AnnualRevenue, so none', async () => {
    const ctx = prepare(input());
    const lead = listSoql(ctx, planOf(), 'Lead');
    assert.ok(lead.condition, lead.error);
    assert.match(lead.where!, /LastName LIKE 'O\\'%'/);
    assert.match(lead.where!, /LastName LIKE '%\\\\%'/);
    const counted = await org.countWhere('Lead', lead.condition);
    const simulated = recordsMatching(ctx, 'Lead');
    assert.ok(simulated > 0, 'some leads match');
    assert.equal(counted, simulated);
    const contact = listSoql(ctx, planOf(), 'Contact');
    assert.match(contact.error ?? '', /`annualrevenue` is not mapped to a Contact field/);
  });

  function planOf() {
    return planForList(workspace.lists[0], workspace, hubspot.now());
  }
});
