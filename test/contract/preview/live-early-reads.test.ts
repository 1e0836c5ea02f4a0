// A full live fetch reads what needs no contact (the `#id` lists' members, the forms' submissions) while
// the contacts come, not after them: against an emulator that answers slowly, those reads are in its log
// before the last contact page, and the counts still equal the emulator's own. Their progress is said
// after the contacts', phase after phase. A fetch that fails stops them: nothing is asked afterwards.

import { strict as assert } from 'node:assert';
import type { Progress } from '../../../server/src/preview/hubspot/fetch-contacts';
import { loadPreviewData } from '../../../server/src/preview/run';
import { emulatorCount as emulatorCountOf, liveWorkspace, previewResult, startLive, type LiveHarness } from './support';

const lists = (newsletter: string) => `
list "Newsletter" {
  where in list #${newsletter}
}

list "Any form" {
  where submitted any form
}
`;

const CONTACT_PAGE = /^\/crm\/v3\/objects\/contacts$/;
const EARLY = /^\/crm\/v3\/lists\/\d+\/memberships$|^\/form-integrations\/v1\/submissions\/forms\//;

describe('preview: a full live fetch reads members and submissions while the contacts come', function () {
  this.timeout(30_000);
  let h: LiveHarness;
  let newsletter: string;

  before(async () => {
    h = await startLive(400, { latencyMs: 5 });
    newsletter = h.emulator.state.activeListByName('Newsletter import')!.listId;
  });
  after(async () => h.emulator.stop());

  it('asks for them before the last contact page, says their progress after the contacts\', and counts as the emulator', async () => {
    const ws = liveWorkspace(lists(newsletter));
    const phases: Progress['phase'][] = [];
    h.emulator.requests.length = 0;
    const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress: (p) => phases.push(p.phase) });
    assert.ok(!('error' in data), 'error' in data ? data.error : '');
    const log = h.emulator.requests.map((r) => `${r.method} ${r.path}`);
    const lastPage = log.map((l) => l.startsWith('GET ') && CONTACT_PAGE.test(l.slice(4))).lastIndexOf(true);
    const firstEarly = log.findIndex((l) => EARLY.test(l.replace(/^\w+ /, '')));
    assert.ok(lastPage > 0 && firstEarly >= 0, `log:\n${log.join('\n')}`);
    assert.ok(firstEarly < lastPage, `the first member or submission read (#${firstEarly}) comes before the last contact page (#${lastPage})`);
    const order = phases.filter((p, i) => p !== phases[i - 1]);
    assert.deepEqual(order.filter((p) => ['contacts', 'memberships', 'forms'].includes(p)), ['contacts', 'memberships', 'forms'], `phases: ${order.join(' → ')}`);
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

  it('a fetch that fails stops them: a read waiting for an answer asks nothing more once the fetch has returned its error', async () => {
    const ws = liveWorkspace(lists(newsletter));
    // The forms list and the list's members answer late: when the first contact page fails, the early
    // reads are still waiting, and must not go on to the submissions or the members' next pages.
    h.emulator.faults.add({ type: 'delay', ms: 300, count: 5, path: '/marketing/v3/forms' });
    h.emulator.faults.add({ type: 'delay', ms: 300, count: 20, path: '/crm/v3/lists/' });
    h.emulator.faults.add({ type: 'status', status: 400, method: 'GET', path: '/crm/v3/objects/contacts', count: 1 });
    h.emulator.requests.length = 0;
    try {
      await assert.rejects(loadPreviewData(ws, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now }), /HubSpot said 400/);
      await new Promise((resolve) => setTimeout(resolve, 800));
      const log = h.emulator.requests.map((r) => `${r.method} ${r.path}`);
      assert.ok(log.some((l) => l.startsWith('GET /marketing/v3/forms')), `the forms were being read:\n${log.join('\n')}`);
      assert.deepEqual(log.filter((l) => l.includes('/form-integrations/')), [], 'no submission was read after the fetch failed');
      assert.ok(log.filter((l) => l.includes('/memberships')).length <= 1, `one members' page at most:\n${log.join('\n')}`);
    } finally {
      h.emulator.faults.clear();
    }
  });
});
