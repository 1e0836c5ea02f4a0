// The full fetch appends pages to columns as they arrive (fetch-contacts.ts). HubSpot pages contacts
// by id, but nothing promises it: pages out of id order still give a store in id order. The account
// here is an in-process stand-in serving fixed pages (the emulator's own pages are in id order; the
// live-source contract tests cover those).

import { strict as assert } from 'node:assert';
import type { CrmRecordData, HubSpotAccount } from '../../../server/src/hubspot/account/types';
import { defaultSchema } from '../../../server/src/language/schema';
import { recordAt } from '../../../server/src/preview/explain';
import { fetchAllContacts } from '../../../server/src/preview/hubspot/fetch-contacts';

function accountServing(pages: CrmRecordData[][], count: number | undefined = pages.flat().length): HubSpotAccount {
  const account: Pick<HubSpotAccount, 'countContacts' | 'pageContacts'> = {
    countContacts: async () => count,
    pageContacts: async function* () {
      yield* pages;
    },
  };
  return account as HubSpotAccount;
}

const contact = (id: string, email: string, annualrevenue: string | null, lead: string): CrmRecordData => ({
  id, properties: { email, annualrevenue }, updatedAt: `2025-0${id.length}-01T00:00:00Z`,
  history: { hs_lead_status: [{ value: lead, timestamp: '2024-01-01T00:00:00Z' }] },
});

describe('preview: a full fetch\'s pages into columns', () => {
  const schema = defaultSchema();
  const defs = ['email', 'annualrevenue'].map((p) => schema.objects.contacts.get(p)!);

  it('keeps the store in id order (numeric: 9 before 10) when pages come out of order, with history and the newest modification', async () => {
    const pages = [[contact('10', 'ten@x.com', '100', 'NEW'), contact('9', 'nine@x.com', null, 'OPEN')], [contact('100', 'hundred@x.com', '7.5', 'NEW'), contact('2', 'two@x.com', '3', 'OPEN')]];
    const fetched = await fetchAllContacts({ account: accountServing(pages) }, defs, ['hs_lead_status']);
    assert.deepEqual(Array.from({ length: fetched.store.size }, (_, row) => fetched.store.ids.at(row)), ['2', '9', '10', '100']);
    const rows = Array.from({ length: fetched.store.size }, (_, row) => recordAt(fetched.store, row).properties);
    assert.deepEqual(rows.map((p) => p.email), ['two@x.com', 'nine@x.com', 'ten@x.com', 'hundred@x.com']);
    assert.deepEqual(rows.map((p) => p.annualrevenue), ['3', null, '100', '7.5']);
    assert.deepEqual(fetched.history?.get('9'), { hs_lead_status: [{ value: 'OPEN', timestamp: Date.parse('2024-01-01T00:00:00Z') }] });
    assert.equal(fetched.newestModified, Date.parse('2025-03-01T00:00:00Z'));
  });

  it('gives the same store whether HubSpot\'s count was right, too high (contacts deleted meanwhile), too low (added) or missing', async () => {
    // The count sizes the columns up front (issue 15: no doubling copies); every column kind is read back.
    const all = [...schema.objects.contacts.values()].filter((d) => ['email', 'annualrevenue', 'lifecyclestage', 'is_vip', 'createdate'].includes(d.name));
    const record = (i: number): CrmRecordData => ({ id: String(i + 1), properties: { email: `c${i}@x.com`, annualrevenue: i % 3 ? String(i * 10) : null, lifecyclestage: ['lead', 'customer', null][i % 3], is_vip: i % 2 ? 'true' : null, createdate: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z` } });
    const pages = [Array.from({ length: 700 }, (_, i) => record(i)), Array.from({ length: 1400 }, (_, i) => record(700 + i))];
    const read = async (count: number | undefined) => {
      const { store } = await fetchAllContacts({ account: accountServing(pages, count) }, all, []);
      // No column keeps the room reserved for contacts that never came.
      for (const col of store.columns.values()) {
        const rows = col.kind === 'string' ? col.codes : col.kind === 'number' || col.kind === 'date' ? col.values : col.kind === 'enumeration' ? col.counts : undefined;
        if (rows) assert.equal(rows.length, store.size, `${col.name} with count ${count}`);
      }
      return Array.from({ length: store.size }, (_, row) => recordAt(store, row));
    };
    // Without a count the columns grow by doubling, as any source's do: the reference.
    const expected = await read(undefined);
    assert.deepEqual(expected.map((r) => r.properties.email), pages.flat().map((r) => r.properties.email));
    assert.equal(expected[1].properties.lifecyclestage, 'customer');
    for (const count of [2100, 5000, 3]) assert.deepEqual(await read(count), expected, `count ${count}`);
  });

  it('keeps history newest first however it came, drops entries without a readable time, and keeps ties in the order given', async () => {
    const at = (day: number) => `2024-01-${String(day).padStart(2, '0')}T00:00:00Z`;
    const mixed: CrmRecordData = {
      id: '1', properties: { email: 'a@x.com' },
      history: { hs_lead_status: [{ value: 'B', timestamp: at(2) }, { value: 'late', timestamp: at(9) }, { value: 'bad', timestamp: 'yesterday' }, { value: 'C', timestamp: at(2) }, { value: 'A', timestamp: at(1) }] },
    };
    const ordered: CrmRecordData = { id: '2', properties: { email: 'b@x.com' }, history: { hs_lead_status: [{ value: 'new', timestamp: at(5) }, { value: 'old', timestamp: at(3) }] } };
    const fetched = await fetchAllContacts({ account: accountServing([[mixed, ordered]]) }, defs, ['hs_lead_status']);
    const values = (id: string) => fetched.history?.get(id)?.hs_lead_status.map((e) => `${e.value}@${new Date(e.timestamp).getUTCDate()}`);
    assert.deepEqual(values('1'), ['late@9', 'B@2', 'C@2', 'A@1']);
    assert.deepEqual(values('2'), ['new@5', 'old@3']);
  });

  it('gives no history when none was asked for', async () => {
    const fetched = await fetchAllContacts({ account: accountServing([[contact('1', 'a@x.com', '1', 'NEW')]]) }, defs, []);
    assert.equal(fetched.history, undefined);
    assert.equal(fetched.store.size, 1);
  });
});
