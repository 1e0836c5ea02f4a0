// Sync benchmark step 2 (own process, so its peak RSS is the simulator's): the HubSpot contacts into the
// preview's columnar store, the Salesforce records as the simulator reads them, the inclusion list evaluated
// as the preview does, then the simulation (timed), and the email join alone (index + the C5 choice per
// contact, timed). Prints one JSON line.

import { planList } from '../server/src/preview/plan';
import { StoreBuilder } from '../server/src/preview/columns-build';
import { CompiledEvaluator } from '../server/src/preview/compiled';
import { evaluateContact } from '../server/src/preview/reference';
import { contactsFromStore } from '../server/src/sync/contacts';
import { chooseRecord, indexByEmail } from '../server/src/sync/match';
import { mappedFields, mappingsByObject } from '../server/src/sync/mappings';
import type { SfRecord } from '../server/src/sync/salesforce-data';
import type { SyncSettings } from '../server/src/sync/settings';
import { simulateSync } from '../server/src/sync/simulate';
import { BENCH_NOW, benchSchema, generateContact } from './data/contacts-generator';
import { benchList } from './data/bench-list';
import { benchRecords } from './data/sync-records';
import { argNumber, median } from './preview-args';

const SETTINGS: SyncSettings = {
  inclusionList: 'Bench', salesforceCreatesContacts: true, createsIn: 'Lead',
  mappings: [
    { property: 'jobtitle', field: 'Title', rule: 'two-way' },
    { property: 'annualrevenue', field: 'AnnualRevenue', rule: 'prefer-salesforce' },
    { property: 'lifecyclestage', field: 'Lifecycle__c', rule: 'always-salesforce' },
    { property: 'hs_lead_status', field: 'Lead_Status__c', rule: 'dont-sync' },
  ],
};

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

function records(seed: number, contacts: number, total: number, fields: string[]): SfRecord[] {
  const out: SfRecord[] = [];
  for (const r of benchRecords(seed, contacts, total)) out.push({ object: r.object, id: r.id, email: r.email, lastModified: r.lastModified, converted: r.converted, values: fields.map((f) => r.fields[f] ?? null) });
  return out;
}

/** The join on its own: index the records by email, then the C5 choice for every contact's email. */
function emailJoin(recs: SfRecord[], emails: (string | null)[]): number {
  const index = indexByEmail(recs);
  let matched = 0;
  for (const email of emails) {
    const candidates = email === null ? undefined : index.get(email.toLowerCase());
    if (candidates && chooseRecord(recs, candidates).chosen >= 0) matched++;
  }
  return matched;
}

function main(): void {
  const contacts = argNumber('--contacts', 200_000);
  const total = argNumber('--records', 250_000);
  const seed = argNumber('--seed', 7);
  const schema = benchSchema();
  const [store, storeMs] = timed(() => {
    const builder = new StoreBuilder([...schema.objects.contacts.values()]);
    for (let i = 0; i < contacts; i++) builder.add(generateContact(seed, i));
    return builder.finish();
  });
  const mappings = mappingsByObject(SETTINGS, schema, undefined);
  const fields = mappedFields(mappings);
  const [recs, recordsMs] = timed(() => records(seed, contacts, total, fields));
  const plan = planList(benchList(), { schema, now: BENCH_NOW });
  const [rows, listMs] = timed(() => new CompiledEvaluator(store).rows(plan));
  const input = {
    settings: SETTINGS, mappings, contacts: contactsFromStore(store, rows), salesforce: { fields, records: recs, report: { source: 'bench', rowsLoaded: recs.length, rowsRejected: 0, issues: [] } },
    judgeNew: (properties: Record<string, string | null>) => evaluateContact(plan, { id: 'new', properties, history: {}, listMemberships: [], companies: [], formSubmissions: [] }),
    sampleSize: 0,
  };
  const runs = [0, 1, 2].map(() => timed(() => simulateSync(input)));
  const sim = runs[0][0];
  const emails = Array.from({ length: store.size }, (_, row) => input.contacts.email(row));
  const joins = [0, 1, 2, 3, 4].map(() => timed(() => emailJoin(recs, emails)));
  console.log(JSON.stringify({
    store_ms: storeMs, records_ms: recordsMs, list_ms: listMs, sim_ms: median(runs.map((r) => r[1])), join_ms: median(joins.map((j) => j[1])),
    matched: joins[0][0], sim_matched: sim.matchedContacts, contacts: sim.contacts, records: sim.records,
    contact_outcomes: sim.contactOutcomes, record_outcomes: sim.recordOutcomes, import_outcomes: sim.importOutcomes, creates: sim.creates, frozen: sim.frozen,
    writes: sim.writes.map((w) => ({ mapping: `${w.property}>${w.field}`, to_sf: w.toSalesforce, to_hs: w.toHubSpot, undecided: w.undecided, refused: w.refusedBySalesforce + w.refusedByHubSpot })),
    peak_rss_mb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  }));
}

main();
