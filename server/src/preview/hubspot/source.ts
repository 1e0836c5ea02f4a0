// The live HubSpot contact source: a snapshot of the portal's contacts holding only what the workspace
// reads, cached under .hslist/cache/ and refreshed incrementally (contacts modified since the last
// fetch). Associated companies, deals and tickets, form submissions, marketing email events and page
// views are cached beside it and refreshed where they changed (extras.ts); list memberships (`in list #id`) and
// subscription statuses are read again on every run.
//
// "Modified since the last fetch" is measured on HubSpot's clock: the watermark is the newest
// `lastmodifieddate` HubSpot returned, never our clock and never the preview's `--now` (a future
// `--now` once became the watermark, and every later run fetched nothing new). The next refresh asks
// for changes after it, minus a margin for index lag and minus how long the fetch took (a contact
// changed while its page was already read has a time within that window).

import { dirname } from 'node:path';
import { createHubSpotAccount, type HubSpotAccountOptions } from '../../hubspot/account/account';
import type { HubSpotAccount } from '../../hubspot/account/types';
import type { Schema } from '../../language/schema-types';
import type { ColumnStore } from '../columns';
import { readSnapshot, writeSnapshot } from '../snapshot';
import type { SourceReport } from '../types';
import { throwIfAborted, untilAborted } from './abort';
import { cachePaths, keepCacheOutOfGit, newManifest, readHistoryFile, readManifest, sweepCacheTemps, writeCacheFiles, type CachePaths, type HistoryById, type Manifest } from './cache-files';
import { fetchModifiedContacts, type FetchContext, type Progress } from './fetch-contacts';
import { exportPolicyFrom, type ExportPolicy } from './fetch-export';
import { exportServes, fetchFullSnapshot, type FullFetch } from './full-fetch';
import { contactIds, type ContactSet } from './contact-set';
import { buildLiveStore, readExtras, type Extras, type ExtrasRefresh } from './extras';
import { startEarlyReads, type EarlyReads } from './early-reads';
import { extrasPath, readCachedExtras, writeCachedExtras, type CachedExtras } from './extras-cache';
import { unmatchedEventsNote } from './email-events';
import { failedViewsNote } from './page-views';
import { SEARCH_CEILING } from '../../hubspot/account/account-search';
import { coversNeeds, mergeNeeds, type DataNeeds } from './needs';
import { fetchAllWithHistory, type ValuesFetch } from './fetch-with-history';
import { NO_HISTORY_NEEDED, type HistoryScope } from './history-scope';
import { startHeapRelief, type HeapRelief, type HeapReliefStats } from './heap-relief';

/** Contacts modified this long before the last fetch started are asked for again: clock skew, search-index lag. */
export const REFRESH_MARGIN_MS = 10 * 60_000;
/** Incremental refreshes never see deleted contacts, so the snapshot is refetched in full once a day. */
export const FULL_REFETCH_AFTER_MS = 24 * 60 * 60_000;

export interface HubSpotSourceOptions {
  /** Workspace root: the cache lives in its .hslist/cache/. */
  root: string;
  connection: HubSpotAccountOptions;
  schema: Schema;
  needs: DataNeeds;
  /** The wall clock, for the age of the last full fetch only (default Date.now); never the preview's *now*. */
  clock?: () => number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** The search API's result ceiling, 10,000 by default; tests lower it to reach the fallback quickly. */
  searchCeiling?: number;
  /** When a full fetch uses HubSpot's CRM export (by default as HSLIST_HUBSPOT_EXPORTS says, else EXPORT_POLICY); false: never. */
  exports?: ExportPolicy | false;
}

export interface Refresh {
  mode: 'full' | 'incremental';
  /** Why a full fetch (first run, other portal, new properties, too many changes, daily refetch). */
  reason: string;
  /** Contacts fetched this run (all for a full fetch, the modified ones otherwise). */
  fetched: number;
  /** How a full fetch read the contacts: HubSpot's CRM export, or the contact pages. */
  via?: 'export' | 'pages';
  /** The full collections run to keep the fetch's peak memory down (heap-relief.ts). */
  heapRelief?: HeapReliefStats;
}

