// The contacts a live load ends with, before they become a store: either all fetched as records (a
// full fetch), or the cached snapshot with the modified contacts merged in (an incremental refresh).
// The merge never turns the cached contacts into records: at 1M contacts that took 20 s and 2.5 GB;
// rows are copied column by column instead (StoreBuilder.addRowOf).

import type { ColumnStore, IdColumn } from '../columns';
import type { ContactIdList } from '../../hubspot/account/contact-lists';
import { IdsBuilder, compareIds } from '../id-builder';
import type { RowExtras, StoreBuilder } from '../columns-build';
import { recordAt } from '../explain';
import type { ContactRecord } from '../types';

export type ContactSet =
  | { kind: 'records'; records: ContactRecord[] }
  | { kind: 'merge'; base: ColumnStore; modified: ContactRecord[] };

/** HubSpot record ids in numeric order (shorter first, then by text). */
export function byNumericId(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}


/**
 * Visits every contact in id order: a record, or a run of rows of the cached store that no modified
 * contact replaces. The cached store is in id order already (it was built this way).
 */
export function visitContacts(set: ContactSet, onRecord: (r: ContactRecord) => void, onCachedRun: (fromRow: number, count: number) => void): void {
  if (set.kind === 'records') {
    for (const r of [...set.records].sort(byNumericId)) onRecord(r);
    return;
  }
  const modified = [...set.modified].sort(byNumericId);
  let next = 0;
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) onCachedRun(runStart, end - runStart);
  };
  for (let row = 0; row < set.base.size; row++) {
    const id = set.base.ids.at(row);
    if (next >= modified.length || compareIds(modified[next].id, id) > 0) continue;
    flush(row);
    while (next < modified.length && compareIds(modified[next].id, id) < 0) onRecord(modified[next++]);
    if (next < modified.length && modified[next].id === id) {
      onRecord(modified[next++]);
      runStart = row + 1;
    } else {
      runStart = row;
    }
  }
  flush(set.base.size);
  while (next < modified.length) onRecord(modified[next++]);
}

/**
 * Every contact id, in id order. When no contact was modified (a full fetch) it is the store's own id
 * column (numbers, binary-searched): no string per contact is held while the extras are read.
 */
export function contactIds(set: ContactSet): ContactIdList {
  if (set.kind === 'merge' && set.modified.length === 0) return listOf(set.base.ids);
  const ids = new IdsBuilder();
  visitContacts(set, (r) => ids.push(r.id), (from, count) => ids.pushFrom((set as { base: ColumnStore }).base.ids, from, count));
  return listOf(ids.finish());
}

function listOf(ids: IdColumn): ContactIdList {
  return { length: ids.length, at: (i) => ids.at(i), indexOf: (id) => ids.rowOf(id) };
}

/** Adds every contact to the builder; `extrasOf` gives each its memberships, associated records and submissions. */
export function addContacts(set: ContactSet, builder: StoreBuilder, extrasOf: (id: string) => RowExtras): void {
  const base = set.kind === 'merge' ? set.base : undefined;
  // A snapshot written before a column changed kind cannot be copied: its rows go through records then.
  const copy = base !== undefined && builder.canCopyFrom(base);
  if (copy) builder.seedFrom(base);
  visitContacts(
    set,
    (r) => builder.add({ ...r, ...extrasOf(r.id) }),
    (from, count) => {
      if (copy) return builder.addRowsOf(base, from, count, (row) => extrasOf(base.ids.at(row)));
      for (let row = from; row < from + count; row++) {
        const id = base!.ids.at(row);
        builder.add({ id, properties: recordAt(base!, row).properties, ...extrasOf(id) });
      }
    },
  );
}
