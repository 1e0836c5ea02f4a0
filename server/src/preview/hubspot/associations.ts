// Each contact's associated companies, deals or tickets for the live source: all of them (v4
// associations batch read + records batch read), or on a refresh only what changed since the last
// fetch: the associations of the contacts modified since (re-read whole), and the records HubSpot
// says were modified since (`hs_lastmodifieddate`, CRM search), whose new properties replace the
// cached ones wherever a cached contact holds them. Everything else comes from the cache.
//
// Assumed (docs/preview.md): an association made or removed touches the contact's `lastmodifieddate`
// (HubSpot keeps counts of associated records, such as `num_associated_deals`, as contact properties).
// A change that touches neither the contact nor the record (a label changed on an association, a
// deleted record) is seen by the daily full fetch, as deleted contacts are.

import type { AssociatedObjectType, AssociatedRecordData, HubSpotAccount } from '../../hubspot/account/types';
import type { CompanyRecord } from '../types';
import { type ContactIdList, type ListsById, ListsByContact, contactIdList } from '../../hubspot/account/contact-lists';
import { throwIfAborted, untilAborted } from './abort';
import type { CachedAssociations } from './extras-cache';
import type { Progress } from './fetch-contacts';

/** The names HubSpot wants at least one of in a batch read: the record's name when no list reads a property. */
const NAME_PROPERTY: Record<AssociatedObjectType, string> = { companies: 'name', deals: 'dealname', tickets: 'subject' };

/** The record properties read for `wanted` (the record's name when a list reads none). */
export function propertiesToRead(object: AssociatedObjectType, wanted: string[]): string[] {
  return wanted.length > 0 ? wanted : [NAME_PROPERTY[object]];
}

export interface AssociationsRefresh {
  /** Epoch ms on HubSpot's clock: records modified after it are read again. */
  since: number;
  /** Contacts modified since the last fetch (their associations are read again). */
  modifiedIds: string[];
  cached: CachedAssociations | undefined;
  /** The search API's result ceiling (tests lower it). */
  searchCeiling?: number;
}

interface Options {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** Contact id → associated records, every contact of `contactIds` with an entry; a 403 is HubSpot's answer to record. */
export async function readAssociations(account: HubSpotAccount, contactIds: ContactIdList, object: AssociatedObjectType, wanted: string[], refresh: AssociationsRefresh | undefined, options: Options): Promise<ListsById<CompanyRecord>> {
  throwIfAborted(options.signal);
  const properties = propertiesToRead(object, wanted);
  const cached = refresh?.cached && properties.every((p) => refresh.cached!.properties.includes(p)) ? refresh.cached : undefined;
  if (refresh && cached) {
    const modified = await untilAborted(account.recordsModifiedSince(object, refresh.since, properties, { ceiling: refresh.searchCeiling }), options.signal);
    if (!('tooMany' in modified)) return refreshed(account, contactIds, object, properties, refresh.modifiedIds, cached, modified.records, options);
  }
  return readFor(account, contactIds, object, properties, options);
}

async function refreshed(account: HubSpotAccount, ids: ContactIdList, object: AssociatedObjectType, properties: string[], modifiedIds: string[], cached: CachedAssociations, records: { id: string; properties: Record<string, string | null> }[], options: Options): Promise<ListsById<CompanyRecord>> {
  const fresh = await readFor(account, contactIdList(modifiedIds.filter((id) => ids.indexOf(id) >= 0)), object, properties, options);
  const newer = new Map(records.map((r) => [r.id, r.properties]));
  // A cached list no modified record is in is kept as it is (lists are shared between contacts, and
  // a copy each made a million arrays on every refresh of a 1M portal).
  const withNewer = new Map<CompanyRecord[], CompanyRecord[]>();
  const updated = (list: CompanyRecord[]): CompanyRecord[] => {
    if (newer.size === 0 || !list.some((r) => newer.has(r.id))) return list;
    let copy = withNewer.get(list);
    if (!copy) withNewer.set(list, (copy = list.map((r) => (newer.has(r.id) ? { ...r, properties: { ...r.properties, ...newer.get(r.id) } } : r))));
    return copy;
  };
  const lists = new Array<CompanyRecord[]>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids.at(i);
    lists[i] = fresh.get(id) ?? updated(cached.byContact.get(id) ?? NONE);
  }
  return new ListsByContact(ids, lists, NONE);
}

/** The list of a contact without records (shared: lists are never changed in place). */
const NONE = Object.freeze([]) as unknown as CompanyRecord[];

/**
 * The associations of `ids`: an entry for each, [] for none. The account's answer is kept as it is
 * (its lists and records are shared, issue 15). Another account's answer (a test's) is laid out at the
 * ids' indexes, a record carrying more than a CompanyRecord holds (`updatedAt`) copied so that the
 * cache holds what it always did, and contacts not asked about left out.
 */
async function readFor(account: HubSpotAccount, ids: ContactIdList, object: AssociatedObjectType, properties: string[], options: Options): Promise<ListsById<CompanyRecord>> {
  options.onProgress?.({ phase: object, done: 0, total: ids.length });
  if (ids.length === 0) return new ListsByContact<CompanyRecord>(ids, [], NONE);
  const found = await untilAborted(account.getAssociatedFor(ids, object, properties), options.signal);
  options.onProgress?.({ phase: object, done: ids.length, total: ids.length });
  if (found instanceof ListsByContact && found.ids === ids) return found;
  const lists = Array.from({ length: ids.length }, (_, i) => {
    const list = found.get(ids.at(i));
    return list && list.some((r) => !isPlain(r)) ? list.map(asRecord) : list;
  });
  return new ListsByContact<CompanyRecord>(ids, lists, NONE);
}

function isPlain(r: CompanyRecord & { updatedAt?: unknown; history?: unknown }): boolean {
  return r.updatedAt === undefined && r.history === undefined && Array.isArray(r.labels);
}

function asRecord(r: AssociatedRecordData | CompanyRecord): CompanyRecord {
  return { id: r.id, properties: r.properties, labels: r.labels ?? [], ...(r.primary ? { primary: true } : {}) };
}
