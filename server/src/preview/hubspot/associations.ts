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
export async function readAssociations(account: HubSpotAccount, contactIds: string[], object: AssociatedObjectType, wanted: string[], refresh: AssociationsRefresh | undefined, options: Options): Promise<Map<string, CompanyRecord[]>> {
  throwIfAborted(options.signal);
  const properties = propertiesToRead(object, wanted);
  const cached = refresh?.cached && properties.every((p) => refresh.cached!.properties.includes(p)) ? refresh.cached : undefined;
  if (refresh && cached) {
    const modified = await untilAborted(account.recordsModifiedSince(object, refresh.since, properties, { ceiling: refresh.searchCeiling }), options.signal);
    if (!('tooMany' in modified)) return refreshed(account, contactIds, object, properties, refresh.modifiedIds, cached, modified.records, options);
  }
  return readFor(account, contactIds, object, properties, options);
}

async function refreshed(account: HubSpotAccount, contactIds: string[], object: AssociatedObjectType, properties: string[], modifiedIds: string[], cached: CachedAssociations, records: { id: string; properties: Record<string, string | null> }[], options: Options): Promise<Map<string, CompanyRecord[]>> {
  const present = new Set(contactIds);
  const fresh = await readFor(account, modifiedIds.filter((id) => present.has(id)), object, properties, options);
  const newer = new Map(records.map((r) => [r.id, r.properties]));
  const result = new Map<string, CompanyRecord[]>();
  // A cached list no modified record is in is kept as it is (lists are shared between contacts, and
  // a copy each made a million arrays on every refresh of a 1M portal).
  const withNewer = new Map<CompanyRecord[], CompanyRecord[]>();
  const updated = (list: CompanyRecord[]): CompanyRecord[] => {
    if (newer.size === 0 || !list.some((r) => newer.has(r.id))) return list;
    let copy = withNewer.get(list);
    if (!copy) withNewer.set(list, (copy = list.map((r) => (newer.has(r.id) ? { ...r, properties: { ...r.properties, ...newer.get(r.id) } } : r))));
    return copy;
  };
  for (const id of contactIds) result.set(id, fresh.get(id) ?? updated(cached.byContact.get(id) ?? NONE));
  return result;
}

/** The list of a contact without records (shared: lists are never changed in place). */
const NONE: CompanyRecord[] = [];

/**
 * The associations of `ids`: an entry for each, [] for none. The account's answer is kept as it is
 * (its lists and records are shared, issue 15): only a record carrying more than a CompanyRecord
 * holds (an account that kept `updatedAt`) is copied, so that the cache holds what it always did.
 */
async function readFor(account: HubSpotAccount, ids: string[], object: AssociatedObjectType, properties: string[], options: Options): Promise<Map<string, CompanyRecord[]>> {
  options.onProgress?.({ phase: object, done: 0, total: ids.length });
  const found: Map<string, CompanyRecord[]> = ids.length === 0 ? new Map<string, AssociatedRecordData[]>() : await untilAborted(account.getAssociatedFor(ids, object, properties), options.signal);
  options.onProgress?.({ phase: object, done: ids.length, total: ids.length });
  for (const id of ids) {
    const list = found.get(id);
    if (!list) found.set(id, []);
    else if (list.some((r) => !isPlain(r))) found.set(id, list.map(asRecord));
  }
  if (found.size > ids.length) {
    // An answer for contacts not asked about: left out, as before.
    const asked = new Set(ids);
    for (const id of found.keys()) if (!asked.has(id)) found.delete(id);
  }
  return found;
}

function isPlain(r: CompanyRecord & { updatedAt?: unknown; history?: unknown }): boolean {
  return r.updatedAt === undefined && r.history === undefined && Array.isArray(r.labels);
}

function asRecord(r: AssociatedRecordData | CompanyRecord): CompanyRecord {
  return { id: r.id, properties: r.properties, labels: r.labels ?? [], ...(r.primary ? { primary: true } : {}) };
}
