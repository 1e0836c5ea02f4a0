// The live source's refresh reads associations and form submissions only where they changed: the
// associations of the contacts modified since the last fetch, the deals and companies HubSpot says were
// modified since (search on hs_lastmodifieddate), and each form's newest submissions down to the
// newest cached one. Its answers equal those of a full read of the same portal.

import { strict as assert } from 'node:assert';
import { loadPreviewData, previewList, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import type { Progress } from '../../../server/src/preview/hubspot/fetch-contacts';
import { WEBINAR_FORM_ID } from '../../../server/src/sandbox/data/hubspot-portal';
import type { PortalContact } from '../../../server/src/sandbox/data/hubspot-records';
import { hasBit } from '../../../server/src/preview/bitset';
import { liveWorkspace, startLive, type LiveHarness } from './support';

const LISTS = `
list "Big deals" {
  type: active
  where associated deal where amount > 20000
}

list "Two deals or more" {
  type: active
  where number of associated deals >= 2
}

list "Software buyers" {
  type: active
  where associated company where industry is any of (COMPUTER_SOFTWARE, RETAIL)
}

list "Webinar registrants by form" {
  type: active
  where submitted form "${WEBINAR_FORM_ID}" and email is known
}

list "Registered lately" {
  type: active
  where submitted form "${WEBINAR_FORM_ID}" in last 2 days and email is known
}
`;
const NAMES = ['Big deals', 'Two deals or more', 'Software buyers', 'Webinar registrants by form', 'Registered lately'];
const HOUR = 3_600_000;

describe('preview: a live refresh reads associations and form submissions only where they changed', function () {
  this.timeout(30_000);
  let h: LiveHarness;
  let ws: PreviewWorkspace;
  let first: PreviewData;
  let second: PreviewData;
  let fromScratch: PreviewData;
  let requests: { method: string; path: string; query: string; body: unknown }[];
  const progress: Progress[] = [];
  let firstPages = 0;
  const changed = { modified: '', dealCarriers: [] as string[], submitter: '' };

  const load = async (workspace: PreviewWorkspace, onProgress?: (p: Progress) => void) => {
    const data = await loadPreviewData(workspace, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress });
    assert.ok(!('error' in data));
    return data;
  };
  const counts = (workspace: PreviewWorkspace, data: PreviewData) => NAMES.map((name) => {
    const p = previewList(workspace, data, name, { now: h.now() });
    assert.ok(!('error' in p), 'error' in p ? p.error : '');
    return p.result.count;
  });
  /** The ids of the contacts certainly in the list. */
  const members = (data: PreviewData, name: string) => {
    const p = previewList(ws, data, name, { now: h.now() });
    assert.ok(!('error' in p), 'error' in p ? p.error : '');
    return new Set(Array.from({ length: p.store.size }, (_, row) => row).filter((row) => hasBit(p.rows.lo, row)).map((row) => p.store.ids.at(row)));
  };
  const contacts = () => [...h.emulator.state.contacts.values()];
  const at = () => new Date(h.now()).toISOString();

  before(async () => {
    h = await startLive(300);
    ws = liveWorkspace(LISTS);
    first = await load(ws);
    firstPages = h.emulator.requests.filter((r) => r.path === `/form-integrations/v1/submissions/forms/${WEBINAR_FORM_ID}`).length;
    h.tick(HOUR);
    // A contact gets a big deal: the contact is modified (its association counts change).
    const modified = contacts().find((c) => (c.deals ?? []).length === 0 && c.properties.email)!;
    const deal = { id: '990001', properties: { dealname: 'Big one', amount: '750000', hs_lastmodifieddate: at(), createdate: at() } };
    h.emulator.state.upsertContact({ ...modified, deals: [deal], properties: { ...modified.properties, lastmodifieddate: at() }, updatedAt: at() });
    // A deal of contacts that are not modified becomes big: only the deal's hs_lastmodifieddate moves.
    const small = contacts().flatMap((c) => c.deals ?? []).find((d) => Number(d.properties.amount) < 1000)!;
    const carriers = contacts().filter((c) => (c.deals ?? []).some((d) => d.id === small.id));
    for (const c of carriers) {
      const deals = c.deals!.map((d) => (d.id === small.id ? { ...d, properties: { ...d.properties, amount: '500000', hs_lastmodifieddate: at() } } : d));
      h.emulator.state.upsertContact({ ...c, deals });
    }
    // Someone not modified registers for the webinar again (a submission never touches the contact).
    const lately = members(first, 'Registered lately');
    const submitter = contacts().find((c) => c.properties.email && c.id !== modified.id && !carriers.includes(c) && !lately.has(c.id))!;
    h.emulator.state.upsertContact({ ...submitter, formSubmissions: [...submitter.formSubmissions, { formId: WEBINAR_FORM_ID, timestamp: at() }] } as PortalContact);
    Object.assign(changed, { modified: modified.id, dealCarriers: carriers.map((c) => c.id), submitter: submitter.id });
    const before = h.emulator.requests.length;
    second = await load(ws, (p) => progress.push(p));
    requests = h.emulator.requests.slice(before);
    fromScratch = await load(liveWorkspace(LISTS));
  });
  after(async () => h.emulator.stop());

  it('is an incremental refresh of the few contacts modified since (the newest of the first read is always read again)', () => {
    assert.equal(second.refresh?.mode, 'incremental');
    assert.ok(second.refresh!.fetched >= 1 && second.refresh!.fetched <= 3, `${second.refresh!.fetched} contacts`);
  });

  it('reads the associations of the modified contact only, and the deals and companies modified since', () => {
    for (const object of ['deals', 'companies']) {
      const reads = requests.filter((r) => r.method === 'POST' && r.path === `/crm/v4/associations/contacts/${object}/batch/read`);
      assert.equal(reads.length, 1, `${object}: ${JSON.stringify(reads.map((r) => r.body))}`);
      const inputs = (reads[0].body as { inputs: { id: string }[] }).inputs.map((i) => i.id);
      assert.ok(inputs.includes(changed.modified), object);
      assert.equal(inputs.length, second.refresh!.fetched, `${object}: only the modified contacts`);
      const searches = requests.filter((r) => r.method === 'POST' && r.path === `/crm/v3/objects/${object}/search`);
      assert.equal(searches.length, 1, `${object} modified since the last fetch`);
    }
    const dealsProgress = progress.filter((p) => p.phase === 'deals');
    const n = second.refresh!.fetched;
    assert.deepEqual(dealsProgress.map((p) => [p.done, p.total]), [[0, n], [n, n]], 'progress counts the contacts read again');
  });

  it('reads the webinar form\'s submissions only down to the newest cached one', () => {
    const path = `/form-integrations/v1/submissions/forms/${WEBINAR_FORM_ID}`;
    assert.ok(firstPages >= 2, `${firstPages} pages: the full read took several`);
    assert.equal(requests.filter((r) => r.path === path).length, 1, 'one page of 50 reaches back past the newest cached submission');
  });

  it('gives the answers of a full read, and the changes show in them', () => {
    assert.equal(fromScratch.refresh?.mode, 'full');
    assert.deepEqual(counts(ws, second), counts(ws, fromScratch));
    const [bigBefore, bigAfter] = [members(first, 'Big deals'), members(second, 'Big deals')];
    for (const id of [changed.modified, ...changed.dealCarriers]) assert.ok(bigAfter.has(id), `contact ${id} has a big deal now`);
    assert.ok(!bigBefore.has(changed.modified));
    assert.ok(members(second, 'Registered lately').has(changed.submitter), 'the new submission is read');
  });
});
