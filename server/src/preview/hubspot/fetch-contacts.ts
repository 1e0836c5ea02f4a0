// Contacts from the portal: all of them (the SDK's paging, with history when a list needs it), each
// page appended to columns as it arrives (a full fetch never holds the portal's contacts as objects:
// at 100k contacts that was most of the fetch's memory), or only the ones modified since the last
// fetch (search), as records merged into the cached snapshot.

import type { CrmRecordData, HubSpotAccount } from '../../hubspot/account/types';
import type { PropertyDef } from '../../language/schema-types';
import type { ColumnStore } from '../columns';
import { StoreBuilder } from '../columns-build';
import type { ContactRecord, HistoryEntry } from '../types';
import { compareIds } from '../id-builder';
import { throwIfAborted, untilAborted } from './abort';
import { HistoryTable, type HistoryById } from './history-table';

export type Phase = 'export' | 'exportFile' | 'contacts' | 'modified' | 'history' | 'memberships' | 'companies' | 'deals' | 'tickets' | 'forms' | 'subscriptions' | 'emailEvents' | 'pageViews' | 'saving';

export interface Progress {
  phase: Phase;
  done: number;
  /** Undefined when HubSpot does not say how many there are. */
  total?: number;
  /** The memberships phase: the lists read, by name when the schema's catalogue knows it ("Webinar registrants"), else "#id". */
  lists?: string[];
  /** The export phase: HubSpot's status of the export (PENDING, PROCESSING); `done` is then the seconds waited. */
  exportStatus?: string;
}

export interface FetchContext {
  account: HubSpotAccount;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Called when the fetch starts waiting on HubSpot with the rate limit idle (an export being prepared): other reads may go meanwhile. */
  whileWaiting?: () => void;
  /** The search API's result ceiling (10,000); tests lower it. */
  searchCeiling?: number;
  /**
   * Called before and during a synchronous peak of memory (finishing the columns): a collection if garbage
   * built up, counting `released` bytes the caller has just let go of (heap-relief.ts).
   */
  relieveHeap?: (released?: number) => void;
  /** The portal's id (account-info): an export an earlier run left unread is taken up only for the same portal (export-pending.ts). */
  portalId?: string;
  /** The wall clock (tests move it); Date.now when absent. */
  clock?: () => number;
}

export interface FetchedContacts {
  /** The contacts' properties as columns, in id order; only their properties (extras come later). */
  store: ColumnStore;
  /** Present when history was asked for: every fetched contact has an entry (maybe empty). */
  history: HistoryById | undefined;
  /** The newest modification time HubSpot gave for these contacts (epoch ms), if it gave any. */
  newestModified: number | undefined;
  /** When the contacts were read from HubSpot, when that was before this run: an earlier run's export, taken up (epoch ms). */
  asOf?: number;
}

/**
 * HubSpot's own time of a contact's last change: `lastmodifieddate` (returned with every contact) or the
 * record's `updatedAt`. The incremental refresh asks for changes after the newest of these, so its
 * watermark comes from HubSpot's clock, never from ours or from `--now`.
 */
export function modifiedAt(data: CrmRecordData): number | undefined {
  // Once per fetched contact: two numbers, no arrays.
  const property = data.properties.lastmodifieddate ? Date.parse(data.properties.lastmodifieddate) : NaN;
  const updated = data.updatedAt ? Date.parse(data.updatedAt) : NaN;
  if (Number.isNaN(property)) return Number.isNaN(updated) ? undefined : updated;
  return Number.isNaN(updated) ? property : Math.max(property, updated);
}

function newest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/**
 * Every contact with the properties of `defs`, and the history of `history` properties. Each page goes
 * into a StoreBuilder's columns (values parsed once, strings interned) and its objects are dropped.
 */
export async function fetchAllContacts(ctx: FetchContext, defs: PropertyDef[], history: string[], counted?: { total: number | undefined }): Promise<FetchedContacts> {
  const total = counted ? counted.total : await untilAborted(ctx.account.countContacts(), ctx.signal);
  const builder = new StoreBuilder(defs);
  // HubSpot's count sizes the columns once; contacts added meanwhile grow them, deleted ones are cut at the end.
  if (total !== undefined) builder.reserve(total);
  const order = new IdOrder();
  const histories = history.length > 0 ? new HistoryTable() : undefined;
  let newestModified: number | undefined;
  let fetched = 0;
  const pages = ctx.account.pageContacts(defs.map((d) => d.name), history.length > 0 ? { history } : {})[Symbol.asyncIterator]();
  for (;;) {
    throwIfAborted(ctx.signal);
    const next = await untilAborted(pages.next(), ctx.signal);
    if (next.done) break;
    for (const data of next.value) {
      builder.add({ id: data.id, properties: data.properties });
      order.see(data.id);
      newestModified = newest(newestModified, modifiedAt(data));
      histories?.set(data.id, historyEntries(data, history));
    }
    fetched += next.value.length;
    ctx.onProgress?.({ phase: 'contacts', done: fetched, total: total === undefined ? undefined : Math.max(total, fetched) });
  }
  ctx.relieveHeap?.();
  const store = await builder.finishInTurns(ctx.relieveHeap);
  return { store: order.sorted ? store : inIdOrder(store, defs), history: histories, newestModified };
}