export interface LiveData extends ExtrasOutcome {
  /** The portal's id and its time zone setting (account-info). */
  portal: { id: string; timeZone: string | undefined };
  store: ColumnStore;
  report: SourceReport;
  history: HistoryById | undefined;
  refresh: Refresh;
}

export async function loadHubSpotContacts(options: HubSpotSourceOptions): Promise<LiveData> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const paths = cachePaths(options.root);
  const ctx: FullContext = {
    account: createHubSpotAccount({ ...options.connection, signal: options.signal }), signal: options.signal, onProgress: options.onProgress, searchCeiling: options.searchCeiling,
    cacheDir: dirname(paths.snapshot), exports: options.exports ?? exportPolicyFrom(process.env),
  };
  const details = await untilAborted(ctx.account.accountDetails(), options.signal);
  const portal = { base: options.connection.basePath?.replace(/\/+$/, '') ?? 'https://api.hubapi.com', id: details.portalId };
  ctx.portalId = details.portalId;
  ctx.clock = clock;
  const previous = readManifest(paths);
  const samePortal = previous !== undefined && portal.base === previous.portal && portal.id === previous.portalId;
  const cached = previous && samePortal ? readCached(paths, previous) : undefined;
  const needs = previous && cached ? mergeNeeds(previous.needs, options.needs) : options.needs;
  const plan = chooseRefresh(previous, cached, portal, options.needs, started);
  const relief = startHeapRelief();
  ctx.relieveHeap = relief.now;
  try {
    const built = await fetchAndBuild(ctx, options, needs, plan, cached, previous, paths, relief);
    // The extras as read are out of reach now (only the store holds them): the snapshot is written into their room.
    relief.collect();
    saveToCache(paths, { store: built.store, fetched: built.fetched, fetchMs: built.fetchMs, needs, portal, previous, started }, relief.now);
    return { store: built.store, report: built.report, history: built.fetched.history, refresh: { ...built.fetched.refresh, heapRelief: relief.stop() }, portal: { id: details.portalId, timeZone: details.timeZone }, ...built.outcome };
  } finally {
    relief.stop();
  }
}

/** What a preview keeps of the extras once they are in the store. */
type ExtrasOutcome = Pick<Extras, 'missingLists' | 'unloaded' | 'formsRead'>;

/**
 * The contacts and extras read, the store built from them, and the extras' cache written (after the
 * last await: from there to the manifest nothing waits, so a Ctrl-C cannot land in between). The extras
 * as the reads made them (each contact's lists of records, the forms' tables) are dropped when this
 * returns: they were held while the snapshot was written, most often the highest step of a fetch of
 * 100,000 contacts (the companies' list of lists alone is 0.8 MB there; issue 15), and then by the
 * preview itself, which reads them only from the store.
 */
async function fetchAndBuild(ctx: FullContext, options: HubSpotSourceOptions, needs: DataNeeds, plan: RefreshPlan, cached: Cached | undefined, previous: Manifest | undefined, paths: CachePaths, relief: HeapRelief): Promise<{ store: ColumnStore; fetched: Fetched; fetchMs: number; report: SourceReport; outcome: ExtrasOutcome }> {
  const { fetched, fetchMs, extras: read } = await fetchWithExtras(ctx, options, needs, plan, cached, previous);
  const { toCache, ...extras } = read;
  throwIfAborted(options.signal);
  // Building the store is one of the fetch's highest steps: it starts from the live data alone (heap-relief.ts).
  relief.collect();
  const store = buildLiveStore(fetched.contacts, options.schema, needs, extras, () => relief.now());
  relief.now();
  options.onProgress?.({ phase: 'saving', done: 0 });
  sweepCacheTemps(paths);
  keepCacheOutOfGit(paths);
  writeCachedExtras(extrasPath(paths.snapshot), { snapshotVersion: store.version, ...toCache });
  const outcome: ExtrasOutcome = { missingLists: extras.missingLists, unloaded: extras.unloaded, formsRead: extras.formsRead };
  return { store, fetched, fetchMs, report: liveReport(ctx.account, store.size, extras, fetched.note), outcome };
}

