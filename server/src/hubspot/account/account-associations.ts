// Each contact's associated records of one object (companies, deals, tickets) for previews: the v4
// associations batch read (which gives every association's types: HubSpot-defined ones and the
// USER_DEFINED labels), then a batch read of those records with the properties the lists use. A contact
// with more associations than one answer holds gets a `paging.next.after` in its result; it is asked
// again with that cursor until none is left, so no association is silently dropped.
//
// Memory (issue 15): at 100,000 contacts this answer is held through the rest of a live fetch. A link is
// one object per distinct (record, primary, labels), shared by every contact that has it; contacts with
// the same links share one frozen list, and a contact without any shares one frozen empty list; the batch
// inputs are made a batch at a time, and each contact's list sits at its index of the ids asked about
// (contact-lists.ts: no map of a million id strings).
// Both reads go a few batches at a time (parallel-reads.ts): they name contacts and records by id.

import { arrayOf, chunks, type Api } from './api';
import { nextAfter } from './account-lists';
import { recordsOf } from './account-records';
import { readInParallel } from './parallel-reads';
import { toAccountError } from './errors';
import type { AssociatedObjectType, AssociatedRecordData, CrmRecordData, Json } from './types';
import { type ContactIdList, ListsByContact, contactIdList } from './contact-lists';

const ASSOCIATION_BATCH = 1000;
const READ_BATCH = 100;
/** HubSpot's "Contact with Primary Company" association type. */
const PRIMARY_COMPANY_TYPE = 1;

/** A contact (its index in the ids asked about) asked again from where its previous answer stopped. */
interface Cursor {
  index: number;
  after: string;
}

/**
 * A link as read (the record's id, whether it is the primary one, its labels), which becomes the record
 * itself once the records are read: its `properties` are filled in place.
 */
type Link = AssociatedRecordData;

/** A link's properties until its record is read (shared; replaced, never changed). */
const NOT_READ: Record<string, string | null> = Object.freeze({}) as Record<string, string | null>;
/** The labels of a link without any (shared: most links have none). */
const NO_LABELS: string[] = Object.freeze([]) as unknown as string[];

/** What a contact without associated records of the object gets (frozen: it is shared). */
const NONE: AssociatedRecordData[] = Object.freeze([]) as unknown as AssociatedRecordData[];

/**
 * Each of `contactIds` → its associated records (the shared NONE for none). Contacts with the same links
 * share one frozen list of records (at 1M contacts, a list each took 160 MB: an array made by `flatMap`
 * or `push` reserves room for 17 elements), and records are shared between contacts with the same link.
 */
export async function associatedFor(api: Api, contactIds: readonly string[] | ContactIdList, object: AssociatedObjectType, properties: string[]): Promise<ListsByContact<AssociatedRecordData>> {
  const ids = contactIdList(contactIds);
  const links = await readLinks(api, ids, object);
  const linked = new Set<Link>();
  for (const list of links) if (list) for (const link of list) linked.add(link);
  const records = await readRecords(api, object, [...new Set([...linked].map((l) => l.id))], properties);
  // Links and lists of links are shared already (LinkInterner), so each link becomes its record in
  // place and each list stays as it is: a second set of records and lists was 15 MB more at the end of
  // a 1,000,000-contact read (issue 15).
  const gone = new Set<Link>();
  for (const link of linked) {
    const record = records.get(link.id);
    if (record) link.properties = record.properties;
    else gone.add(link);
  }
  if (gone.size > 0) dropGone(links, gone);
  return new ListsByContact(ids, links as (AssociatedRecordData[] | undefined)[], NONE);
}

/** A record deleted between the two reads is no longer associated: each list naming one is made once without it. */
function dropGone(links: (readonly Link[] | undefined)[], gone: ReadonlySet<Link>): void {
  const without = new Map<readonly Link[], readonly Link[] | undefined>();
  for (let i = 0; i < links.length; i++) {
    const list = links[i];
    if (!list || !list.some((link) => gone.has(link))) continue;
    if (!without.has(list)) {
      const kept = list.filter((link) => !gone.has(link));
      without.set(list, kept.length === 0 ? undefined : Object.freeze(kept));
    }
    links[i] = without.get(list);
  }
}

/**
 * Equal links as one object, and equal lists of links as one frozen list: at 1M contacts, a list each
 * (an array made by `flatMap` or `push` reserves room for 17 elements) took 160 MB, and most contacts
 * share their companies' list with others.
 */
class LinkInterner {
  private readonly links = new Map<string, Link>();
  private readonly serials = new Map<Link, number>();
  private readonly lists = new Map<string, readonly Link[]>();

