// While HubSpot prepares a full fetch's CRM export, the live source reads what needs no contact (the
// `#id` lists' members, the forms' submissions) instead of waiting idle: in the emulator's log those
// reads come between the export's start and the status read that finds it ready, and the counts
// still equal the emulator's own. Their progress is said after the contacts', phase after phase. A fetch
// that fails stops them: nothing more is asked. Without an export (pages), they come after the contacts.

import { strict as assert } from 'node:assert';
import type { ExportPolicy } from '../../../server/src/preview/hubspot/fetch-export';
import type { Progress } from '../../../server/src/preview/hubspot/fetch-contacts';
import { loadPreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { emulatorCount as emulatorCountOf, liveWorkspace, previewResult, startLive, type LiveHarness } from './support';

const lists = (newsletter: string) => `
list "Newsletter" {
  where in list #${newsletter}
}

list "Any form" {
  where submitted any form
}
`;

const EXPORT: ExportPolicy = { minContacts: 1, pollMs: 300, maxPollMs: 300, minWaitMs: 5_000 };
const EARLY = /^(GET \/crm\/v3\/lists\/\d+\/memberships|GET \/form-integrations\/v1\/submissions\/forms\/)/;
const STATUS = /^GET \/crm\/v3\/exports\/export\/async\/tasks\/[^/]+\/status$/;
const CONTACT_PAGE = /^GET \/crm\/v3\/objects\/contacts$/;

describe('preview: a full live fetch reads members and submissions while HubSpot prepares its export', function () {
  this.timeout(30_000);
  let h: LiveHarness;
  let newsletter: string;

  before(async () => {
    h = await startLive(400);
    newsletter = h.emulator.state.activeListByName('Newsletter import')!.listId;
  });
  after(async () => h.emulator.stop());

  async function load(ws: PreviewWorkspace, exports: ExportPolicy | false, phases: Progress['phase'][] = []) {
    h.tick(1_000); // the emulator's clock stands still unless moved: its search limit (5 a second) counts by it
    h.emulator.requests.length = 0;
    const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection, exports }, { now: h.now, onProgress: (p) => phases.push(p.phase) });
    assert.ok(!('error' in data), 'error' in data ? data.error : '');
    return { data, log: h.emulator.requests.map((r) => `${r.method} ${r.path}`) };
  }

  it('asks for them while the export is prepared, says their progress after the contacts\', and counts as the emulator', async () => {
    const ws = liveWorkspace(lists(newsletter));
    const phases: Progress['phase'][] = [];
    const { data, log } = await load(ws, EXPORT, phases);
    assert.equal(data.refresh?.mode, 'full');
    const statusReads = log.map((l, i) => (STATUS.test(l) ? i : -1)).filter((i) => i >= 0);
    const firstEarly = log.findIndex((l) => EARLY.test(l));
    assert.ok(statusReads.length >= 2 && firstEarly >= 0, `log:\n${log.join('\n')}`);
    const started = log.indexOf('POST /crm/v3/exports/export/async');
    assert.ok(started < firstEarly && firstEarly < statusReads[statusReads.length - 1], `read while the export was prepared:\n${log.join('\n')}`);
    assert.equal(log.filter((l) => CONTACT_PAGE.test(l)).length, 0, 'the contacts came from the export');
    const order = phases.filter((p, i) => p !== phases[i - 1] && ['export', 'contacts', 'memberships', 'forms'].includes(p));
    assert.deepEqual(order.filter((p, i) => p !== order[i - 1]).slice(-2), ['memberships', 'forms'], `phases: ${order.join(' → ')}`);
    const newsletterCount = previewResult(h, ws, data, 'Newsletter').count;
    assert.ok(newsletterCount > 0 && newsletterCount < 400, `Newsletter: ${newsletterCount}`);
    assert.equal(newsletterCount, await emulatorCountOf(h, ws, 'Newsletter'));
    // Submissions are tied to contacts by the email they carry (docs/preview.md, Assumed), so the count is
    // the contacts holding an address some submission was sent with.
    const live = [...h.emulator.state.contacts.values()].filter((c) => !c.archived);
    const sentWith = new Set(live.filter((c) => c.formSubmissions.length > 0 && c.properties.email).map((c) => c.properties.email!.toLowerCase()));
    const expected = live.filter((c) => c.properties.email && sentWith.has(c.properties.email.toLowerCase())).length;
    assert.ok(expected > 0 && expected < 400);
    assert.equal(previewResult(h, ws, data, 'Any form').count, expected, 'Any form');
  });

  it('without an export, they come after the contact pages, as before', async () => {
    const { log } = await load(liveWorkspace(lists(newsletter)), false);
    const lastPage = log.map((l) => CONTACT_PAGE.test(l)).lastIndexOf(true);
    const firstEarly = log.findIndex((l) => EARLY.test(l));
    assert.ok(lastPage >= 0 && lastPage < firstEarly, `log:\n${log.join('\n')}`);
  });

  it('a fetch that fails stops them: a read waiting for an answer asks nothing more once the fetch has returned its error', async () => {
    const ws = liveWorkspace(lists(newsletter));
    // The forms list and the lists' members answer late, and the export fails: the early reads are then
    // still waiting, and must not go on to the submissions or the members' next pages.
    h.emulator.faults.add({ type: 'delay', ms: 400, count: 5, path: '/marketing/v3/forms' });
    h.emulator.faults.add({ type: 'delay', ms: 400, count: 20, path: '/crm/v3/lists/' });
    h.emulator.faults.add({ type: 'status', status: 400, method: 'GET', path: '/crm/v3/exports/export/async/tasks/', count: 1 });
    h.emulator.faults.add({ type: 'status', status: 400, method: 'GET', path: '/crm/v3/objects/contacts', count: 1 });
    h.tick(1_000);
    h.emulator.requests.length = 0;
    try {
      await assert.rejects(loadPreviewData(ws, { kind: 'hubspot', connection: h.connection, exports: EXPORT }, { now: h.now }), /HubSpot said 400/);
      await new Promise((resolve) => setTimeout(resolve, 900));
      const log = h.emulator.requests.map((r) => `${r.method} ${r.path}`);
      assert.ok(log.some((l) => l.startsWith('GET /marketing/v3/forms')), `the forms were being read:\n${log.join('\n')}`);
      assert.deepEqual(log.filter((l) => l.includes('/form-integrations/')), [], 'no submission was read after the fetch failed');
      assert.ok(log.filter((l) => l.includes('/memberships')).length <= 1, `one members' page at most:\n${log.join('\n')}`);
    } finally {
      h.emulator.faults.clear();
    }
  });
});
