// The full fetch appends each page of contacts to columns as it arrives (fetch-contacts.ts). Here the
// store it ends with is compared, row by row and value by value, with the store built the former way
// on the same seeded portal: every page's contacts kept as records, sorted by id, then added with the
// same extras (memberships, associations, submissions) in one StoreBuilder.

import { strict as assert } from 'node:assert';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { recordAt } from '../../../server/src/preview/explain';
import { buildLiveStore, readExtras } from '../../../server/src/preview/hubspot/extras';
import { contactIds } from '../../../server/src/preview/hubspot/contact-set';
import { loadHubSpotContacts, type LiveData } from '../../../server/src/preview/hubspot/source';
import { workspaceNeeds, type PreviewWorkspace } from '../../../server/src/preview/run';
import type { ContactRecord, HistoryEntry } from '../../../server/src/preview/types';
import { WEBINAR_FORM_ID } from '../../../server/src/sandbox/data/hubspot-portal';
import { liveWorkspace, startLive, type LiveHarness } from './support';

const LISTS = (newsletter: string) => `
list "Everything" {
  type: active
  where (in list #${newsletter} or hs_lead_status has ever been UNQUALIFIED or associated company where numberofemployees > 100)
    and email is known and annualrevenue >= 1000 and not (lifecyclestage is customer) and createdate is after 2020-01-01
    and associated deal where amount > 100 and submitted form "${WEBINAR_FORM_ID}" and hs_email_optout is false
}
`;

describe('preview: the streamed full fetch builds the same store as records did', function () {
  this.timeout(30_000);
  let h: LiveHarness;
  let ws: PreviewWorkspace;
  let live: LiveData;

  before(async () => {
    h = await startLive(450);
    ws = liveWorkspace(LISTS(h.emulator.state.activeListByName('Newsletter import')!.listId));
    live = await loadHubSpotContacts({ root: ws.root, connection: h.connection, schema: ws.schema, needs: workspaceNeeds(ws, h.now()), clock: h.now });
  });
  after(async () => h.emulator.stop());

  /** The former build: every page's contacts as records (the SDK's pages), then one store with the same extras; and their history as objects. */
  async function formerBuild() {
    const needs = workspaceNeeds(ws, h.now());
    const properties = needs.contactProperties.filter((p) => ws.schema.objects.contacts.has(p));
    const records: ContactRecord[] = [];
    const history = new Map<string, Record<string, HistoryEntry[]>>();
    for await (const page of createHubSpotAccount(h.connection).pageContacts(properties, { history: needs.historyProperties })) {
      for (const data of page) {
        records.push({ id: data.id, properties: data.properties });
        // As the engine holds history: epoch ms, newest first; a property without any is [].
        history.set(data.id, Object.fromEntries(needs.historyProperties.map((p) => [p, (data.history?.[p] ?? []).map((e) => ({ value: e.value, timestamp: Date.parse(e.timestamp) })).sort((a, b) => b.timestamp - a.timestamp)])));
      }
    }
    // The extras read again, the former way: every contact asked about by id (the fetch keeps them only in its store).
    const set = { kind: 'records' as const, records };
    const { toCache: _cached, ...extras } = await readExtras(createHubSpotAccount(h.connection), set, contactIds(set), needs, {});
    return { store: buildLiveStore(set, ws.schema, needs, extras), history, needs, extras };
  }

  it('holds the same contacts in the same order, with the same values, memberships, associations and submissions', async () => {
    assert.equal(live.refresh.mode, 'full');
    const { store: former, extras } = await formerBuild();
    assert.equal(live.store.size, 450);
    assert.equal(former.size, live.store.size);
    assert.deepEqual([...live.store.columns.keys()].sort(), [...former.columns.keys()].sort());
    for (const [name, column] of live.store.columns) assert.equal(column.kind, former.columns.get(name)!.kind, name);
    for (let row = 0; row < former.size; row++) assert.deepEqual(recordAt(live.store, row), recordAt(former, row), `row ${row}`);
    // The data is not trivially empty: the comparison above compares something.
    const values = (name: string) => new Set(Array.from({ length: former.size }, (_, row) => recordAt(former, row).properties[name]));
    assert.ok(values('annualrevenue').size > 10 && values('lifecyclestage').size > 3 && values('email').size > 400);
    assert.ok(extras.memberships && extras.memberships.size > 0 && extras.companies && extras.deals && extras.submissions);
  });

  it('gives every contact the portal\'s own companies (primary, labels), deals (labels) and webinar submissions', () => {
    // Checked against the emulator's portal itself, not against another build: the associations are
    // shared objects and flat links now (issue 15), and submissions are matched by dictionary code.
    const portal = h.emulator.state;
    // A submission carries the submitter's email (none when it has none) and is tied to every contact holding that address.
    const webinarByEmail = new Map<string, number[]>();
    for (const c of portal.contacts.values()) {
      const email = c.properties.email?.toLowerCase();
      if (email) webinarByEmail.set(email, [...(webinarByEmail.get(email) ?? []), ...c.formSubmissions.filter((f) => f.formId === WEBINAR_FORM_ID).map((f) => Date.parse(f.timestamp))]);
    }
    let linked = 0;
    let submitted = 0;
    for (let row = 0; row < live.store.size; row++) {
      const record = recordAt(live.store, row);
      const contact = portal.contacts.get(record.id)!;
      const companies = (record.companies ?? []).map((c) => [c.id, c.primary === true, c.labels ?? []]);
      assert.deepEqual(companies, contact.companyIds.map((id, i) => [id, i === 0, contact.companyLabels?.[id] ?? []]), `companies of ${record.id}`);
      const deals = (record.deals ?? []).map((d) => [d.id, d.labels ?? []]);
      assert.deepEqual(deals, (contact.deals ?? []).map((d) => [d.id, d.associationLabels ?? []]), `deals of ${record.id}`);
      const webinar = [...(webinarByEmail.get(contact.properties.email?.toLowerCase() ?? '') ?? [])].sort();
      assert.deepEqual((record.formSubmissions ?? []).map((f) => f.timestamp).sort(), webinar, `submissions of ${record.id}`);
      linked += companies.length;
      submitted += webinar.length;
    }
    assert.ok(linked > 100 && submitted > 10, `the portal has links (${linked}) and submissions (${submitted}) to compare`);
  });

  it('holds the same history of every contact, in the compact table', async () => {
    const { history, needs } = await formerBuild();
    assert.deepEqual(needs.historyProperties, ['hs_lead_status']);
    assert.ok(live.history);
    assert.equal(live.history.size, history.size);
    for (const [id, record] of history) assert.deepEqual(live.history.get(id), record, `contact ${id}`);
    assert.ok([...history.values()].some((r) => r.hs_lead_status.length > 1), 'some contact has more than one entry');
  });
});
