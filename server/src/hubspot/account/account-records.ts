// Contacts and companies for previews: pages of contacts (with history when asked) and each contact's
// associated companies (v4 batch associations, then a companies batch read). Every record HubSpot
// sends is checked for shape: a malformed page is a clear error, never a crash or a silently short count.

import { arrayOf, chunks, type Api } from './api';
import { nextAfter } from './account-lists';
import { toAccountError } from './errors';
import { withQuery } from './paths';
import type { CrmRecordData, HistoryValue, Json, PageContactsOptions } from './types';

const ASSOCIATION_BATCH = 1000;
const READ_BATCH = 100;

export async function* pageContacts(api: Api, properties: string[], options: PageContactsOptions): AsyncIterable<CrmRecordData[]> {
  const history = options.history ?? [];
  const limit = Math.min(options.pageSize ?? 100, history.length > 0 ? 50 : 100);
  let after: string | undefined;
  do {
    const query = { limit, after, properties, propertiesWithHistory: history.length > 0 ? history : undefined, archived: false };
    const page = await api.call('GET', withQuery(api.paths.objects('contacts'), query));
    yield recordsOf(page, 'a page of contacts', api.host);
    after = nextAfter(page);
  } while (after);
}

/** The records of a page or batch answer, each checked for an id and a properties object. */
export function recordsOf(page: Json, what: string, host: string): CrmRecordData[] {
  return arrayOf(page, 'results', what, host).map((item, i) => toRecord(item, `${what} (result ${i + 1})`, host));
}

function toRecord(value: unknown, what: string, host: string): CrmRecordData {
  const record = value as { id?: unknown; properties?: unknown; propertiesWithHistory?: unknown; updatedAt?: unknown } | null;
  const validId = record && (typeof record.id === 'string' || typeof record.id === 'number') && String(record.id) !== '';
  if (!record || typeof record !== 'object' || !validId || typeof record.properties !== 'object' || record.properties === null || Array.isArray(record.properties)) {
    throw toAccountError(new Error(`HubSpot at ${host} sent ${what} that is not a record with an id and properties`), host);
  }
  const properties: Record<string, string | null> = {};
  for (const [name, v] of Object.entries(record.properties as Record<string, unknown>)) properties[name] = v === null || v === undefined ? null : String(v);
  const result: CrmRecordData = { id: String(record.id), properties, ...(typeof record.updatedAt === 'string' ? { updatedAt: record.updatedAt } : {}) };
  if (record.propertiesWithHistory && typeof record.propertiesWithHistory === 'object') result.history = historyOf(record.propertiesWithHistory as Record<string, unknown>);
  return result;
}

function historyOf(raw: Record<string, unknown>): Record<string, HistoryValue[]> {
  const history: Record<string, HistoryValue[]> = {};
  for (const [name, entries] of Object.entries(raw)) {
    history[name] = (Array.isArray(entries) ? entries : []).map((e: { value?: unknown; timestamp?: unknown }) => ({ value: String(e?.value ?? ''), timestamp: String(e?.timestamp ?? '') }));
  }
  return history;
}

export async function companiesFor(api: Api, contactIds: string[], properties: string[]): Promise<Map<string, CrmRecordData[]>> {
  const companyIdsByContact = new Map<string, string[]>(contactIds.map((id) => [id, []]));
  const primaryOf = new Map<string, string>();
  for (const batch of chunks(contactIds, ASSOCIATION_BATCH)) {
    const answer = await api.call('POST', api.paths.associationsBatchRead('contacts', 'companies'), { inputs: batch.map((id) => ({ id })) }, { readOnly: true });
    for (const item of arrayOf(answer, 'results', 'a batch of associations', api.host)) {
      const result = item as { from?: { id?: unknown }; to?: { toObjectId?: unknown; associationTypes?: { typeId?: unknown }[] }[] };
      if (result?.from?.id === undefined || !Array.isArray(result.to)) throw toAccountError(new Error(`HubSpot at ${api.host} sent an association result without "from" and "to"`), api.host);
      companyIdsByContact.set(String(result.from.id), result.to.map((to) => String(to.toObjectId)));
      // Association type 1 is HubSpot's "Contact with Primary Company".
      const primary = result.to.find((to) => Array.isArray(to.associationTypes) && to.associationTypes.some((t) => t?.typeId === 1));
      if (primary) primaryOf.set(String(result.from.id), String(primary.toObjectId));
    }
  }
  const companyIds = [...new Set([...companyIdsByContact.values()].flat())];
  const companies = new Map<string, CrmRecordData>();
  for (const batch of chunks(companyIds, READ_BATCH)) {
    const answer = await api.call('POST', api.paths.objectsBatchRead('companies'), { inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: [] }, { readOnly: true });
    for (const record of recordsOf(answer, 'a batch of companies', api.host)) companies.set(record.id, record);
  }
  const result = new Map<string, CrmRecordData[]>();
  for (const [contactId, ids] of companyIdsByContact) {
    const found = ids.map((id) => companies.get(id)).filter((c): c is CrmRecordData => c !== undefined);
    result.set(contactId, found.map((c) => (primaryOf.get(contactId) === c.id ? { ...c, primary: true } : c)));
  }
  return result;
}
