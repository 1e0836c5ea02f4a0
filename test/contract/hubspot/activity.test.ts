// Webinars, CTAs and ads end to end over the wire: contacts seeded with webinars, CTA events and ads seen
// through the emulator's admin route, lists written in .hslist compiled and created through the account
// layer (the real SDK), and their members compared with the seeded activity judged here by hand.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import { startHarness, type Harness } from './support';

const DAY = 86_400_000;

describe('HubSpot emulator ↔ account layer: webinars, CTAs and ads', () => {
  let h: Harness;
  let now: number;
  before(async () => {
    h = await startHarness({ processingDelayMs: 0 });
    now = h.emulator.state.now();
    const ago = (days: number) => new Date(now - days * DAY).toISOString();
    const contacts = [
      { id: '900001', properties: { email: 'reg@x.com' }, webinars: [{ id: '11', registered: true, attended: false }], ctaEvents: [{ cta: 'c-1', type: 'VIEW', timestamp: ago(2) }], adViews: [{ timestamp: ago(40) }] },
      { id: '900002', properties: { email: 'att@x.com' }, webinars: [{ id: '11', registered: true, attended: true }, { id: '12', registered: true, attended: false }], ctaEvents: [{ cta: 'c-1', type: 'CLICK', timestamp: ago(1) }, { cta: 'c-1', type: 'CLICK', timestamp: ago(3) }], adViews: [{ timestamp: ago(5) }] },
      { id: '900003', properties: { email: 'none@x.com' }, webinars: [], ctaEvents: [{ cta: 'c-1', type: 'CLICK', timestamp: ago(60) }], adViews: [] },
    ];
    const response = await fetch(`${h.emulator.url}/__emulator/contacts`, { method: 'POST', body: JSON.stringify({ contacts }) });
    assert.equal(response.status, 200);
  });
  after(async () => h.emulator.stop());

  async function members(name: string, where: string): Promise<string[]> {
    const { file } = parse(`list "${name}" {\n  where ${where}\n}\n`);
    const compiled = compileList(file.lists[0], { schema: defaultSchema(), listIdFor: () => undefined, defaultTimezone: 'UTC' });
    assert.ok(compiled.request, JSON.stringify(compiled.diagnostics));
    const { filterBranch, ...rest } = compiled.request;
    const created = await h.account.createList({ ...rest, filterBranch: filterBranch as unknown as Record<string, unknown> });
    return (await h.account.listMemberships(created.listId)).map((m) => m.recordId).filter((id) => id.startsWith('9000')).sort();
  }

  it('each phrase keeps the seeded contacts it says, and only them', async () => {
    const cases: [string, string[]][] = [
      ['registered for webinar #11', ['900001', '900002']],
      ['attended webinar #11', ['900002']],
      ['registered for any webinar and not attended any webinar', ['900001']],
      ['not registered for webinar #12', ['900001', '900003']],
      ['clicked cta "c-1" at least 2 times in last 7 days', ['900002']],
      ['clicked cta "c-1" in last 30 days', ['900002']],
      ['clicked cta "c-1"', ['900002', '900003']],
      ['viewed cta "c-1"', ['900001']],
      ['not clicked cta "c-1" in last 30 days', ['900001', '900003']],
      ['saw any ad in last 30 days', ['900002']],
      ['saw any ad in last 60 days', ['900001', '900002']],
    ];
    for (const [i, [where, want]] of cases.entries()) assert.deepEqual(await members(`Activity ${i}`, where), want, where);
  });
});
