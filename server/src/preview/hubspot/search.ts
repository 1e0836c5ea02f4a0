// What the account layer (server/src/hubspot/account/) does not offer yet, on the same SDK client:
// contacts modified since an instant (CRM search, GT on `lastmodifieddate`), a contacts count, and a
// batch read with property history (search never returns history). Kept here as a thin adapter so
// the account layer's interface does not change; see the report for the methods it could grow.

import type { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/models/Filter';
import { toAccountError } from '../../hubspot/account/errors';
import type { CrmRecordData } from '../../hubspot/account/types';
import { throwIfAborted, untilAborted } from './abort';

/** HubSpot's search pages at most 200 results and never past 10,000 (hubspot-api.md §5.2). */
export const SEARCH_PAGE = 200;
export const SEARCH_CEILING = 10_000;
const READ_BATCH = 100;

export type ModifiedContacts = { records: CrmRecordData[] } | { tooMany: number };

export interface SearchOptions {
  signal?: AbortSignal;
  /** Default SEARCH_CEILING; lower only in tests, to reach the fallback without 10,000 records. */
  ceiling?: number;
  onPage?: (done: number, total: number) => void;
}

/** Contacts with `lastmodifieddate` after `since` (epoch ms), or how many there are when over the ceiling. */
export async function contactsModifiedSince(client: Client, host: string, since: number, properties: string[], options: SearchOptions = {}): Promise<ModifiedContacts> {
  const records: CrmRecordData[] = [];
  let after: string | undefined;
  do {
    throwIfAborted(options.signal);
    const request = {
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Gt, value: String(since) }] }],
      sorts: ['hs_object_id'],
      properties,
      limit: SEARCH_PAGE,
      ...(after === undefined ? {} : { after }),
    };
    const page = await untilAborted(guard(host, () => client.crm.contacts.searchApi.doSearch(request)), options.signal);
    if (page.total > (options.ceiling ?? SEARCH_CEILING)) return { tooMany: page.total };
    records.push(...page.results.map((r) => ({ id: r.id, properties: { ...r.properties } })));
    options.onPage?.(records.length, page.total);
    after = page.paging?.next?.after;
  } while (after);
  return { records };
}

/** How many contacts the portal holds (search `total` with one result), or undefined when HubSpot does not say. */
export async function countContacts(client: Client, host: string): Promise<number | undefined> {
  try {
    const page = await guard(host, () => client.crm.contacts.searchApi.doSearch({ filterGroups: [], properties: ['hs_object_id'], limit: 1 }));
    return typeof page.total === 'number' ? page.total : undefined;
  } catch {
    return undefined; // only used for the progress bar
  }
}

/** The history of `history` properties for these contacts (batch read, 100 a request). */
export async function readHistory(client: Client, host: string, ids: string[], history: string[], signal?: AbortSignal): Promise<Map<string, CrmRecordData>> {
  const out = new Map<string, CrmRecordData>();
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    throwIfAborted(signal);
    const inputs = ids.slice(i, i + READ_BATCH).map((id) => ({ id }));
    const response = await untilAborted(guard(host, () => client.crm.contacts.batchApi.read({ inputs, properties: history, propertiesWithHistory: history })), signal);
    for (const r of response.results) out.set(r.id, { id: r.id, properties: { ...r.properties }, history: historyOf(r.propertiesWithHistory) });
  }
  return out;
}

function historyOf(raw: Record<string, { value: string; timestamp: Date | string }[]> | undefined): CrmRecordData['history'] {
  const history: NonNullable<CrmRecordData['history']> = {};
  for (const [name, entries] of Object.entries(raw ?? {})) {
    history[name] = entries.map((e) => ({ value: e.value, timestamp: e.timestamp instanceof Date ? e.timestamp.toISOString() : String(e.timestamp) }));
  }
  return history;
}

async function guard<T>(host: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAccountError(error, host);
  }
}
