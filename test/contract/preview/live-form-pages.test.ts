// `submitted … on page …` through the live HubSpot source: the submissions Form Integrations v1 sends carry
// their page's address, the pulled pages (CMS Pages v3, read by the account layer) give each page's url, and
// the preview's counts equal the emulator's own membership of the same lists compiled there. Without the
// pages pulled, a page given by id cannot be matched to an address: the count is "up to N" with that
// reason, never a silent zero. A count and a window on the page are judged alike on both sides.

import { strict as assert } from 'node:assert';
import { createHubSpotAccount } from '../../../server/src/hubspot/account/account';
import { loadPreviewData, type PreviewData, type PreviewWorkspace } from '../../../server/src/preview/run';
import { WEBINAR_FORM_ID } from '../../../server/src/sandbox/data/hubspot-portal';
import { emulatorCount, liveWorkspace, previewResult, startLive, type LiveHarness } from './support';

const LISTS = `
list "Webinar page, webinar form" {
  type: active
  where submitted form "${WEBINAR_FORM_ID}" on page #52000001 and email is known
}

list "Any form on the ebook page" {
  type: active
  where submitted any form on page #52000002 and email is known
}

list "Never on the pricing page" {
  type: active
  where not submitted any form on page #51000001 and email is known
}

list "Home page lately" {
  type: active
  where submitted any form on page #51000003 in last 365 days and email is known
}

list "Ebook page at most once" {
  type: active
  where submitted any form on page #52000002 at most 1 times and email is known
}

list "Ebook page twice or more" {
  type: active
  where submitted any form on page #52000002 at least 2 times and email is known
}

list "Webinar page since 2020, once or twice" {
  type: active
  where submitted any form on page #52000001 between 1 and 2 times after 2020-01-01 and email is known
}
`;

describe('preview: form submissions on a page, live from the emulator', function () {
  this.timeout(20_000);
  let h: LiveHarness;
  let withPages: PreviewWorkspace;
  let data: PreviewData;

  before(async () => {
    h = await startLive(300);
    const bare = liveWorkspace(LISTS);
    const pages = await createHubSpotAccount(h.connection).getPages();
    withPages = { ...bare, schema: { ...bare.schema, pages } };
    const loaded = await loadPreviewData(withPages, { kind: 'hubspot', connection: h.connection }, { now: h.now, clock: h.now });
    assert.ok(!('error' in loaded));
    data = loaded;
  });
  after(async () => h.emulator.stop());

  it('counts equal the emulator\'s own, the page told from the submission\'s address', async () => {
    for (const name of ['Webinar page, webinar form', 'Any form on the ebook page', 'Never on the pricing page', 'Home page lately']) {
      const r = previewResult(h, withPages, data, name);
      assert.equal(r.complete, true, `${name}: ${JSON.stringify(r.notPreviewable)}`);
      assert.ok(r.count > 0, `${name} matches someone`);
      assert.equal(r.count, await emulatorCount(h, withPages, name), name);
    }
  });

  it('with a count and an absolute window (FORM_SUBMISSION_ON_PAGE refine-bys), counts equal the emulator\'s own', async () => {
    const counts: Record<string, number> = {};
    for (const name of ['Ebook page at most once', 'Ebook page twice or more', 'Webinar page since 2020, once or twice']) {
      const r = previewResult(h, withPages, data, name);
      assert.equal(r.complete, true, `${name}: ${JSON.stringify(r.notPreviewable)}`);
      assert.equal(r.count, await emulatorCount(h, withPages, name), name);
      counts[name] = r.count;
    }
    for (const [name, count] of Object.entries(counts)) assert.ok(count > 0, `${name} matches someone`);
    // At most once and twice or more split the contacts with a submission on the page.
    const onPage = previewResult(h, withPages, data, 'Any form on the ebook page').count;
    assert.equal(counts['Ebook page at most once'] + counts['Ebook page twice or more'], onPage);
  });

  it('without the pages pulled, a page by id is "up to N" with the reason, never a silent zero', () => {
    const bare = { ...withPages, schema: { ...withPages.schema, pages: undefined } };
    const r = previewResult(h, bare, data, 'Any form on the ebook page');
    assert.equal(r.complete, false);
    assert.equal(r.count, 0);
    assert.ok(r.maxCount > 0);
    assert.match(r.notPreviewable[0].reason, /the page of some form submissions is not in this data \(the pages are not pulled, so a submission's page address cannot be matched to page #52000002/);
  });
});