  link(link: Link): Link {
    const key = `${link.id} ${link.primary === true ? 1 : 0} ${link.labels.join(',')}`;
    const known = this.links.get(key);
    if (known) return known;
    this.links.set(key, link);
    this.serials.set(link, this.serials.size);
    return link;
  }

  /** `links` (already interned one by one) as the shared list of those links in that order. */
  list(links: Link[]): readonly Link[] {
    const key = links.map((l) => this.serials.get(l)).join(',');
    const known = this.lists.get(key);
    if (known) return known;
    const list = Object.freeze(links);
    this.lists.set(key, list);
    return list;
  }
}

/** Each contact's links at its index (undefined: none); equal links are one shared object, equal lists one shared list. */
async function readLinks(api: Api, ids: ContactIdList, object: AssociatedObjectType): Promise<(readonly Link[] | undefined)[]> {
  const links = new Array<readonly Link[] | undefined>(ids.length);
  const interner = new LinkInterner();
  // Each answer becomes its links as it arrives (the parsed answer is dropped) and is merged at once: a
  // contact is in one batch of a round, and rounds go one after another, so its links keep the order
  // one read after another gave them. A batch's id strings are made for its request alone.
  let nextRound: Cursor[] = [];
  const ask = async (batch: Cursor[] | { from: number; to: number }, signal: AbortSignal) => {
    const asked = new Map<string, number>();
    const inputs: ({ id: string } | { id: string; after: string })[] = [];
    const add = (index: number, after?: string) => {
      const id = ids.at(index);
      asked.set(id, index);
      inputs.push(after === undefined ? { id } : { id, after });
    };
    if (Array.isArray(batch)) for (const c of batch) add(c.index, c.after);
    else for (let i = batch.from; i < batch.to; i++) add(i);
    const answer = await api.call('POST', api.paths.associationsBatchRead('contacts', object), { inputs }, { readOnly: true, signal });
    for (const item of arrayOf(answer, 'results', `a batch of contact → ${object} associations`, api.host)) {
      const result = linksOf(item, api.host);
      const index = asked.get(result.from);
      if (index === undefined) continue;
      if (result.to.length > 0) {
        const to = result.to.map((link) => interner.link(link));
        const before = links[index];
        links[index] = interner.list(before ? [...before, ...to] : to);
      }
      if (result.after) nextRound.push({ index, after: result.after });
    }
  };
  // The first round asks every contact, a range of indexes a batch; then the contacts whose answer had
  // more (`after`) are asked again with that cursor, round by round.
  let round: (Cursor[] | { from: number; to: number })[] = [];
  for (let from = 0; from < ids.length; from += ASSOCIATION_BATCH) round.push({ from, to: Math.min(ids.length, from + ASSOCIATION_BATCH) });
  while (round.length > 0) {
    await readInParallel(round, ask, { concurrency: api.concurrency });
    round = chunks(nextRound, ASSOCIATION_BATCH);
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
    const id = String(entry.toObjectId);
    const found = types.filter((t) => t?.category === 'USER_DEFINED' && t.typeId !== undefined).map((t) => String(t.typeId));
    const labels = found.length > 0 ? found : NO_LABELS;
    // Two literals, not a spread: every link has one of two shapes.
    return types.some((t) => t?.typeId === PRIMARY_COMPANY_TYPE && t.category === 'HUBSPOT_DEFINED') ? { id, properties: NOT_READ, labels, primary: true } : { id, properties: NOT_READ, labels };
  });
  return { from: String(result.from.id), to, after: nextAfter(result as Json) };
}

async function readRecords(api: Api, object: AssociatedObjectType, ids: string[], properties: string[]): Promise<Map<string, CrmRecordData>> {
  // Each answer is cut to the id and the asked properties as it arrives: the answers are all held until
  // the last one comes, and HubSpot's records carry more (times, `archived`, properties no one asked for).
  const answers = await readInParallel(chunks(ids, READ_BATCH), async (batch, signal) => {
    const answer = await api.call('POST', api.paths.objectsBatchRead(object), { inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: [] }, { readOnly: true, signal });
    return recordsOf(answer, `a batch of ${object}`, api.host).map((record): CrmRecordData => ({ id: record.id, properties: askedOnly(record.properties, properties) }));
  }, { concurrency: api.concurrency });
  const records = new Map<string, CrmRecordData>();
  for (const batch of answers) for (const record of batch) records.set(record.id, record);
  return records;
}

/**
 * The properties asked for, as HubSpot gave them. Its answers carry `createdate`, `hs_lastmodifieddate`
 * and `hs_object_id` besides: held for every company of a 1,000,000-contact fetch, they were about a
 * third of its strings at the peak (issue 15), and no list had asked for them.
 */
function askedOnly(all: Record<string, string | null>, asked: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of asked) if (Object.hasOwn(all, name)) out[name] = all[name];
  return out;
}
