// The incremental refresh's patch (columns-patch.ts) on dictionaries large enough to have sorted
// orders (string-order.ts), where new values go into a small last part instead of a re-sort; the
// cases where the patch declines and the copy path takes over; parts split before V8's string limit.

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStore } from '../../../server/src/preview/columns-build';
import { hasBit } from '../../../server/src/preview/bitset';
import { patchStore } from '../../../server/src/preview/columns-patch';
import { RELIEF_CONTACTS, relievedEvery } from '../../../server/src/preview/hubspot/extras';
import type { ColumnStore, NumberColumn, StringColumn } from '../../../server/src/preview/columns';
import { CompiledEvaluator } from '../../../server/src/preview/compiled';
import { planList } from '../../../server/src/preview/plan';
import { readSnapshot, writeSnapshot } from '../../../server/src/preview/snapshot';
import { appendEntries, dictEntries, dictFromEntries, findEntry, indexDict, lowerDict } from '../../../server/src/preview/string-dict';
import { ORDER_MIN_ENTRIES } from '../../../server/src/preview/string-order';
import type { ContactRecord } from '../../../server/src/preview/types';
import { listOf, testSchema } from './lists';

const schema = testSchema();
const defs = [...schema.objects.contacts.values()];

function contact(i: number, email: string | null = `person${i}@example.com`): ContactRecord {
  return { id: String(1000 + i * 2), properties: { email, country: i % 3 ? 'Poland' : 'Spain', num_employees: String(i % 50) } };
}

function count(store: ColumnStore, where: string): number {
  return new CompiledEvaluator(store).evaluate(planList(listOf(where), { schema, now: Date.now() })).count;
}

const LISTS = ['email is "new7@fresh.org"', 'email ends with "@fresh.org"', 'email starts with "person12"', 'email contains "son4"', 'email is known', 'country is "Poland"', 'num_employees >= 25'];

describe('preview store: patching a refresh into a large store', () => {
  const base = Array.from({ length: ORDER_MIN_ENTRIES + 500 }, (_, i) => contact(i));

  it('keeps the large dictionary part (and its orders) and answers as a store built afresh', () => {
    const store = buildStore(base, defs);
    const bigPart = (store.columns.get('email') as StringColumn).dict.parts[0];
    const modified = [
      ...Array.from({ length: 20 }, (_, k) => ({ ...contact(k * 100, `new${k}@fresh.org`) })),
      { ...contact(5, null) },
      contact(base.length + 3, 'new7@fresh.org'),
    ];
    const patched = patchStore(store, modified, { defs });
    assert.ok(patched);
    const dict = (patched.columns.get('email') as StringColumn).dict;
    assert.equal(dict.parts[0], bigPart, 'the large part is the same object: nothing joined or sorted again');
    assert.ok(dict.parts.length >= 2);
    const merged = base.map((c) => modified.find((m) => m.id === c.id) ?? c).concat(modified.filter((m) => !base.some((c) => c.id === m.id)));
    const fresh = buildStore(merged, defs);
    for (const where of LISTS) assert.equal(count(patched, where), count(fresh, where), where);
    assert.equal(count(patched, 'email is "new7@fresh.org"'), 2);
  });

  it('goes on patching after a snapshot of the patched store is read back, while the new part grows past the order threshold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hslist-patch-'));
    try {
      let store = buildStore(base, defs);
      let merged = base;
      for (let round = 0; round < 3; round++) {
        const modified = Array.from({ length: 2000 }, (_, k) => contact(k * 2 + round, `r${round}-${k}@fresh.org`));
        const patched = patchStore(store, modified, { defs });
        assert.ok(patched, `round ${round}`);
        writeSnapshot(patched, join(dir, 's.snap'));
        const read = readSnapshot(join(dir, 's.snap'));
        assert.ok(!('error' in read));
        store = read;
        merged = merged.map((c) => modified.find((m) => m.id === c.id) ?? c);
        const fresh = buildStore(merged, defs);
        for (const where of [...LISTS, `email starts with "r${round}-19"`, 'email ends with "99@fresh.org"']) assert.equal(count(store, where), count(fresh, where), `round ${round}: ${where}`);
      }
      const dict = (store.columns.get('email') as StringColumn).dict;
      assert.ok(lowerDict(dict).slice(1).some((p) => p.orders), 'a new part that grew large got its own orders');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('appends new contacts into the room a snapshot leaves behind its large arrays, without copying them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hslist-patch-'));
    try {
      const many = Array.from({ length: 70_000 }, (_, i) => contact(i, i % 7 ? `p${i}@x.org` : null));
      writeSnapshot(buildStore(many, defs), join(dir, 's.snap'));
      const read = readSnapshot(join(dir, 's.snap'));
      assert.ok(!('error' in read));
      const numbers = read.columns.get('num_employees') as NumberColumn;
      const added = [contact(70_001), { id: String(1000 + 70_003 * 2), properties: { email: 'late@fresh.org' } }];
      const patched = patchStore(read, added, { defs });
      assert.ok(patched);
      const grown = patched.columns.get('num_employees') as NumberColumn;
      assert.equal(grown.values.buffer, numbers.values.buffer, 'the same buffer, a longer view');
      assert.equal(grown.values.length, 70_002);
      const fresh = buildStore([...many, ...added], defs);
      for (const where of [...LISTS, 'num_employees is unknown', 'num_employees < 1', 'email is "late@fresh.org"']) assert.equal(count(patched, where), count(fresh, where), where);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('declines (and leaves the store untouched) for a new contact whose id sorts between cached ones, a contact given twice, or a missing column', () => {
    const store = buildStore(base.slice(0, 10), defs);
    const before = (store.columns.get('email') as StringColumn).codes.slice();
    assert.equal(patchStore(store, [{ id: '1001', properties: { email: 'between@x.org' } }], { defs }), undefined);
    assert.equal(patchStore(store, [contact(1, 'a@x.org'), contact(1, 'b@x.org')], { defs }), undefined);
    const narrow = buildStore(base.slice(0, 10), defs.filter((d) => d.name !== 'country'));
    assert.equal(patchStore(narrow, [contact(1, 'a@x.org')], { defs }), undefined);
    assert.deepEqual((store.columns.get('email') as StringColumn).codes, before);
  });
});

