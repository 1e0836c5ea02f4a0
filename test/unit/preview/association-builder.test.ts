// AssociationBuilder keeps links flat, in the order added (columns-associations.ts): each contact's
// links must come out in the order given whether rows arrive in row order (every source today) or not,
// with the primary flags, labels and the rows whose associations were loaded.

import { strict as assert } from 'node:assert';
import { hasBit } from '../../../server/src/preview/bitset';
import { AssociationBuilder } from '../../../server/src/preview/columns-associations';
import { StoreBuilder } from '../../../server/src/preview/columns-build';
import type { CompanyRecord } from '../../../server/src/preview/types';

const company = (id: string, primary = false, labels: string[] = []): CompanyRecord => ({ id, properties: {}, labels, ...(primary ? { primary } : {}) });

/** Each row's links as (record id, primary, labels), read back from the index. */
function linksByRow(builder: AssociationBuilder, size: number) {
  const index = builder.finish(size);
  return {
    loaded: index.loaded ? Array.from({ length: size }, (_, r) => hasBit(index.loaded!, r)) : 'all',
    rows: Array.from({ length: size }, (_, r) => {
      const out: string[] = [];
      for (let k = index.offsets[r]; k < index.offsets[r + 1]; k++) out.push(`${index.records.ids.at(index.rows[k])}${index.primary[k] ? '*' : ''}${index.labels?.[k] ? `[${index.labels[k]}]` : ''}`);
      return out;
    }),
  };
}

describe('preview store: associated records as flat links', () => {
  const adds: Array<[number, CompanyRecord[]]> = [
    [0, [company('7', true), company('8', false, ['301'])]],
    [1, []],
    [2, [company('8', true)]],
    [4, [company('9'), company('7', false, ['301', '302'])]],
  ];
  const expected = { loaded: [true, true, true, false, true], rows: [['7*', '8[301]'], [], ['8*'], [], ['9', '7[301;302]']] };

  it('gives each contact its links in the order added, with primary flags, labels and the loaded rows', () => {
    const builder = new AssociationBuilder(() => new StoreBuilder([]));
    for (const [row, records] of adds) builder.add(row, records, true);
    assert.deepEqual(linksByRow(builder, 5), expected);
  });

  it('gives the same index when rows arrive out of order, a contact\'s links still in their given order', () => {
    const builder = new AssociationBuilder(() => new StoreBuilder([]));
    for (const [row, records] of [adds[3], adds[1], adds[0], adds[2]]) builder.add(row, records, true);
    const got = linksByRow(builder, 5);
    assert.deepEqual(got.loaded, expected.loaded);
    assert.deepEqual(got.rows, expected.rows);
  });

  it('says every row was loaded by leaving `loaded` out, and drops labels when a record did not say them', () => {
    const builder = new AssociationBuilder(() => new StoreBuilder([]));
    builder.add(0, [company('1')], true);
    builder.add(1, [company('1', true)], false);
    const index = builder.finish(2);
    assert.equal(index.loaded, undefined);
    assert.equal(index.labels, undefined);
    assert.deepEqual([...index.rows], [0, 0]);
    assert.deepEqual([...index.primary], [0, 1]);
  });

  it('gives every link its labels when all say the same, and when the first different one comes late', () => {
    const same = new AssociationBuilder(() => new StoreBuilder([]));
    for (let row = 0; row < 300; row++) same.add(row, [company(String(row % 7), false, ['301'])], true);
    assert.ok(same.finish(300).labels!.every((l) => l === '301'));
    const late = new AssociationBuilder(() => new StoreBuilder([]));
    for (let row = 0; row < 300; row++) late.add(row, [company(String(row), false, row === 299 ? ['5'] : [])], true);
    const labels = late.finish(300).labels!;
    assert.equal(labels.length, 300);
    assert.deepEqual([labels[0], labels[298], labels[299]], ['', '', '5']);
  });

  it('gives the same index whether the links were reserved exactly, too few or too many (a live fetch reserves what it read)', () => {
    for (const reserved of [5, 3, 300, 0]) {
      const builder = new AssociationBuilder(() => new StoreBuilder([]));
      builder.reserve(reserved);
      for (const [row, records] of adds) builder.add(row, records, true);
      const got = linksByRow(builder, 5);
      assert.deepEqual(got, expected, `${reserved} links reserved`);
    }
    const exact = new AssociationBuilder(() => new StoreBuilder([]));
    exact.reserve(5);
    for (const [row, records] of adds) exact.add(row, records, true);
    const index = exact.finish(5);
    assert.deepEqual([index.rows.length, index.primary.length, index.labels!.length], [5, 5, 5]);
  });

  it('reserves through the store builder only the objects named, each one the store then holds', () => {
    const builder = new StoreBuilder([]);
    builder.reserveExtras({ links: { companies: 2 } });
    builder.add({ id: '1', properties: {}, companies: [company('7', true), company('8')] });
    builder.add({ id: '2', properties: {}, companies: [] });
    const store = builder.finish();
    assert.deepEqual([...store.associations!.offsets], [0, 2, 2]);
    assert.equal(store.otherAssociations, undefined, 'no deals or tickets were reserved or added');
  });
});
