// Page views for `visited page …`: HubSpot's Events API gives them one contact at a time (its read
// needs an objectId, or an objectProperty, per request), so only the contacts that have views are
// asked: those whose `hs_analytics_num_page_views` ("Number of Pageviews", loaded with the contacts for
// this) is above 0, and those without the property (nothing says they have none). Each is asked for
// its `e_visited_page` events from the start of the widest `in last N days` window the lists use
// (none: all time): one request or more per contact with views, a few contacts at a time
// (parallel-reads.ts: one after another, each waited for the answer before, a few hundred milliseconds,
// about 3 requests a second where HubSpot's limit allows 19).
//
// On a refresh a contact whose view count is the cached one keeps its cached views; one whose count
// changed (or that is new) is read again from its previous read less a margin (older views come from the
// cache), or in full when the lists now want a wider window than was read.
// **Assumed**: a new page view raises the contact's `hs_analytics_num_page_views` and with it its
// `lastmodifieddate` (the refresh sees the contacts modified since); the daily full fetch reads every
// contact's views again in any case.
//
// A 403 (no Enterprise subscription, or a token HubSpot refuses) stops the read: page-view conditions
// stay "not in this data" with HubSpot's answer, never "no". Any other answer HubSpot gives for one
// contact (after the transport's retries of 5xx and 429) leaves that contact unknown and is named in a
// note; the other contacts still load. A lost connection or a refused token fails the load, as for contacts.

import { HubSpotAccountError } from '../../hubspot/account/errors';
import { readInParallel } from '../../hubspot/account/parallel-reads';
import type { HubSpotAccount, PageViewData } from '../../hubspot/account/types';
import type { ColumnStore } from '../columns';
import type { PageViewRecord } from '../types';
import { throwIfAborted, untilAborted } from './abort';
import { visitContacts, type ContactSet } from './contact-set';
import type { Progress } from './fetch-contacts';
import { PAGE_VIEW_COUNT, type PageViewNeed } from './needs';

/** Views this long before a contact's previous read started are read again: clock skew, events logged late. */
export const PAGE_VIEWS_OVERLAP_MS = 10 * 60_000;

/** One contact's last read. */
export interface CachedContactViews {
  /** Its `hs_analytics_num_page_views` when read (null: it had none). */
  count: string | null;
  /** When the read started (the wall clock). */
  readAt: number;
  views: Pick<PageViewData, 'id' | 'occurredAt' | 'url'>[];
}

export interface CachedPageViews {
  /** The window every cached read began at (epoch ms); absent: all time. */
  since?: number;
  /** Contact id → its last read; contacts with no views (count 0) are not kept. */
  byContact: Record<string, CachedContactViews>;
}

export interface ReadPageViews {
  /** Contact id → its views; every contact has an entry except those HubSpot answered with an error. */
  byContact: Map<string, PageViewRecord[]>;
  asRead: CachedPageViews;
  /** How many contacts were asked this run (the rest had no views or came from the cache). */
  asked: number;
  /** Contacts whose views HubSpot did not give, with its answer: they stay unknown. */
  failed: { id: string; reason: string }[];
}

interface Options {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  clock?: () => number;
}

const NONE: readonly PageViewRecord[] = Object.freeze([]);

/** The page views `need` asks for, by contact; undefined when no list asks or HubSpot refused them (`unloaded` key `pageViews`). */
export async function readPageViews(account: HubSpotAccount, contacts: ContactSet, need: PageViewNeed | undefined, unloaded: Map<string, string>, options: Options, cached?: CachedPageViews): Promise<ReadPageViews | undefined> {
  if (!need) return undefined;
  const covering = cached !== undefined && (cached.since === undefined || (need.since !== undefined && cached.since <= need.since));
  const reusable = covering ? cached.byContact : {};
  const counts = viewCounts(contacts);
  const byContact = new Map<string, PageViewRecord[]>();
  const asRead: CachedPageViews = { ...(covering ? spread(cached.since) : spread(need.since)), byContact: {} };
  const toAsk: { id: string; count: string | null; previous?: CachedContactViews }[] = [];
  for (const [id, count] of counts) {
    const previous = reusable[id];
    if (count !== null && Number(count) === 0) byContact.set(id, NONE as PageViewRecord[]);
    else if (previous && previous.count === count) keep(id, previous, byContact, asRead);
    else toAsk.push({ id, count, previous });
  }
  const failed: ReadPageViews['failed'] = [];
  const progress = (done: number) => options.onProgress?.({ phase: 'pageViews', done, total: toAsk.length });
  try {
    progress(0);
    // A few contacts at a time (one request or more each); kept in the contacts' order once all are read.
    const reads = await readInParallel(toAsk, (contact) => {
      throwIfAborted(options.signal);
      return readOne(account, contact.id, contact.count, asRead.since, contact.previous, options);
    }, { concurrency: account.readConcurrency, onDone: progress });
    for (const [i, read] of reads.entries()) {
      if ('failed' in read) failed.push({ id: toAsk[i].id, reason: read.failed });
      else keep(toAsk[i].id, read, byContact, asRead);
    }
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    unloaded.set('pageViews', `HubSpot refused the page views: ${(error as Error).message}`);
    return undefined;
  }
  return { byContact, asRead, asked: toAsk.length, failed };
}