/** Whether ids arrived in id order (HubSpot pages by id; nothing promises it, so it is checked). */
class IdOrder {
  sorted = true;
  private last: string | undefined;

  see(id: string): void {
    if (this.last !== undefined && compareIds(this.last, id) >= 0) this.sorted = false;
    this.last = id;
  }
}

/** The store's rows reordered by id (copied column by column, never through text). */
export function inIdOrder(store: ColumnStore, defs: PropertyDef[]): ColumnStore {
  const rows = Array.from({ length: store.size }, (_, row) => row).sort((a, b) => compareIds(store.ids.at(a), store.ids.at(b)));
  const builder = new StoreBuilder(defs);
  builder.seedFrom(store);
  for (const row of rows) builder.addRowsOf(store, row, 1);
  return builder.finish();
}

/**
 * The contacts modified since the last fetch, and the history merged with the cached one. `vanished`:
 * modified contacts HubSpot no longer gave when their history was read (deleted since the search).
 */
export type Incremental = { modified: ContactRecord[]; history: HistoryById | undefined; newestModified: number | undefined; vanished: string[] } | { tooMany: number };

/**
 * The contacts modified after `since` (one search, paged); when a list needs history, the modified
 * contacts' history is read in batches (search does not return it) and replaces theirs in `cachedHistory`.
 * The caller merges them into the cached snapshot (source.ts), so the cached contacts never become records.
 */
export async function fetchModifiedContacts(ctx: FetchContext, cachedHistory: HistoryById | undefined, since: number, properties: string[], history: string[]): Promise<Incremental> {
  const onPage = (done: number, total: number) => ctx.onProgress?.({ phase: 'modified', done, total });
  const found = await untilAborted(ctx.account.contactsModifiedSince(since, properties, { onPage, ceiling: ctx.searchCeiling }), ctx.signal);
  if ('tooMany' in found) return found;
  let modified = found.records.map((data) => ({ id: data.id, properties: data.properties }));
  const newestModified = found.records.reduce<number | undefined>((max, data) => newest(max, modifiedAt(data)), undefined);
  let histories = cachedHistory;
  const vanished: string[] = [];
  if (history.length > 0) {
    // The cached history (read from the file this run) is updated in place: nothing else holds it.
    const table = cachedHistory ? HistoryTable.from(cachedHistory) : new HistoryTable();
    histories = table;
    const ids = modified.map((r) => r.id);
    ctx.onProgress?.({ phase: 'history', done: 0, total: ids.length });
    const read = await untilAborted(ctx.account.readContactsHistory(ids, history, (done) => ctx.onProgress?.({ phase: 'history', done, total: ids.length })), ctx.signal);
    for (const id of ids) {
      const record = read.get(id);
      if (record) table.set(id, historyEntries(record, history));
      else vanished.push(id);
    }
    // A contact deleted since the search is not merged with no history (which could change what its
    // has-ever filters say): it stays as the cache holds it until the next full fetch drops it, as any
    // deleted contact does, and the caller says so.
    if (vanished.length > 0) {
      const gone = new Set(vanished);
      modified = modified.filter((r) => !gone.has(r.id));
    }
    ctx.onProgress?.({ phase: 'history', done: ids.length, total: ids.length });
  }
  return { modified, history: histories, newestModified, vanished };
}

/** History as the engine's records hold it (epoch ms, newest first); a property without any is []. */
export function historyEntries(data: CrmRecordData, names: string[]): Record<string, HistoryEntry[]> {
  const out: Record<string, HistoryEntry[]> = {};
  for (const name of names) {
    const entries: HistoryEntry[] = [];
    let newestFirst = true;
    for (const e of data.history?.[name] ?? []) {
      const timestamp = Date.parse(e.timestamp);
      if (Number.isNaN(timestamp)) continue;
      if (entries.length > 0 && entries[entries.length - 1].timestamp < timestamp) newestFirst = false;
      entries.push({ value: e.value, timestamp });
    }
    // HubSpot sends them newest first; sorting (stable, as before) only when it did not.
    out[name] = newestFirst ? entries : entries.sort((a, b) => b.timestamp - a.timestamp);
  }
  return out;
}
