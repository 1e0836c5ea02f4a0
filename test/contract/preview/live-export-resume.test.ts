// An export a full fetch started and did not read (export-pending.ts), against the emulator with the real
// SDK: a preview stopped while HubSpot prepares the export leaves it to the next full fetch, which reads
// it instead of starting another (one of the portal's 30 a day) and counts from its start; one of other
// properties, too old, or unknown to HubSpot is left alone and a new export started; one still not ready
// is waited for again, never doubled by a second.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, cachePaths, readManifest } from '../../../server/src/preview/hubspot/cache-files';
import type { ExportPolicy } from '../../../server/src/preview/hubspot/fetch-export';
import type { PendingExport } from '../../../server/src/preview/hubspot/export-pending';
import { loadPreviewData, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { liveWorkspace, requestsTo, startLive, type LiveHarness } from './support';

/** Exports for any portal size, polled quickly; an export not ready within 2 s is given up. */
const QUICK: ExportPolicy = { minContacts: 1, pollMs: 5, maxPollMs: 20, minWaitMs: 2_000 };

const LISTS = 'list "Polish leads" {\n  where country is "Poland" and lifecyclestage is any of (lead, marketingqualifiedlead)\n}\n';

/** The wall clock the runs see (the cache's times): a morning of the emulator's day. */
const T0 = Date.parse('2026-01-15T10:00:00Z');
const MINUTE = 60_000;

const pendingFile = (ws: PreviewWorkspace) => join(ws.root, CACHE_DIR, 'hubspot-export-pending.json');
const exportStarts = (h: LiveHarness) => requestsTo(h.emulator, 'POST', /^\/crm\/v3\/exports\/export\/async$/).length;
const statusReadsOf = (h: LiveHarness, taskId: string) => requestsTo(h.emulator, 'GET', new RegExp(`^/crm/v3/exports/export/async/tasks/${taskId}/status$`)).length;

async function load(h: LiveHarness, ws: PreviewWorkspace, clockAt: number, policy: ExportPolicy = QUICK): Promise<PreviewData> {
  // The emulator's clock stands still unless moved: a second per load keeps its search limit from refusing the count.
  h.tick(1_000);
  const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection, exports: policy }, { now: h.now, clock: () => clockAt });
  assert.ok(!('error' in data), 'error' in data ? data.error : '');
  return data;
}

/** A preview of `ws` stopped at its first word of HubSpot's export (its status read once). */
async function stoppedWhileExporting(h: LiveHarness, ws: PreviewWorkspace, clockAt: number): Promise<void> {
  h.tick(1_000);
  const abort = new AbortController();
  await assert.rejects(
    loadPreviewData(ws, { kind: 'hubspot', connection: h.connection, exports: QUICK }, { now: h.now, clock: () => clockAt, signal: abort.signal, onProgress: (p) => (p.phase === 'export' ? abort.abort() : undefined) }),
    (error: Error) => error.name === 'PreviewCancelled',
  );
}

describe('live source: an export an earlier run left unread', function () {
  this.timeout(60_000);
  let h: LiveHarness;
  before(async () => (h = await startLive(300)));
  after(() => h.emulator.stop());
  afterEach(() => h.emulator.exports.reset());

  it('a preview stopped while HubSpot prepares the export: the next full fetch reads that export, starts no other, and counts from its start', async () => {
    const ws = liveWorkspace(LISTS);
    const before = exportStarts(h);
    await stoppedWhileExporting(h, ws, T0);
    assert.equal(exportStarts(h) - before, 1);
    assert.ok(existsSync(pendingFile(ws)), 'the export is remembered for the next run');

    const data = await load(h, ws, T0 + 5 * MINUTE);
    assert.equal(exportStarts(h) - before, 1, 'no second export');
    assert.equal(data.kind === 'hubspot' && data.refresh?.via, 'export');
    assert.equal(data.store.size, 300);
    assert.deepEqual(data.report.notes, ["The contacts are as of 2026-01-15 10:00:00 UTC: HubSpot's CRM export an earlier run started then, and stopped before reading, was read instead of starting another; the next refresh brings the changes since"]);
    assert.ok(!existsSync(pendingFile(ws)), 'read: nothing left to take up');
    const manifest = readManifest(cachePaths(ws.root));
    assert.equal(manifest?.lastFullFetch, new Date(T0).toISOString(), 'the daily refetch counts from the export\'s start');
    assert.ok((manifest?.fetchMs ?? 0) >= 5 * MINUTE, 'the next refresh reads the changes since the export\'s start');
  });

  it('one of other properties, too old, or that HubSpot does not know: a new export, the other left alone', async () => {
    const cases: Array<{ name: string; changed: (p: PendingExport) => PendingExport }> = [
      { name: 'other properties', changed: (p) => ({ ...p, properties: ['email', 'hs_object_id', 'lastmodifieddate'] }) },
      { name: 'too old', changed: (p) => ({ ...p, startedAt: T0 - 16 * MINUTE }) },
      { name: 'unknown to HubSpot', changed: (p) => ({ ...p, taskId: '999999' }) },
    ];
    for (const c of cases) {
      const ws = liveWorkspace(LISTS);
      await stoppedWhileExporting(h, ws, T0);
      const pending = c.changed(JSON.parse(readFileSync(pendingFile(ws), 'utf8')) as PendingExport);
      writeFileSync(pendingFile(ws), JSON.stringify(pending));
      const starts = exportStarts(h);
      const reads = statusReadsOf(h, pending.taskId);
      const data = await load(h, ws, T0);
      assert.equal(exportStarts(h) - starts, 1, `${c.name}: a new export`);
      assert.equal(data.kind === 'hubspot' && data.refresh?.via, 'export', c.name);
      assert.deepEqual(data.report.notes ?? [], [], `${c.name}: the contacts are as of now`);
      const asked = statusReadsOf(h, pending.taskId) - reads;
      assert.equal(asked, c.name === 'unknown to HubSpot' ? 1 : 0, `${c.name}: the remembered export is asked about only when it may be taken up`);
      assert.ok(!existsSync(pendingFile(ws)), c.name);
      assert.equal(readManifest(cachePaths(ws.root))?.lastFullFetch, new Date(T0).toISOString(), c.name);
    }
  });

  it('an export not ready within the wait is kept, and the next full fetch waits for it again rather than start a second', async () => {
    const ws = liveWorkspace(LISTS);
    h.emulator.exports.failNext({ never: true });
    const starts = exportStarts(h);
    const slow = { ...QUICK, minWaitMs: 100 };
    const data = await load(h, ws, T0, slow);
    assert.equal(data.kind === 'hubspot' && data.refresh?.via, 'pages');
    assert.match(data.report.notes?.[0] ?? '', /was still PROCESSING after \d+ s/);
    assert.ok(existsSync(pendingFile(ws)), 'HubSpot goes on with it: kept');
    // The next run must fetch in full again (as when the lists ask for new properties, or a day has passed).
    rmSync(cachePaths(ws.root).manifest, { force: true });
    const again = await load(h, ws, T0 + MINUTE, slow);
    assert.equal(exportStarts(h) - starts, 1, 'the same export waited for, no second one');
    assert.equal(again.kind === 'hubspot' && again.refresh?.via, 'pages');
    assert.match(again.report.notes?.[0] ?? '', /was still PROCESSING after \d+ s/);
    assert.equal(again.store.size, 300);
  });
});