/** The contacts, then the extras; while HubSpot prepares a full fetch's export, what needs no contact is read (early-reads.ts). */
async function fetchWithExtras(ctx: FullContext, options: HubSpotSourceOptions, needs: DataNeeds, plan: RefreshPlan, cached: Cached | undefined, previous: Manifest | undefined): Promise<{ fetched: Fetched; fetchMs: number; extras: Extras }> {
  const fetchStart = performance.now();
  let early: EarlyReads | undefined;
  if (plan.mode === 'full') ctx.whileWaiting = () => void (early ??= startEarlyReads((signal) => createHubSpotAccount({ ...options.connection, signal }), needs, options));
  try {
    const fetched = await fetchContacts(ctx, options.schema, needs, plan, cached && previous ? { ...cached, historyScope: previous.needs.historyScope } : undefined, options.needs.historyScope);
    const fetchMs = Math.ceil(performance.now() - fetchStart);
    const extras = await readExtras(ctx.account, fetched.contacts, contactIds(fetched.contacts), needs, options, extrasRefresh(plan, fetched, cached, options.searchCeiling), early);
    return { fetched, fetchMs, extras };
  } catch (error) {
    await early?.cancel();
    throw error;
  }
}

interface Finished {
  store: ColumnStore;
  fetched: Fetched;
  fetchMs: number;
  needs: DataNeeds;
  portal: { base: string; id: string };
  previous: Manifest | undefined;
  /** When this run started (the wall clock). */
  started: number;
}

/**
 * The snapshot, history and manifest (the extras' cache is written by fetchAndBuild, just before), the
 * manifest last. Synchronous: a Ctrl-C cannot land between the snapshot and the manifest.
 */
function saveToCache(paths: CachePaths, f: Finished, relieveHeap?: () => void): void {
  writeSnapshot(f.store, paths.snapshot);
  // Writing is synchronous, so the periodic collections cannot run: the snapshot's garbage goes before the history is written.
  relieveHeap?.();
  const full = f.fetched.refresh.mode === 'full';
  // Contacts from an earlier run's export are as of its start: the daily refetch and the next refresh's margin count from there.
  const asOf = Math.min(f.started, f.fetched.asOf ?? f.started);
  const fetchMs = f.fetchMs + (f.started - asOf);
  const lastFullFetch = full ? new Date(asOf).toISOString() : f.previous!.lastFullFetch;
  const watermark = full ? f.fetched.newestModified : newest(f.fetched.newestModified, f.previous?.watermark ? Date.parse(f.previous.watermark) : undefined);
  const manifest = newManifest({
    portal: f.portal.base, portalId: f.portal.id, needs: withHistoryScope(f.needs, f.fetched.historyScope), lastFetch: new Date(f.started).toISOString(), lastFullFetch,
    ...(watermark !== undefined ? { watermark: new Date(watermark).toISOString() } : {}), fetchMs, contacts: f.store.size, snapshotVersion: f.store.version,
  });
  writeCacheFiles(paths, manifest, f.fetched.history);
}

type RefreshPlan = { mode: 'full'; reason: string } | { mode: 'incremental'; since: number };

/** When the contacts were refreshed incrementally and the extras of that snapshot are cached: read only what changed. */
function extrasRefresh(plan: RefreshPlan, fetched: Fetched, cached: Cached | undefined, searchCeiling: number | undefined): ExtrasRefresh | undefined {
  if (plan.mode !== 'incremental' || fetched.contacts.kind !== 'merge' || !cached?.extras) return undefined;
  return { since: plan.since, modifiedIds: fetched.contacts.modified.map((r) => r.id), cached: cached.extras, searchCeiling };
}

