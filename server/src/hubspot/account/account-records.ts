// Contacts for previews: pages of contacts (with history when asked); associated records are read by
// account-associations.ts. Every record HubSpot sends is checked for shape: a malformed page is a clear error, never a crash or a silently short count.

import { arrayOf, type Api } from './api';
import { nextAfter } from './account-lists';
import { toAccountError } from './errors';
import { batchFailures, batchFailuresError } from './batch-errors';
import { withQuery } from './paths';
import type { CrmRecordData, HistoryValue, Json, PageContactsOptions } from './types';

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

/**
 * The records of a page or batch answer, each checked for an id and a properties object. A batch
 * answer's `errors` of category OBJECT_NOT_FOUND name ids with no record (deleted, or never there): those
 * are absent. Any other error item fails the read (batch-errors.ts).
 */
export function recordsOf(page: Json, what: string, host: string): CrmRecordData[] {
  const failures = batchFailures(page.errors, (item) => item.category === 'OBJECT_NOT_FOUND');
  if (failures.count > 0) throw batchFailuresError(host, what, failures, 'not found', 'the records it names would otherwise be read as not there');
  return arrayOf(page, 'results', what, host).map((item, i) => toRecord(item, `${what} (result ${i + 1})`, host));
}

function toRecord(value: unknown, what: string, host: string): CrmRecordData {
  const record = value as { id?: unknown; properties?: unknown; propertiesWithHistory?: unknown; updatedAt?: unknown } | null;
  const validId = record && (typeof record.id === 'string' || typeof record.id === 'number') && String(record.id) !== '';
  if (!record || typeof record !== 'object' || !validId || typeof record.properties !== 'object' || record.properties === null || Array.isArray(record.properties)) {
    throw toAccountError(new Error(`HubSpot at ${host} sent ${what} that is not a record with an id and properties`), host);
  }
  const result: CrmRecordData = { id: String(record.id), properties: stringValues(record.properties as Record<string, unknown>), ...(typeof record.updatedAt === 'string' ? { updatedAt: record.updatedAt } : {}) };
  if (record.propertiesWithHistory && typeof record.propertiesWithHistory === 'object') result.history = historyOf(record.propertiesWithHistory as Record<string, unknown>);
  return result;
}

// A full fetch reads every contact through here (issue 15: at 100,000 contacts, copying each record's
// properties and history was the largest part of what the fetch allocated). HubSpot sends strings, so
// its parsed objects are kept as they are and copied only when some value is not a string.

/** The properties as strings or null: the parsed object itself when every value already is one. */
function stringValues(raw: Record<string, unknown>): Record<string, string | null> {
  for (const name in raw) {
    const v = raw[name];
    if (v !== null && typeof v !== 'string') return asStrings(raw);
  }
  return raw as Record<string, string | null>;
}

function asStrings(raw: Record<string, unknown>): Record<string, string | null> {
  const properties: Record<string, string | null> = {};
  for (const [name, v] of Object.entries(raw)) properties[name] = v === null || v === undefined ? null : String(v);
  return properties;
}

function historyOf(raw: Record<string, unknown>): Record<string, HistoryValue[]> {
  const history: Record<string, HistoryValue[]> = {};
  for (const name in raw) {
    const entries = raw[name];
    history[name] = !Array.isArray(entries) ? [] : entries.every(isHistoryValue) ? entries : entries.map((e: { value?: unknown; timestamp?: unknown }) => ({ value: String(e?.value ?? ''), timestamp: String(e?.timestamp ?? '') }));
  }
  return history;
}

/** An entry as HubSpot sends it: string value and time (its other fields, such as sourceType, are not read). */
function isHistoryValue(e: unknown): e is HistoryValue {
  return typeof e === 'object' && e !== null && typeof (e as HistoryValue).value === 'string' && typeof (e as HistoryValue).timestamp === 'string';
}
