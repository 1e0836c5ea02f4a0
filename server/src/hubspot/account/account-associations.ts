// Each contact's associated records of one object (companies, deals, tickets) for previews: the v4
// associations batch read (which gives every association's types: HubSpot-defined ones and the
// USER_DEFINED labels), then a batch read of those records with the properties the lists use. A contact
// with more associations than one answer holds gets a `paging.next.after` in its result; it is asked
// again with that cursor until none is left, so no association is silently dropped.

import { arrayOf, chunks, type Api } from './api';
import { nextAfter } from './account-lists';
import { recordsOf } from './account-records';
import { toAccountError } from './errors';
import type { AssociatedObjectType, AssociatedRecordData, CrmRecordData, Json } from './types';

const ASSOCIATION_BATCH = 1000;
const READ_BATCH = 100;
/** HubSpot's "Contact with Primary Company" association type. */
const PRIMARY_COMPANY_TYPE = 1;

interface Link {
  id: string;
  primary: boolean;
  /** USER_DEFINED association type ids (labels). */
  labels: string[];
}

export async function associatedFor(api: Api, contactIds: string[], object: AssociatedObjectType, properties: string[]): Promise<Map<string, AssociatedRecordData[]>> {
  const links = await readLinks(api, contactIds, object);
  const records = await readRecords(api, object, [...new Set([...links.values()].flat().map((l) => l.id))], properties);
  const result = new Map<string, AssociatedRecordData[]>();
  for (const [contactId, list] of links) {
    const found: AssociatedRecordData[] = [];
    for (const link of list) {
      const record = records.get(link.id);
      // A record deleted between the two reads is no longer associated.
      if (record) found.push({ ...record, ...(link.primary ? { primary: true } : {}), labels: link.labels });
    }
    result.set(contactId, found);
  }
  return result;
}

async function readLinks(api: Api, contactIds: string[], object: AssociatedObjectType): Promise<Map<string, Link[]>> {
  const links = new Map<string, Link[]>(contactIds.map((id) => [id, []]));
  let inputs: { id: string; after?: string }[] = contactIds.map((id) => ({ id }));
  while (inputs.length > 0) {
    const more: { id: string; after: string }[] = [];
    for (const batch of chunks(inputs, ASSOCIATION_BATCH)) {
      const answer = await api.call('POST', api.paths.associationsBatchRead('contacts', object), { inputs: batch }, { readOnly: true });
      for (const item of arrayOf(answer, 'results', `a batch of contact → ${object} associations`, api.host)) {
        const { from, to, after } = linksOf(item, api.host);
        const list = links.get(from);
        if (!list) continue;
        list.push(...to);
        if (after) more.push({ id: from, after });
      }
    }
    inputs = more;
  }
  return links;
}

function linksOf(item: unknown, host: string): { from: string; to: Link[]; after: string | undefined } {
  const result = item as { from?: { id?: unknown }; to?: unknown } | null;
  if (!result || result.from?.id === undefined || !Array.isArray(result.to)) {
    throw toAccountError(new Error(`HubSpot at ${host} sent an association result without "from" and "to"`), host);
  }
  const to = result.to.map((entry: { toObjectId?: unknown; associationTypes?: unknown }) => {
    if (entry?.toObjectId === undefined || entry.toObjectId === null) throw toAccountError(new Error(`HubSpot at ${host} sent an association without "toObjectId"`), host);
    const types = Array.isArray(entry.associationTypes) ? (entry.associationTypes as { category?: unknown; typeId?: unknown }[]) : [];
    return {
      id: String(entry.toObjectId),
      primary: types.some((t) => t?.typeId === PRIMARY_COMPANY_TYPE && t.category === 'HUBSPOT_DEFINED'),
      labels: types.filter((t) => t?.category === 'USER_DEFINED' && t.typeId !== undefined).map((t) => String(t.typeId)),
    };
  });
  return { from: String(result.from.id), to, after: nextAfter(result as Json) };
}

async function readRecords(api: Api, object: AssociatedObjectType, ids: string[], properties: string[]): Promise<Map<string, CrmRecordData>> {
  const records = new Map<string, CrmRecordData>();
  for (const batch of chunks(ids, READ_BATCH)) {
    const answer = await api.call('POST', api.paths.objectsBatchRead(object), { inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: [] }, { readOnly: true });
    for (const record of recordsOf(answer, `a batch of ${object}`, api.host)) records.set(record.id, record);
  }
  return records;
}
