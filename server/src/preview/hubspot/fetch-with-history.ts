// A full fetch whose lists read property history, in the cheaper of two ways (issue 15):
// - every contact with its history: pages of 50 (HubSpot lowers the page size when history is asked),
//   N / 50 requests, one after another (each page's cursor is in the answer before it);
// - the current values without history (pages of 100, or HubSpot's CRM export: a few requests), then the
//   history of only the contacts that need it (history-scope.ts) by batch reads of 50 (HubSpot's limit
//   with history), a few at a time: N / 100 (or the export's few) + needing / 50.
// How many need it is first estimated with one CRM search counting the contacts the scope decides
// (HubSpot's own count of their current values and `lastmodifieddate`); when the scope cannot be
// counted, every contact is taken to need it. With the pages, the split is taken only when it costs
// fewer requests. With the export, it is taken up to a tenth more requests than the pages: the pages
// go one after another, so against HubSpot's real answers (a few hundred ms each) they are bound by
// that wait (about 400 s for 2,000 pages at 200 ms, where the limit allows 105 s), while the batch reads
// go five at a time and keep to the limit (bench:fetch --latency-ms). The estimate only chooses: each
// contact is then decided on the values it came with, so the answers are the same either way.

import type { SearchFilter } from '../../hubspot/account/types';
import type { PropertyDef } from '../../language/schema-types';
import { rawValue, type ColumnStore } from '../columns';
import { StoreBuilder } from '../columns-build';
import type { HistoryEntry } from '../types';
import { untilAborted } from './abort';
import { fetchAllContacts, historyEntries, type FetchContext, type FetchedContacts } from './fetch-contacts';
import { decidedFilters, decidedWithoutHistory, LAST_MODIFIED, type HistoryScope } from './history-scope';
import { HistoryTable } from './history-table';

/** Contacts whose history is read before the table takes them: 20 batches of 50, so memory stays small. */
const HISTORY_CHUNK = 1000;

export interface FetchedWithHistory extends FetchedContacts {
  /** The scope that decided the contacts whose history was not read; undefined: every contact's was. */
  historyScope: HistoryScope | undefined;
  /** How the values came, when `fetchValues` says, and why an export it tried was not used. */
  via?: 'export' | 'pages';
  note?: string;
}

/** Every contact's current values without history: the pages by default, or what the caller reads them with. */
export type ValuesFetch = (ctx: FetchContext, defs: PropertyDef[], counted: { total: number | undefined }) => Promise<FetchedContacts & { via?: 'export' | 'pages'; note?: string }>;

/**
 * Every contact with its properties, and the history of `history` for every contact that `scope` leaves
 * undecided. `exportServes(total)`: whether `fetchValues` reads the values through the CRM export for a
 * portal of `total` contacts (full-fetch.ts), which makes the split cost only a few requests more.
 */
export async function fetchAllWithHistory(ctx: FetchContext, defs: PropertyDef[], history: string[], scope: HistoryScope, fetchValues: ValuesFetch = (c, d, counted) => fetchAllContacts(c, d, [], counted), exportServes: (total: number) => boolean = () => false): Promise<FetchedWithHistory> {
  // HubSpot's count, asked once: the estimate and whichever fetch follows are given it.
  const total = await untilAborted(ctx.account.countContacts(), ctx.signal);
  const viaExport = total !== undefined && exportServes(total);
  // Without a way to count the decided contacts, all of them are taken to need history.
  const needing = !canDecide(scope, defs) ? total : ((await estimateNeeding(ctx, scope, total)) ?? total);
  if (total === undefined || needing === undefined || !splitIsCheaper(total, needing, viaExport)) {
    return { ...(await fetchAllContacts(ctx, defs, history, { total })), historyScope: undefined };
  }
  const paged = await fetchValues(ctx, defs, { total });
  const { table, gone } = await readNeededHistory(ctx, paged.store, history, scope);
  // A contact HubSpot no longer gave when its history was asked was deleted since its page: it is left out.
  const store = gone.length > 0 ? withoutRows(paged.store, defs, gone) : paged.store;
  return { store, history: table, newestModified: paged.newestModified, historyScope: scope, ...(paged.via ? { via: paged.via } : {}), ...(paged.note ? { note: paged.note } : {}), ...(paged.asOf !== undefined ? { asOf: paged.asOf } : {}) };
}

