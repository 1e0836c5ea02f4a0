// An incremental refresh patches the cached store in place (columns-patch.ts). Whatever the cached
// contacts and the modifications — changed values, values no contact had before, properties becoming
// empty, new contacts, several refreshes in a row, a snapshot written and read between them — the
// patched store must answer every list exactly as a store built afresh from the merged records, and
// hold the same values row by row. History (kept beside the store by id) must judge the same rows.

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildStore } from '../../server/src/preview/columns-build';
import { patchStore } from '../../server/src/preview/columns-patch';
import type { ColumnStore } from '../../server/src/preview/columns';
import { CompiledEvaluator } from '../../server/src/preview/compiled';
import { recordAt } from '../../server/src/preview/explain';
import { resolveHistoryFilters } from '../../server/src/preview/hubspot/history-overlay';
import type { HistoryById } from '../../server/src/preview/hubspot/cache-files';
import { planList } from '../../server/src/preview/plan';
import { readSnapshot, writeSnapshot } from '../../server/src/preview/snapshot';
import type { ContactRecord } from '../../server/src/preview/types';
import { listOf, testSchema } from '../unit/preview/lists';

const schema = testSchema();
const defs = [...schema.objects.contacts.values()];
const NOW = Date.parse('2024-06-15T12:00:00Z');

/** Values from small pools (so lists match some contacts), unknowns of every spelling, and new text. */
const VALUES: Record<string, fc.Arbitrary<string | null | undefined>> = {
  email: fc.oneof(fc.constantFrom('anna@example.com', 'JAN@Example.com', 'ewa@test.pl', 'śląsk@przykład.pl'), fc.stringMatching(/^[a-zżł]{1,6}@(example\.com|x\.org)$/)),
  country: fc.oneof(fc.constantFrom('Poland', 'poland', 'Spain', 'Deutschland', 'Österreich', 'İstanbul'), fc.string({ maxLength: 5 })),
  jobtitle: fc.oneof(fc.constantFrom('Head of Sales', 'CTO', 'sales director'), fc.stringMatching(/^[A-Za-z ]{1,8}$/)),
  lifecyclestage: fc.constantFrom('lead', 'customer', 'salesqualifiedlead', 'other_stage'),
  hs_tags: fc.constantFrom('a', 'b;c', 'a;b;c', 'c;z', ';'),
  num_employees: fc.oneof(fc.integer({ min: -5, max: 500 }).map(String), fc.constantFrom('lots', '1e3', '12.5')),
  annualrevenue: fc.integer({ min: 0, max: 2_000_000 }).map(String),
  createdate: fc.oneof(fc.integer({ min: -60, max: 60 }).map((d) => new Date(NOW + d * 86_400_000).toISOString()), fc.constant('1700000000000'), fc.constant('not a date')),
  closedate: fc.integer({ min: -60, max: 60 }).map((d) => new Date(NOW + d * 86_400_000).toISOString().slice(0, 10)),
  notes_last_contacted: fc.integer({ min: -60, max: 60 }).map((d) => String(NOW + d * 86_400_000)),
  is_vip: fc.constantFrom('true', 'false', 'TRUE', 'maybe'),
};

const valueArb = (name: string) => fc.oneof({ weight: 4, arbitrary: VALUES[name] }, { weight: 1, arbitrary: fc.constantFrom(null, undefined, '') });

const propertiesArb = fc.record(Object.fromEntries(defs.map((d) => [d.name, valueArb(d.name)])) as Record<string, fc.Arbitrary<string | null | undefined>>);

/** Cached contacts with ascending ids (gaps between them), as the live source keeps them. */
const baseArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), propertiesArb), { minLength: 0, maxLength: 40 }).map((rows) => {
  let id = 100;
  return rows.map(([gap, properties]): ContactRecord => ({ id: String((id += gap)), properties }));
});

/** One refresh: some cached contacts changed (each at most once), some new ones (ids after the cached). */
function refreshArb(ids: string[]): fc.Arbitrary<ContactRecord[]> {
  const changed = fc.shuffledSubarray(ids).chain((picked) => fc.tuple(...picked.map((id) => propertiesArb.map((properties) => ({ id, properties })))));
  const added = fc.array(propertiesArb, { maxLength: 5 });
  // In any order: the search returns contacts by modification time, not by id.
  return fc.tuple(changed, added, fc.nat()).map(([c, a, cut]) => {
    const last = Math.max(100, ...ids.map(Number));
    const news = a.map((properties, k) => ({ id: String(last + 1 + k * 2), properties })).reverse();
    const at = c.length === 0 ? 0 : cut % (c.length + 1);
    return [...c.slice(0, at), ...news, ...c.slice(at)];
  });
}

