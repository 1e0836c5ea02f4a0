// StoreBuilder.addRowOf (the live source's incremental refresh copies unchanged contacts column by
// column) must give exactly the store that re-adding the same contacts as records gives.

import { strict as assert } from 'node:assert';
import { hasBit } from '../../../server/src/preview/bitset';
import { StoreBuilder, buildStore } from '../../../server/src/preview/columns-build';
import { recordAt } from '../../../server/src/preview/explain';
import type { ContactRecord } from '../../../server/src/preview/types';
import { addContacts, contactIds } from '../../../server/src/preview/hubspot/contact-set';
import { dictEntry, dictFromEntries, findEntry, indexDict, lowerDict } from '../../../server/src/preview/string-dict';
import { testSchema } from './lists';

const schema = testSchema();
const defs = [...schema.objects.contacts.values()];

function contacts(n: number): ContactRecord[] {
  const pick = <T>(i: number, values: T[]): T => values[i % values.length];
  return Array.from({ length: n }, (_, i) => ({
    id: String(i * 3 + 1),
    properties: {
      email: pick(i, [`p${i}@x.org`, null, 'ŚLĄSK@example.pl', '']),
      country: pick(i, ['Poland', 'Spain', null]),
      lifecyclestage: pick(i, ['lead', 'customer', null, 'lead;customer']),
      hs_tags: pick(i, ['a;b', '', 'c', null]),
      num_employees: pick(i, ['12', '0', null, 'lots']),
      createdate: pick(i, ['2024-03-01T10:15:00Z', null, '1700000000000']),
      closedate: pick(i, ['2024-03-01', null]),
      is_vip: pick(i, ['true', 'false', null, 'maybe']),
    },
  }));
}

describe('preview store: copying rows from another store', () => {
  it('gives every row the same values as adding the records again, across all column kinds', () => {
    const records = contacts(500);
    const source = buildStore(records, defs);
    const copy = new StoreBuilder(defs);
    assert.equal(copy.canCopyFrom(source), true);
    for (let r = 0; r < source.size; r++) copy.addRowOf(source, r);
    const copied = copy.finish();
    assert.equal(copied.size, source.size);
    for (let r = 0; r < source.size; r++) assert.deepEqual(recordAt(copied, r), recordAt(source, r), `row ${r}`);
  });

  it('mixes copied rows with new records (a refresh replacing one contact) and keeps order', () => {
    const records = contacts(50);
    const source = buildStore(records, defs);
    const changed: ContactRecord = { id: '4', properties: { email: 'new@x.org', country: 'Germany', lifecyclestage: 'customer' } };
    const b = new StoreBuilder(defs);
    for (let r = 0; r < source.size; r++) {
      if (source.ids.at(r) === '4') b.add(changed);
      else b.addRowOf(source, r, { listMemberships: r % 2 ? ['77'] : [] });
    }
    const store = b.finish();
    const row = store.ids.rowOf('4');
    assert.equal(recordAt(store, row).properties.email, 'new@x.org');
    assert.equal(recordAt(store, row).properties.country, 'Germany');
    assert.deepEqual(recordAt(store, 0).properties, recordAt(source, 0).properties);
    const members = store.memberships?.get('77');
    assert.ok(members);
    // Row 1 is the replaced contact (added as a record, without memberships); rows 0 and 2 have none.
    assert.deepEqual([0, 1, 2, 3].map((r) => hasBit(members, r)), [false, false, false, true]);
  });

  it('refuses a store that lacks a column or holds it as another kind', () => {
    const narrow = buildStore(contacts(5), defs.filter((d) => d.name !== 'country'));
    assert.equal(new StoreBuilder(defs).canCopyFrom(narrow), false);
  });

  it('merges a cached store with modified contacts (new ids before, between and after; replaced ones) like a rebuild from records', () => {
    const cached = contacts(40); // ids 1, 4, 7, …, 118
    const base = buildStore(cached, defs);
    const modified: ContactRecord[] = [
      { id: '500', properties: { email: 'last@x.org', country: 'Spain' } },
      { id: '2', properties: { email: 'between@x.org', lifecyclestage: 'customer;lead' } },
      { id: '0', properties: { email: 'first@x.org' } },
      { id: '7', properties: { email: 'ŚLĄSK-NEW@x.org', num_employees: '9' } },
      { id: '118', properties: { country: null } },
    ];
    const builder = new StoreBuilder(defs);
    addContacts({ kind: 'merge', base, modified }, builder, (id) => ({ listMemberships: id === '4' ? ['9'] : [] }));
    const merged = builder.finish();
    const byId = new Map([...cached, ...modified].map((r) => [r.id, r]));
    const expected = buildStore([...byId.values()].sort((a, b) => Number(a.id) - Number(b.id)), defs);
    assert.deepEqual(Array.from({ length: merged.size }, (_, r) => merged.ids.at(r)), Array.from({ length: expected.size }, (_, r) => expected.ids.at(r)));
    for (let r = 0; r < merged.size; r++) assert.deepEqual(recordAt(merged, r).properties, recordAt(expected, r).properties, `row ${r} (id ${merged.ids.at(r)})`);
    const ids = contactIds({ kind: 'merge', base, modified });
    assert.deepEqual(Array.from({ length: ids.length }, (_, i) => ids.at(i)), Array.from({ length: expected.size }, (_, r) => expected.ids.at(r)));
    assert.deepEqual(['118', '0', '4', '999'].map((id) => ids.indexOf(id)), ['118', '0', '4', '999'].map((id) => expected.ids.rowOf(id)));
    assert.ok(hasBit(merged.memberships!.get('9')!, merged.ids.rowOf('4')));
  });

  it('a refresh whose values are all known already keeps the cached dictionaries as they are', () => {
    const base = buildStore(contacts(30), defs);
    const modified: ContactRecord[] = [{ id: '4', properties: { email: 'p0@x.org', country: 'Spain' } }];
    const builder = new StoreBuilder(defs);
    addContacts({ kind: 'merge', base, modified }, builder, () => ({}));
    const merged = builder.finish();
    const column = (store: typeof base, name: string) => store.columns.get(name) as { dict: unknown };
    assert.equal(column(merged, 'country').dict, column(base, 'country').dict, 'no new country: the same dictionary');
    assert.equal(recordAt(merged, merged.ids.rowOf('4')).properties.email, 'p0@x.org');
    const grown = new StoreBuilder(defs);
    addContacts({ kind: 'merge', base, modified: [{ id: '4', properties: { country: 'Norway' } }] }, grown, () => ({}));
    assert.notEqual(column(grown.finish(), 'country').dict, column(base, 'country').dict, 'a new country: a new dictionary');
  });
});

describe('string dictionary: finding an entry exactly', () => {
  it('in a large dictionary (sorted orders) tells case variants apart and misses absent values', () => {
    const entries = ['', ...Array.from({ length: 6000 }, (_, i) => `user${i}@example.org`), 'Mixed@Case.org', 'mixed@case.org', 'Śląsk', 'śląsk'];
    const dict = dictFromEntries(entries);
    indexDict(dict);
    assert.ok(lowerDict(dict).some((p) => p.orders), 'the large part has orders');
    for (const value of ['user0@example.org', 'user5999@example.org', 'Mixed@Case.org', 'mixed@case.org', 'Śląsk', 'śląsk']) {
      assert.equal(dictEntry(dict, findEntry(dict, value)), value, value);
    }
    assert.equal(findEntry(dict, 'MIXED@CASE.ORG'), -1);
    assert.equal(findEntry(dict, 'user6000@example.org'), -1);
  });
});
