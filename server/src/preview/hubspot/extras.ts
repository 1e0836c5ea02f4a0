// What the live source loads besides contact properties: members of the HubSpot lists used as
// `in list #id` (memberships API); each contact's associated companies, deals and tickets with the
// properties the lists read and the labels of each association (v4 associations + batch read); the
// submissions of the forms `submitted form` names (Form Integrations v1), matched to contacts by the
// email they carry; email subscription statuses; marketing email events; the page views of contacts
// that have some (Events API, page-views.ts); then the columnar store of it all. Memberships and
// subscription statuses are read again on every run; on a refresh, associations, submissions, email
// events and page views are read only where they changed and the rest comes from the cache.
//
// Data HubSpot refuses (a 403 for a scope the token lacks, a form it does not have) is recorded with
// the reason in `unloaded`: its conditions stay "not in this data", never a silent "no".

import type { AssociatedObjectType, HubSpotAccount } from '../../hubspot/account/types';
import type { ContactIdList, ListsById } from '../../hubspot/account/contact-lists';
import type { PropertyDef, Schema } from '../../language/schema-types';
import type { ColumnStore } from '../columns';
import { StoreBuilder, type ExtrasCounts } from '../columns-build';
import { patchStore } from '../columns-patch';
import type { AssociatedRecord, CompanyRecord, ContactRecord, EmailEventRecord, FormSubmission, PageViewRecord, SubscriptionRecord } from '../types';
import { addContacts, type ContactSet } from './contact-set';
import { propertiesToRead, readAssociations } from './associations';
import type { CachedExtras } from './extras-cache';
import type { Progress } from './fetch-contacts';
import { readsForms, type DataNeeds } from './needs';
import { matchForms, readSubmissions } from './submissions';
import { readSubscriptionStatuses } from './subscriptions';
import { readEmailEvents, type ReadEmailEvents } from './email-events';
import { readPageViews, type ReadPageViews } from './page-views';
import { handled, type EarlyReads } from './early-reads';
import { listLabels, readMembershipPages, type MembershipPages } from './memberships';

export interface Extras {
  /** Contact id → ids of the `#id` lists it is a member of (every referenced list that exists). */
  memberships: Map<string, string[]> | undefined;
  companies: ListsById<CompanyRecord> | undefined;
  deals: ListsById<AssociatedRecord> | undefined;
  tickets: ListsById<AssociatedRecord> | undefined;
  /** Contact id → submissions of the forms read (matched by email); undefined when no list needs them. */
  submissions: ListsById<FormSubmission> | undefined;
  /** Contact id → email subscription statuses, for the contacts HubSpot answered for; undefined when not read. */
  subscriptions?: Map<string, SubscriptionRecord[]>;
  /** Contact id → marketing email events of the emails and types the lists ask about; undefined when not read. */
  emailEvents?: Map<string, EmailEventRecord[]>;
  /** Events read whose recipient no contact holds (not counted for anyone). */
  emailEventsUnmatched?: ReadEmailEvents['unmatched'];
  /** Contact id → its page views (Events API); no entry: HubSpot gave none for it; undefined when not read. */
  pageViews?: Map<string, PageViewRecord[]>;
  /** Contacts whose page views HubSpot answered with an error (they stay unknown), and how many were asked. */
  pageViewsRead?: Pick<ReadPageViews, 'asked' | 'failed'>;
  /** The forms whose submissions were read: every form, or these ids. */
  formsRead: 'all' | ReadonlySet<string> | undefined;
  /** What was read, for the cache the next refresh starts from (extras-cache.ts). */
  toCache: Pick<CachedExtras, 'associations' | 'submissions' | 'emailEvents' | 'pageViews'>;
  /** Referenced `#id` lists that could not be read, with why: their conditions stay "not previewable". */
  missingLists: Map<string, string>;
  /** What could not be read, with why: `companies`, `deals`, `tickets`, `forms` (all of them), `form:<id>`, `subscriptions`, `subscriptions:<CHANNEL>`, `emailEvents`, `emailEvents:<TYPE>`, `emailEvents:<appId>:<emailId>` or `pageViews`. */
  unloaded: Map<string, string>;
}

interface ExtraOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** The portal's lists (schema pull's catalogue): progress names the lists it reads. */
  schema?: Pick<Schema, 'lists' | 'marketingEmails'>;
  /** The wall clock, for when email events were read (default Date.now). */
  clock?: () => number;
}

/** A refresh of the cached extras: what changed since `since` is read, the rest comes from `cached`. */
export interface ExtrasRefresh {
  since: number;
  /** Contacts modified since the last fetch. */
  modifiedIds: string[];
  cached: CachedExtras;
  searchCeiling?: number;
}

