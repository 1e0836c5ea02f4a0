// The emulator's catalogue reads (owners, forms, marketing emails) page by `limit` and an `after` cursor
// as HubSpot's do: every item once across the pages, `paging` absent on the last one, a 400 naming a bad
// `limit` or `after`. One paging rule serves them all (http-kit offsetPage).

import { strict as assert } from 'node:assert';
import { startHarness, TOKEN, type Harness } from './support';

describe('HubSpot emulator: catalogue reads page by limit and after', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ tokens: [TOKEN] })));
  after(async () => h.emulator.stop());

  const call = async (path: string, qs: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await h.client.apiRequest({ method: 'GET', path, qs });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  /** Every page of `path`, `limit` items at a time: the ids in order and how many pages it took. */
  const allPages = async (path: string, limit: number) => {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await call(path, { limit: String(limit), ...(after ? { after } : {}) });
      assert.equal(page.status, 200, JSON.stringify(page.json));
      ids.push(...(page.json.results as { id: string }[]).map((r) => r.id));
      after = (page.json.paging as { next?: { after: string } } | undefined)?.next?.after;
      pages++;
    } while (after);
    return { ids, pages };
  };

  for (const path of ['/crm/v3/owners', '/marketing/v3/forms', '/marketing/v3/emails']) {
    it(`${path}: two at a time gives what one page gives, and refuses a bad limit or cursor`, async () => {
      const whole = await allPages(path, 50);
      assert.ok(whole.ids.length >= 3, `${path} has a few items`);
      assert.equal(whole.pages, 1);
      const byTwo = await allPages(path, 2);
      assert.deepEqual(byTwo.ids, whole.ids);
      assert.equal(byTwo.pages, Math.ceil(whole.ids.length / 2));
      const zero = await call(path, { limit: '0' });
      assert.equal(zero.status, 400);
      assert.match(String(zero.json.message), /^limit must be a whole number from 1 to \d+; got "0"\.$/);
      const badCursor = await call(path, { after: 'x' });
      assert.equal(badCursor.status, 400);
      assert.equal(badCursor.json.message, 'after must be a cursor from an earlier page; got "x".');
    });
  }
});
