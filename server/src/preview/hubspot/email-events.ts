// Marketing email events for `marketing email #… of app #… opened` and the like: for each email and
// event type the lists ask about (email-event-needs.ts), HubSpot's Email Events API is asked for the
// events of that email campaign of that app (`appId` and `campaignId`, the pair its guide looks events up
// by), of that type, from the start of the widest window on. Each event is tied to the contacts whose
// email equals its `recipient`, compared without case.
//
// **Assumed** (docs/preview.md): an EMAIL_EVENT filter's `emailId` (level EMAIL_API_CAMPAIGN, the level
// the compiler writes) is the Email Events API's `emailCampaignId`, and its `appId` the events' `appId`.
// Where the pulled marketing emails show the id to be an email's own id and none of its campaign ids,
// its conditions stay "not in this data" with that reason instead of reading no events (a "no" for all).
// A contact without an email address has no events here: its conditions stay unknown, never "no".
// Events whose recipient no contact holds now are counted and reported, not silently dropped.
//
// REPLY and UNSUBSCRIBE have no event in the API (its STATUSCHANGE is any change of the recipient's
// subscriptions, in either direction): conditions reading them stay "not in this data" with that reason.
//
// On a refresh, an email's events of a type already cached from as early a window are read only from
// the previous read's start less a margin; the older ones come from the cache.

import type { EmailEventData, HubSpotAccount } from '../../hubspot/account/types';
import { readInParallel } from '../../hubspot/account/parallel-reads';
import type { MarketingEmailRef } from '../../language/schema-types';
import type { EmailEventRecord, EmailEventType } from '../types';
import { throwIfAborted, untilAborted } from './abort';
import type { ContactSet } from './contact-set';
import { eventNeedKey, type EmailEventNeed } from './email-event-needs';
import type { Progress } from './fetch-contacts';
import type { DataNeeds } from './needs';
import { contactsByEmail } from './submissions';

/** Our event types → the Email Events API's (its event types are case-sensitive). */
export const API_EVENT_TYPE: Readonly<Partial<Record<EmailEventType, string>>> = { SENT: 'SENT', DELIVERED: 'DELIVERED', OPEN: 'OPEN', CLICK: 'CLICK', BOUNCE: 'BOUNCE', SPAMREPORT: 'SPAMREPORT' };

/** Why an event type is never loaded (the key `emailEvents:<TYPE>` of `unloaded`). */
export const NOT_IN_API: Readonly<Partial<Record<EmailEventType, string>>> = {
  REPLY: "HubSpot's Email Events API has no reply event",
  UNSUBSCRIBE: "HubSpot's Email Events API has no unsubscribe event of an email (its STATUSCHANGE is any change of the recipient's subscriptions)",
};

/** Events this long before the previous read started are read again: clock skew, events logged late. */
export const EVENTS_OVERLAP_MS = 10 * 60_000;

/** One read of an email's events of one type, for the cache. */
export interface CachedEventRead {
  /** The window the read began at (epoch ms); absent: all time. */
  since?: number;
  /** When the read started (the wall clock): the next refresh reads from here less EVENTS_OVERLAP_MS. */
  readAt: number;
  events: Pick<EmailEventData, 'id' | 'created' | 'recipient' | 'url'>[];
}

/** `appId:emailId:TYPE` → its last read. */
export type CachedEmailEvents = Record<string, CachedEventRead>;

export interface ReadEmailEvents {
  /** Contact id → its events; every contact with an email address has an entry (maybe empty). */
  byContact: Map<string, EmailEventRecord[]>;
  asRead: CachedEmailEvents;
  /** Events whose recipient no contact holds: how many, of how many addresses, the first few of them. */
  unmatched: { events: number; recipients: number; examples: string[] };
}

interface Options {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  clock?: () => number;
  /** The pulled marketing emails (schema pull), to tell an email's own id from its email campaign ids. */
  schema?: { marketingEmails?: MarketingEmailRef[] };
}

const NO_EVENTS: readonly EmailEventRecord[] = Object.freeze([]);
const EXAMPLES = 3;

/**
 * The events `needs` asks for, by contact; undefined when no list asks or HubSpot refused them (403,
 * recorded in `unloaded` as `emailEvents`). Types the API lacks are recorded as `emailEvents:<TYPE>`, an
 * email HubSpot answers with a 400 or 404 as `emailEvents:<appId>:<emailId>` (the other emails still load).
 */
export async function readEmailEvents(account: HubSpotAccount, contacts: ContactSet, needs: DataNeeds, unloaded: Map<string, string>, options: Options, cached?: CachedEmailEvents): Promise<ReadEmailEvents | undefined> {
  const wanted = needs.emailEvents ?? [];
  for (const n of wanted) if (NOT_IN_API[n.type]) unloaded.set(`emailEvents:${n.type}`, NOT_IN_API[n.type]!);
  for (const n of wanted) {
    const own = ownIdOf(n.emailId, options.schema?.marketingEmails);
    if (own) unloaded.set(`emailEvents:${n.appId}:${n.emailId}`, own);
  }
  const loadable = wanted.filter((n) => API_EVENT_TYPE[n.type] !== undefined && !unloaded.has(`emailEvents:${n.appId}:${n.emailId}`));
  if (loadable.length === 0) return undefined;
  const emails = [...new Set(loadable.map((n) => `${n.appId}:${n.emailId}`))];
  const asRead: CachedEmailEvents = {};
  try {
    const progress = (done: number) => options.onProgress?.({ phase: 'emailEvents', done, total: emails.length });
    progress(0);
    // A few emails at a time; each email's event types one after another (a refused email stops its own).
    const perEmail = await readInParallel(emails, (email) => readEmail(account, loadable.filter((n) => `${n.appId}:${n.emailId}` === email), options, cached), { concurrency: account.readConcurrency, onDone: progress });
    for (const [i, { reads, refused }] of perEmail.entries()) {
      for (const [key, read] of reads) asRead[key] = read;
      if (refused !== undefined) unloaded.set(`emailEvents:${emails[i]}`, refused);
    }
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    unloaded.set('emailEvents', `HubSpot refused the marketing email events: ${(error as Error).message}`);
    return undefined;
  }
  return { asRead, ...tieToContacts(contacts, loadable, asRead) };
}

