// The live source's progress says which HubSpot lists' memberships it reads and why: `in list` names a
// list no file defines (here one the schema catalogue names, and one only by id), so only HubSpot knows
// its members. Read against the emulator with the real SDK; the words are the CLI's and the editor's.

import { strict as assert } from 'node:assert';
import type { Progress } from '../../../server/src/preview/hubspot/fetch-contacts';
import { phaseName, progressText } from '../../../server/src/preview/progress-text';
import { loadPreviewData } from '../../../server/src/preview/run';
import { liveWorkspace, startLive, type LiveHarness } from './support';

describe('preview: progress of the list memberships it reads', function () {
  this.timeout(20_000);
  let h: LiveHarness;
  before(async () => {
    h = await startLive(60);
  });
  after(async () => h.emulator.stop());

  it('names each list (by the catalogue\'s name, else its id) and counts the lists read', async () => {
    const newsletter = h.emulator.state.activeListByName('Newsletter import')!.listId;
    const ws = liveWorkspace('list "Readers" {\n  where in list "Newsletter import" or in list #999999\n}\n');
    const catalogue = { listId: newsletter, name: 'Newsletter import', processingType: 'MANUAL', objectTypeId: '0-1' };
    const workspace = { ...ws, schema: { ...ws.schema, lists: new Map([['newsletter import', catalogue]]) } };
    const seen: Progress[] = [];
    const data = await loadPreviewData(workspace, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now, onProgress: (p) => seen.push(p) });
    assert.ok(!('error' in data));
    const last = seen.filter((p) => p.phase === 'memberships').at(-1)!;
    const expected = ['999999', newsletter].sort().map((id) => (id === newsletter ? '"Newsletter import"' : '#999999'));
    assert.deepEqual(last.lists, expected);
    assert.equal(phaseName(last), `list memberships of ${expected.join(', ')} (HubSpot lists that \`in list\` names and no .hslist file defines: HubSpot has the members)`);
    assert.equal(progressText(last), 'list memberships: 2 of 2 lists');
  });

  it('says "1 list" for one, and keeps a long run of lists to three names', () => {
    const one: Progress = { phase: 'memberships', done: 1, total: 1, lists: ['"Webinar registrants"'] };
    assert.equal(phaseName(one), 'list memberships of "Webinar registrants" (a HubSpot list that `in list` names and no .hslist file defines: HubSpot has the members)');
    assert.equal(progressText(one), 'list memberships: 1 of 1 list');
    const many: Progress = { phase: 'memberships', done: 0, total: 5, lists: ['#1', '#2', '#3', '#4', '#5'] };
    assert.match(phaseName(many), /^list memberships of #1, #2, #3 and 2 more \(HubSpot lists/);
    assert.equal(progressText({ phase: 'contacts', done: 12_000, total: 48_113 }), 'contacts: 12,000 of 48,113');
  });
});
