// Benchmark step 4 (own process): the live source's incremental refresh at full size. The cached
// snapshot is merged with 1,000 modified contacts (two properties changed each) into a new store, by copying the unchanged rows
// column by column (what the source does), and, as the reference in the same run, by turning every
// cached row into a record and adding it again (what it did before). Prints one JSON line.

import { readSnapshot } from '../server/src/preview/snapshot';
import { StoreBuilder, buildStore } from '../server/src/preview/columns-build';
import { recordAt } from '../server/src/preview/explain';
import { addContacts, type ContactSet } from '../server/src/preview/hubspot/contact-set';
import type { ContactRecord } from '../server/src/preview/types';
import { benchSchema, generateContact } from './data/contacts-generator';
import { dataFiles } from './data/bench-files';
import { argNumber } from './preview-args';

const MODIFIED = 1000;

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** Equal values; multi-valued enumerations as sets (a store lists options in the order it first saw them). */
function same(a: Record<string, string | null | undefined>, b: Record<string, string | null | undefined>): boolean {
  const norm = (v: string | null | undefined) => (v ?? '').split(';').sort().join(';');
  return Object.keys({ ...a, ...b }).every((k) => norm(a[k]) === norm(b[k]));
}

function main(): void {
  const contacts = argNumber('--contacts', 1_000_000);
  const seed = argNumber('--seed', 7);
  const base = readSnapshot(dataFiles(contacts, seed).snapshot);
  if ('error' in base) throw new Error(base.error);
  const defs = [...benchSchema().objects.contacts.values()].filter((d) => base.columns.has(d.name));
  // Every k-th contact changed as a refresh usually finds them: two properties moved on (their new
  // values are the generator's for another seed), the rest as cached.
  const step = Math.max(1, Math.floor(base.size / MODIFIED));
  const modified: ContactRecord[] = [];
  for (let row = 0; row < base.size && modified.length < MODIFIED; row += step) {
    const next = generateContact(seed + 1, row).properties;
    const properties = { ...recordAt(base, row).properties, lifecyclestage: next.lifecyclestage, hs_lead_status: next.hs_lead_status };
    modified.push({ id: base.ids.at(row), properties });
  }
  const set: ContactSet = { kind: 'merge', base, modified };
  const [merged, copyMs] = timed(() => {
    const b = new StoreBuilder(defs);
    addContacts(set, b, () => ({}));
    return b.finish();
  });
  const [, recordsMs] = timed(() => {
    const b = new StoreBuilder(defs);
    const byId = new Map(modified.map((r) => [r.id, r]));
    for (let row = 0; row < base.size; row++) b.add(byId.get(base.ids.at(row)) ?? { id: base.ids.at(row), properties: recordAt(base, row).properties });
    return b.finish();
  });
  // Checked, not assumed: a modified contact reads as its new record, an unchanged one as before.
  const probe = modified[1];
  const expected = recordAt(buildStore([probe], defs), 0).properties;
  const unchangedRow = merged.ids.rowOf(probe.id) + 1;
  const ok = merged.size === base.size
    && same(recordAt(merged, merged.ids.rowOf(probe.id)).properties, expected)
    && same(recordAt(merged, unchangedRow).properties, recordAt(base, unchangedRow).properties);
  console.log(JSON.stringify({ refresh_modified: modified.length, refresh_copy_ms: copyMs, refresh_records_ms: recordsMs, refresh_size: merged.size, refresh_ok: ok }));
}

main();
