// The live source's full fetch through HubSpot's CRM export, against the emulator with the real SDK: a
// workspace whose lists need no history previews the same through the export as through the contact
// pages (same contacts, same counts, same members), zipped and split into parts too; a workspace that
// reads every contact's history pages when that costs fewer requests, and takes the export and batch
// reads of history when those cost at most a tenth more (they go in parallel); the next refresh stays on search; and every way an export can fail ends in
// the pages with a note quoting why, never in a partial store, and leaves no downloaded file behind.

import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasBit } from '../../../server/src/preview/bitset';
import { CACHE_DIR } from '../../../server/src/preview/hubspot/cache-files';
import type { ExportPolicy } from '../../../server/src/preview/hubspot/fetch-export';
import { loadPreviewData, previewList, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import type { ExportFault } from '../../../server/src/sandbox/hubspot/exports';
import type { Fault } from '../../../server/src/sandbox/hubspot/faults';
import { liveWorkspace, requestsTo, startLive, TOKEN, type LiveHarness } from './support';

/** Exports for any portal size, polled quickly; an export not ready within 2 s is given up. */
const QUICK: ExportPolicy = { minContacts: 1, pollMs: 5, maxPollMs: 20, minWaitMs: 2_000 };

const LISTS = `
list "Polish leads" {
  where country is "Poland" and lifecyclestage is any of (lead, marketingqualifiedlead)
}

list "Opted out" {
  where hs_email_optout is true
}

list "Active lately" {
  where notes_last_updated is after 2025-06-01
}

list "Big revenue" {
  where annualrevenue >= 10000000
}

list "Deciders" {
  where hs_buying_role contains all of (DECISION_MAKER)
}

list "Named with an email" {
  where email is known and firstname is known and not (lastname is unknown)
}
`;

const HISTORY = 'list "Once an MQL" {\n  where lifecyclestage has ever been marketingqualifiedlead\n}\n';

async function load(h: LiveHarness, ws: PreviewWorkspace, exports: ExportPolicy | false): Promise<PreviewData> {
  // The emulator's clock stands still unless moved: a second per load keeps its search limit (5 a second) from refusing the count.
  h.tick(1_000);
  const data = await loadPreviewData(ws, { kind: 'hubspot', connection: h.connection, exports }, { now: h.now });
  assert.ok(!('error' in data), 'error' in data ? data.error : '');
  return data;
}

/** Per list: the certain count, the possible count and the ids of the certain members. */
function answers(ws: PreviewWorkspace, data: PreviewData, now: number) {
  return ws.lists.map((list) => {
    const p = previewList(ws, data, list.name.text, { now });
    assert.ok(!('error' in p), 'error' in p ? p.error : '');
    const members = Array.from({ length: p.store.size }, (_, row) => row).filter((row) => hasBit(p.rows.lo, row)).map((row) => p.store.ids.at(row));
    return { list: list.name.text, count: p.result.count, maxCount: p.result.maxCount, members };
  });
}

const idsOf = (data: PreviewData) => Array.from({ length: data.store.size }, (_, row) => data.store.ids.at(row));
const leftovers = (ws: PreviewWorkspace) => readdirSync(join(ws.root, CACHE_DIR)).filter((name) => name.endsWith('.tmp'));
const exportStarts = (h: LiveHarness) => requestsTo(h.emulator, 'POST', /^\/crm\/v3\/exports\/export\/async$/).length;
const contactPages = (h: LiveHarness) => requestsTo(h.emulator, 'GET', /^\/crm\/v3\/objects\/contacts$/).length;

describe('live source: a full fetch through HubSpot\'s CRM export', function () {
  this.timeout(60_000);

  describe('where it serves', () => {
    let h: LiveHarness;
    before(async () => (h = await startLive(300)));
    after(() => h.emulator.stop());

    it('a workspace without history previews the same through the export as through the pages', async () => {
      const viaPages = liveWorkspace(LISTS);
      const pages = await load(h, viaPages, false);
      assert.equal(exportStarts(h), 0);
      assert.equal(contactPages(h), 3, '300 contacts, 100 a page');
      h.emulator.requests.length = 0;
      const viaExport = liveWorkspace(LISTS);
      const exported = await load(h, viaExport, QUICK);
      assert.equal(exported.kind === 'hubspot' && exported.refresh?.via, 'export');
      assert.equal(exportStarts(h), 1);
      assert.equal(contactPages(h), 0, 'no contact page was read');
      assert.equal(h.emulator.files.requests.length, 1);
      assert.deepEqual(idsOf(exported), idsOf(pages));
      const expected = answers(viaPages, pages, h.now());
      assert.ok(expected.every((a) => a.count > 0 && a.count < 300), 'every list holds some contacts and not all');
      assert.deepEqual(answers(viaExport, exported, h.now()), expected);
      assert.deepEqual(exported.report.notes ?? [], []);
      assert.deepEqual(leftovers(viaExport), [], 'the downloaded file is removed');
    });

    it('the token goes to the API on every call and never to the file host', () => {
      assert.ok(h.emulator.files.requests.every((r) => !r.authorization && r.bearerSha256 === undefined));
      assert.ok(h.emulator.requests.length > 0 && h.emulator.requests.every((r) => r.bearerSha256 !== undefined));
      assert.ok(h.emulator.files.requests.every((r) => !r.path.includes(TOKEN)));
    });

    it('lists that need every contact\'s history, in a small portal: the pages with it (an export and batch reads would cost more requests)', async () => {
      h.emulator.requests.length = 0;
      const data = await load(h, liveWorkspace(LISTS + HISTORY), QUICK);
      assert.equal(data.kind === 'hubspot' && data.refresh?.via, 'pages');
      assert.equal(exportStarts(h), 0);
      assert.equal(requestsTo(h.emulator, 'GET', /^\/crm\/v3\/objects\/contacts$/).length, 6, '300 contacts, 50 a page with history');
    });

    it('lists that need every contact\'s history, in a portal where 50 a page is over a hundred pages: the export and batch reads of history five at a time', async () => {
      const big = await startLive(5_000, { rateLimits: { tenSecondMax: 10_000 } });
      try {
        const viaPages = liveWorkspace(LISTS + HISTORY);
        const pages = await load(big, viaPages, false);
        assert.equal(contactPages(big), 100, '5,000 contacts, 50 a page with history');
        big.emulator.requests.length = 0;
        const viaExport = liveWorkspace(LISTS + HISTORY);
        const exported = await load(big, viaExport, QUICK);
        assert.equal(exported.kind === 'hubspot' && exported.refresh?.via, 'export');
        assert.equal(contactPages(big), 0, 'no contact page');
        const reads = requestsTo(big.emulator, 'POST', /^\/crm\/v3\/objects\/contacts\/batch\/read$/).map((r) => r.body as { inputs: { id: string }[]; propertiesWithHistory: string[] });
        assert.ok(reads.every((b) => b.inputs.length <= 50 && b.propertiesWithHistory.includes('lifecyclestage')), 'batch reads of at most 50, with history');
        // Every contact but those whose current stage decides `has ever been` without history.
        const undecided = [...big.emulator.state.contacts.values()].filter((c) => c.properties.lifecyclestage !== 'marketingqualifiedlead').map((c) => c.id);
        assert.ok(undecided.length > 4_000, `${undecided.length} need their history`);
        assert.deepEqual([...new Set(reads.flatMap((b) => b.inputs.map((i) => i.id)))].sort(), undecided.sort(), 'the history of every contact that needs it');
        assert.ok(big.emulator.requests.length <= 100 * 1.1 + 20, `${big.emulator.requests.length} requests against the 100 pages (and the rest)`);
        const expected = answers(viaPages, pages, big.now());
        assert.ok(expected.find((a) => a.list === 'Once an MQL')!.count > 0);
        assert.deepEqual(answers(viaExport, exported, big.now()), expected);
      } finally {
        await big.emulator.stop();
      }
    });

    it('lists whose history few contacts need: values from the export, history by batch reads, answers as through the pages', async () => {
      // 1,000 contacts: 20 pages of 50 with history, against the export's ~10 requests and a batch read or two.
      const h = await startLive(1_000, { rateLimits: { tenSecondMax: 10_000 } });
      try {
        const text = `${LISTS}\nlist "Touched lately" {\n  where lifecyclestage was updated in last 3 days or hs_lead_status was updated in last 3 days\n}\n`;
        h.modify('5', { lifecyclestage: 'customer' });
        h.modify('6', { hs_lead_status: 'CONNECTED' });
        const viaPages = liveWorkspace(text);
        const pages = await load(h, viaPages, false);
        h.emulator.requests.length = 0;
        const viaExport = liveWorkspace(text);
        const exported = await load(h, viaExport, QUICK);
        assert.equal(exported.kind === 'hubspot' && exported.refresh?.via, 'export');
        assert.equal(exportStarts(h), 1);
        assert.equal(contactPages(h), 0, 'no contact page, with or without history');
        assert.ok(requestsTo(h.emulator, 'POST', /^\/crm\/v3\/objects\/contacts\/batch\/read$/).length > 0, 'the undecided contacts\' history by batch reads');
        const expected = answers(viaPages, pages, h.now());
        const touched = expected.find((a) => a.list === 'Touched lately')!.members;
        assert.ok(touched.includes('5') && touched.includes('6') && touched.length < 150, `${touched.length} touched lately`);
        assert.deepEqual(answers(viaExport, exported, h.now()), expected);
      } finally {
        await h.emulator.stop();
      }
    });

    it('a portal smaller than the policy\'s minimum reads the pages', async () => {
      h.emulator.requests.length = 0;
      const data = await load(h, liveWorkspace(LISTS), { ...QUICK, minContacts: 301 });
      assert.equal(data.kind === 'hubspot' && data.refresh?.via, 'pages');
      assert.equal(exportStarts(h), 0);
    });

    it('the refresh after an export stays on search, and sees a change', async () => {
      const ws = liveWorkspace(LISTS);
      await load(h, ws, QUICK);
      h.tick(60_000);
      h.modify('7', { hs_email_optout: 'true' });
      h.emulator.requests.length = 0;
      const data = await load(h, ws, QUICK);
      assert.equal(data.kind === 'hubspot' && data.refresh?.mode, 'incremental');
      assert.equal(exportStarts(h), 0);
      const optedOut = answers(ws, data, h.now()).find((a) => a.list === 'Opted out')!;
      assert.ok(optedOut.members.includes('7'));
    });
  });

  it('a file zipped and split into parts (past the size and row limits) reads the same', async () => {
    const h = await startLive(300, { exports: { zipOverBytes: 1, partitionRows: 120 } });
    try {
      const viaPages = liveWorkspace(LISTS);
      const pages = await load(h, viaPages, false);
      const viaExport = liveWorkspace(LISTS);
      const exported = await load(h, viaExport, QUICK);
      assert.equal(exported.kind === 'hubspot' && exported.refresh?.via, 'export');
      assert.match(h.emulator.files.requests[0].path, /\.zip$/);
      assert.deepEqual(answers(viaExport, exported, h.now()), answers(viaPages, pages, h.now()));
    } finally {
      await h.emulator.stop();
    }
  });

  describe('falls back to the pages, with a note saying why', () => {
    let h: LiveHarness;
    let full: number;
    before(async () => {
      h = await startLive(300, { exports: { zipOverBytes: 4_000 } });
      full = (await load(h, liveWorkspace(LISTS), false)).store.size;
    });
    afterEach(() => {
      h.emulator.exports.reset();
      h.emulator.files.faults.clear();
    });
    after(() => h.emulator.stop());

    const cases: Array<{ name: string; export?: ExportFault; file?: Fault; note: RegExp }> = [
      { name: 'an export HubSpot cancels', export: { status: 'CANCELED' }, note: /export 700\d ended CANCELED\)/ },
      { name: 'an export that fails, with HubSpot\'s error', export: { status: 'FAILED' }, note: /ended FAILED: The export could not be completed\)/ },
      { name: 'an export not ready in time', export: { never: true }, note: /was still PROCESSING after \d+ s, the longest hslist waits before reading the pages instead/ },
      { name: 'a zip cut short', export: { file: 'truncated' }, note: /the export's zip is not readable \(.*\): it may have been cut short/ },
      { name: 'a file without its last row', export: { file: 'missing-row' }, note: /export file holds 299 rows where HubSpot said 300 records: it is incomplete/ },
      { name: 'a column nobody asked for', export: { file: 'extra-column' }, note: /export file hubspot-crm-exports-.*\.csv line 1: column "hs_extra_column" is not a property the export asked for/ },
      { name: 'no record count to check the file against', export: { noRecordCount: true }, note: /did not say how many records export \d+ holds/ },
      { name: 'a download broken off', file: { type: 'truncate', bytes: 1000 }, note: /file host 127\.0\.0\.1:\d+ broke off the file: 1,000 of [\d,]+ bytes arrived/ },
      { name: 'a file host error', file: { type: 'status', status: 503 }, note: /file host 127\.0\.0\.1:\d+ answered 503 Service Unavailable: <\?xml/ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        if (c.export) h.emulator.exports.failNext(c.export);
        if (c.file) h.emulator.files.faults.add(c.file);
        const ws = liveWorkspace(LISTS);
        const data = await load(h, ws, c.export?.never ? { ...QUICK, minWaitMs: 100 } : QUICK);
        assert.equal(data.kind === 'hubspot' && data.refresh?.via, 'pages');
        assert.equal(data.store.size, full, 'every contact, from the pages');
        const [note, ...rest] = data.report.notes ?? [];
        assert.deepEqual(rest, []);
        assert.match(note ?? '', /^HubSpot's CRM export of the contacts was not used \(/);
        assert.match(note ?? '', c.note);
        assert.match(note ?? '', /; they were read page by page instead$/);
        assert.deepEqual(leftovers(ws), []);
      });
    }

    it('a plain CSV cut short: the file is not read as fewer contacts', async () => {
      const small = await startLive(20, { exports: { zipOverBytes: 1_000_000 } });
      try {
        small.emulator.exports.failNext({ file: 'truncated' });
        const data = await load(small, liveWorkspace(LISTS), QUICK);
        assert.equal(data.store.size, 20);
        assert.match(data.report.notes?.[0] ?? '', /(has \d+ fields where the header has \d+|holds \d+ rows where HubSpot said 20 records)/);
      } finally {
        await small.emulator.stop();
      }
    });

    it('a token without crm.export: HubSpot\'s 403 names the scope', async () => {
      const refused = await startLive(300, { scopes: { [TOKEN]: ['crm.objects.contacts.read'] } });
      try {
        const data = await load(refused, liveWorkspace(LISTS), QUICK);
        assert.equal(data.store.size, 300);
        assert.match(data.report.notes?.[0] ?? '', /not used \(HubSpot said 403 Forbidden: .*missing scope crm\.export.*\); they were read page by page instead$/);
      } finally {
        await refused.emulator.stop();
      }
    });
  });
});