export async function readExtras(account: HubSpotAccount, contacts: ContactSet, contactIds: ContactIdList, needs: DataNeeds, options: ExtraOptions, refresh?: ExtrasRefresh, early?: EarlyReads): Promise<Extras> {
  const missingLists = new Map<string, string>();
  const unloaded = new Map<string, string>();
  const toCache: Extras['toCache'] = { associations: {}, submissions: {} };
  // The forms read while HubSpot prepared the export are matched to the contacts as soon as they are in,
  // while the associations are read: at 100,000 contacts the matching was 80 ms of a full fetch's last
  // step, after its last answer. Their progress and what they could not read are still said in order.
  const formsMatched = early?.forms && readsForms(needs) ? handled(early.forms.then((pages) => matchForms(contacts, needs, pages))) : undefined;
  const memberships = needs.listIds.length > 0 ? await readMemberships(account, needs.listIds, missingLists, options, early?.memberships) : undefined;
  const read = async (object: AssociatedObjectType, wanted: boolean | undefined, properties: string[] | undefined) => {
    if (!wanted) return undefined;
    const found = await readAssociated(account, contactIds, object, properties ?? [], unloaded, options, refresh);
    // The map itself, not a copy: a contact without records is left out when it is written (extras-cache.ts).
    if (found) toCache.associations[object] = { properties: found.properties, byContact: found.byContact };
    return found?.byContact;
  };
  const companies = await read('companies', needs.companies, needs.companyProperties);
  const deals = await read('deals', needs.deals, needs.dealProperties);
  const tickets = await read('tickets', needs.tickets, needs.ticketProperties);
  const cachedForms = refresh?.cached.submissions;
  const forms = readsForms(needs) ? await readSubmissions(account, contacts, needs, unloaded, options, cachedForms, formsMatched) : undefined;
  if (forms) toCache.submissions = forms.asRead;
  const subscriptions = await readSubscriptionStatuses(account, contacts, needs, unloaded, options);
  const events = await readEmailEvents(account, contacts, needs, unloaded, options, refresh?.cached.emailEvents);
  if (events) toCache.emailEvents = events.asRead;
  const emailEvents = events && { emailEvents: events.byContact, emailEventsUnmatched: events.unmatched };
  const views = await readPageViews(account, contacts, needs.pageViews, unloaded, options, refresh?.cached.pageViews);
  if (views) toCache.pageViews = views.asRead;
  const pageViews = views && { pageViews: views.byContact, pageViewsRead: { asked: views.asked, failed: views.failed } };
  return { memberships, companies, deals, tickets, submissions: forms?.byContact, formsRead: forms?.read, subscriptions, ...emailEvents, ...pageViews, missingLists, unloaded, toCache };
}

async function readAssociated(account: HubSpotAccount, contactIds: ContactIdList, object: AssociatedObjectType, properties: string[], unloaded: Map<string, string>, options: ExtraOptions, refresh: ExtrasRefresh | undefined): Promise<{ byContact: ListsById<CompanyRecord>; properties: string[] } | undefined> {
  const cached = refresh?.cached.associations[object];
  const incremental = refresh ? { since: refresh.since, modifiedIds: refresh.modifiedIds, cached, searchCeiling: refresh.searchCeiling } : undefined;
  try {
    const byContact = await readAssociations(account, contactIds, object, properties, incremental, options);
    return { byContact, properties: propertiesToRead(object, properties) };
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    unloaded.set(object, `HubSpot refused the associated ${object}: ${(error as Error).message}`);
    return undefined;
  }
}

async function readMemberships(account: HubSpotAccount, listIds: string[], missing: Map<string, string>, options: ExtraOptions, early?: Promise<MembershipPages>): Promise<Map<string, string[]>> {
  const byContact = new Map<string, string[]>();
  const members = await (early ?? readMembershipPages(account, listIds, options));
  if (early) options.onProgress?.({ phase: 'memberships', done: listIds.length, total: listIds.length, lists: listLabels(listIds, options.schema?.lists) });
  for (const [i, found] of members.entries()) {
    const listId = listIds[i];
    if (found === 'no such list') {
      missing.set(listId, `HubSpot has no list #${listId}`);
      continue;
    }
    for (const m of found) {
      const lists = byContact.get(m.recordId);
      if (lists) lists.push(listId);
      else byContact.set(m.recordId, [listId]);
    }
  }
  return byContact;
}


/**
 * The store: every contact carries memberships / associated records / submissions (maybe none) when
 * those were loaded. `relieveHeap` is called every RELIEF_CONTACTS contacts while their extras are added
 * (heap-relief.ts).
 */
