// Benchmark step 4 (own process): the live source's incremental refresh at full size. 1,000 modified
// contacts (950 cached ones whose lifecycle stage, lead status and email moved on — new emails are
// strings no dictionary holds yet — and 50 new ones after the last id, fewer where the preview's
// limit leaves no room) are merged into the cached
// snapshot as the live source does it (patchStore: the columns patched in place), and, as the
// reference in the same run, by copying every row into a new store (the former way). Peak RSS
// during the patch is read from /proc (VmHWM, reset just before) against the RSS the loaded
// snapshot takes. Both stores are compared row by row and by the bench list's count. Prints one JSON line.

import { readFileSync, writeFileSync } from 'node:fs';
import { readSnapshot } from '../server/src/preview/snapshot';
import { StoreBuilder } from '../server/src/preview/columns-build';
import { patchStore } from '../server/src/preview/columns-patch';
import type { ColumnStore } from '../server/src/preview/columns';
import { CompiledEvaluator } from '../server/src/preview/compiled';
import { planList } from '../server/src/preview/plan';
import { recordAt } from '../server/src/preview/explain';
import { addContacts } from '../server/src/preview/hubspot/contact-set';
import type { ContactRecord } from '../server/src/preview/types';
import { BENCH_NOW, benchSchema, generateContact } from './data/contacts-generator';
import { benchList } from './data/bench-list';
import { dataFiles } from './data/bench-files';
import { argNumber } from './preview-args';
import { MAX_PREVIEW_CONTACTS } from '../server/src/preview/store-limits';

const MODIFIED = 1000;
const NEW_CONTACTS = 50;

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** VmRSS and VmHWM (peak since the last reset) in bytes; zeros where /proc is not there. */
function memory(): { rss: number; peak: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** Resets VmHWM to the current RSS (Linux: `5` to clear_refs); false where that is not possible. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function load(path: string): ColumnStore {
  const store = readSnapshot(path);
  if ('error' in store) throw new Error(store.error);
  return store;
}

/** New contacts, as many as the preview's limit leaves room for (none at exactly 10M). */
function newContacts(size: number): number {
  return Math.max(0, Math.min(NEW_CONTACTS, MAX_PREVIEW_CONTACTS - size));
}

/** Every k-th cached contact changed as a refresh usually finds them, and new contacts after the last. */
function modifications(base: ColumnStore, seed: number): ContactRecord[] {
  const changed = MODIFIED - newContacts(base.size);
  const step = Math.max(1, Math.floor(base.size / changed));
  const modified: ContactRecord[] = [];
  for (let row = 0; row < base.size && modified.length < changed; row += step) {
    const next = generateContact(seed + 1, row).properties;
    const properties = { ...recordAt(base, row).properties, lifecyclestage: next.lifecyclestage, hs_lead_status: next.hs_lead_status, email: next.email };
    modified.push({ id: base.ids.at(row), properties });
  }
  const lastId = Number(base.ids.at(base.size - 1));
  for (let k = 0; k < newContacts(base.size); k++) modified.push({ ...generateContact(seed + 2, k), id: String(lastId + 1 + k) });
  return modified;
}

/** Row values as text, multi-valued enumerations as sets (a store lists options in the order it first saw them). */
function rowText(store: ColumnStore, row: number): string {
  const { id, properties } = recordAt(store, row);
  return `${id} ${Object.entries(properties).map(([k, v]) => `${k}=${(v ?? '').split(';').sort().join(';')}`).sort().join(' ')}`;
}

function main(): void {
  const contacts = argNumber('--contacts', 1_000_000);
  const seed = argNumber('--seed', 7);
  const path = dataFiles(contacts, seed).snapshot;
  gc();
  const beforeLoad = memory().rss;
  const base = load(path);
  const defs = [...benchSchema().objects.contacts.values()].filter((d) => base.columns.has(d.name));
  const modified = modifications(base, seed);
  gc();
  const loaded = memory().rss;
  const peakReset = resetPeak();
  const [patched, patchMs] = timed(() => patchStore(base, modified, { defs }));
  const peak = memory().peak;
  if (!patched) throw new Error('the refresh was not patched');
  // The reference: the former way, every row copied into a new store, from the snapshot read again.
  const [copied, copyMs] = timed(() => {
    const b = new StoreBuilder(defs);
    addContacts({ kind: 'merge', base: load(path), modified }, b, () => ({}));
    return b.finish();
  });
  // Checked, not assumed: every modified row and every 1,000th row read the same, the list counts the same.
  const rows = [...modified.map((r) => copied.ids.rowOf(r.id)), ...Array.from({ length: Math.ceil(copied.size / 1000) }, (_, k) => k * 1000)];
  const plan = planList(benchList(), { schema: benchSchema(), now: BENCH_NOW });
  const count = (s: ColumnStore) => new CompiledEvaluator(s).evaluate(plan).count;
  const ok = patched.size === copied.size && rows.every((r) => rowText(patched, r) === rowText(copied, r)) && count(patched) === count(copied);
  const snapshotRss = loaded - beforeLoad;
  console.log(JSON.stringify({
    refresh_modified: modified.length, refresh_new: newContacts(base.size), refresh_ms: patchMs, refresh_copy_ms: copyMs, refresh_size: patched.size, refresh_ok: ok,
    refresh_snapshot_rss_mb: snapshotRss / 1e6, refresh_peak_growth_mb: peakReset ? Math.max(0, peak - loaded) / 1e6 : -1,
    refresh_rss_ratio: peakReset && snapshotRss > 0 ? (snapshotRss + Math.max(0, peak - loaded)) / snapshotRss : -1,
  }));
}

main();