/** The merged contacts as the copy path sees them: each modified record replaces its id, the rest appended. */
function merged(base: ContactRecord[], modified: ContactRecord[]): ContactRecord[] {
  const byId = new Map(modified.map((r) => [r.id, r]));
  const out = base.map((r) => byId.get(r.id) ?? r);
  const known = new Set(base.map((r) => r.id));
  return [...out, ...modified.filter((r) => !known.has(r.id))].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Every operator family on every column, with values the generators use (and some no contact has). */
const CLAUSES = [
  'email is known', 'email is unknown', 'email is "anna@example.com"', 'email ends with "@example.com"', 'email starts with "j"',
  'email contains "ą"', 'email is none of ("ewa@test.pl", "anna@example.com")', 'email contains exactly "test"',
  'country is any of ("Poland", "spain")', 'country is not "Poland"', 'country contains "ö"', 'country starts with "i̇"', 'jobtitle contains any of ("sales", "head")',
  'lifecyclestage is any of (lead, customer)', 'lifecyclestage is none of (lead)', 'lifecyclestage is known',
  'hs_tags contains any of (a, c)', 'hs_tags is exactly (b, c)', 'hs_tags contains all of (a, b)', 'hs_tags is unknown',
  'num_employees >= 100', 'num_employees < 0', 'num_employees is unknown', 'annualrevenue > 1000000',
  'createdate is after 2024-06-01', 'createdate is less than 10 days ago', 'closedate is before 2024-06-20', 'notes_last_contacted is known',
  'is_vip is true', 'is_vip is not true', 'is_vip is unknown',
  'country has ever been "Poland"', 'email has never been "anna@example.com"',
];

function answers(store: ColumnStore, history: HistoryById): string[] {
  return CLAUSES.map((where) => {
    const resolved = resolveHistoryFilters(planList(listOf(where), { schema, now: NOW }), store, history);
    const { lo, hi } = new CompiledEvaluator(resolved.store).rows(resolved.plan);
    const ids = (bits: Uint32Array) => Array.from({ length: store.size }, (_, r) => r).filter((r) => (bits[r >>> 5] & (1 << (r & 31))) !== 0).map((r) => store.ids.at(r));
    return `${where}: in ${ids(lo).join(',')} | maybe ${ids(hi).join(',')}`;
  });
}

/** Multi-valued enumerations as sets: a store lists options in the order it first saw them. */
function rows(store: ColumnStore): string[] {
  return Array.from({ length: store.size }, (_, r) => {
    const { id, properties } = recordAt(store, r);
    const values = Object.entries(properties).map(([k, v]) => `${k}=${v === null || v === undefined ? '' : v.split(';').sort().join(';')}`);
    return `${id}: ${values.sort().join(' ')}`;
  });
}

/** History for every contact: the same for both stores, found by id. */
function historyOf(contacts: ContactRecord[]): HistoryById {
  return new Map(contacts.map((c, k) => [c.id, {
    country: k % 3 === 0 ? [{ value: 'Poland', timestamp: NOW - 86_400_000 }] : [],
    email: k % 4 === 0 ? [{ value: 'anna@example.com', timestamp: NOW - 3_600_000 }] : [],
  }]));
}

function roundTrip(store: ColumnStore, dir: string): ColumnStore {
  const path = join(dir, 'contacts.snap');
  writeSnapshot(store, path);
  const read = readSnapshot(path);
  if ('error' in read) throw new Error(read.error);
  return read;
}

describe('incremental refresh: the patched store answers as a fresh one (property-based)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'hslist-patch-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('every list over every column kind, row values and history judge the same after two refreshes, a snapshot between them', () => {
    const scenario = baseArb.chain((base) => fc.tuple(fc.constant(base), refreshArb(base.map((r) => r.id))).chain(([b, first]) => {
      const afterFirst = merged(b, first);
      return fc.tuple(fc.constant(b), fc.constant(first), refreshArb(afterFirst.map((r) => r.id)), fc.boolean());
    }));
    fc.assert(
      fc.property(scenario, ([base, first, second, throughSnapshot]) => {
        let store = buildStore(base, defs);
        let contacts = base;
        for (const [k, modified] of [first, second].entries()) {
          contacts = merged(contacts, modified);
          const patched = patchStore(k === 1 && throughSnapshot ? roundTrip(store, dir) : store, modified, { defs });
          assert.ok(patched, 'a refresh of known and appended contacts is patched');
          store = patched;
          const fresh = buildStore(contacts, defs);
          assert.deepEqual(rows(store), rows(fresh));
          const history = historyOf(contacts);
          assert.deepEqual(answers(store, history), answers(fresh, history));
        }
      }),
      { numRuns: 150 },
    );
  });
});