describe('string dictionary: parts', () => {
  it('splits a dictionary into parts below the longest string V8 allows, codes unchanged', () => {
    const entries = ['', ...Array.from({ length: 1000 }, (_, i) => `entry-${i}`)];
    const d = dictFromEntries(entries, 2000);
    assert.ok(d.parts.length > 4);
    assert.ok(d.parts.every((p) => p.text.length <= 2000));
    assert.deepEqual(dictEntries(d), entries);
    indexDict(d);
    assert.equal(findEntry(d, 'entry-777'), 778);
  });

  it('finds every entry exactly among others that differ in case or begin with it, in every sorted part', () => {
    const stems = Array.from({ length: 3000 }, (_, i) => `s${(i * 7919) % 3000}`);
    // Each stem as itself, in upper case, and as the start of two longer entries: equal lower-cased forms sit side by side in the sorted order.
    const entries = ['', ...stems.flatMap((s) => [s, s.toUpperCase(), `${s}x`, `${s}.y`])];
    const d = dictFromEntries(entries, 40000);
    indexDict(d);
    assert.ok(d.parts.length >= 2 && lowerDict(d).every((p) => p.orders), 'several parts, each sorted');
    entries.forEach((entry, code) => code > 0 && assert.equal(findEntry(d, entry), code, entry));
    for (const absent of ['s1y', 'S', 's15000', 'sX']) assert.equal(findEntry(d, absent), -1, absent);
  });

  it('appends entries after the existing codes and finds them', () => {
    const d = dictFromEntries(['', 'a', 'B']);
    const more = appendEntries(d, ['Ć', 'd']);
    assert.deepEqual(dictEntries(more), ['', 'a', 'B', 'Ć', 'd']);
    assert.equal(findEntry(more, 'Ć'), 3);
    assert.deepEqual(dictEntries(lowerDict(more)), ['', 'a', 'b', 'ć', 'd']);
  });
});

describe('preview store: patching with heap relief', () => {
  it('asks for relief every RELIEF_CONTACTS contacts while the extras are added, and adds every row\'s extras', () => {
    const contacts = Array.from({ length: 70_000 }, (_, i) => ({ id: String(i + 1), properties: { country: 'Poland' } }));
    const store = buildStore(contacts, defs);
    const reliefAt: number[] = [];
    let rowsSeen = 0;
    const extrasOf = relievedEvery(RELIEF_CONTACTS, () => (rowsSeen++, { listMemberships: ['7'] }), () => reliefAt.push(rowsSeen));
    const patched = patchStore(store, [], { defs, extrasOf });
    assert.ok(patched);
    assert.equal(RELIEF_CONTACTS, 65_536);
    assert.deepEqual(reliefAt, [65_535], 'before the 65,536th contact\'s extras are made');
    const members = patched.memberships?.get('7');
    assert.ok(members && [0, 65_535, 65_536, 69_999].every((row) => hasBit(members, row)), 'every row\'s extras were added');
  });

  it('passes the extras through as they are, and is the function itself without relief', () => {
    const double = (n: number) => n * 2;
    assert.equal(relievedEvery(3, double, undefined), double);
    let reliefs = 0;
    const relieved = relievedEvery(3, double, () => reliefs++);
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(relieved), [2, 4, 6, 8, 10, 12, 14]);
    assert.equal(reliefs, 2);
  });
});