function chooseRefresh(previous: Manifest | undefined, cached: Cached | undefined, portal: { base: string; id: string }, needs: DataNeeds, now: number): RefreshPlan {
  if (!previous) return { mode: 'full', reason: 'no cached snapshot yet' };
  if (previous.portal !== portal.base) return { mode: 'full', reason: `the cache holds contacts of ${previous.portal}` };
  if (previous.portalId !== portal.id) return { mode: 'full', reason: `the cache holds contacts of ${previous.portalId ? `portal ${previous.portalId}` : 'an unnamed portal'}, not of portal ${portal.id}` };
  if (!cached) return { mode: 'full', reason: 'the cached snapshot is unreadable or incomplete' };
  // Extras the cache lacks are read in full (extras.ts): only contact properties and history decide here.
  const wanted = { ...previous.needs, contactProperties: needs.contactProperties, historyProperties: needs.historyProperties };
  if (!coversNeeds(previous.needs, { ...wanted, historyScope: previous.needs.historyScope })) {
    return { mode: 'full', reason: 'the lists read properties the cache does not hold' };
  }
  if (!coversNeeds(previous.needs, { ...wanted, historyScope: needs.historyScope })) {
    return { mode: 'full', reason: 'the lists read the history of contacts whose history the cache did not read' };
  }
  const age = now - Date.parse(previous.lastFullFetch);
  if (age < 0) return { mode: 'full', reason: 'the last full fetch is dated after now (the clock was changed)' };
  if (!(age < FULL_REFETCH_AFTER_MS)) return { mode: 'full', reason: 'the last full fetch is over a day old (deleted contacts)' };
  const watermark = previous.watermark ? Date.parse(previous.watermark) : NaN;
  if (Number.isNaN(watermark)) return { mode: 'full', reason: 'the cache holds no modification time from HubSpot to refresh from' };
  return { mode: 'incremental', since: watermark - REFRESH_MARGIN_MS - (previous.fetchMs ?? 0) };
}

/** The needs as the cache holds them: its history left out the contacts `scope` decided (none when undefined). */
function withHistoryScope(needs: DataNeeds, scope: HistoryScope | undefined): DataNeeds {
  const { historyScope: _wanted, ...rest } = needs;
  return scope && needs.historyProperties.length > 0 ? { ...rest, historyScope: scope } : rest;
}

function newest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** The snapshot, history and extras of the last run. */
interface Cached {
  store: ColumnStore;
  history: HistoryById | undefined;
  /** The contacts the cached history left out (as the manifest says); undefined: none. */
  historyScope?: HistoryScope;
  extras: CachedExtras | undefined;
}

/** What a fetch needs besides the account: where an export's file may be downloaded, and whether one may be used. */
interface FullContext extends FetchContext {
  cacheDir: string;
  exports: ExportPolicy | false;
}

interface Fetched {
  /** Why a full fetch read the pages after trying an export. */
  note?: string;
  contacts: ContactSet;
  history: HistoryById | undefined;
  /** Which contacts' history was not read, as the next run must know; undefined: every contact's was. */
  historyScope: HistoryScope | undefined;
  refresh: Refresh;
  /** The newest `lastmodifieddate` HubSpot returned in this fetch. */
  newestModified: number | undefined;
  /** When the contacts were read, when before this run (an earlier run's export, taken up). */
  asOf?: number;
}

/**
 * The contacts: modified ones merged into the cache, or all of them. A full fetch reads history only for
 * the contacts the current lists' `scope` leaves undecided (fetch-with-history.ts): the lists of earlier
 * runs that `needs` still holds would keep old windows' starts for ever, and a cache that does not cover
 * them is fetched in full again when they come back. Without history, a full fetch may read HubSpot's CRM
 * export instead of the pages (full-fetch.ts).
 */