/** What an export costs in requests: start it, read its status a few times (pauses doubling to 10 s), read its details. */
const EXPORT_REQUESTS = 10;
/** How many more requests than the pages the split may cost when the values come from an export (its batch reads go in parallel). */
const PARALLEL_ALLOWANCE = 1.1;

/**
 * Whether the split is the better way: N / 50 pages against the values' requests (pages of 100, or an
 * export's few) and needing / 50 batch reads; with an export, up to a tenth more requests.
 */
export function splitIsCheaper(total: number, needing: number, viaExport = false): boolean {
  const pages = (n: number, size: number) => Math.ceil(n / size);
  const split = (viaExport ? EXPORT_REQUESTS : pages(total, 100)) + pages(needing, 50);
  return split < pages(total, 50) || (viaExport && split <= pages(total, 50) * PARALLEL_ALLOWANCE);
}

/** The windows need each contact's `lastmodifieddate`; every contact needs history anyway under `everyContact`. */
function canDecide(scope: HistoryScope, defs: PropertyDef[]): boolean {
  return !scope.everyContact && (scope.windowSince === undefined || defs.some((d) => d.name === LAST_MODIFIED));
}

/** HubSpot's count of the contacts that need history: all of them less those the scope decides (one search). */
async function estimateNeeding(ctx: FetchContext, scope: HistoryScope, total: number | undefined): Promise<number | undefined> {
  const filters: SearchFilter[] | undefined = decidedFilters(scope);
  if (total === undefined || filters === undefined) return undefined;
  if (filters.length === 0) return 0; // nothing reads history for these lists any more: every contact is decided
  const decided = await untilAborted(ctx.account.countContactsWhere(filters), ctx.signal);
  return decided === undefined ? undefined : Math.max(0, total - decided);
}

/**
 * The history table: each undecided contact's history (batch reads, a thousand contacts at a time), an
 * empty history for each decided one (judge.ts reads it as the real one for the scope's filters), and no
 * entry for a contact HubSpot did not return (`gone`, its row).
 */
async function readNeededHistory(ctx: FetchContext, store: ColumnStore, history: string[], scope: HistoryScope): Promise<{ table: HistoryTable; gone: number[] }> {
  const needing = undecidedRows(store, scope);
  const table = new HistoryTable();
  const decided = Object.fromEntries(history.map((p): [string, HistoryEntry[]] => [p, []]));
  const gone: number[] = [];
  const progress = (done: number) => ctx.onProgress?.({ phase: 'history', done, total: needing.length });
  progress(0);
  let row = 0;
  for (let start = 0; start < needing.length; start += HISTORY_CHUNK) {
    const rows = needing.slice(start, start + HISTORY_CHUNK);
    const read = await untilAborted(ctx.account.readContactsHistory(rows.map((r) => store.ids.at(r)), history, (n) => progress(start + n)), ctx.signal);
    // Ids arrive in id order, as the table wants them: decided rows up to this chunk's last, then its own.
    for (const wanted of rows) {
      for (; row < wanted; row++) table.set(store.ids.at(row), decided);
      const record = read.get(store.ids.at(wanted));
      if (record) table.set(store.ids.at(wanted), historyEntries(record, history));
      else gone.push(wanted);
      row = wanted + 1;
    }
  }
  for (; row < store.size; row++) table.set(store.ids.at(row), decided);
  return { table, gone };
}

/** The rows the scope leaves undecided, in id order. */
function undecidedRows(store: ColumnStore, scope: HistoryScope): number[] {
  const modified = store.columns.get(LAST_MODIFIED);
  const rows: number[] = [];
  for (let row = 0; row < store.size; row++) {
    const contact = {
      current: (property: string) => {
        const column = store.columns.get(property);
        return column ? rawValue(column, row) : null;
      },
      lastModified: modified?.kind === 'date' ? modified.values[row] : NaN,
    };
    if (!decidedWithoutHistory(scope, contact)) rows.push(row);
  }
  return rows;
}

/** The store without these rows (sorted), copied column by column. */
function withoutRows(store: ColumnStore, defs: PropertyDef[], rows: number[]): ColumnStore {
  const builder = new StoreBuilder(defs);
  builder.seedFrom(store);
  let from = 0;
  for (const skipped of [...rows, store.size]) {
    if (skipped > from) builder.addRowsOf(store, from, skipped - from);
    from = skipped + 1;
  }
  return builder.finish();
}