function spread(since: number | undefined): { since?: number } {
  return since === undefined ? {} : { since };
}

function keep(id: string, read: CachedContactViews, byContact: Map<string, PageViewRecord[]>, asRead: CachedPageViews): void {
  byContact.set(id, read.views.length === 0 ? (NONE as PageViewRecord[]) : read.views.map((v) => ({ url: v.url, timestamp: v.occurredAt })));
  asRead.byContact[id] = read;
}

/** One contact's views: all of the window, or after a previous read only those since it (less the margin). */
async function readOne(account: HubSpotAccount, id: string, count: string | null, since: number | undefined, previous: CachedContactViews | undefined, options: Options): Promise<CachedContactViews | { failed: string }> {
  const readAt = (options.clock ?? Date.now)();
  const from = previous ? previous.readAt - PAGE_VIEWS_OVERLAP_MS : since;
  try {
    const found = await untilAborted(account.getPageViews({ contactId: id, ...(from !== undefined ? { occurredAfter: from } : {}) }), options.signal);
    const kept = previous ? previous.views.filter((v) => v.occurredAt <= from!) : [];
    const views = [...found.map((v) => ({ id: v.id, occurredAt: v.occurredAt, url: v.url })), ...kept];
    return { count, readAt, views };
  } catch (error) {
    if (!containable(error)) throw error;
    return { failed: (error as Error).message };
  }
}

/** HubSpot's answer about this one contact (a 400, 404, a 5xx after retries, a broken event): not the whole load's failure. */
function containable(error: unknown): boolean {
  if (!(error instanceof HubSpotAccountError) || error.status === 403) return false;
  return error.kind === 'request' || error.kind === 'not-found' || error.kind === 'server';
}

/** Contact id → its `hs_analytics_num_page_views` as text (null: none), in id order. */
function viewCounts(contacts: ContactSet): Map<string, string | null> {
  const counts = new Map<string, string | null>();
  const column = contacts.kind === 'merge' ? countColumn(contacts.base) : undefined;
  visitContacts(contacts, (r) => counts.set(r.id, countText(r.properties[PAGE_VIEW_COUNT])), (from, n) => {
    const base = (contacts as { base: ColumnStore }).base;
    for (let row = from; row < from + n; row++) {
      const value = column ? column[row] : NaN;
      counts.set(base.ids.at(row), Number.isNaN(value) ? null : String(value));
    }
  });
  return counts;
}

/** "23" for "23" and "23.0" alike (the store keeps numbers): cached and current counts compare as numbers. */
function countText(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? String(n) : value;
}

function countColumn(store: ColumnStore): Float64Array | undefined {
  const column = store.columns.get(PAGE_VIEW_COUNT);
  return column?.kind === 'number' ? column.values : undefined;
}

/** "Page views of 2 contacts could not be read and count as unknown (#12: HubSpot said 500 …; #14: …)". */
export function failedViewsNote(failed: ReadPageViews['failed']): string {
  const named = failed.slice(0, 3).map((f) => `#${f.id}: ${f.reason.replace(/\.$/, '')}`).join('; ');
  const more = failed.length > 3 ? `; and ${(failed.length - 3).toLocaleString('en-US')} more` : '';
  const n = failed.length.toLocaleString('en-US');
  return `page views of ${n} contact${failed.length === 1 ? '' : 's'} could not be read and count as unknown (${named}${more})`;
}
