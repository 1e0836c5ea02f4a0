// Each contact's associated records of one object (companies, deals, tickets) for previews: the v4
// associations batch read (which gives every association's types: HubSpot-defined ones and the
// USER_DEFINED labels), then a batch read of those records with the properties the lists use. A contact
// with more associations than one answer holds gets a `paging.next.after` in its result; it is asked
// again with that cursor until none is left, so no association is silently dropped.
//
// Memory (issue 15): at 100,000 contacts this answer is held through the rest of a live fetch. A link is
// one object per distinct (record, primary, labels), shared by every contact that has it; contacts with
// the same links share one frozen list, and a contact without any shares one frozen empty list; the batch inputs are made a batch at a time.
// Both reads go a few batches at a time (parallel-reads.ts): they name contacts and records by id.

import { arrayOf, chunks, type Api } from './api';
import { nextAfter } from './account-lists';
import { recordsOf } from './account-records';
import { readInParallel } from './parallel-reads';
import { toAccountError } from './errors';
import type { AssociatedObjectType, AssociatedRecordData, CrmRecordData, Json } from './types';

const ASSOCIATION_BATCH = 1000;
const READ_BATCH = 100;
/** HubSpot's "Contact with Primary Company" association type. */
const PRIMARY_COMPANY_TYPE = 1;

/** A contact asked again from where its previous answer stopped. */
interface Cursor {
  id: string;
  after: string;
}

interface Link {
  id: string;
  primary: boolean;
  /** USER_DEFINED association type ids (labels). */
  labels: string[];
}

/** What a contact without associated records of the object gets (frozen: it is shared). */
const NONE: AssociatedRecordData[] = Object.freeze([]) as unknown as AssociatedRecordData[];

/**
 * Each of `contactIds` → its associated records (the shared NONE for none). Contacts with the same links
 * share one frozen list of records (at 1M contacts, a list each took 160 MB: an array made by `flatMap`
 * or `push` reserves room for 17 elements), and records are shared between contacts with the same link.
 */
export async function associatedFor(api: Api, contactIds: string[], object: AssociatedObjectType, properties: string[]): Promise<Map<string, AssociatedRecordData[]>> {
  const links = await readLinks(api, contactIds, object);
  const linked = new Set<Link>();
  for (const list of links.values()) for (const link of list) linked.add(link);
  const records = await readRecords(api, object, [...new Set([...linked].map((l) => l.id))], properties);
  const asRecord = new Map<Link, AssociatedRecordData>();
  for (const link of linked) {
    const record = records.get(link.id);
    if (record) asRecord.set(link, { id: record.id, properties: record.properties, labels: link.labels, ...(link.primary ? { primary: true } : {}) });
  }
  const sharedLists = new SharedLists(asRecord);
  const result = new Map<string, AssociatedRecordData[]>();
  for (const id of contactIds) {
    const list = links.get(id);
    result.set(id, list ? sharedLists.of(list) : NONE);
  }
  return result;
}

/** One frozen list of records per distinct list of links (equal links are one object already: `intern`). */
class SharedLists {
  private readonly serial = new Map<Link, number>();
  private readonly lists = new Map<string, AssociatedRecordData[]>();

  constructor(private readonly asRecord: Map<Link, AssociatedRecordData>) {}

  of(links: Link[]): AssociatedRecordData[] {
    const key = links.length === 1 ? this.serialOf(links[0]) : links.map((l) => this.serialOf(l)).join(',');
    let list = this.lists.get(key);
    if (!list) {
      // A record deleted between the two reads is no longer associated; `map` sizes the array exactly.
      const found = links.map((link) => this.asRecord.get(link));
      list = Object.freeze(found.includes(undefined) ? found.filter((r) => r !== undefined) : found) as AssociatedRecordData[];
      if (list.length === 0) list = NONE;
      this.lists.set(key, list);
    }
    return list;
  }

  private serialOf(link: Link): string {
    let n = this.serial.get(link);
    if (n === undefined) this.serial.set(link, (n = this.serial.size));
    return String(n);
  }
}

/** Each contact's links (only contacts with some); equal links are one shared object. */
async function readLinks(api: Api, contactIds: string[], object: AssociatedObjectType): Promise<Map<string, Link[]>> {
  const links = new Map<string, Link[]>();
  const shared = new Map<string, Link>();
  const intern = (link: Link) => {
    const key = `${link.id} ${link.primary ? 1 : 0} ${link.labels.join(',')}`;
    const known = shared.get(key);
    if (known) return known;
    shared.set(key, link);
    return link;
  };
  // Each answer becomes its links as it arrives (the parsed answer is dropped) and is merged at once: a
  // contact is in one batch of a round, and rounds go one after another, so its links keep the order
  // one read after another gave them. A contact is keyed by the id string it was asked with (one string
  // per contact, shared with the caller's list, not another made from each answer).
  let nextRound: Cursor[] = [];
  const ask = async (batch: (string | Cursor)[], signal: AbortSignal) => {
    const inputs = batch.map((input) => (typeof input === 'string' ? { id: input } : input));
    const asked = new Map(inputs.map((input) => [input.id, input.id]));
    const answer = await api.call('POST', api.paths.associationsBatchRead('contacts', object), { inputs }, { readOnly: true, signal });
    for (const item of arrayOf(answer, 'results', `a batch of contact → ${object} associations`, api.host)) {
      const result = linksOf(item, api.host);
      const from = asked.get(result.from);
      if (from === undefined) continue;
      if (result.to.length > 0) {
        const to = result.to.map(intern);
        const list = links.get(from);
        if (list) list.push(...to);
        else links.set(from, to);
      }
      if (result.after) nextRound.push({ id: from, after: result.after });
    }
  };
  let round: (string | Cursor)[] = contactIds;
  // Round by round: the contacts whose answer had more (`after`) are asked again with that cursor.
  while (round.length > 0) {
    await readInParallel(chunks(round, ASSOCIATION_BATCH), ask, { concurrency: api.concurrency });
    round = nextRound;
    nextRound = [];
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
  const answers = await readInParallel(chunks(ids, READ_BATCH), async (batch, signal) => {
    const answer = await api.call('POST', api.paths.objectsBatchRead(object), { inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: [] }, { readOnly: true, signal });
    return recordsOf(answer, `a batch of ${object}`, api.host);
  }, { concurrency: api.concurrency });
  const records = new Map<string, CrmRecordData>();
  for (const batch of answers) for (const record of batch) records.set(record.id, record);
  return records;
}
