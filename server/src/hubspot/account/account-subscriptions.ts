// Email subscription statuses of many contacts at once (Communication Preferences v4): `POST
// …/statuses/batch/read?channel=EMAIL` gives each subscriber's status per email subscription,
// `…/statuses/batch/unsubscribe-all/read?channel=EMAIL` the portal-wide one ("unsubscribed from all
// email"). Subscribers are email addresses. Only EMAIL is published for these reads (the spec's
// `channel` enum), so SMS and WhatsApp statuses cannot be read this way.
//
// An address HubSpot answers with an error (207, `errors`) or leaves out is simply absent from the
// result: the caller then knows nothing of that contact, which is never the same as "not opted".

import { arrayOf, chunks, type Api } from './api';
import { toAccountError } from './errors';
import { readInParallel } from './parallel-reads';
import { withQuery } from './paths';
import type { EmailSubscriptionStatus, Json } from './types';

/**
 * Addresses per request. HubSpot's reference gives no maximum for these batch reads; 100 is the
 * limit of its other batch reads, so no request is refused for its size if the same limit applies.
 */
export const STATUS_BATCH = 100;

const OPT_STATE: Record<string, EmailSubscriptionStatus['status']> = { SUBSCRIBED: 'OPT_IN', UNSUBSCRIBED: 'OPT_OUT', NOT_SPECIFIED: 'NOT_OPTED' };

/** Lower-cased email → its statuses (per subscription id, and the portal-wide one without an id). */
export async function emailSubscriptionStatuses(api: Api, emails: string[], onBatch?: (done: number) => void): Promise<Map<string, EmailSubscriptionStatus[]>> {
  let done = 0;
  // A few batches at a time (parallel-reads.ts); each batch's two reads one after the other.
  const answers = await readInParallel(chunks(emails, STATUS_BATCH), async (batch, signal) => {
    const found = await statusesOf(api, batch, signal);
    onBatch?.((done += batch.length));
    return found;
  }, { concurrency: api.concurrency });
  const found = new Map<string, EmailSubscriptionStatus[]>();
  for (const batch of answers) for (const [subscriber, statuses] of batch) found.set(subscriber, statuses);
  return found;
}

/** One batch of addresses: the subscribers both reads answered for, with all their statuses. */
async function statusesOf(api: Api, batch: string[], signal: AbortSignal): Promise<[string, EmailSubscriptionStatus[]][]> {
  const body = { inputs: batch };
  const individual = await api.call('POST', withQuery(api.paths.subscriptionStatusesBatchRead(), { channel: 'EMAIL' }), body, { readOnly: true, signal });
  const wide = await api.call('POST', withQuery(api.paths.unsubscribeAllStatusesBatchRead(), { channel: 'EMAIL' }), body, { readOnly: true, signal });
  const answered = new Map<string, EmailSubscriptionStatus[]>();
  for (const r of results(individual, 'statuses', api.host)) answered.set(r.subscriber, r.items.map((s) => individualStatus(s, api.host)));
  // Both reads must answer for a subscriber: half of its statuses would read the other half as "not opted".
  const found: [string, EmailSubscriptionStatus[]][] = [];
  for (const r of results(wide, 'wideStatuses', api.host)) {
    const statuses = answered.get(r.subscriber);
    if (statuses) found.push([r.subscriber, [...statuses, ...r.items.flatMap((s) => portalWideStatus(s, api.host))]]);
  }
  return found;
}

function results(answer: Json, field: string, host: string): { subscriber: string; items: Json[] }[] {
  return arrayOf(answer, 'results', 'the subscription statuses', host).map((value) => {
    const r = value as Json | null;
    const items = r?.[field];
    if (!r || typeof r.subscriberIdString !== 'string' || !Array.isArray(items)) throw malformed(host, `a result without subscriberIdString and ${field}`);
    return { subscriber: r.subscriberIdString.toLowerCase(), items: items as Json[] };
  });
}

function individualStatus(s: Json, host: string): EmailSubscriptionStatus {
  const id = typeof s?.subscriptionId === 'number' || typeof s?.subscriptionId === 'string' ? String(s.subscriptionId) : undefined;
  return { subscriptionId: id ?? unreadable(host, 'a status without a subscriptionId'), status: optState(s, host) };
}

/** The portal-wide status; a business unit's own status is not what `all email` asks about. */
function portalWideStatus(s: Json, host: string): EmailSubscriptionStatus[] {
  if (s?.wideStatusType === 'BUSINESS_UNIT_WIDE') return [];
  if (s?.wideStatusType !== 'PORTAL_WIDE') throw malformed(host, `a wide status of type ${JSON.stringify(s?.wideStatusType)}`);
  return [{ status: optState(s, host) }];
}

function optState(s: Json, host: string): EmailSubscriptionStatus['status'] {
  const state = typeof s?.status === 'string' ? OPT_STATE[s.status] : undefined;
  return state ?? unreadable(host, `a status ${JSON.stringify(s?.status)} (not SUBSCRIBED, UNSUBSCRIBED or NOT_SPECIFIED)`);
}

function unreadable(host: string, what: string): never {
  throw malformed(host, what);
}

function malformed(host: string, what: string) {
  return toAccountError(new Error(`HubSpot at ${host} answered the subscription statuses with ${what}`), host);
}