export function buildLiveStore(contacts: ContactSet, schema: Schema, needs: DataNeeds, extras: Omit<Extras, 'toCache'>, relieveHeap?: () => void): ColumnStore {
  const defsOf = (object: 'contacts' | AssociatedObjectType, names: string[] | undefined) =>
    (names ?? []).map((p) => schema.objects[object]?.get(p)).filter((d): d is PropertyDef => d !== undefined);
  const defs = defsOf('contacts', needs.contactProperties);
  const companyDefs = defsOf('companies', needs.companyProperties);
  const otherDefs = { deals: defsOf('deals', needs.dealProperties), tickets: defsOf('tickets', needs.ticketProperties) };
  const counts = extrasCounts(extras);
  const rowExtras = relievedEvery(RELIEF_CONTACTS, (id: string) => extrasOf(extras, id), relieveHeap);
  if (contacts.kind === 'merge') {
    // An incremental refresh patches the cached store (which was read for this run alone) in place.
    const loaded = [extras.memberships, extras.companies, extras.deals, extras.tickets, extras.submissions, extras.subscriptions, extras.emailEvents, extras.pageViews].some((e) => e !== undefined);
    const patched = patchStore(contacts.base, contacts.modified, { defs, companyDefs, otherDefs, extrasOf: loaded ? rowExtras : undefined, extrasCounts: counts });
    if (patched) return patched;
  }
  const builder = new StoreBuilder(defs, companyDefs, otherDefs);
  builder.reserveExtras(counts);
  addContacts(contacts, builder, rowExtras);
  return builder.finish();
}

/**
 * Contacts between two calls of `relieveHeap` while a store is built: each contact's extras are objects
 * made for it and dropped, and the build is synchronous, so the relief's timer cannot run; at a million
 * contacts they were 21 MB of garbage at the end of the build, a full fetch's highest step.
 */
export const RELIEF_CONTACTS = 1 << 16;

/** `extras` as it is, and `relieve` called after every `every` calls of it. */
export function relievedEvery<A, R>(every: number, extras: (arg: A) => R, relieve: (() => void) | undefined): (arg: A) => R {
  if (!relieve) return extras;
  let calls = 0;
  return (arg) => {
    if (++calls % every === 0) relieve();
    return extras(arg);
  };
}

/** The links of each associated object and the submissions read: what the store will hold when its contacts are those read (a hint: ExtrasBuilder.reserve). */
function extrasCounts(extras: Omit<Extras, 'toCache'>): ExtrasCounts {
  const links: NonNullable<ExtrasCounts['links']> = {};
  for (const object of ['companies', 'deals', 'tickets'] as const) {
    const lists = extras[object];
    if (lists) links[object] = valueCount(lists);
  }
  return { links, ...(extras.submissions ? { submissions: valueCount(extras.submissions) } : {}) };
}

/** How many values the lists hold in all: said by the lists when they make them on asking (SubmissionsByRow), else counted. */
function valueCount(lists: ListsById<unknown>): number {
  if (lists.valueCount !== undefined) return lists.valueCount;
  let count = 0;
  for (const list of lists.values()) count += list.length;
  return count;
}

function extrasOf(extras: Omit<Extras, 'toCache'>, id: string): LiveExtras {
  // Assigned field by field, not spread: this runs for every contact of a fetch, and the spreads made
  // six short-lived objects per contact (tens of MB at the fetch's peak at 100k contacts).
  const out: LiveExtras = {};
  if (extras.memberships) out.listMemberships = extras.memberships.get(id) ?? [];
  if (extras.companies) out.companies = extras.companies.get(id) ?? [];
  if (extras.deals) out.deals = extras.deals.get(id) ?? [];
  if (extras.tickets) out.tickets = extras.tickets.get(id) ?? [];
  if (extras.submissions) out.formSubmissions = extras.submissions.get(id) ?? [];
  // No entry: HubSpot gave no statuses for this contact (no email address), so nothing is known.
  if (extras.subscriptions?.has(id)) out.subscriptions = extras.subscriptions.get(id);
  // No entry: the contact has no email address, so which events are its is not known.
  if (extras.emailEvents?.has(id)) out.emailEvents = extras.emailEvents.get(id);
  // No entry: HubSpot answered this contact's page views with an error, so they are not known.
  if (extras.pageViews?.has(id)) out.pageViews = extras.pageViews.get(id);
  return out;
}

export type LiveExtras = Pick<ContactRecord, 'listMemberships' | 'companies' | 'deals' | 'tickets' | 'formSubmissions' | 'subscriptions' | 'emailEvents' | 'pageViews'>;