async function fetchContacts(ctx: FullContext, schema: Schema, needs: DataNeeds, plan: RefreshPlan, cached: Cached | undefined, scope: HistoryScope | undefined): Promise<Fetched> {
  const properties = needs.contactProperties.filter((p) => schema.objects.contacts.has(p));
  const history = needs.historyProperties;
  if (plan.mode === 'incremental' && cached) {
    const result = await fetchModifiedContacts(ctx, cached.history, plan.since, properties, history);
    if (!('tooMany' in result)) {
      const contacts: ContactSet = { kind: 'merge', base: cached.store, modified: result.modified };
      // The modified contacts' history is read in full, so the cache's scope still says what is left out.
      const note = result.vanished.length > 0 ? vanishedNote(result.vanished) : undefined;
      return { contacts, history: result.history, historyScope: cached.historyScope, newestModified: result.newestModified, refresh: { mode: 'incremental', reason: 'contacts modified since the last fetch', fetched: result.modified.length }, ...(note ? { note } : {}) };
    }
    const reason = `${result.tooMany.toLocaleString('en-US')} contacts changed since the last fetch, over the search API's ${(ctx.searchCeiling ?? SEARCH_CEILING).toLocaleString('en-US')}`;
    return fetchContacts(ctx, schema, needs, { mode: 'full', reason }, undefined, scope);
  }
  const defs = properties.map((p) => schema.objects.contacts.get(p)!);
  // Current values through the CRM export where it serves; history (an export has none) by main's ways.
  const values: ValuesFetch = (c, d, counted) => fetchFullSnapshot(c, d, [], ctx.cacheDir, ctx.exports, counted);
  const all: FullFetch & { historyScope: HistoryScope | undefined } = history.length > 0
    ? { via: 'pages', ...(await fetchAllWithHistory(ctx, defs, history, scope ?? NO_HISTORY_NEEDED, values, (total) => exportServes(ctx.exports, total))) }
    : { ...(await fetchFullSnapshot(ctx, defs, [], ctx.cacheDir, ctx.exports)), historyScope: undefined };
  // The fetched columns are the base, with nothing merged in: the store is built from them by copying
  // rows (StoreBuilder.addRowsOf), as an incremental refresh builds from the cached snapshot.
  const contacts: ContactSet = { kind: 'merge', base: all.store, modified: [] };
  const refresh: Refresh = { mode: 'full', reason: plan.mode === 'full' ? plan.reason : 'no cache', fetched: all.store.size, via: all.via };
  return { contacts, history: all.history, historyScope: all.historyScope, newestModified: all.newestModified, refresh, ...(all.note ? { note: all.note } : {}), ...(all.asOf !== undefined ? { asOf: all.asOf } : {}) };
}

/** What the preview says of modified contacts deleted before their history was read (fetch-contacts.ts). */
function vanishedNote(ids: string[]): string {
  const one = ids.length === 1;
  const named = ids.slice(0, 3).map((id) => `#${id}`).join(', ') + (ids.length > 3 ? ` and ${ids.length - 3} more` : '');
  return `${one ? 'A contact' : `${ids.length} contacts`} changed since the last fetch (${named}) ${one ? 'was' : 'were'} deleted in HubSpot before ${one ? 'its' : 'their'} history was read: ${one ? 'it is' : 'they are'} counted as the last fetch had ${one ? 'it' : 'them'} (not at all if new since) until the next full fetch, within a day`;
}

/** The cached snapshot and history, when the snapshot matches the manifest. */
function readCached(paths: ReturnType<typeof cachePaths>, manifest: Manifest): Cached | undefined {
  const store = readSnapshot(paths.snapshot);
  if ('error' in store || store.version !== manifest.snapshotVersion) return undefined;
  const history = readHistoryFile(paths);
  if (manifest.needs.historyProperties.length > 0 && !history) return undefined;
  return { store, history, extras: readCachedExtras(extrasPath(paths.snapshot), manifest.snapshotVersion) };
}

function liveReport(account: HubSpotAccount, rows: number, extras: Pick<Extras, 'emailEventsUnmatched' | 'pageViewsRead'>, fetchNote: string | undefined): SourceReport {
  const unmatched = extras.emailEventsUnmatched;
  const failedViews = extras.pageViewsRead?.failed ?? [];
  const notes = [...(fetchNote ? [fetchNote] : []), ...(unmatched && unmatched.events > 0 ? [unmatchedEventsNote(unmatched)] : []), ...(failedViews.length > 0 ? [failedViewsNote(failedViews)] : [])];
  return { source: `HubSpot (${account.host})`, rowsLoaded: rows, rowsRejected: 0, counts: {}, issues: [], unknownColumns: [], ...(notes.length > 0 ? { notes } : {}) };
}