/**
 * Why `#id` is not read as an email campaign id, when the pulled marketing emails say it is an email's
 * own id and none of its campaign ids: events read by it would be none, a "no" for every contact.
 */
function ownIdOf(emailId: string, emails: MarketingEmailRef[] | undefined): string | undefined {
  const email = emails?.find((e) => e.id === emailId);
  // An id that is some email's campaign id too is read as that campaign's.
  if (!email || emails!.some((e) => e.emailCampaignIds.includes(emailId))) return undefined;
  const campaigns = email.emailCampaignIds.length > 0 ? `its email campaign ${email.emailCampaignIds.length === 1 ? 'id is' : 'ids are'} ${email.emailCampaignIds.map((c) => `#${c}`).join(', ')}` : 'it has no email campaign id';
  return `#${emailId} is the id of marketing email "${email.name}", not an email campaign id (${campaigns}), and HubSpot's Email Events API gives events by email campaign id`;
}

/** One email's events of each type asked, until HubSpot refuses that email (then the rest of its types are not asked). */
async function readEmail(account: HubSpotAccount, needs: EmailEventNeed[], options: Options, cached: CachedEmailEvents | undefined): Promise<{ reads: [string, CachedEventRead][]; refused?: string }> {
  const reads: [string, CachedEventRead][] = [];
  for (const need of needs) {
    throwIfAborted(options.signal);
    const read = await readOne(account, need, options, cached?.[eventNeedKey(need)]);
    if ('refused' in read) return { reads, refused: read.refused };
    reads.push([eventNeedKey(need), read]);
  }
  return { reads };
}

/** One email's events of one type: all of its window, or with a covering cache only those since the last read. */
async function readOne(account: HubSpotAccount, need: EmailEventNeed, options: Options, cached: CachedEventRead | undefined): Promise<CachedEventRead | { refused: string }> {
  const readAt = (options.clock ?? Date.now)();
  const covering = cached !== undefined && (cached.since === undefined || (need.since !== undefined && cached.since <= need.since));
  const from = covering ? cached.readAt - EVENTS_OVERLAP_MS : need.since;
  const query = { appId: need.appId, campaignId: need.emailId, eventType: API_EVENT_TYPE[need.type]!, ...(from !== undefined ? { startTimestamp: from } : {}) };
  try {
    const found = await untilAborted(account.getEmailEvents(query), options.signal);
    const events = found.map((e) => ({ id: e.id, created: e.created, recipient: e.recipient, ...(e.url ? { url: e.url } : {}) }));
    const kept = covering ? cached.events.filter((e) => e.created < from!) : [];
    const since = covering ? cached.since : need.since;
    return { ...(since !== undefined ? { since } : {}), readAt, events: [...events, ...kept] };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 404) return { refused: `HubSpot refused the events of email campaign ${need.emailId} of app ${need.appId}: ${(error as Error).message}` };
    throw error;
  }
}

function tieToContacts(contacts: ContactSet, needs: EmailEventNeed[], asRead: CachedEmailEvents): Omit<ReadEmailEvents, 'asRead'> {
  const byEmail = contactsByEmail(contacts);
  const byContact = new Map<string, EmailEventRecord[]>();
  for (const ids of byEmail.values()) for (const id of ids) byContact.set(id, NO_EVENTS as EmailEventRecord[]);
  const strangers = new Map<string, number>();
  for (const need of needs) {
    for (const e of asRead[eventNeedKey(need)]?.events ?? []) {
      const recipient = e.recipient.toLowerCase();
      const ids = byEmail.get(recipient);
      if (!ids) {
        strangers.set(recipient, (strangers.get(recipient) ?? 0) + 1);
        continue;
      }
      const record: EmailEventRecord = { appId: need.appId, emailId: need.emailId, type: need.type, timestamp: e.created, ...(e.url ? { url: e.url } : {}) };
      for (const id of ids) {
        const list = byContact.get(id)!;
        if (list === NO_EVENTS) byContact.set(id, [record]);
        else list.push(record);
      }
    }
  }
  const events = [...strangers.values()].reduce((a, b) => a + b, 0);
  return { byContact, unmatched: { events, recipients: strangers.size, examples: [...strangers.keys()].slice(0, EXAMPLES) } };
}

/** "12 marketing email events of 3 recipients who are no contact here were not counted (a@x.com, …)". */
export function unmatchedEventsNote(u: ReadEmailEvents['unmatched']): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const more = u.recipients > u.examples.length ? `, and ${n(u.recipients - u.examples.length)} more` : '';
  const events = `${n(u.events)} marketing email event${u.events === 1 ? '' : 's'}`;
  const whose = `${n(u.recipients)} recipient${u.recipients === 1 ? '' : 's'}`;
  return `${events} of ${whose} whose address no contact holds now ${u.events === 1 ? 'was' : 'were'} not counted for anyone (${u.examples.join(', ')}${more})`;
}
