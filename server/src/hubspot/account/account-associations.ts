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

import { chunks, type Api } from './api';
import { recordsOf } from './account-records';
import { readInParallel } from './parallel-reads';
import { readAssociationAnswer, type AssociationAnswer } from './association-answer';
import type { AssociatedObjectType, AssociatedRecordData, CrmRecordData } from './types';
import { type ContactIdList, ListsByContact, contactIdList } from './contact-lists';
import { idInputs } from './json-text';

/** Contacts in one associations batch read: HubSpot's limit since February 2025 (developers.hubspot.com/changelog, "Batch Read Limit for HubSpot Associations API"). */
const ASSOCIATION_BATCH = 1000;
const READ_BATCH = 100;

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

/** What a contact without associated records of the object gets (frozen: it is shared). */
const NONE: AssociatedRecordData[] = Object.freeze([]) as unknown as AssociatedRecordData[];

/**
 * Each of `contactIds` → its associated records (the shared NONE for none). Contacts with the same links
 * share one frozen list of records (at 1M contacts, a list each took 160 MB: an array made by `flatMap`
 * or `push` reserves room for 17 elements), and records are shared between contacts with the same link.
 */
export async function associatedFor(api: Api, contactIds: readonly string[] | ContactIdList, object: AssociatedObjectType, properties: string[]): Promise<ListsByContact<AssociatedRecordData>> {
  const ids = contactIdList(contactIds);
  const interner = new LinkInterner();
  const links = await readLinks(api, ids, object, interner);
  const linked = [...interner.all()];
  const records = await readRecords(api, object, [...new Set(linked.map((l) => l.id))], properties);
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
 * share their companies' list with others. A link without labels is found by its record's id alone and
 * a list of one link by the link itself: a key string for each link and list read was a tenth of what
 * the companies' read allocated at 100,000 contacts (issue 15).
 */
class LinkInterner {
  /** Links without labels by record id: [0] the others, [1] the primary ones. */
  private readonly plain = [new Map<string, Link>(), new Map<string, Link>()];
  private readonly labelled = new Map<string, Link>();
  private readonly serials = new Map<Link, number>();
  private readonly single = new Map<Link, readonly Link[]>();
  private readonly lists = new Map<string, readonly Link[]>();

  link(id: string, primary: number, labels: readonly string[]): Link {
    const byId = labels.length === 0 ? this.plain[primary] : undefined;
    const key = byId ? id : `${id} ${primary} ${labels.join(',')}`;
    const known = byId ? byId.get(key) : this.labelled.get(key);
    if (known) return known;
    const link: Link = primary === 1 ? { id, properties: NOT_READ, labels: labels as string[], primary: true } : { id, properties: NOT_READ, labels: labels as string[] };
    (byId ?? this.labelled).set(key, link);
    this.serials.set(link, this.serials.size);
    return link;
  }

  /**
   * The shared list of the links `before` (a list made here, from an earlier answer) followed by the
   * answer's links `start` up to `end`. A contact's one link (the commonest) makes no array to look up.
   */
  list(before: readonly Link[] | undefined, answer: AssociationAnswer, start: number, end: number): readonly Link[] {
    if (!before && end - start === 1) {
      const link = this.link(answer.to[start], answer.primary[start], answer.labels[start]);
      let list = this.single.get(link);
      if (!list) this.single.set(link, (list = Object.freeze([link])));
      return list;
    }
    const links = new Array<Link>((before?.length ?? 0) + end - start);
    let n = 0;
    if (before) for (const link of before) links[n++] = link;
    for (let k = start; k < end; k++) links[n++] = this.link(answer.to[k], answer.primary[k], answer.labels[k]);
    const key = links.map((l) => this.serials.get(l)).join(',');
    const known = this.lists.get(key);
    if (known) return known;
    const list = Object.freeze(links);
    this.lists.set(key, list);
    return list;
  }

  /** Every link made, each once. */
  all(): IterableIterator<Link> {
    return this.serials.keys();
  }
}

/** Each contact's links at its index (undefined: none); equal links are one shared object, equal lists one shared list. */
async function readLinks(api: Api, ids: ContactIdList, object: AssociatedObjectType, interner: LinkInterner): Promise<(readonly Link[] | undefined)[]> {
  const links = new Array<readonly Link[] | undefined>(ids.length);
  const what = `a batch of contact → ${object} associations`;
  // Each answer is read from its bytes into flat arrays (association-answer.ts) and merged at once: a
  // contact is in one batch of a round, and rounds go one after another, so its links keep the order
  // one read after another gave them. A batch's id strings are made for its request alone.
  let nextRound: Cursor[] = [];
  const ask = async (batch: Cursor[] | { from: number; to: number }, signal: AbortSignal) => {
    // Which contacts this batch asked about: a range of indexes, or the few asked again with a cursor.
    // An answer's contact is found by its index in `ids` (no map of the batch's id strings).
    let wasAsked: (index: number) => boolean;
    let body: unknown;
    if (Array.isArray(batch)) {
      const again = new Set<number>();
      const inputs: { id: string; after: string }[] = [];
      for (const c of batch) {
        again.add(c.index);
        inputs.push({ id: ids.at(c.index), after: c.after });
      }
      wasAsked = (index) => again.has(index);
      body = { inputs };
    } else {
      const asked = new Array<string>(batch.to - batch.from);
      for (let i = batch.from; i < batch.to; i++) asked[i - batch.from] = ids.at(i);
      wasAsked = (index) => index >= batch.from && index < batch.to;
      // The body written as JSON at once (json-text.ts), not a thousand objects for the SDK to serialise.
      body = idInputs(asked) ?? { inputs: asked.map((id) => ({ id })) };
    }
    const answer = await api.callDecoded('POST', api.paths.associationsBatchRead('contacts', object), body, (bytes) => readAssociationAnswer(bytes, api.host, what), { readOnly: true, bulk: true, signal });
    for (let r = 0; r < answer.from.length; r++) {
      const index = ids.indexOf(answer.from[r]);
      if (index < 0 || !wasAsked(index)) continue;
      const [start, end] = [answer.start[r], answer.start[r + 1]];
      if (end > start) links[index] = interner.list(links[index], answer, start, end);
      const after = answer.after.get(r);
      if (after !== undefined) nextRound.push({ index, after });
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

async function readRecords(api: Api, object: AssociatedObjectType, ids: string[], properties: string[]): Promise<Map<string, CrmRecordData>> {
  // Each answer is cut to the id and the asked properties as it arrives: the answers are all held until
  // the last one comes, and HubSpot's records carry more (times, `archived`, properties no one asked for).
  const answers = await readInParallel(chunks(ids, READ_BATCH), async (batch, signal) => {
    const answer = await api.call('POST', api.paths.objectsBatchRead(object), { inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: [] }, { readOnly: true, bulk: true, signal });
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
