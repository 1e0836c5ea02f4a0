// Contacts and companies for previews: pages of contacts (with history when asked) and each contact's
// associated companies (v4 batch associations, then a companies batch read).

import type { Client } from '@hubspot/api-client';
import { toAccountError } from './errors';
import type { CrmRecordData, HistoryValue, PageContactsOptions } from './types';

const ASSOCIATION_BATCH = 1000;
const READ_BATCH = 100;

export async function* pageContacts(client: Client, properties: string[], options: PageContactsOptions, host: string): AsyncIterable<CrmRecordData[]> {
  const history = options.history ?? [];
  const limit = Math.min(options.pageSize ?? 100, history.length > 0 ? 50 : 100);
  let after: string | undefined;
  do {
    let page;
    try {
      page = await client.crm.contacts.basicApi.getPage(limit, after, properties, history.length > 0 ? history : undefined, undefined, false);
    } catch (error) {
      throw toAccountError(error, host);
    }
    yield page.results.map((record) => toRecord(record));
    after = page.paging?.next?.after;
  } while (after);
}

interface SdkRecord {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, { value: string; timestamp: Date | string }[]>;
}

function toRecord(record: SdkRecord): CrmRecordData {
  const result: CrmRecordData = { id: record.id, properties: { ...record.properties } };
  if (record.propertiesWithHistory) {
    const history: Record<string, HistoryValue[]> = {};
    for (const [name, entries] of Object.entries(record.propertiesWithHistory)) {
      history[name] = entries.map((e) => ({ value: e.value, timestamp: e.timestamp instanceof Date ? e.timestamp.toISOString() : String(e.timestamp) }));
    }
    result.history = history;
  }
  return result;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export async function companiesFor(client: Client, contactIds: string[], properties: string[]): Promise<Map<string, CrmRecordData[]>> {
  const companyIdsByContact = new Map<string, string[]>(contactIds.map((id) => [id, []]));
  for (const batch of chunks(contactIds, ASSOCIATION_BATCH)) {
    const response = await client.crm.associations.v4.batchApi.getPage('contacts', 'companies', { inputs: batch.map((id) => ({ id })) });
    for (const result of response.results) {
      companyIdsByContact.set(result._from.id, result.to.map((to) => String(to.toObjectId)));
    }
  }
  const companyIds = [...new Set([...companyIdsByContact.values()].flat())];
  const companies = new Map<string, CrmRecordData>();
  for (const batch of chunks(companyIds, READ_BATCH)) {
    const response = await client.crm.companies.batchApi.read({ inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: [] });
    for (const record of response.results) companies.set(record.id, toRecord(record));
  }
  const result = new Map<string, CrmRecordData[]>();
  for (const [contactId, ids] of companyIdsByContact) {
    result.set(contactId, ids.map((id) => companies.get(id)).filter((c): c is CrmRecordData => c !== undefined));
  }
  return result;
}
