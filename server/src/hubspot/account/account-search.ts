// The CRM search API for the live preview's refresh: contacts modified since an instant (GT on
// `lastmodifieddate`), companies, deals or tickets modified since one (GT on `hs_lastmodifieddate`, their
// name for it), a contacts count, and a batch read with property history (search never returns history). Search is limited to 5 requests a second besides the general limit (the transport paces it).

import { chunks, type Api } from './api';
import { nextAfter } from './account-lists';
import { recordsOf } from './account-records';
import { readInParallel } from './parallel-reads';
import type { AssociatedObjectType, CrmRecordData, ModifiedContacts, ModifiedSinceOptions, SearchFilter } from './types';

/** HubSpot's search pages at most 200 results and never past 10,000 (HubSpot's CRM search guide). */
export const SEARCH_PAGE = 200;
export const SEARCH_CEILING = 10_000;
/** A batch read takes 100 ids, but only 50 when it asks for history (HubSpot answers 400 past that). */
const HISTORY_READ_BATCH = 50;

export function contactsModifiedSince(api: Api, since: number, properties: string[], options: ModifiedSinceOptions): Promise<ModifiedContacts> {
  return modifiedSince(api, 'contacts', 'lastmodifieddate', since, properties, options);
}

export function recordsModifiedSince(api: Api, object: AssociatedObjectType, since: number, properties: string[], options: ModifiedSinceOptions): Promise<ModifiedContacts> {
  return modifiedSince(api, object, 'hs_lastmodifieddate', since, properties, options);
}

async function modifiedSince(api: Api, object: string, modified: string, since: number, properties: string[], options: ModifiedSinceOptions): Promise<ModifiedContacts> {
  const records: CrmRecordData[] = [];
  let after: string | undefined;
  do {
    const request = {
      filterGroups: [{ filters: [{ propertyName: modified, operator: 'GT', value: String(since) }] }],
      sorts: ['hs_object_id'],
      properties,
      limit: SEARCH_PAGE,
      ...(after === undefined ? {} : { after }),
    };
    const page = await api.call('POST', api.paths.objectsSearch(object), request, { readOnly: true, search: true });
    const total = typeof page.total === 'number' ? page.total : Number.NaN;
    if (total > (options.ceiling ?? SEARCH_CEILING)) return { tooMany: total };
    records.push(...recordsOf(page, 'a page of search results', api.host));
    options.onPage?.(records.length, Number.isNaN(total) ? records.length : total);
    after = nextAfter(page);
  } while (after);
  return { records };
}

export function countContacts(api: Api): Promise<number | undefined> {
  return searchTotal(api, []); // only used for the progress bar and to size the columns
}

/** How many contacts pass these filters (one AND group): an estimate that chooses how to read, never an answer. */
export function countContactsWhere(api: Api, filters: SearchFilter[]): Promise<number | undefined> {
  return searchTotal(api, filters.length > 0 ? [{ filters }] : []);
}

async function searchTotal(api: Api, filterGroups: { filters: SearchFilter[] }[]): Promise<number | undefined> {
  try {
    const page = await api.call('POST', api.paths.objectsSearch('contacts'), { filterGroups, properties: ['hs_object_id'], limit: 1 }, { readOnly: true, search: true });
    return typeof page.total === 'number' ? page.total : undefined;
  } catch {
    return undefined; // its callers go on without it
  }
}

/** The contacts' history, read in batches of 50 a few at a time; a contact HubSpot did not return (deleted meanwhile) is absent. */
export async function readContactsHistory(api: Api, ids: string[], history: string[], onRead?: (done: number) => void): Promise<Map<string, CrmRecordData>> {
  const batches = chunks(ids, HISTORY_READ_BATCH);
  let read = 0;
  const answers = await readInParallel(batches, async (batch, signal) => {
    const body = { inputs: batch.map((id) => ({ id })), properties: history, propertiesWithHistory: history };
    const records = recordsOf(await api.call('POST', api.paths.objectsBatchRead('contacts'), body, { readOnly: true, signal }), 'a batch of contacts with history', api.host);
    onRead?.((read += batch.length));
    return records;
  }, { concurrency: api.concurrency });
  const out = new Map<string, CrmRecordData>();
  for (const records of answers) for (const record of records) out.set(record.id, record);
  return out;
}
